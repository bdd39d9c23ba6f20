package sqlgen

import (
	"fmt"
	"testing"
	"time"

	"github.com/sqzjs/sqzjs/dialect"
)

// Renderer benchmarks: the SQL text of bulkInsert (every value escaped
// inline), the most value-heavy statement a migration sends.

func benchFlavor(name dialect.Name) Flavor {
	f := Flavor{Name: name, Tick: '"', Timezone: "+00:00", Schemas: true, ReturnValues: true, BulkDefault: true, DefaultKeyword: true}
	f.FormatDate = func(t time.Time, tz string, _ *dialect.DataType) (string, error) { return MomentDate(t, tz) }
	switch name {
	case dialect.SQLite:
		f.Tick, f.Schemas, f.BooleanAsInt, f.ReturnValues, f.BulkDefault = '`', false, true, false, false
	case dialect.MySQL:
		f.Tick, f.Schemas, f.BackslashEscapes, f.ReturnValues = '`', false, true, false
	}
	return f
}

// benchRows are n rows of twelve values like the ones `make bench` seeds.
func benchRows(n int) []*dialect.Object {
	rows := make([]*dialect.Object, n)
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
	return rows
}

func BenchmarkBulkInsert(b *testing.B) {
	for _, name := range []dialect.Name{dialect.SQLite, dialect.Postgres, dialect.MySQL} {
		for _, n := range []int{100, 10000} {
			b.Run(fmt.Sprintf("%s/rows=%d", name, n), func(b *testing.B) {
				op := dialect.BulkInsert{Table: dialect.Table("items"), Rows: benchRows(n)}
				f := benchFlavor(name)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := f.BulkInsert(op); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkEscape is one value of each kind escaped as a literal.
func BenchmarkEscape(b *testing.B) {
	f := benchFlavor(dialect.Postgres)
	values := map[string]any{
		"string": "It's a string", "number": 1234.5, "bool": true, "null": nil,
		"date": time.Date(2024, 1, 1, 12, 30, 0, 0, time.UTC), "bytes": []byte("bytes"),
	}
	for name, v := range values {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f.Escape(v, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
