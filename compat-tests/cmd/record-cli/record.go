package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sqzjs/sqzjs/compat-tests/cli/scenario"
	"github.com/sqzjs/sqzjs/compat-tests/schemadump/freshdb"
)

const defaultScenarioDir = "compat-tests/cli/scenarios"

type config struct {
	dialects []string
	nodeDir  string // absolute
	node     string
	root     string // absolute repository root
	jobs     int
	timeout  time.Duration
	verbose  bool
	stdout   io.Writer
}

type loaded struct {
	path   string
	s      *scenario.Scenario
	header string
	orig   []byte
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("record-cli", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dialects := fl.String("dialects", strings.Join(scenario.Dialects, ","), "comma-separated dialects to record")
	nodeDir := fl.String("node-dir", "compat-tests/oracle", "the oracle's Node project (with node_modules)")
	node := fl.String("node", "node", "the node binary")
	root := fl.String("root", ".", "the repository root (scenario projects are relative to it)")
	parallel := fl.Int("j", 4, "scenario × dialect runs at a time")
	timeout := fl.Duration("timeout", 2*time.Minute, "time limit of one step")
	verbose := fl.Bool("v", false, "print every step as it is recorded")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./compat-tests/cmd/record-cli [flags] [scenario files or dirs…]")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	cfg := config{node: *node, jobs: max(*parallel, 1), timeout: *timeout, verbose: *verbose, stdout: stdout}
	for _, d := range strings.Split(*dialects, ",") {
		d = strings.TrimSpace(d)
		if d == "" {
			continue
		}
		if !slices.Contains(scenario.Dialects, d) {
			fmt.Fprintf(stderr, "record-cli: unknown dialect %q (want %s)\n", d, strings.Join(scenario.Dialects, ", "))
			return 2
		}
		cfg.dialects = append(cfg.dialects, d)
	}
	var err error
	if cfg.nodeDir, err = filepath.Abs(*nodeDir); err != nil {
		fmt.Fprintf(stderr, "record-cli: %v\n", err)
		return 2
	}
	if cfg.root, err = filepath.Abs(*root); err != nil {
		fmt.Fprintf(stderr, "record-cli: %v\n", err)
		return 2
	}
	versions, err := checkOracle(ctx, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "record-cli: %v\n", err)
		return 1
	}
	paths, err := findScenarios(fl.Args())
	if err != nil {
		fmt.Fprintf(stderr, "record-cli: %v\n", err)
		return 1
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "record-cli: no scenario files (*.txtar) found")
		return 1
	}
	var all []*loaded
	var jobs []job
	for _, p := range paths {
		l, err := load(p, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "record-cli: %v\n", err)
			return 1
		}
		all = append(all, l)
		for _, d := range l.s.RunDialects() {
			if slices.Contains(cfg.dialects, d) {
				jobs = append(jobs, job{l: l, dialect: d})
			}
		}
	}
	fmt.Fprintf(stdout, "recording %d scenario(s), %d run(s) with %s\n", len(all), len(jobs), versions)

	// Each goroutine fills its own jobs[i]; at most cfg.jobs run at a time.
	var wg sync.WaitGroup
	slots := make(chan struct{}, cfg.jobs)
	for i := range jobs {
		j := &jobs[i]
		slots <- struct{}{}
		wg.Go(func() {
			j.steps, j.err = recordOne(ctx, cfg, j.l, j.dialect)
			<-slots
		})
	}
	wg.Wait()

	code := 0
	for _, l := range all {
		results := map[string]job{}
		for _, j := range jobs {
			if j.l == l {
				results[j.dialect] = j
			}
		}
		line, ok := apply(l, results)
		if !ok {
			code = 1
		}
		fmt.Fprintln(stdout, line)
	}
	return code
}

// job is one scenario played on one dialect, and its outcome.
type job struct {
	l       *loaded
	dialect string
	steps   []scenario.Step
	err     error
}

