package cli

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// teaserOut is the start of every run's stdout: sequelize-cli's
// "\nSequelize CLI [Node: …, CLI: 6.6.5, ORM: …]\n\n" with sqzjs's line.
var teaserOut = "\nsqzjs " + Version + " (sequelize-cli 6.6.5 compatible)\n\n"

// result is one in-process run.
type result struct {
	code           int
	stdout, stderr string
}

// durations normalises umzug's "(0.123s)".
var durations = regexp.MustCompile(`\(\d+\.\d{3}s\)`)

// cli runs Main in dir with env and args, as `sqzjs args…` would, and
// returns the exit code and the output with durations normalised to
// (0.000s) and the project directory replaced by <dir>.
func cli(t *testing.T, dir string, env map[string]string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if env == nil {
		env = map[string]string{}
	}
	var out, errb bytes.Buffer
	code := Main(&State{
		Ctx:       ctx,
		FS:        os.DirFS("/"),
		Getwd:     func() (string, error) { return dir, nil },
		Env:       env,
		Args:      args,
		Stdout:    &out,
		Stderr:    &errb,
		WriteFile: func(name string, data []byte) error { return os.WriteFile(name, data, 0o666) },
		MkdirAll:  func(name string) error { return os.MkdirAll(name, 0o777) },
		Remove:    os.Remove,
	})
	norm := func(s string) string {
		s = durations.ReplaceAllString(s, "(0.000s)")
		return strings.ReplaceAll(s, dir, "<dir>")
	}
	return result{code: code, stdout: norm(out.String()), stderr: norm(errb.String())}
}

// copyTree copies the directory src into dst, leaving out db/ and
// node_modules/.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			if rel == "db" || rel == "node_modules" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// exampleProject is a fresh copy of examples/migrations (the Inkwell blog:
// .sequelizerc with absolute paths, config/config.json on SQLite,
// twelve migrations).
func exampleProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "examples", "migrations"), dir)
	return dir
}

// project writes files (path → content, "<dir>" standing for the
// directory) into a new temporary directory.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	expanded := map[string]string{}
	for name, content := range files {
		expanded[name] = strings.ReplaceAll(content, "<dir>", dir)
	}
	writeFiles(t, dir, expanded)
	return dir
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// createTable is a migration creating (and dropping) one table.
func createTable(table string) string {
	return `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('` + table + `', { id: { type: Sequelize.INTEGER, primaryKey: true } });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('` + table + `');
  }
};
`
}

// sqliteConfig is a config.json with one development environment on a
// SQLite file, plus extra keys.
func sqliteConfig(extra string) string {
	if extra != "" {
		extra = ", " + extra
	}
	return `{"development": {"dialect": "sqlite", "storage": "dev.sqlite"` + extra + `}}`
}

func expect(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\n--- got ---\n%s\n--- want ---\n%s", what, got, want)
	}
}

// lines joins lines with a final newline.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }
