package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sqzjs/sqzjs/compat-tests/casefile"
	"github.com/sqzjs/sqzjs/compat-tests/schemadump"
	"github.com/sqzjs/sqzjs/compat-tests/schemadump/freshdb"
)

const defaultCasesDir = "compat-tests/cases"

type config struct {
	dialects []string
	nodeDir  string // absolute
	node     string
	jobs     int
	timeout  time.Duration
	verbose  bool
	stdout   io.Writer
	stderr   io.Writer
}

// job is one case × dialect run.
type job struct {
	caseIndex int
	dialect   string
}

// outcome is what a job produced: a recording, or why there is none.
type outcome struct {
	rec    *casefile.Recording
	err    error
	stderr string
}

type loadedCase struct {
	path string
	c    *casefile.Case
	orig []byte
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("record", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dialects := fl.String("dialects", strings.Join(casefile.Dialects, ","), "comma-separated dialects to record")
	nodeDir := fl.String("node-dir", "compat-tests/oracle", "the oracle's Node project (run-case.js, node_modules)")
	node := fl.String("node", "node", "the Node.js binary")
	jobs := fl.Int("j", 4, "runs at the same time")
	timeout := fl.Duration("timeout", 2*time.Minute, "limit for one case × dialect run")
	verbose := fl.Bool("v", false, "print what Node wrote to stderr for every run")
	fl.Usage = func() {
		fmt.Fprintf(stderr, "usage: go run ./compat-tests/cmd/record [flags] [case files or dirs…]\n"+
			"Records compat-tests cases with real Sequelize (default: every case under %s).\n", defaultCasesDir)
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	cfg := config{node: *node, jobs: max(*jobs, 1), timeout: *timeout, verbose: *verbose, stdout: stdout, stderr: stderr}
	for _, d := range strings.Split(*dialects, ",") {
		d = strings.TrimSpace(d)
		if d == "" {
			continue
		}
		if !slices.Contains(casefile.Dialects, d) {
			fmt.Fprintf(stderr, "record: unknown dialect %q (want %s)\n", d, strings.Join(casefile.Dialects, ", "))
			return 2
		}
		cfg.dialects = append(cfg.dialects, d)
	}
	abs, err := filepath.Abs(*nodeDir)
	if err != nil {
		fmt.Fprintf(stderr, "record: %v\n", err)
		return 2
	}
	cfg.nodeDir = abs
	versions, err := checkOracle(ctx, cfg.node, cfg.nodeDir)
	if err != nil {
		fmt.Fprintf(stderr, "record: %v\n", err)
		return 1
	}

	paths, err := findCases(fl.Args())
	if err != nil {
		fmt.Fprintf(stderr, "record: %v\n", err)
		return 1
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "record: no case files (*.txtar) found")
		return 1
	}
	var cases []loadedCase
	var jobList []job
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintf(stderr, "record: %v\n", err)
			return 1
		}
		c, err := casefile.Parse(data)
		if err != nil {
			var pe *casefile.ParseError
			if errors.As(err, &pe) {
				pe.File = p
			}
			fmt.Fprintf(stderr, "record: %v\n", err)
			return 1
		}
		cases = append(cases, loadedCase{path: p, c: c, orig: data})
		for _, d := range c.RunDialects() {
			if slices.Contains(cfg.dialects, d) {
				jobList = append(jobList, job{caseIndex: len(cases) - 1, dialect: d})
			}
		}
	}
	fmt.Fprintf(stdout, "recording %d case(s), %d run(s) with %s\n", len(cases), len(jobList), versions)

	results := runJobs(ctx, cfg, cases, jobList)
	failed := false
	for i, lc := range cases {
		line, ok := applyResults(cfg, lc, results[i])
		failed = failed || !ok
		fmt.Fprintln(stdout, line)
	}
	if failed {
		return 1
	}
	return 0
}