// load reads a scenario file. Recordings that no longer fit the steps are
// dropped with a note on stderr (they are about to be recorded again).
func load(path string, stderr io.Writer) (*loaded, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := scenario.Parse(data)
	if err != nil {
		var perr error
		if s, perr = scenario.ParseScenario(data); perr != nil {
			err = perr
			var pe *scenario.ParseError
			if errors.As(err, &pe) {
				pe.File = path
			}
			return nil, err
		}
		fmt.Fprintf(stderr, "record-cli: %s: old recordings dropped: %v\n", path, err)
	}
	return &loaded{path: path, s: s, header: scenario.Header(data), orig: data}, nil
}

// checkOracle makes sure Node and sequelize-cli are installed and says which
// versions are recorded.
func checkOracle(ctx context.Context, cfg config) (string, error) {
	install := fmt.Sprintf("run `npm ci --prefix %s`", cfg.nodeDir)
	var versions []string
	for _, pkg := range []string{"sequelize-cli", "sequelize"} {
		data, err := os.ReadFile(filepath.Join(cfg.nodeDir, "node_modules", pkg, "package.json"))
		if err != nil {
			return "", fmt.Errorf("the oracle's node_modules has no %s (%v); %s", pkg, err, install)
		}
		var meta struct {
			Version string `json:"version"`
		}
		if err := json.Unmarshal(data, &meta); err != nil {
			return "", fmt.Errorf("%s's package.json: %v", pkg, err)
		}
		versions = append(versions, pkg+" "+meta.Version)
	}
	if _, err := os.Stat(cliPath(cfg)); err != nil {
		return "", fmt.Errorf("%v; %s", err, install)
	}
	nodePath, err := exec.LookPath(cfg.node)
	if err != nil {
		return "", fmt.Errorf("node binary %q not found: %v", cfg.node, err)
	}
	out, err := exec.CommandContext(ctx, nodePath, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("%s --version: %v", nodePath, err)
	}
	if _, err := os.Stat(filepath.Join(cfg.root, "go.mod")); err != nil {
		return "", fmt.Errorf("-root %s is not the repository root (no go.mod)", cfg.root)
	}
	return "node " + strings.TrimSpace(string(out)) + ", " + strings.Join(versions, ", "), nil
}

func cliPath(cfg config) string {
	return filepath.Join(cfg.nodeDir, "node_modules", ".bin", "sequelize-cli")
}

