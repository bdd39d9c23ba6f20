package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sqzjs/sqzjs/dialect"
)

// logQuerier records every statement, as the bridge's executor logs them.
type logQuerier struct {
	dialect.Conn
	log []string
}

func (l *logQuerier) Exec(ctx context.Context, q string, args ...any) (dialect.ExecResult, error) {
	l.log = append(l.log, q)
	return l.Conn.Exec(ctx, q, args...)
}

func (l *logQuerier) Query(ctx context.Context, q string, args ...any) (*dialect.Rows, error) {
	l.log = append(l.log, q)
	return l.Conn.Query(ctx, q, args...)
}

func open(t *testing.T) (*Dialect, *logQuerier) {
	t.Helper()
	d, err := New(dialect.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cn, err := d.Open(ctx, dialect.Config{Storage: filepath.Join(t.TempDir(), "db.sqlite")})
	if err != nil {
		t.Fatal(err)
	}
	c, err := cn.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(); cn.Close() })
	return d, &logQuerier{Conn: c}
}

func b(v bool) *bool { return &v }

func TestCreateTableAndBulkInsert(t *testing.T) {
	d, q := open(t)
	ctx := context.Background()
	str := &dialect.DataType{Key: "STRING", Length: "255"}
	_, err := d.Exec(ctx, q, dialect.CreateTable{Table: dialect.Table("t"), Columns: []dialect.Column{
		{Name: "id", Type: &dialect.DataType{Key: "INTEGER"}, PrimaryKey: b(true), AutoIncrement: b(true)},
		{Name: "a", Type: str},
		{Name: "b", Type: &dialect.DataType{Key: "BOOLEAN"}, HasDefault: true, Default: true},
	}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.Exec(ctx, q, dialect.BulkInsert{Table: dialect.Table("t"), Rows: []*dialect.Object{
		dialect.NewObject("a", "x", "b", true), dialect.NewObject("a", "O'N"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	if got != float64(2) {
		t.Errorf("bulkInsert returned %v, want the last rowid 2", got)
	}
	want := []string{
		"CREATE TABLE IF NOT EXISTS `t` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `a` VARCHAR(255), `b` TINYINT(1) DEFAULT 1);",
		"INSERT INTO `t` (`a`,`b`) VALUES ('x',1),('O''N',NULL);",
	}
	if diff := cmp.Diff(want, q.log); diff != "" {
		t.Errorf("statements (-want +got):\n%s", diff)
	}
}

func TestOnlyFirstStatementRuns(t *testing.T) {
	d, q := open(t)
	ctx := context.Background()
	if _, err := d.Exec(ctx, q, dialect.Raw{SQL: "CREATE TABLE a (x); CREATE TABLE b (y)"}); err != nil {
		t.Fatal(err)
	}
	out, err := d.Exec(ctx, q, dialect.ShowAllTables{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]any{"a"}, out); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
}

func TestChangeColumnKeepsChildRows(t *testing.T) {
	d, q := open(t)
	ctx := context.Background()
	for _, s := range []string{
		"CREATE TABLE p (id INTEGER PRIMARY KEY, name VARCHAR(10))",
		"CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p (id) ON DELETE CASCADE)",
		"INSERT INTO p VALUES (1, 'x')",
		"INSERT INTO c VALUES (1, 1)",
	} {
		if _, err := q.Exec(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	_, err := d.Exec(ctx, q, dialect.ChangeColumn{Table: dialect.Table("p"), Column: dialect.Column{Name: "name", Type: &dialect.DataType{Key: "STRING", Length: "20"}}})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := q.Query(ctx, "SELECT count(*) FROM c")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Values[0][0] != int64(1) {
		t.Errorf("child rows after the rebuild: %v, want 1", rows.Values[0][0])
	}
	sqlRows, _ := q.Query(ctx, "SELECT sql FROM sqlite_master WHERE name='p'")
	if got := sqlRows.Values[0][0].(string); !strings.Contains(got, "`name` VARCHAR(20)") {
		t.Errorf("rebuilt table: %s", got)
	}
}
