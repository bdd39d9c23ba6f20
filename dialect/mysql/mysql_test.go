package mysql

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sqzjs/sqzjs/compat-tests/schemadump/freshdb"
	"github.com/sqzjs/sqzjs/dialect"
)

// logQuerier records every statement, as the bridge's executor logs them,
// and classifies errors as it does.
type logQuerier struct {
	dialect.Conn
	d   *Dialect
	log []string
}

func (l *logQuerier) wrap(err error) error {
	if err == nil {
		return nil
	}
	return l.d.Classify(err)
}

func (l *logQuerier) Exec(ctx context.Context, q string, args ...any) (dialect.ExecResult, error) {
	l.log = append(l.log, q)
	r, err := l.Conn.Exec(ctx, q, args...)
	return r, l.wrap(err)
}

func (l *logQuerier) Query(ctx context.Context, q string, args ...any) (*dialect.Rows, error) {
	l.log = append(l.log, q)
	r, err := l.Conn.Query(ctx, q, args...)
	return r, l.wrap(err)
}

// open connects the dialect name to a fresh database on the test server.
func open(t *testing.T, name dialect.Name) (*Dialect, *logQuerier) {
	return openWire(t, name, true)
}

func openWire(t *testing.T, name dialect.Name, watched bool) (*Dialect, *logQuerier) {
	t.Helper()
	db := freshdb.ForTest(t, string(name))
	cfg := dialect.Config{Dialect: name, Database: db.Conn.Database, Host: db.Conn.Host,
		Port: strconv.Itoa(db.Conn.Port), Username: db.Conn.Username, Password: db.Conn.Password}
	d, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cn, err := d.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	cn.(*connector).noWire = !watched
	c, err := cn.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(); cn.Close() })
	return d, &logQuerier{Conn: c, d: d}
}

func both(t *testing.T, f func(t *testing.T, name dialect.Name)) {
	for _, n := range []dialect.Name{dialect.MySQL, dialect.MariaDB} {
		t.Run(string(n), func(t *testing.T) {
			t.Parallel()
			f(t, n)
		})
	}
}

func b(v bool) *bool       { return &v }
func str(s string) *string { return &s }