// findScenarios expands the arguments (scenario files, or folders whose
// *.txtar files are scenarios) into a sorted list; no arguments means the
// scenarios folder.
func findScenarios(args []string) ([]string, error) {
	if len(args) == 0 {
		args = []string{defaultScenarioDir}
	}
	var out []string
	for _, a := range args {
		files := []string{a}
		if st, err := os.Stat(a); err != nil {
			return nil, err
		} else if st.IsDir() {
			files, _ = filepath.Glob(filepath.Join(a, "*.txtar"))
		}
		out = append(out, files...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// recordOne plays one scenario on one dialect with real sequelize-cli.
func recordOne(ctx context.Context, cfg config, l *loaded, dialect string) ([]scenario.Step, error) {
	work, err := os.MkdirTemp("", "sqzjs-record-cli-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	opts := scenario.Options{
		RepoRoot: cfg.root,
		Dialect:  dialect,
		WorkDir:  work,
		Prepare: func(project string) error {
			return os.Symlink(filepath.Join(cfg.nodeDir, "node_modules"), filepath.Join(project, "node_modules"))
		},
		Run: clockRunner(cfg, work),
	}
	if cfg.verbose {
		opts.AfterStep = func(n int, st scenario.Step) {
			fmt.Fprintf(cfg.stdout, "%s %s step %d: exit %d\n%s%s", l.path, dialect, n, st.Exit, st.Stdout, st.Stderr)
		}
	}
	if dialect != "sqlite" {
		dsn, _ := freshdb.ServerDSN(dialect, os.LookupEnv)
		db, err := freshdb.Create(ctx, dialect, dsn, work)
		if err != nil {
			return nil, err
		}
		defer db.Close(ctx)
		opts.DB = db
	}
	steps, err := scenario.Play(ctx, l.s, opts)
	if err != nil {
		return nil, err
	}
	for i, st := range steps {
		if strings.Contains(st.Stdout+st.Stderr, "\x1b[") {
			return nil, fmt.Errorf("step %d printed colour escapes although NO_COLOR=1 is set", i+1)
		}
	}
	return steps, nil
}

// fakeDate is the preload (node --require) that runs sequelize-cli under a
// scenario's fixed clock: Date.now() and new Date() without arguments give
// that time; everything else is the real Date (instanceof still holds).
const fakeDate = `'use strict';
const RealDate = Date;
const NOW = %d;
function FakeDate(...args) {
  if (!new.target) return new RealDate(NOW).toString();
  return args.length === 0 ? new RealDate(NOW) : new RealDate(...args);
}
Object.setPrototypeOf(FakeDate, RealDate);
FakeDate.prototype = RealDate.prototype;
FakeDate.now = () => NOW;
global.Date = FakeDate;
`

// clockRunner runs sequelize-cli, under the fixed clock of the step's
// context when the scenario has one (scenario.ClockFrom).
func clockRunner(cfg config, work string) scenario.Runner {
	plain := scenario.ExecRunner(cfg.timeout, cfg.node, cliPath(cfg))
	return func(ctx context.Context, args []string, dir string, env []string) ([]byte, []byte, int, error) {
		t, ok := scenario.ClockFrom(ctx)
		if !ok {
			return plain(ctx, args, dir, env)
		}
		preload := filepath.Join(work, fmt.Sprintf("fake-date-%d.js", t.UnixMilli()))
		if err := os.WriteFile(preload, fmt.Appendf(nil, fakeDate, t.UnixMilli()), 0o644); err != nil {
			return nil, nil, 0, err
		}
		return scenario.ExecRunner(cfg.timeout, cfg.node, "--require", preload, cliPath(cfg))(ctx, args, dir, env)
	}
}

// apply stores the new recordings, writes the file when it changed and
// returns the scenario's summary line and whether every run worked.
func apply(l *loaded, results map[string]job) (string, bool) {
	ok := true
	var parts, details []string
	for _, d := range scenario.Dialects {
		o, ran := results[d]
		if !ran {
			continue
		}
		if o.err != nil {
			ok = false
			parts = append(parts, d+" FAILED")
			details = append(details, fmt.Sprintf("  %s: %s", d, strings.ReplaceAll(o.err.Error(), "\n", "\n    ")))
			continue
		}
		l.s.Recordings[d] = o.steps
		var codes []string
		for _, st := range o.steps {
			codes = append(codes, fmt.Sprint(st.Exit))
		}
		parts = append(parts, fmt.Sprintf("%s exits %s", d, strings.Join(codes, ",")))
	}
	state, err := save(l)
	if err != nil {
		ok = false
		details = append(details, "  "+err.Error())
	}
	if len(parts) == 0 {
		parts = append(parts, "no dialect selected")
	}
	line := fmt.Sprintf("%s: %s — %s", l.path, strings.Join(parts, "; "), state)
	if len(details) > 0 {
		line += "\n" + strings.Join(details, "\n")
	}
	return line, ok
}

// save writes the scenario file when its text changed and says what
// happened: "unchanged", "updated" or "NOT WRITTEN" (with the reason).
func save(l *loaded) (string, error) {
	data, err := l.s.Format(l.header)
	if err == nil {
		_, err = scenario.Parse(data)
	}
	switch {
	case err != nil:
	case bytes.Equal(data, l.orig):
		return "unchanged", nil
	default:
		if err = os.WriteFile(l.path, data, 0o644); err == nil {
			return "updated", nil
		}
	}
	return "NOT WRITTEN", err
}
