package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sqzjs/sqzjs/compat-tests/schemadump/freshdb"
	"github.com/sqzjs/sqzjs/dialect"
)

// logQuerier records every statement and classifies errors, as the
// bridge's executor does.
type logQuerier struct {
	dialect.Conn
	d   *Dialect
	log []string
}

func (l *logQuerier) Exec(ctx context.Context, q string, args ...any) (dialect.ExecResult, error) {
	l.log = append(l.log, q)
	res, err := l.Conn.Exec(ctx, q, args...)
	return res, l.wrap(err)
}

func (l *logQuerier) Query(ctx context.Context, q string, args ...any) (*dialect.Rows, error) {
	l.log = append(l.log, q)
	rows, err := l.Conn.Query(ctx, q, args...)
	return rows, l.wrap(err)
}

func (l *logQuerier) wrap(err error) error {
	if err == nil {
		return nil
	}
	return l.d.Classify(err)
}

// open connects to a fresh database (skipped without a server).
func open(t *testing.T, cfg dialect.Config) (*Dialect, *logQuerier) {
	t.Helper()
	db := freshdb.ForTest(t, "postgres")
	cfg.Dialect = dialect.Postgres
	cfg.Host, cfg.Username, cfg.Password, cfg.Database = db.Conn.Host, db.Conn.Username, db.Conn.Password, db.Conn.Database
	d, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cn, err := d.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	c, err := cn.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(); cn.Close() })
	return d, &logQuerier{Conn: c, d: d}
}

func exec(t *testing.T, d *Dialect, q dialect.Querier, op dialect.Op) any {
	t.Helper()
	out, err := d.Exec(context.Background(), q, op)
	if err != nil {
		t.Fatalf("%s: %v", op.Method(), err)
	}
	return out
}

func b(v bool) *bool { return &v }

func TestSessionSetup(t *testing.T) {
	d, q := open(t, dialect.Config{Timezone: "+02:00"})
	out := exec(t, d, q, dialect.Raw{SQL: "SELECT current_setting('client_min_messages') AS m, current_setting('TimeZone') AS tz", Type: "SELECT", Plain: true})
	want := obj("m", "warning", "tz", "<+02>-02")
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("session settings: -want +got\n%s", diff)
	}
	if len(q.log) != 1 {
		t.Errorf("set-up statements must not go through the querier: %q", q.log)
	}
}

func TestCreateTableWithEnum(t *testing.T) {
	d, q := open(t, dialect.Config{})
	cols := []dialect.Column{
		{Name: "id", Type: &dialect.DataType{Key: "INTEGER"}, PrimaryKey: b(true), AutoIncrement: b(true)},
		{Name: "st", Type: &dialect.DataType{Key: "ENUM", Values: []any{"a", "b"}}, AllowNull: b(false)},
		{Name: "note", Type: &dialect.DataType{Key: "STRING", Length: "20"}, Comment: strPtr("it's")},
	}
	out := exec(t, d, q, dialect.CreateTable{Table: dialect.Table("t"), Columns: cols})
	want := []string{
		"SELECT t.typname enum_name, array_agg(e.enumlabel ORDER BY enumsortorder) enum_value FROM pg_type t JOIN pg_enum e ON t.oid = e.enumtypid JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typname='enum_t_st' GROUP BY 1",
		`DO 'BEGIN CREATE TYPE "public"."enum_t_st" AS ENUM(''a'', ''b''); EXCEPTION WHEN duplicate_object THEN null; END';`,
		oidQuery,
		`CREATE TABLE IF NOT EXISTS "t" ("id"  SERIAL , "st" "public"."enum_t_st" NOT NULL, "note" VARCHAR(20) , PRIMARY KEY ("id")); COMMENT ON COLUMN "t"."note" IS 'it''s';`,
	}
	if diff := cmp.Diff(want, q.log); diff != "" {
		t.Errorf("statements: -want +got\n%s", diff)
	}
	// A multi-statement string resolves with every result.
	pair, ok := out.([]any)
	if !ok || len(pair) != 2 {
		t.Fatalf("createTable resolved with %s", dialect.Describe(out))
	}
	metas, ok := pair[1].([]any)
	if !ok || len(metas) != 2 || metas[0].(*dialect.Object).Class != "Result" {
		t.Errorf("metadata: %s", dialect.Describe(pair[1]))
	}
	// The type exists now: a second table with the same enum name skips the DO.
	q.log = nil
	exec(t, d, q, dialect.CreateTable{Table: dialect.Table("t"), Columns: cols})
	if len(q.log) != 2 {
		t.Errorf("existing enum: %q", q.log)
	}
	// Enum values parse as strings, arrays of the enum as arrays (the OIDs
	// were refreshed).
	exec(t, d, q, dialect.Raw{SQL: "INSERT INTO t (st) VALUES ('b')"})
	got := exec(t, d, q, dialect.Raw{SQL: "SELECT st, ARRAY[st] AS arr FROM t", Type: "SELECT"})
	if diff := cmp.Diff([]any{obj("st", "b", "arr", []any{"b"})}, got); diff != "" {
		t.Errorf("enum values: -want +got\n%s", diff)
	}
}

