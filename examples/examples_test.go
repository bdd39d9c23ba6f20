// Package examples_test runs the example projects that show what real
// migration folders carry besides plain CommonJS (TypeScript, ES modules, npm
// packages, files written for Sequelize 5, the app's models), with sqzjs on SQLite and, when
// freshdb reaches their servers, PostgreSQL, MySQL and MariaDB, and compares
// the database after each step with what real sequelize-cli left behind
// (recorded in each project's sequelize-cli.schema and
// sequelize-cli.<dialect>.schema).
//
// Re-recording needs Node and the packages each project names (sequelize-cli
// with ts-node, @babel/register, and sequelize-cli 5 for legacy-v5); see
// record.sh.
package examples_test

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sqzjs/sqzjs/compat-tests/cli/scenario"
	"github.com/sqzjs/sqzjs/compat-tests/schemadump"
	"github.com/sqzjs/sqzjs/compat-tests/schemadump/freshdb"
	"github.com/sqzjs/sqzjs/internal/cli"
)

// example is one project and how real sequelize-cli runs it.
type example struct {
	dir string
	// oracle names the environment variable holding the node_modules folder
	// with the sequelize-cli (and loaders) that recorded it.
	oracle string
	// storage is the SQLite file of the development configuration.
	storage string
	// nodeEnv chooses the test environment on a server with NODE_ENV=test
	// instead of --env test: the project's models/index.js (as the one
	// `sequelize-cli init` generates) reads NODE_ENV, not the CLI's flag.
	nodeEnv bool
}

var examples = []example{
	{dir: "typescript", oracle: "SQZJS_ORACLE_NODE_MODULES", storage: "db/development.sqlite"},
	{dir: "esm", oracle: "SQZJS_ORACLE_NODE_MODULES", storage: "db/development.sqlite"},
	{dir: "bluebird-lodash", oracle: "SQZJS_ORACLE_NODE_MODULES", storage: "db/development.sqlite"},
	{dir: "legacy-v5", oracle: "SQZJS_ORACLE5_NODE_MODULES", storage: "development.sqlite"},
	{dir: "models-in-migrations", oracle: "SQZJS_ORACLE_NODE_MODULES", storage: "db/development.sqlite", nodeEnv: true},
}

// steps are the commands each project runs; the schema is recorded after each.
var steps = [][]string{
	{"db:migrate"},
	{"db:migrate:undo"},
	{"db:migrate"},
	{"db:migrate:undo:all"},
}

// dialects are the databases each project runs on: SQLite always, the servers
// when freshdb finds them (SQZJS_TEST_POSTGRES_DSN, SQZJS_TEST_MYSQL_DSN).
var dialects = []string{"sqlite", "postgres", "mysql", "mariadb"}

var record = flag.Bool("record", false, "re-record sequelize-cli.schema with real sequelize-cli (needs node and "+
	"SQZJS_ORACLE_NODE_MODULES / SQZJS_ORACLE5_NODE_MODULES, see record.sh)")

func TestExamples(t *testing.T) {
	for _, ex := range examples {
		for _, d := range dialects {
			t.Run(ex.dir+"/"+d, func(t *testing.T) {
				t.Parallel()
				db := database(t, d)
				if *record {
					recordExample(t, ex, db)
					return
				}
				want, err := os.ReadFile(filepath.Join(ex.dir, schemaFile(d)))
				if err != nil {
					t.Fatal(err)
				}
				dir := copyProject(t, ex.dir)
				got := play(t, dir, ex, db, func(args []string, env map[string]string) (string, string, int) {
					return runSqzjs(t, dir, args, env)
				})
				if got != string(want) {
					t.Errorf("the database after each step differs from sequelize-cli's (%s/%s):\n%s",
						ex.dir, schemaFile(d), diff(string(want), got))
				}
			})
		}
	}
}

// schemaFile names the recording of a dialect.
func schemaFile(dialect string) string {
	if dialect == "sqlite" {
		return "sequelize-cli.schema"
	}
	return "sequelize-cli." + dialect + ".schema"
}

// database is a fresh server database for a server dialect (nil for
// sqlite, where the project's own file is used); the test is skipped when
// the server is not reachable (freshdb.ForTest).
func database(t *testing.T, dialect string) *freshdb.DB {
	t.Helper()
	if dialect == "sqlite" {
		return nil
	}
	return freshdb.ForTest(t, dialect)
}