// checkOracle makes sure Node and the oracle's dependencies are installed and
// says which versions will be recorded.
func checkOracle(ctx context.Context, node, nodeDir string) (string, error) {
	install := fmt.Sprintf("run `npm ci --prefix %s`", relOrAbs(nodeDir))
	if _, err := os.Stat(filepath.Join(nodeDir, "run-case.js")); err != nil {
		return "", fmt.Errorf("%s has no run-case.js (is -node-dir right?)", nodeDir)
	}
	pkg, err := os.ReadFile(filepath.Join(nodeDir, "node_modules", "sequelize", "package.json"))
	if err != nil {
		return "", fmt.Errorf("the oracle's node_modules is missing (%v); %s", err, install)
	}
	var meta struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(pkg, &meta); err != nil {
		return "", fmt.Errorf("reading sequelize's package.json: %v; %s", err, install)
	}
	nodePath, err := exec.LookPath(node)
	if err != nil {
		return "", fmt.Errorf("node binary %q not found: %v; install Node 20, then %s", node, err, install)
	}
	out, err := exec.CommandContext(ctx, nodePath, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("%s --version: %v", nodePath, err)
	}
	return fmt.Sprintf("node %s, sequelize %s", strings.TrimSpace(string(out)), meta.Version), nil
}

func relOrAbs(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if r, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(r, "..") {
			return r
		}
	}
	return p
}

// findCases expands the arguments (files or directories, searched for
// *.txtar) into a sorted list of case files; no arguments means the default
// cases directory.
func findCases(args []string) ([]string, error) {
	if len(args) == 0 {
		args = []string{defaultCasesDir}
	}
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".txtar") {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// runJobs runs the jobs cfg.jobs at a time and returns the outcomes per case
// index and dialect.
func runJobs(ctx context.Context, cfg config, cases []loadedCase, jobs []job) []map[string]outcome {
	results := make([]map[string]outcome, len(cases))
	for i := range results {
		results[i] = map[string]outcome{}
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, cfg.jobs)
	for _, j := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			o := recordOne(ctx, cfg, cases[j.caseIndex].c, j.dialect)
			mu.Lock()
			results[j.caseIndex][j.dialect] = o
			mu.Unlock()
		}()
	}
	wg.Wait()
	return results
}

// recordOne runs one case on one dialect in a fresh database.
func recordOne(ctx context.Context, cfg config, c *casefile.Case, dialect string) (o outcome) {
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()
	tmp, err := os.MkdirTemp("", "sqzjs-record-")
	if err != nil {
		return outcome{err: err}
	}
	defer os.RemoveAll(tmp)
	input := filepath.Join(tmp, "input.js")
	if err := os.WriteFile(input, []byte(c.Input), 0o644); err != nil {
		return outcome{err: err}
	}
	dsn, _ := freshdb.ServerDSN(dialect, os.LookupEnv)
	db, err := freshdb.Create(ctx, dialect, dsn, tmp)
	if err != nil {
		return outcome{err: err}
	}
	defer func() {
		if cerr := db.Close(ctx); cerr != nil && o.err == nil {
			o = outcome{err: cerr, stderr: o.stderr}
		}
	}()
	conn, err := json.Marshal(db.Conn)
	if err != nil {
		return outcome{err: err}
	}
	args := []string{filepath.Join(cfg.nodeDir, "run-case.js"),
		"--dialect", dialect, "--connection", string(conn), "--input", input}
	if c.Options != nil && len(c.Options.Sequelize) > 0 {
		args = append(args, "--options", string(c.Options.Sequelize))
	}
	cmd := exec.CommandContext(ctx, cfg.node, args...)
	cmd.Dir = cfg.nodeDir
	cmd.Env = append(os.Environ(), "TZ=UTC", "NODE_PATH="+filepath.Join(cfg.nodeDir, "node_modules"))
	var stdoutBuf, stderrBuf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdoutBuf, &stderrBuf
	if err := cmd.Run(); err != nil {
		return outcome{err: fmt.Errorf("node run-case.js: %w", err), stderr: stderrBuf.String()}
	}
	schema, err := schemadump.Dump(ctx, db.DB, dialect, schemadump.Options{})
	if err != nil {
		return outcome{err: err, stderr: stderrBuf.String()}
	}
	rec, err := casefile.RecordingFromRun(stdoutBuf.Bytes(), schema)
	if err != nil {
		return outcome{err: fmt.Errorf("%w\nstdout:\n%s", err, stdoutBuf.String()), stderr: stderrBuf.String()}
	}
	return outcome{rec: rec, stderr: stderrBuf.String()}
}

