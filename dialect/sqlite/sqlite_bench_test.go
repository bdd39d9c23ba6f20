package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sqzjs/sqzjs/dialect"
)

// Planning benchmarks: Dialect.Exec of each operation of `make bench`'s
// migration mix on a querier that answers from a recording, so that only
// sqzjs's planning (introspection parsing, SQL rendering, value escaping)
// is measured, not SQLite.

// call is one statement an operation ran and what it returned.
type call struct {
	sql  string
	rows *dialect.Rows
	res  dialect.ExecResult
}

// recorder runs statements on a real connection and keeps their results.
type recorder struct {
	dialect.Conn
	calls []call
}

func (r *recorder) Exec(ctx context.Context, q string, args ...any) (dialect.ExecResult, error) {
	res, err := r.Conn.Exec(ctx, q, args...)
	r.calls = append(r.calls, call{sql: q, res: res})
	return res, err
}

func (r *recorder) Query(ctx context.Context, q string, args ...any) (*dialect.Rows, error) {
	rows, err := r.Conn.Query(ctx, q, args...)
	r.calls = append(r.calls, call{sql: q, rows: rows})
	return rows, err
}

// player answers the statements of one operation in the recorded order.
type player struct {
	calls []call
	i     int
}

func (p *player) next(q string) (call, error) {
	if p.i >= len(p.calls) {
		return call{}, fmt.Errorf("unexpected statement %q", q)
	}
	c := p.calls[p.i]
	p.i++
	return c, nil
}

func (p *player) Exec(_ context.Context, q string, _ ...any) (dialect.ExecResult, error) {
	c, err := p.next(q)
	return c.res, err
}

func (p *player) Query(_ context.Context, q string, _ ...any) (*dialect.Rows, error) {
	c, err := p.next(q)
	if c.rows == nil {
		return &dialect.Rows{}, err
	}
	return c.rows, err
}

func benchBool(v bool) *bool { return &v }

// mixOps are the operations of one group of bench.Migrations, as the bridge
// hands them to the dialect.
func mixOps() []dialect.Op {
	t := dialect.Table("items")
	str := func(n string) *dialect.DataType { return &dialect.DataType{Key: "STRING", Length: n} }
	typ := func(k string) *dialect.DataType { return &dialect.DataType{Key: k} }
	cols := []dialect.Column{
		{Name: "id", Type: typ("INTEGER"), AllowNull: benchBool(false), PrimaryKey: benchBool(true), AutoIncrement: benchBool(true)},
		{Name: "sku", Type: str("64"), AllowNull: benchBool(false), Unique: true},
		{Name: "title", Type: str("255"), AllowNull: benchBool(false)},
		{Name: "price", Type: &dialect.DataType{Key: "DECIMAL", Precision: "10", Scale: "2"}, AllowNull: benchBool(false), HasDefault: true, Default: float64(0)},
		{Name: "quantity", Type: typ("INTEGER"), AllowNull: benchBool(false), HasDefault: true, Default: float64(0)},
		{Name: "active", Type: typ("BOOLEAN"), AllowNull: benchBool(false), HasDefault: true, Default: true},
		{Name: "publishedAt", Type: typ("DATE")},
		{Name: "parentId", Type: typ("INTEGER"), References: &dialect.Reference{Table: t, Key: "id"}, OnUpdate: "CASCADE", OnDelete: "SET NULL"},
		{Name: "body", Type: typ("TEXT")},
		{Name: "attributes", Type: typ("JSON")},
		{Name: "createdAt", Type: typ("DATE"), AllowNull: benchBool(false)},
		{Name: "updatedAt", Type: typ("DATE"), AllowNull: benchBool(false)},
	}
	rows := make([]*dialect.Object, 100)
	day := time.Date(2024, 1, 1, 12, 30, 0, 0, time.UTC)
	for i := range rows {
		rows[i] = dialect.NewObject(
			"sku", fmt.Sprintf("sku-0-%d", i), "title", fmt.Sprintf("Item %d of group 0", i),
			"price", fmt.Sprintf("%.2f", float64(i)*1.25+0.5), "quantity", float64(i*3), "active", i%2 == 0,
			"publishedAt", day.AddDate(0, 0, i%28), "parentId", nil, "notes", "note",
			"body", "Body text of item. It's long enough to look like a description.",
			"attributes", `{"color":"red","size":1}`, "createdAt", day, "updatedAt", day,
		)
	}
	return []dialect.Op{
		dialect.CreateTable{Table: t, Columns: cols},
		dialect.AddColumn{Table: t, Column: dialect.Column{Name: "notes", Type: str("100"), AllowNull: benchBool(true)}},
		dialect.AddIndex{Table: t, Index: dialect.Index{Fields: []dialect.IndexField{{Name: "title"}, {Name: "quantity"}}}, RawTable: "items"},
		dialect.BulkInsert{Table: t, Rows: rows},
		dialect.ChangeColumn{Table: t, Column: dialect.Column{Name: "notes", Type: str("200"), AllowNull: benchBool(true)}},
	}
}

func BenchmarkPlan(b *testing.B) {
	ctx := context.Background()
	d, err := New(dialect.Config{})
	if err != nil {
		b.Fatal(err)
	}
	cn, err := d.Open(ctx, dialect.Config{Storage: ":memory:"})
	if err != nil {
		b.Fatal(err)
	}
	c, err := cn.Conn(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer cn.Close()
	defer c.Close()
	for _, op := range mixOps() {
		rec := &recorder{Conn: c}
		if _, err := d.Exec(ctx, rec, op); err != nil {
			b.Fatalf("%s: %v", op.Method(), err)
		}
		b.Run(op.Method(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.Exec(ctx, &player{calls: rec.calls}, op); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
