package cli_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sqzjs/sqzjs/compat-tests/cli/scenario"
	"github.com/sqzjs/sqzjs/compat-tests/schemadump/freshdb"
	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/all"
	sqzcli "github.com/sqzjs/sqzjs/internal/cli"
)

// repoRoot is where scenario projects are relative to.
const repoRoot = "../.."

// sqzjsTeaser is sqzjs's first line, which replaces sequelize-cli's
// "Sequelize CLI [Node: …, CLI: …, ORM: …]" by design; both become
// "<teaser>".
var sqzjsTeaser = regexp.MustCompile(`^sqzjs \S+ \(sequelize-cli 6\.6\.5 compatible\)$`)

// dialectMissing reports why sqzjs cannot run dialect d yet ("" when it
// can): dialect/all.New says "… is not available in this build of sqzjs
// yet" for the dialects still to come.
func dialectMissing(d string) string {
	_, err := all.New(dialect.Config{Dialect: dialect.Name(d)})
	if err != nil && strings.Contains(err.Error(), "not available in this build") {
		return err.Error()
	}
	return ""
}

// runSqzjs runs one step with sqzjs's CLI in-process, as `sqzjs args…` in
// dir would.
func runSqzjs(ctx context.Context, args []string, dir string, env []string) (stdout, stderr []byte, code int, err error) {
	envMap := map[string]string{}
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok {
			envMap[k] = v
		}
	}
	now := time.Now
	if t, ok := scenario.ClockFrom(ctx); ok {
		now = func() time.Time { return t }
	}
	// Generous: under -race on a loaded two-core machine a 12-migration
	// step takes tens of seconds; the limit only catches hangs.
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	var out, errb bytes.Buffer
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("sqzjs panicked: %v\nstdout:\n%s\nstderr:\n%s", p, out.String(), errb.String())
		}
	}()
	code = sqzcli.Main(&sqzcli.State{
		Ctx:       ctx,
		FS:        os.DirFS("/"),
		Getwd:     func() (string, error) { return dir, nil },
		Env:       envMap,
		Args:      args,
		Stdout:    &out,
		Stderr:    &errb,
		WriteFile: func(name string, data []byte) error { return os.WriteFile(name, data, 0o666) },
		MkdirAll:  func(name string) error { return os.MkdirAll(name, 0o777) },
		Remove:    os.Remove,
		Now:       now,
	})
	if ctx.Err() != nil {
		return nil, nil, 0, fmt.Errorf("sqzjs %s: %w", strings.Join(args, " "), ctx.Err())
	}
	return out.Bytes(), errb.Bytes(), code, nil
}

func scenarioFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("scenarios/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no scenarios/*.txtar")
	}
	sort.Strings(files)
	return files
}

// concurrency is how many scenario × dialect plays run at once. They wait
// mostly on the database servers, so TestScenarios runs them itself rather
// than as parallel subtests (go test runs GOMAXPROCS of those at a time).
const concurrency = 8

// runFilter returns whether go test's -run pattern can select the subtest
// TestScenarios/<name>/<dialect>, so that plays -run leaves out are not
// played at all (their subtests are skipped by go test anyway). Patterns
// it cannot read select everything.
func runFilter() func(name, dialect string) bool {
	all := func(string, string) bool { return true }
	f := flag.Lookup("test.run")
	if f == nil || f.Value.String() == "" {
		return all
	}
	var levels []*regexp.Regexp
	depth, start := 0, 0
	pattern := f.Value.String()
	for i := 0; i <= len(pattern); i++ {
		if i < len(pattern) {
			switch pattern[i] {
			case '(', '[':
				depth++
			case ')', ']':
				depth--
			}
			if pattern[i] != '/' || depth > 0 {
				continue
			}
		}
		re, err := regexp.Compile(pattern[start:i])
		if err != nil {
			return all
		}
		levels = append(levels, re)
		start = i + 1
	}
	return func(name, dialect string) bool {
		for i, part := range []string{"TestScenarios", name, dialect} {
			if i < len(levels) && !levels[i].MatchString(part) {
				return false
			}
		}
		return true
	}
}

// play is one scenario on one dialect.
type play struct {
	file, name, dialect string
	s                   *scenario.Scenario
	skip                string // why it does not run ("" when it runs)
	db                  *freshdb.DB
	work                string
	done                chan struct{}
	have                []scenario.Step
	err                 error
	took                time.Duration
}

