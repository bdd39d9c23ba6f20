package bridge

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/sqlite"
	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

// OpenSQLiteForTest is the SQLite dialect and a connector on a fresh
// database file in t's temporary directory (for this package's tests,
// internal and external).
func OpenSQLiteForTest(t *testing.T) (dialect.Dialect, dialect.Connector) {
	t.Helper()
	d, err := sqlite.New(dialect.Config{})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := d.Open(context.Background(), dialect.Config{Storage: filepath.Join(t.TempDir(), "db.sqlite")})
	if err != nil {
		t.Fatal(err)
	}
	return d, conn
}

// connectedSession is Prepare and Connect on a fresh SQLite file, with
// sequelize-cli's logging default, as db:migrate:status builds it.
func connectedSession(t *testing.T, config any) *Session {
	t.Helper()
	rt := jsrttest.NewRuntime(t)
	d, conn := OpenSQLiteForTest(t)
	s, err := Prepare(context.Background(), rt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Connect(context.Background(), Options{Dialect: d, Connector: conn, Config: config, CLILogging: true}); err != nil {
		t.Fatal(err)
	}
	return s
}

// A run that only reads and writes the meta table from Go (status) never
// runs the Sequelize prelude; Ready builds it and the instance, applying
// sequelize-cli's logging default to the config object.
func TestPreludeRunsOnFirstUse(t *testing.T) {
	t.Parallel()
	config := map[string]any{"dialect": "sqlite"}
	s := connectedSession(t, config)
	if _, err := s.Exec(context.Background(), dialect.Raw{SQL: "SELECT 1+1 AS result", Raw: true, Plain: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Exec(context.Background(), dialect.ShowAllTables{}); err != nil {
		t.Fatal(err)
	}
	if s.class != nil || s.instance != nil {
		t.Fatal("statements logged with sequelize-cli's default built the Sequelize prelude")
	}
	if _, err := s.rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		return goja.Undefined(), s.Ready()
	}); err != nil {
		t.Fatal(err)
	}
	if s.class == nil || s.instance == nil {
		t.Fatal("Ready built no instance")
	}
	if _, ok := config["logging"]; !ok {
		t.Fatal("Ready did not apply sequelize-cli's logging default to the config object")
	}
}

// A config with its own logging function gets every statement, also those
// that ran before anything else needed the instance.
func TestConfiguredLoggingBuildsTheInstance(t *testing.T) {
	t.Parallel()
	var got []string
	s := connectedSession(t, map[string]any{"dialect": "sqlite", "logging": func(msg string) { got = append(got, msg) }})
	if _, err := s.Exec(context.Background(), dialect.Raw{SQL: "SELECT 1+1 AS result", Raw: true, Plain: true}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != "Executing (default): SELECT 1+1 AS result" {
		t.Fatalf("logged %q", got)
	}
	if s.instance == nil {
		t.Fatal("no instance after logging through it")
	}
}