// play runs the steps and returns the transcript of schemas. On a server the
// steps run in the test environment (--env test, or NODE_ENV=test) with
// DATABASE_URL naming db, as the projects' test environments read it.
func play(t *testing.T, dir string, ex example, db *freshdb.DB, run func(args []string, env map[string]string) (stdout, stderr string, code int)) string {
	t.Helper()
	env := map[string]string{"TZ": "UTC"}
	if db != nil {
		env["DATABASE_URL"] = scenario.DatabaseURL(db.Dialect, db.Conn)
		if ex.nodeEnv {
			env["NODE_ENV"] = "test"
		}
	}
	var b strings.Builder
	for _, step := range steps {
		args := step
		if db != nil && !ex.nodeEnv {
			args = append(append([]string{}, step...), "--env", "test")
		}
		stdout, stderr, code := run(args, env)
		if code != 0 {
			t.Fatalf("%s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, stdout, stderr)
		}
		var dump string
		if db == nil {
			dump = dumpSQLite(t, filepath.Join(dir, ex.storage))
		} else {
			var err error
			if dump, err = schemadump.Dump(context.Background(), db.DB, db.Dialect, schemadump.Options{}); err != nil {
				t.Fatal(err)
			}
		}
		fmt.Fprintf(&b, "-- after %s --\n%s", strings.Join(step, " "), dump)
	}
	return b.String()
}

// runSqzjs runs sqzjs's CLI in-process in dir.
func runSqzjs(t *testing.T, dir string, args []string, env map[string]string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out, errb bytes.Buffer
	code := cli.Main(&cli.State{
		Ctx:       ctx,
		FS:        os.DirFS("/"),
		Getwd:     func() (string, error) { return dir, nil },
		Env:       env,
		Args:      args,
		Stdout:    &out,
		Stderr:    &errb,
		WriteFile: func(name string, data []byte) error { return os.WriteFile(name, data, 0o666) },
	})
	return out.String(), errb.String(), code
}

// recordExample plays the steps with real sequelize-cli and writes the
// transcript.
func recordExample(t *testing.T, ex example, db *freshdb.DB) {
	modules := os.Getenv(ex.oracle)
	if modules == "" {
		t.Fatalf("-record needs %s (a node_modules folder with sequelize-cli and the loaders; see record.sh)", ex.oracle)
	}
	// The project sits in a folder whose node_modules is the oracle's, so
	// that Node finds sequelize, ts-node and @babel/register from it after
	// the project's own node_modules.
	root := t.TempDir()
	if err := os.Symlink(modules, filepath.Join(root, "node_modules")); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "project")
	copyTreeTo(t, ex.dir, dir)
	cliPath := filepath.Join(modules, "sequelize-cli", "lib", "sequelize")
	got := play(t, dir, ex, db, func(args []string, env map[string]string) (string, string, int) {
		cmd := exec.Command("node", append([]string{cliPath}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if err != nil {
			code = -1
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			}
		}
		return out.String(), errb.String(), code
	})
	if err := os.WriteFile(filepath.Join(ex.dir, schemaFile(dialectOf(db))), []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
}

func dialectOf(db *freshdb.DB) string {
	if db == nil {
		return "sqlite"
	}
	return db.Dialect
}

// copyProject copies an example, with its node_modules, to a new directory.
func copyProject(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	copyTreeTo(t, src, dir)
	return dir
}

func copyTreeTo(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		switch {
		case d.IsDir():
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		case strings.HasSuffix(p, ".sqlite"), strings.HasPrefix(rel, "sequelize-cli.") && strings.HasSuffix(rel, ".schema"):
			return nil
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

// dumpSQLite is the normalised schema and rows of a SQLite file.
func dumpSQLite(t *testing.T, file string) string {
	t.Helper()
	if _, err := os.Stat(file); err != nil {
		return "(no database file)\n"
	}
	db, err := sql.Open("sqlite", "file:"+file+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out, err := schemadump.Dump(context.Background(), db, "sqlite", schemadump.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diff shows the first differing line of two texts with some context.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			from := max(0, i-3)
			return fmt.Sprintf("line %d:\n  sequelize-cli: %q\n  sqzjs:         %q\ncontext (sqzjs):\n%s", i+1, wl, gl,
				strings.Join(g[from:min(len(g), i+4)], "\n"))
		}
	}
	return "(equal)"
}