func strPtr(s string) *string { return &s }

func TestRawShapes(t *testing.T) {
	d, q := open(t, dialect.Config{})
	exec(t, d, q, dialect.Raw{SQL: "CREATE TABLE x (id int primary key, v text)"})
	if got := exec(t, d, q, dialect.Raw{SQL: "INSERT INTO x VALUES (1, 'a'), (2, 'b')"}); !cmp.Equal(got, []any{[]any{}, 2.0}) {
		t.Errorf("raw insert: %s", dialect.Describe(got))
	}
	if got := exec(t, d, q, dialect.Raw{SQL: "SELECT table_name FROM information_schema.tables WHERE table_name = 'x'"}); !cmp.Equal(got, []any{[]any{"x"}}) {
		t.Errorf("table-name query: %s", dialect.Describe(got))
	}
	got := exec(t, d, q, dialect.Raw{SQL: "SELECT v FROM x WHERE id = $id OR v = $v OR id = $id", Bind: obj("v", "b", "id", 1.0), Type: "SELECT"})
	if !cmp.Equal(got, []any{obj("v", "a"), obj("v", "b")}) {
		t.Errorf("named binds: %s", dialect.Describe(got))
	}
	if last := q.log[len(q.log)-1]; last != "SELECT v FROM x WHERE id = $1 OR v = $2 OR id = $1" {
		t.Errorf("renumbered: %s", last)
	}
	if _, err := d.Exec(context.Background(), q, dialect.Raw{SQL: "SELECT $1", Bind: []any{}}); err == nil || !strings.Contains(err.Error(), `"$1" has no value`) {
		t.Errorf("missing bind: %v", err)
	}
	if got := exec(t, d, q, dialect.BulkUpdate{Table: dialect.Table("x"), Values: obj("v", "c"), Where: obj("id", 1.0)}); got != 1.0 {
		t.Errorf("bulkUpdate: %s", dialect.Describe(got))
	}
	if got := exec(t, d, q, dialect.Version{}); !strings.HasPrefix(got.(string), "1") {
		t.Errorf("version: %v", got)
	}
}

func TestClassify(t *testing.T) {
	d, q := open(t, dialect.Config{})
	exec(t, d, q, dialect.Raw{SQL: "CREATE TABLE p (id int primary key, a int, b int, UNIQUE (a, b)); CREATE TABLE c (pid int references p(id))"})
	exec(t, d, q, dialect.Raw{SQL: "INSERT INTO p VALUES (1, 1, 1)"})
	for _, c := range []struct {
		sql    string
		kind   dialect.ErrorKind
		code   string
		fields []string
	}{
		{"INSERT INTO p VALUES (2, 1, 1)", dialect.KindUniqueConstraint, "23505", []string{"a", "b"}},
		{"INSERT INTO c VALUES (9)", dialect.KindForeignKeyConstraint, "23503", nil},
		{"ALTER TABLE p DROP CONSTRAINT nope", dialect.KindUnknownConstraint, "42704", nil},
		{"SELEC 1", dialect.KindDatabase, "42601", nil},
	} {
		_, err := d.Exec(context.Background(), q, dialect.Raw{SQL: c.sql})
		var e *dialect.DBError
		if !errors.As(err, &e) {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		if e.Kind != c.kind || e.Code != c.code || !cmp.Equal(e.Fields, c.fields) {
			t.Errorf("%s: kind %v code %s fields %v (%s)", c.sql, e.Kind, e.Code, e.Fields, e.Message)
		}
		if c.code == "23505" {
			if e.Detail != "Key (a, b)=(1, 1) already exists." || e.SequelizeMessage != "Validation error" {
				t.Errorf("detail: %q, message %q", e.Detail, e.SequelizeMessage)
			}
			if diff := cmp.Diff(obj("a", "1", "b", "1"), e.FieldValues); diff != "" {
				t.Errorf("field values: -want +got\n%s", diff)
			}
		}
		if c.code == "23503" {
			want := &dialect.ForeignKeyViolation{Table: "c", Index: "c_pid_fkey", NullFields: true}
			if diff := cmp.Diff(want, e.ForeignKey); diff != "" {
				t.Errorf("foreign key: -want +got\n%s", diff)
			}
		}
	}
}

func TestEveryOp(t *testing.T) {
	d, q := open(t, dialect.Config{})
	for _, op := range dialect.AllOps() {
		_, err := d.Exec(context.Background(), q, op)
		if errors.Is(err, dialect.ErrUnsupported) {
			t.Errorf("%s is not supported", op.Method())
		}
	}
}

func TestConnectErrors(t *testing.T) {
	d, err := New(dialect.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cn, err := d.Open(ctx, dialect.Config{Host: "127.0.0.1", Port: "1"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = cn.Conn(ctx)
	if err == nil || err.Error() != "connect ECONNREFUSED 127.0.0.1:1" {
		t.Errorf("refused: %v", err)
	}
	if e := d.Classify(err); e.Kind != dialect.KindConnection || e.Code != "ECONNREFUSED" {
		t.Errorf("classified: %+v", e)
	}
}