// TestScenarios plays every recorded scenario with sqzjs and compares each
// step's stdout, stderr, exit code, schema dump (and recorded files) with
// what real sequelize-cli did. A dialect sqzjs does not have yet is skipped;
// a server dialect is skipped when its DSN variable is unset, unless
// CI=true, where a missing server fails (as freshdb.ForTest does).
func TestScenarios(t *testing.T) {
	var plays []*play
	for _, file := range scenarioFiles(t) {
		s, err := scenario.ReadFile(file)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		for _, d := range s.RunDialects() {
			p := &play{file: file, name: strings.TrimSuffix(filepath.Base(file), ".txtar"), dialect: d, s: s,
				work: t.TempDir(), done: make(chan struct{})}
			plays = append(plays, p)
			if why := dialectMissing(d); why != "" {
				p.skip = fmt.Sprintf("sqzjs has no %s dialect yet (dialect/all: %s)", d, why)
			} else if _, set := freshdb.ServerDSN(d, os.LookupEnv); !set && os.Getenv("CI") != "true" {
				p.skip = fmt.Sprintf("%s: %s is not set; set it to a server DSN to compare sqzjs with sequelize-cli on %s", d, freshdb.EnvVar(d), d)
			}
		}
	}
	selected := runFilter()
	slots := make(chan struct{}, concurrency)
	for _, p := range plays {
		if p.skip != "" || p.s.Recordings[p.dialect] == nil || !selected(p.name, p.dialect) {
			close(p.done)
			continue
		}
		slots <- struct{}{}
		go func() {
			defer close(p.done)
			defer func() { <-slots }()
			start := time.Now()
			p.have, p.err = p.run()
			p.took = time.Since(start)
		}()
	}
	for _, p := range plays {
		t.Run(p.name+"/"+p.dialect, func(t *testing.T) {
			<-p.done
			if p.skip != "" {
				t.Skip(p.skip)
			}
			want := p.s.Recordings[p.dialect]
			if want == nil {
				t.Fatalf("%s has no %s recording; run `go run ./compat-tests/cmd/record-cli -dialects %s %s`", p.file, p.dialect, p.dialect, p.file)
			}
			t.Logf("played in %v", p.took.Round(time.Millisecond))
			if p.err != nil {
				t.Fatalf("%v", p.err)
			}
			for _, msg := range compareSteps(p.s, want, p.have) {
				t.Error(msg)
			}
		})
	}
}

// run plays p with sqzjs in a fresh database.
func (p *play) run() (steps []scenario.Step, err error) {
	ctx := context.Background()
	var db *freshdb.DB
	if p.dialect != "sqlite" {
		dsn, _ := freshdb.ServerDSN(p.dialect, os.LookupEnv)
		if db, err = freshdb.Create(ctx, p.dialect, dsn, p.work); err != nil {
			return nil, fmt.Errorf("fresh %s database: %w", p.dialect, err)
		}
		defer func() {
			if cerr := db.Close(ctx); cerr != nil && err == nil {
				err = fmt.Errorf("dropping the fresh %s database: %w", p.dialect, cerr)
			}
		}()
	}
	return scenario.Play(ctx, p.s, scenario.Options{
		RepoRoot: repoRoot,
		Dialect:  p.dialect,
		DB:       db,
		WorkDir:  p.work,
		Run:      runSqzjs,
		Teasers:  []*regexp.Regexp{sqzjsTeaser},
	})
}

// compareSteps returns one message per step that differs, each with the
// step's command line and a diff (-sequelize-cli +sqzjs) of every part that
// differs. A schema that differs exactly as in the step before is only
// mentioned, not diffed again.
func compareSteps(s *scenario.Scenario, want, have []scenario.Step) []string {
	var msgs []string
	lastSchemaDiff := ""
	for i, line := range s.Steps {
		w, h := want[i], have[i]
		args, _ := scenario.Args(line)
		var parts []string
		if w.Exit != h.Exit {
			parts = append(parts, fmt.Sprintf("exit code: sequelize-cli %d, sqzjs %d", w.Exit, h.Exit))
		}
		if hs := applyDeliberate(stdout, args, w.Stdout, h.Stdout); w.Stdout != hs {
			parts = append(parts, "stdout (-sequelize-cli +sqzjs):\n"+lineDiff(w.Stdout, hs))
		}
		if hs := applyDeliberate(stderr, args, w.Stderr, h.Stderr); w.Stderr != hs {
			parts = append(parts, "stderr (-sequelize-cli +sqzjs):\n"+lineDiff(w.Stderr, hs))
		}
		if w.Schema != h.Schema {
			d := lineDiff(w.Schema, h.Schema)
			if d == lastSchemaDiff {
				parts = append(parts, "schema: differs as after the step before")
			} else {
				parts = append(parts, "schema (-sequelize-cli +sqzjs):\n"+d)
			}
			lastSchemaDiff = d
		} else {
			lastSchemaDiff = ""
		}
		if w.Files != h.Files {
			parts = append(parts, "files (-sequelize-cli +sqzjs):\n"+lineDiff(w.Files, h.Files))
		}
		if len(parts) > 0 {
			msgs = append(msgs, fmt.Sprintf("step %d `%s`:\n%s", i+1, line, strings.Join(parts, "\n")))
		}
	}
	return msgs
}

// lineDiff returns a line diff of want and have (longest common
// subsequence): "-" lines only in want, "+" lines only in have, and up to
// two unchanged lines of context around each change ("  …" for skipped
// ones).
func lineDiff(want, have string) string {
	a := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	b := strings.Split(strings.TrimSuffix(have, "\n"), "\n")
	// lcs[i][j] is the LCS length of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type op struct {
		kind byte
		text string
	}
	var ops []op
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, op{' ', a[i]})
			i++
			j++
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, op{'-', a[i]})
			i++
		default:
			ops = append(ops, op{'+', b[j]})
			j++
		}
	}
	const context = 2
	keep := make([]bool, len(ops))
	for k, o := range ops {
		if o.kind != ' ' {
			for c := max(0, k-context); c <= min(len(ops)-1, k+context); c++ {
				keep[c] = true
			}
		}
	}
	var out []string
	skipped := false
	for k, o := range ops {
		if !keep[k] {
			skipped = true
			continue
		}
		if skipped {
			out = append(out, "  …")
			skipped = false
		}
		out = append(out, string(o.kind)+" "+o.text)
	}
	if skipped {
		out = append(out, "  …")
	}
	return strings.Join(out, "\n")
}
