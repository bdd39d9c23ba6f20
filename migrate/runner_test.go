package migrate_test

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sqzjs/sqzjs/bridge"
	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/sqlite"
	"github.com/sqzjs/sqzjs/jsrt"
	"github.com/sqzjs/sqzjs/migrate"
)

const createT = `module.exports = {
  async up(qi, S) { await qi.createTable('t', { id: { type: S.INTEGER, primaryKey: true, autoIncrement: true } }); },
  async down(qi) { await qi.dropTable('t'); },
};`

const addCol = `module.exports = {
  up: (qi, S) => qi.addColumn('t', 'name', S.STRING),
  down: (qi) => qi.removeColumn('t', 'name'),
};`

const seed = `module.exports = {
  async up(qi) { await qi.bulkInsert('t', [{ name: 'a' }]); },
  async down(qi) { await qi.bulkDelete('t', null); },
};`

type env struct {
	runner *migrate.Runner
	sess   *bridge.Session
	log    []string
	warn   []string
	fs     fstest.MapFS
}

// newEnv builds a Runner over the given migration files (under
// /proj/migrations) on a fresh SQLite file with SequelizeMeta storage.
func newEnv(t *testing.T, files map[string]string) *env {
	t.Helper()
	ctx := context.Background()
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys["proj/migrations/"+name] = &fstest.MapFile{Data: []byte(src)}
	}
	rt, err := jsrt.New(jsrt.Options{FS: fsys, Cwd: "/proj", Env: map[string]string{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rt.Close)
	d, err := sqlite.New(dialect.Config{})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := d.Open(ctx, dialect.Config{Storage: filepath.Join(t.TempDir(), "db.sqlite")})
	if err != nil {
		t.Fatal(err)
	}
	sess, err := bridge.New(ctx, rt, bridge.Options{Dialect: d, Connector: conn, Config: map[string]any{"dialect": "sqlite", "logging": false}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	e := &env{sess: sess, fs: fsys}
	e.runner = migrate.New(rt, sess, migrate.Options{
		Dir: "/proj/migrations",
		ReadDir: func(dir string) ([]string, error) {
			var names []string
			prefix := strings.TrimPrefix(dir, "/") + "/"
			for p := range fsys {
				if strings.HasPrefix(p, prefix) && !strings.Contains(p[len(prefix):], "/") {
					names = append(names, path.Base(p))
				}
			}
			sort.Strings(names)
			return names, nil
		},
		Storage: &migrate.SequelizeStorage{DB: sess, Table: dialect.Table("SequelizeMeta")},
		Log:     func(s string) { e.log = append(e.log, s) },
		Warn:    func(s string) { e.warn = append(e.warn, s) },
		Now:     func() time.Time { return time.Unix(0, 0) },
	})
	return e
}

func (e *env) executed(t *testing.T) []string {
	t.Helper()
	got, err := e.runner.Executed(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestUpDownFollowUmzug(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t, map[string]string{
		"20200101000000-create-t.js": createT,
		"20200102000000-add-col.cjs": addCol,
		"20200103000000-seed.js":     seed,
		"README.md":                  "not a migration",
		"types.d.ts":                 "export {}",
	})
	files, err := e.runner.Files()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"20200101000000-create-t.js", "20200102000000-add-col.cjs", "20200103000000-seed.js"}, files); diff != "" {
		t.Fatalf("files (-want +got):\n%s", diff)
	}
	if err := e.runner.Up(ctx, migrate.UpOptions{To: "20200102"}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"== 20200101000000-create-t: migrating =======", "== 20200101000000-create-t: migrated (0.000s)\n",
		"== 20200102000000-add-col: migrating =======", "== 20200102000000-add-col: migrated (0.000s)\n",
	}
	if diff := cmp.Diff(want, e.log); diff != "" {
		t.Errorf("log (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(files[:2], e.executed(t)); diff != "" {
		t.Errorf("executed after --to (-want +got):\n%s", diff)
	}
	if err := e.runner.Up(ctx, migrate.UpOptions{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(files, e.executed(t)); diff != "" {
		t.Errorf("executed after up (-want +got):\n%s", diff)
	}
	// Down without options reverts only the newest.
	if err := e.runner.Down(ctx, migrate.DownOptions{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(files[:2], e.executed(t)); diff != "" {
		t.Errorf("executed after down (-want +got):\n%s", diff)
	}
	if err := e.runner.Down(ctx, migrate.DownOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	if got := e.executed(t); len(got) != 0 {
		t.Errorf("executed after down all: %v", got)
	}
}

func TestFailedMigrationIsNotRecorded(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t, map[string]string{
		"1-create.js": createT,
		"2-broken.js": "module.exports = {\n  async up(qi) {\n    await qi.addColumn('t', 'x', 'INTEGER');\n    throw new Error('boom');\n  },\n};\n",
		"3-later.js":  addCol,
	})
	err := e.runner.Up(ctx, migrate.UpOptions{})
	var fe *migrate.FileError
	if !errors.As(err, &fe) || fe.File != "/proj/migrations/2-broken.js" {
		t.Fatalf("Up error = %v, want a FileError for 2-broken.js", err)
	}
	var se *jsrt.ScriptError
	if !errors.As(err, &se) || se.Line != 4 || !strings.Contains(se.File, "2-broken.js") {
		t.Errorf("script error = %#v, want line 4 of 2-broken.js", se)
	}
	if diff := cmp.Diff([]string{"1-create.js"}, e.executed(t)); diff != "" {
		t.Errorf("executed (-want +got):\n%s", diff)
	}
}

func TestMigrationContractErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, want string
	}{
		{"no-up", "module.exports = { down() {} };", "Could not find migration method: up"},
		{"no-promise", "module.exports = { up() { return 1; } };", "Migration 1-x.js (or wrapper) didn't return a promise"},
		{"syntax", "module.exports = { up() { return ; } ;", "1-x.js"},
		{"default-export", "module.exports = { default: { async up() { throw new Error('from default'); } } };", "from default"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, map[string]string{"1-x.js": tc.src})
			err := e.runner.Up(context.Background(), migrate.UpOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
			if got := e.executed(t); len(got) != 0 {
				t.Errorf("a failed migration was recorded: %v", got)
			}
		})
	}
}

func TestForgottenAwaitIsFinishedAndWarned(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t, map[string]string{
		"1-create.js": createT,
		"2-noawait.js": `module.exports = { up(qi, S) {
			qi.addColumn('t', 'a', S.STRING);
			qi.addColumn('t', 'b', S.STRING);
			return Promise.resolve();
		} };`,
	})
	if err := e.runner.Up(ctx, migrate.UpOptions{}); err != nil {
		t.Fatal(err)
	}
	if len(e.warn) != 1 || !strings.Contains(e.warn[0], "2-noawait.js") {
		t.Errorf("warnings = %q, want one naming 2-noawait.js", e.warn)
	}
	got, err := e.sess.Exec(ctx, dialect.DescribeTable{Table: dialect.Table("t")})
	if err != nil {
		t.Fatal(err)
	}
	cols := got.(*dialect.Object)
	var names []string
	for _, k := range cols.Keys {
		names = append(names, k.Name)
	}
	if !slices.Contains(names, "a") || !slices.Contains(names, "b") {
		t.Errorf("columns after the migration: %v, want a and b added before it was recorded", names)
	}
}

func TestNameMatchingErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t, map[string]string{"20200101-a.js": createT, "20200102-b.js": addCol})
	if err := e.runner.Up(ctx, migrate.UpOptions{Names: []string{"nope"}}); err == nil || err.Error() != "Unable to find migration: nope" {
		t.Errorf("unknown name: %v", err)
	}
	if err := e.runner.Up(ctx, migrate.UpOptions{Names: []string{"20200101"}}); err != nil {
		t.Fatal(err)
	}
	if err := e.runner.Up(ctx, migrate.UpOptions{Names: []string{"20200101"}}); err == nil || err.Error() != "Migration is not pending: 20200101-a.js" {
		t.Errorf("second up by name: %v", err)
	}
	if err := e.runner.Down(ctx, migrate.DownOptions{Names: []string{"20200102"}}); err == nil || err.Error() != "Migration was not executed: 20200102-b.js" {
		t.Errorf("down of a pending one: %v", err)
	}
}

func TestJSONStorageFormat(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	files := map[string][]byte{}
	s := &migrate.JSONStorage{
		Path: "/p/sequelize-meta.json",
		ReadFile: func(p string) ([]byte, error) {
			if b, ok := files[p]; ok {
				return b, nil
			}
			return nil, fsErrNotExist
		},
		WriteFile: func(p string, b []byte) error { files[p] = b; return nil },
	}
	for _, n := range []string{"b.js", "a.js", "c.js"} {
		if err := s.Log(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Unlog(ctx, "a.js"); err != nil {
		t.Fatal(err)
	}
	// JSON.stringify(list, null, '  '): two-space indent, execution order, no final newline.
	want := "[\n  \"b.js\",\n  \"c.js\"\n]"
	if got := string(files["/p/sequelize-meta.json"]); got != want {
		t.Errorf("file = %q, want %q", got, want)
	}
}

var fsErrNotExist = fs.ErrNotExist
