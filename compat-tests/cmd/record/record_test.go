package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sqzjs/sqzjs/compat-tests/casefile"
)

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckOracleSaysHowToInstall(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := checkOracle(context.Background(), "node", dir); err == nil || !strings.Contains(err.Error(), "no run-case.js") {
		t.Errorf("without run-case.js: %v", err)
	}
	write(t, filepath.Join(dir, "run-case.js"), "")
	_, err := checkOracle(context.Background(), "node", dir)
	if err == nil || !strings.Contains(err.Error(), "node_modules is missing") || !strings.Contains(err.Error(), "npm ci --prefix") {
		t.Errorf("without node_modules: %v", err)
	}
	write(t, filepath.Join(dir, "node_modules", "sequelize", "package.json"), `{"version": "6.37.8"}`)
	_, err = checkOracle(context.Background(), "no-such-node-binary-here", dir)
	if err == nil || !strings.Contains(err.Error(), `node binary "no-such-node-binary-here" not found`) {
		t.Errorf("without node: %v", err)
	}
}

func TestRunFailsLoudlyWithoutOracle(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"-node-dir", t.TempDir()}, &out, &errOut); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if !strings.Contains(errOut.String(), "run-case.js") {
		t.Errorf("stderr = %q", errOut.String())
	}
	errOut.Reset()
	if code := run(context.Background(), []string{"-dialects", "sqlite,oracle"}, &out, &errOut); code != 2 {
		t.Errorf("bad dialect: exit code %d, want 2", code)
	}
	if !strings.Contains(errOut.String(), `unknown dialect "oracle"`) {
		t.Errorf("stderr = %q", errOut.String())
	}
}

func TestFindCases(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, p := range []string{"b/two.txtar", "a/one.txtar", "a/notes.md", "c.txtar"} {
		write(t, filepath.Join(dir, p), "-- input.js --\n")
	}
	got, err := findCases([]string{filepath.Join(dir, "c.txtar"), dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a/one.txtar"), filepath.Join(dir, "b/two.txtar"), filepath.Join(dir, "c.txtar")}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findCases = %v", got)
	}
	if _, err := findCases([]string{filepath.Join(dir, "missing")}); err == nil {
		t.Error("no error for a missing path")
	}
}

func TestApplyResults(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "c.txtar")
	orig := "-- input.js --\nx\n-- sqlite.sql --\n> old sqlite\n-- mysql.sql --\n> old mysql\n-- mysql.schema --\nold\n"
	write(t, path, orig)
	c, err := casefile.Parse([]byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	results := map[string]outcome{
		"sqlite":   {rec: &casefile.Recording{Statements: []casefile.Statement{{SQL: "new sqlite"}}, Result: "1\n", Schema: "s\n"}},
		"postgres": {rec: &casefile.Recording{Statements: []casefile.Statement{}, Error: "{\n  \"name\": \"SequelizeDatabaseError\"\n}\n", Schema: "p\n"}},
		"mysql":    {err: errors.New("node crashed"), stderr: "trace"},
	}
	line, ok := applyResults(config{}, loadedCase{path: path, c: c, orig: []byte(orig)}, results)
	if ok {
		t.Error("ok despite a failed run")
	}
	for _, want := range []string{"sqlite ok, 1 statements", "postgres rejected (SequelizeDatabaseError), 0 statements", "mysql FAILED", "node crashed", "trace", "updated"} {
		if !strings.Contains(line, want) {
			t.Errorf("summary lacks %q:\n%s", want, line)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "-- input.js --\nx\n-- sqlite.sql --\n> new sqlite\n-- sqlite.result --\n1\n-- sqlite.schema --\ns\n" +
		"-- postgres.sql --\n-- postgres.error --\n{\n  \"name\": \"SequelizeDatabaseError\"\n}\n-- postgres.schema --\np\n" +
		"-- mysql.sql --\n> old mysql\n-- mysql.schema --\nold\n"
	if string(got) != want {
		t.Errorf("file:\n%s\nwant:\n%s", got, want)
	}
}

func TestApplyResultsUnchangedAndStale(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "c.txtar")
	orig := "-- input.js --\nx\n-- options.json --\n{\n  \"dialects\": [\n    \"sqlite\"\n  ]\n}\n-- sqlite.sql --\n> a\n-- mariadb.sql --\n> stale\n"
	write(t, path, orig)
	c, err := casefile.Parse([]byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	results := map[string]outcome{"sqlite": {rec: &casefile.Recording{Statements: []casefile.Statement{{SQL: "a"}}}}}
	line, ok := applyResults(config{}, loadedCase{path: path, c: c, orig: []byte(orig)}, results)
	if !ok || !strings.Contains(line, "unchanged") || !strings.Contains(line, "warning: has mariadb sections") {
		t.Errorf("ok=%v summary:\n%s", ok, line)
	}
}

// TestApplyResultsKeepsUnloggedInterleaving: a run whose only change is where
// a connection's unlogged set-up sits among concurrent queries leaves the
// file as it was; any other change to the statements is written.
func TestApplyResultsKeepsUnloggedInterleaving(t *testing.T) {
	t.Parallel()
	orig := "-- input.js --\nx\n-- options.json --\n{\n  \"dialects\": [\n    \"mysql\"\n  ]\n}\n" +
		"-- mysql.sql --\n! SET time_zone = '+00:00'\n> A\n! SET time_zone = '+00:00'\n> B\n= [1]\n> C\n-- mysql.result --\n1\n"
	st := func(sql string, unlogged bool) casefile.Statement {
		return casefile.Statement{SQL: sql, Unlogged: unlogged}
	}
	set := st("SET time_zone = '+00:00'", true)
	b := st("B", false)
	b.Bind = []byte("[1]")
	for _, tc := range []struct {
		name    string
		stmts   []casefile.Statement
		result  string
		changed bool
	}{
		{"set-up after B", []casefile.Statement{set, st("A", false), b, set, st("C", false)}, "1\n", false},
		{"logged order changed", []casefile.Statement{set, b, set, st("A", false), st("C", false)}, "1\n", true},
		{"bind changed", []casefile.Statement{set, st("A", false), set, st("B", false), st("C", false)}, "1\n", true},
		{"unlogged statement changed", []casefile.Statement{set, st("A", false), st("SET x", true), b, st("C", false)}, "1\n", true},
		{"one set-up less", []casefile.Statement{set, st("A", false), b, st("C", false)}, "1\n", true},
		{"result changed", []casefile.Statement{set, st("A", false), b, set, st("C", false)}, "2\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.txtar")
			write(t, path, orig)
			c, err := casefile.Parse([]byte(orig))
			if err != nil {
				t.Fatal(err)
			}
			results := map[string]outcome{"mysql": {rec: &casefile.Recording{Statements: tc.stmts, Result: tc.result}}}
			line, ok := applyResults(config{}, loadedCase{path: path, c: c, orig: []byte(orig)}, results)
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !ok || (string(got) != orig) != tc.changed || strings.HasSuffix(line, "updated") != tc.changed {
				t.Errorf("changed=%v ok=%v, want changed=%v; summary %q; file:\n%s", string(got) != orig, ok, tc.changed, line, got)
			}
		})
	}
}