func TestFormatBind(t *testing.T) {
	t.Parallel()
	sql, params, err := formatBind("SELECT '$$', $1, $2, $1 FROM t WHERE a$1 = 1", []any{1.0, "x"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "SELECT '$', ?, ?, ? FROM t WHERE a$1 = 1"; sql != want {
		t.Errorf("sql = %q, want %q", sql, want)
	}
	if diff := cmp.Diff([]any{1.0, "x", 1.0}, params); diff != "" {
		t.Errorf("params (-want +got):\n%s", diff)
	}
	if _, _, err := formatBind("SELECT $3", []any{1.0}); err == nil || err.Error() != `Named bind parameter "$3" has no value in the given object.` {
		t.Errorf("missing bind: %v", err)
	}
	sql, params, err = formatBind("SELECT $name, $id", dialect.NewObject("id", 2.0, "name", "a"))
	if err != nil || sql != "SELECT ?, ?" || !cmp.Equal(params, []any{"a", 2.0}) {
		t.Errorf("named: %q %v %v", sql, params, err)
	}
}

func TestSplitQuery(t *testing.T) {
	t.Parallel()
	got := splitQuery("SELECT '?', `?`, \"a\\\"?\", ? /* ? */ -- ?\n, ? # ?")
	want := []string{"SELECT '?', `?`, \"a\\\"?\", ", " /* ? */ -- ?\n, ", " # ?"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestTypeSQL(t *testing.T) {
	t.Parallel()
	d, _ := New(dialect.Config{Dialect: dialect.MySQL})
	for _, c := range []struct {
		t    dialect.DataType
		want string
	}{
		{dialect.DataType{Key: "STRING", Length: "255", Binary: true}, "VARCHAR(255) BINARY"},
		{dialect.DataType{Key: "INTEGER", Length: "11", Unsigned: true, Zerofill: true}, "INTEGER(11) UNSIGNED ZEROFILL"},
		{dialect.DataType{Key: "FLOAT", Length: "11", Decimals: "10"}, "FLOAT(11,10)"},
		{dialect.DataType{Key: "DECIMAL", Precision: "10", Scale: "2", Unsigned: true}, "DECIMAL(10,2) UNSIGNED"},
		{dialect.DataType{Key: "DATE", Length: "3"}, "DATETIME(3)"},
		{dialect.DataType{Key: "UUID"}, "CHAR(36) BINARY"},
		{dialect.DataType{Key: "TEXT", Length: "medium"}, "MEDIUMTEXT"},
		{dialect.DataType{Key: "BLOB", Length: "long"}, "LONGBLOB"},
		{dialect.DataType{Key: "ENUM", Values: []any{"a", "it's"}}, `ENUM('a', 'it\'s')`},
		{dialect.DataType{Key: "GEOMETRY", GeoType: "POINT"}, "POINT"},
	} {
		got, err := d.typeSQL(&c.t)
		if err != nil || got != c.want {
			t.Errorf("%+v: %q, %v; want %q", c.t, got, err, c.want)
		}
	}
}

func TestCreateTableAndResults(t *testing.T) {
	both(t, func(t *testing.T, name dialect.Name) {
		d, q := open(t, name)
		ctx := context.Background()
		cols := []dialect.Column{
			{Name: "id", Type: &dialect.DataType{Key: "INTEGER"}, PrimaryKey: b(true), AutoIncrement: b(true)},
			{Name: "name", Type: &dialect.DataType{Key: "STRING", Length: "255"}, AllowNull: b(false), Comment: str("it's")},
			{Name: "kind", Type: &dialect.DataType{Key: "ENUM", Values: []any{"a", "b"}}, HasDefault: true, Default: "a"},
			{Name: "body", Type: &dialect.DataType{Key: "TEXT"}, HasDefault: true, Default: "x"},
			{Name: "data", Type: &dialect.DataType{Key: "JSON"}},
		}
		if _, err := d.Exec(ctx, q, dialect.CreateTable{Table: dialect.Table("p"), Columns: cols}); err != nil {
			t.Fatal(err)
		}
		child := []dialect.Column{
			{Name: "id", Type: &dialect.DataType{Key: "INTEGER"}, PrimaryKey: b(true)},
			{Name: "pid", Type: &dialect.DataType{Key: "INTEGER"}, References: &dialect.Reference{Table: dialect.Table("p")}, OnDelete: "cascade"},
		}
		if _, err := d.Exec(ctx, q, dialect.CreateTable{Table: dialect.Table("c"), Columns: child, Options: dialect.TableOptions{Charset: "utf8mb4"}}); err != nil {
			t.Fatal(err)
		}
		id, err := d.Exec(ctx, q, dialect.BulkInsert{Table: dialect.Table("p"), Rows: []*dialect.Object{
			dialect.NewObject("name", "O'N", "data", `{"b":1,"a":[true,null]}`), dialect.NewObject("name", "z"),
		}})
		if err != nil {
			t.Fatal(err)
		}
		if id != 1.0 {
			t.Errorf("bulkInsert resolved with %v, want the first id 1", id)
		}
		raw, err := d.Exec(ctx, q, dialect.Raw{SQL: "UPDATE p SET name = 'y' WHERE id > 0"})
		if err != nil {
			t.Fatal(err)
		}
		pair := raw.([]any)
		hdr := pair[0].(*dialect.Object)
		if name == dialect.MySQL {
			info, _ := hdr.Get("info")
			changed, _ := hdr.Get("changedRows")
			if hdr.Class != "ResultSetHeader" || info != "Rows matched: 2  Changed: 2  Warnings: 0" || changed != 2.0 || pair[1] != pair[0] {
				t.Errorf("UPDATE resolved with %s", dialect.Describe(raw))
			}
		} else if hdr.Class != "OkPacket" || hdr.Len() != 3 || pair[1] != (dialect.Undefined{}) {
			t.Errorf("UPDATE resolved with %s", dialect.Describe(raw))
		}
		rows, err := d.Exec(ctx, q, dialect.Raw{SQL: "SELECT id, data FROM p ORDER BY id", Type: "SELECT"})
		if err != nil {
			t.Fatal(err)
		}
		want := []any{
			dialect.NewObject("id", 1.0, "data", dialect.NewObject("b", 1.0, "a", []any{true, nil})),
			dialect.NewObject("id", 2.0, "data", nil),
		}
		if diff := cmp.Diff(want, rows); diff != "" {
			t.Errorf("JSON column (-want +got):\n%s", diff)
		}
		wantLog := []string{
			"CREATE TABLE IF NOT EXISTS `p` (`id` INTEGER auto_increment , `name` VARCHAR(255) NOT NULL COMMENT 'it\\'s', `kind` ENUM('a', 'b') DEFAULT 'a', `body` TEXT, `data` JSON, PRIMARY KEY (`id`)) ENGINE=InnoDB;",
			"CREATE TABLE IF NOT EXISTS `c` (`id` INTEGER , `pid` INTEGER, PRIMARY KEY (`id`), FOREIGN KEY (`pid`) REFERENCES `p` (`id`) ON DELETE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;",
			"INSERT INTO `p` (`name`,`data`) VALUES ('O\\'N','{\\\"b\\\":1,\\\"a\\\":[true,null]}'),('z',NULL);",
			"UPDATE p SET name = 'y' WHERE id > 0",
			"SELECT id, data FROM p ORDER BY id",
		}
		if name == dialect.MySQL {
			wantLog = append([]string{"SELECT VERSION() as `version`"}, wantLog...)
		}
		if diff := cmp.Diff(wantLog, q.log); diff != "" {
			t.Errorf("statements (-want +got):\n%s", diff)
		}
	})
}

func TestRemoveColumnDropsForeignKeys(t *testing.T) {
	both(t, func(t *testing.T, name dialect.Name) {
		d, q := open(t, name)
		ctx := context.Background()
		for _, s := range []string{
			"CREATE TABLE p (id INT PRIMARY KEY)",
			"CREATE TABLE c (id INT PRIMARY KEY, pid INT, CONSTRAINT c_p FOREIGN KEY (pid) REFERENCES p (id))",
		} {
			if _, err := q.Exec(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		q.log = nil
		if _, err := d.Exec(ctx, q, dialect.RemoveColumn{Table: dialect.Table("c"), Column: "pid"}); err != nil {
			t.Fatal(err)
		}
		if name == dialect.MySQL {
			q.log = q.log[1:] // the first connection's version query
		}
		if len(q.log) != 3 || q.log[1] != "ALTER TABLE `c` DROP FOREIGN KEY `c_p`;" || q.log[2] != "ALTER TABLE `c` DROP `pid`;" {
			t.Errorf("statements: %q", q.log)
		}
		desc, err := d.Exec(ctx, q, dialect.DescribeTable{Table: dialect.Table("c")})
		if err != nil {
			t.Fatal(err)
		}
		if o := desc.(*dialect.Object); o.Len() != 1 {
			t.Errorf("columns left: %s", dialect.Describe(o))
		}
	})
}

func TestErrors(t *testing.T) {
	both(t, func(t *testing.T, name dialect.Name) {
		d, q := open(t, name)
		ctx := context.Background()
		if _, err := q.Exec(ctx, "CREATE TABLE u (id INT PRIMARY KEY, email VARCHAR(20) UNIQUE)"); err != nil {
			t.Fatal(err)
		}
		ins := dialect.BulkInsert{Table: dialect.Table("u"), Rows: []*dialect.Object{dialect.NewObject("id", 1.0, "email", "a")}}
		if _, err := d.Exec(ctx, q, ins); err != nil {
			t.Fatal(err)
		}
		_, err := d.Exec(ctx, q, ins)
		var dbe *dialect.DBError
		if !errors.As(err, &dbe) {
			t.Fatalf("duplicate insert: %v", err)
		}
		if dbe.Kind != dialect.KindUniqueConstraint || dbe.Code != "ER_DUP_ENTRY" || dbe.Errno != 1062 {
			t.Errorf("duplicate: %+v", dbe)
		}
		if v, ok := dbe.FieldValues.Get("PRIMARY"); !ok || v != "1" || dbe.FieldValues.Len() != 1 {
			t.Errorf("duplicate fields: %+v, want {PRIMARY: \"1\"}", dbe.FieldValues)
		}
		want := "Duplicate entry '1' for key 'PRIMARY'"
		if name == dialect.MariaDB {
			want = "(conn=" // the connector's prefix, connection id, SQL and parameters
			if !strings.HasSuffix(dbe.Message, "Duplicate entry '1' for key 'PRIMARY'\nsql: INSERT INTO `u` (`id`,`email`) VALUES (1,'a'); - parameters:[]") {
				t.Errorf("message %q", dbe.Message)
			}
		}
		if !strings.HasPrefix(dbe.Message, want) {
			t.Errorf("message %q, want it to start with %q", dbe.Message, want)
		}
		_, err = d.Exec(ctx, q, dialect.Raw{SQL: "SELECT 1; SELECT 2"})
		if !errors.As(err, &dbe) || dbe.Errno != 1064 {
			t.Errorf("multiple statements without multipleStatements: %v", err)
		}
		_, err = d.Exec(ctx, q, dialect.DescribeTable{Table: dialect.Table("nope")})
		if err == nil || !strings.HasPrefix(err.Error(), `No description found for "nope" table.`) {
			t.Errorf("describe of a missing table: %v", err)
		}
	})
}

func TestDatesAndBinds(t *testing.T) {
	both(t, func(t *testing.T, name dialect.Name) {
		d, q := open(t, name)
		ctx := context.Background()
		if _, err := q.Exec(ctx, "CREATE TABLE t (id INT PRIMARY KEY, at DATETIME(3), d DATE, n DECIMAL(5,2), big BIGINT)"); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2020, 1, 2, 3, 4, 5, 678e6, time.UTC)
		ins := dialect.BulkInsert{Table: dialect.Table("t"), Rows: []*dialect.Object{
			dialect.NewObject("id", 1.0, "at", at, "d", "2020-01-02", "n", 1.5, "big", "9007199254740993"),
		}}
		if _, err := d.Exec(ctx, q, ins); err != nil {
			t.Fatal(err)
		}
		wantSQL := "INSERT INTO `t` (`id`,`at`,`d`,`n`,`big`) VALUES (1,'2020-01-02 03:04:05','2020-01-02',1.5,'9007199254740993');"
		if name == dialect.MariaDB {
			wantSQL = strings.Replace(wantSQL, "03:04:05", "03:04:05.678", 1)
		}
		if got := q.log[len(q.log)-1]; got != wantSQL {
			t.Errorf("insert:\n got %s\nwant %s", got, wantSQL)
		}
		out, err := d.Exec(ctx, q, dialect.Raw{SQL: "SELECT at, d, n, big FROM t WHERE id = $1", Bind: []any{1.0}, Type: "SELECT", Plain: true})
		if err != nil {
			t.Fatal(err)
		}
		row := out.(*dialect.Object)
		gotAt, _ := row.Get("at")
		gotN, _ := row.Get("n")
		gotBig, _ := row.Get("big")
		gotD, _ := row.Get("d")
		wantAt := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
		if name == dialect.MariaDB {
			wantAt = at
		}
		if !gotAt.(time.Time).Equal(wantAt) || gotD != "2020-01-02" {
			t.Errorf("dates: %v %v", gotAt, gotD)
		}
		if name == dialect.MySQL && (gotN != "1.50" || gotBig != "9007199254740993") {
			t.Errorf("mysql2 numbers: %#v %#v", gotN, gotBig)
		}
		if name == dialect.MariaDB {
			if gotN != 1.5 {
				t.Errorf("connector DECIMAL: %#v", gotN)
			}
			if l, ok := gotBig.(*dialect.Object); !ok || l.Class != "Long" {
				t.Errorf("connector BIGINT beyond 2^53: %#v", gotBig)
			}
		}
		if last := q.log[len(q.log)-1]; last != "SELECT at, d, n, big FROM t WHERE id = ?" {
			t.Errorf("bind rewritten to %q", last)
		}
	})
}

func TestTransactionStatements(t *testing.T) {
	both(t, func(t *testing.T, name dialect.Name) {
		d, q := open(t, name)
		ctx := context.Background()
		for _, op := range []dialect.Op{
			dialect.Begin{ID: "x", Isolation: "READ COMMITTED"},
			dialect.Begin{Savepoint: "x-sp-1"},
			dialect.Rollback{Savepoint: "x-sp-1"},
			dialect.Commit{Savepoint: "x-sp-1"},
			dialect.Commit{},
		} {
			if _, err := d.Exec(ctx, q, op); err != nil {
				t.Fatal(err)
			}
		}
		want := []string{"SET TRANSACTION ISOLATION LEVEL READ COMMITTED;", "START TRANSACTION;", "SAVEPOINT `x-sp-1`;", "ROLLBACK TO SAVEPOINT `x-sp-1`;", "COMMIT;"}
		if name == dialect.MySQL {
			want = append([]string{"SELECT VERSION() as `version`"}, want...)
		}
		if diff := cmp.Diff(want, q.log); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

func TestEveryOpHandled(t *testing.T) {
	t.Parallel()
	d, _ := New(dialect.Config{Dialect: dialect.MariaDB})
	for _, op := range dialect.AllOps() {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s panics on a zero op: %v", op.Method(), r)
				}
			}()
			_, err := d.Exec(context.Background(), failQuerier{}, op)
			if errors.Is(err, dialect.ErrUnsupported) {
				t.Errorf("%s is not handled", op.Method())
			}
		}()
	}
}

// failQuerier fails every statement.
type failQuerier struct{}

func (failQuerier) Exec(context.Context, string, ...any) (dialect.ExecResult, error) {
	return dialect.ExecResult{}, errors.New("no server")
}

func (failQuerier) Query(context.Context, string, ...any) (*dialect.Rows, error) {
	return nil, errors.New("no server")
}

// TestUnreadableWire checks the results when the protocol cannot be
// watched (TLS): rows through Query, counts through Exec.
func TestUnreadableWire(t *testing.T) {
	both(t, func(t *testing.T, name dialect.Name) {
		d, q := openWire(t, name, false)
		ctx := context.Background()
		if _, err := d.Exec(ctx, q, dialect.Raw{SQL: "CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, n INT)"}); err != nil {
			t.Fatal(err)
		}
		out, err := d.Exec(ctx, q, dialect.BulkInsert{Table: dialect.Table("t"), Rows: []*dialect.Object{dialect.NewObject("n", 1.0), dialect.NewObject("n", 2.0)}})
		if err != nil || out != 1.0 {
			t.Errorf("bulkInsert: %v, %v", out, err)
		}
		out, err = d.Exec(ctx, q, dialect.BulkUpdate{Table: dialect.Table("t"), Values: dialect.NewObject("n", 5.0), Where: dialect.NewObject("id", 1.0)})
		if err != nil || out != 1.0 {
			t.Errorf("bulkUpdate: %v, %v", out, err)
		}
		out, err = d.Exec(ctx, q, dialect.Raw{SQL: "SELECT n FROM t ORDER BY id", Type: "SELECT"})
		if err != nil || !cmp.Equal(out, []any{dialect.NewObject("n", 5.0), dialect.NewObject("n", 2.0)}) {
			t.Errorf("select: %s, %v", dialect.Describe(out), err)
		}
	})
}