// applyResults stores the new recordings in the case, writes the file if it
// changed, and returns the case's summary line and whether every run worked.
func applyResults(cfg config, lc loadedCase, results map[string]outcome) (string, bool) {
	ok := true
	var parts, details []string
	for _, d := range casefile.Dialects {
		o, ran := results[d]
		if !ran {
			continue
		}
		if cfg.verbose && o.stderr != "" {
			details = append(details, fmt.Sprintf("  %s stderr:\n%s", d, indent(o.stderr)))
		}
		if o.err != nil {
			ok = false
			parts = append(parts, d+" FAILED")
			details = append(details, fmt.Sprintf("  %s: %s", d, indent(o.err.Error())))
			if !cfg.verbose && o.stderr != "" {
				details = append(details, fmt.Sprintf("  %s stderr:\n%s", d, indent(o.stderr)))
			}
			continue
		}
		if old := lc.c.Recordings[d]; old != nil && sameUpToInterleaving(old, o.rec) {
			// Only the timing of unlogged statements among concurrent
			// queries changed: keep the order already recorded.
			o.rec = old
		}
		lc.c.Recordings[d] = o.rec
		status := "ok"
		if o.rec.Error != "" {
			var e struct {
				Name *string `json:"name"`
			}
			_ = json.Unmarshal([]byte(o.rec.Error), &e)
			status = "rejected"
			if e.Name != nil {
				status += " (" + *e.Name + ")"
			}
		}
		parts = append(parts, fmt.Sprintf("%s %s, %d statements", d, status, len(o.rec.Statements)))
	}
	for d := range lc.c.Recordings {
		if !slices.Contains(lc.c.RunDialects(), d) {
			details = append(details, fmt.Sprintf("  warning: has %s sections, but options.json does not list %s; delete them by hand", d, d))
		}
	}
	state := "unchanged"
	data, err := lc.c.Format()
	if err == nil {
		_, err = casefile.Parse(data)
	}
	switch {
	case err != nil:
		ok = false
		state = "NOT WRITTEN"
		details = append(details, "  "+err.Error())
	case !bytes.Equal(data, lc.orig):
		if werr := os.WriteFile(lc.path, data, 0o644); werr != nil {
			ok = false
			state = "NOT WRITTEN"
			details = append(details, "  "+werr.Error())
		} else {
			state = "updated"
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "no dialect selected")
	}
	line := fmt.Sprintf("%s: %s — %s", lc.path, strings.Join(parts, "; "), state)
	if len(details) > 0 {
		line += "\n" + strings.Join(details, "\n")
	}
	return line, ok
}

func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// sameUpToInterleaving reports whether two recordings of a case differ at
// most in where unlogged statements sit among the logged ones: the logged
// statements in order, the unlogged statements in order, the result, the
// error and the schema are the same. Unlogged statements are mostly
// connection set-up (SET time_zone, SET client_min_messages, the type-OID
// query); when a case runs queries at the same time (Promise.all, or
// Sequelize's own parallel lookups in dropAllTables and the enum checks of
// createTable), the pool opens connections and their set-up reaches the
// driver before or after another connection's query depending on timing.
// The golden test compares only the logged statements, so such a run is the
// same recording.
func sameUpToInterleaving(a, b *casefile.Recording) bool {
	if a.Result != b.Result || a.Error != b.Error || a.Schema != b.Schema || len(a.Statements) != len(b.Statements) {
		return false
	}
	split := func(stmts []casefile.Statement) (logged, unlogged []casefile.Statement) {
		for _, st := range stmts {
			if st.Unlogged {
				unlogged = append(unlogged, st)
			} else {
				logged = append(logged, st)
			}
		}
		return logged, unlogged
	}
	same := func(x, y []casefile.Statement) bool {
		return slices.EqualFunc(x, y, func(p, q casefile.Statement) bool {
			return p.SQL == q.SQL && bytes.Equal(p.Bind, q.Bind)
		})
	}
	al, au := split(a.Statements)
	bl, bu := split(b.Statements)
	return same(al, bl) && same(au, bu)
}
