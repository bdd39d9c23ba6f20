package bridge

import (
	"context"
	"errors"
	"testing"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/jsrt"
	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

// Benchmarks of the bridge's own costs: building the Sequelize surface,
// and a QueryInterface call's trip from JavaScript to the executor and back
// to a settled promise, on a dialect that runs nothing.

// nopDialect plans nothing and answers every operation at once.
type nopDialect struct{}

func (nopDialect) Name() dialect.Name { return dialect.SQLite }
func (nopDialect) Open(context.Context, dialect.Config) (dialect.Connector, error) {
	return nopConnector{}, nil
}
func (nopDialect) Exec(_ context.Context, _ dialect.Querier, op dialect.Op) (any, error) {
	switch op := op.(type) {
	case dialect.BulkInsert:
		return float64(len(op.Rows)), nil
	case dialect.Raw:
		return []any{[]any{}, dialect.NewObject()}, nil
	}
	return dialect.Undefined{}, nil
}
func (nopDialect) Classify(err error) *dialect.DBError {
	return &dialect.DBError{Message: err.Error(), Err: err}
}
func (nopDialect) QuoteIdentifier(name string) string   { return "`" + name + "`" }
func (nopDialect) QuoteTable(t dialect.TableRef) string { return "`" + t.Name + "`" }
func (nopDialect) Escape(any) (string, error)           { return "", errors.New("not supported") }

type nopConnector struct{}

func (nopConnector) Conn(context.Context) (dialect.Conn, error) { return nopConn{}, nil }
func (nopConnector) Close() error                               { return nil }

type nopConn struct{}

func (nopConn) Exec(context.Context, string, ...any) (dialect.ExecResult, error) {
	return dialect.ExecResult{}, nil
}
func (nopConn) Query(context.Context, string, ...any) (*dialect.Rows, error) {
	return &dialect.Rows{}, nil
}
func (nopConn) Close() error { return nil }

// BenchmarkCompilePrelude is parsing and compiling the Sequelize prelude.
func BenchmarkCompilePrelude(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := goja.Compile(preludeName, preludeSource, true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStart is a migrating run's JavaScript start-up: jsrt.New (its
// prelude compiled once per process, as in a real run), Prepare, Connect,
// and Ready, which runs the Sequelize prelude and builds the instance (a
// status run stops before Ready: BenchmarkCLIStatus in package bench).
func BenchmarkStart(b *testing.B) {
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		rt := jsrttest.NewRuntime(b)
		s, err := New(ctx, rt, Options{Dialect: nopDialect{}, Connector: nopConnector{}, Config: map[string]any{"dialect": "sqlite"}})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := rt.Loop().Await(ctx, func(*goja.Runtime) (goja.Value, error) { return goja.Undefined(), s.Ready() }); err != nil {
			b.Fatal(err)
		}
		s.Close()
		rt.Close()
	}
}

func benchSession(b *testing.B) *jsrt.Runtime {
	b.Helper()
	rt := jsrttest.NewRuntime(b)
	s, err := New(context.Background(), rt, Options{Dialect: nopDialect{}, Connector: nopConnector{}, Config: map[string]any{"dialect": "sqlite", "logging": false}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	_, err = rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		_ = vm.Set("qi", s.QueryInterface())
		_ = vm.Set("S", s.Sequelize())
		return goja.Undefined(), nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return rt
}

// runN runs body b.N times in one async function on the loop.
func runN(b *testing.B, rt *jsrt.Runtime, setup, body string) {
	b.Helper()
	src := "(async function (n) {\n" + setup + "\nfor (let i = 0; i < n; i++) {\n" + body + "\n}\n})"
	b.ReportAllocs()
	b.ResetTimer()
	_, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		fn, err := vm.RunString(src)
		if err != nil {
			return nil, err
		}
		call, _ := goja.AssertFunction(fn)
		return call(goja.Undefined(), vm.ToValue(b.N))
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRoundTrip is one awaited sequelize.query: the prelude's
// argument handling, the native call, the executor, the log and the
// promise's resolution.
func BenchmarkRoundTrip(b *testing.B) {
	runN(b, benchSession(b), "", "await qi.sequelize.query('SELECT 1');")
}

// BenchmarkAddColumn is an awaited addColumn: normalizeAttribute and the
// conversion of a DataType into Go.
func BenchmarkAddColumn(b *testing.B) {
	runN(b, benchSession(b), "", "await qi.addColumn('items', 'notes', { type: S.STRING(100), allowNull: true });")
}

// BenchmarkBulkInsert100 is an awaited bulkInsert of 100 rows of twelve
// values (strings, numbers, booleans, Dates, null): the rows' conversion.
func BenchmarkBulkInsert100(b *testing.B) {
	setup := `const rows = [];
for (let i = 0; i < 100; i++) {
  rows.push({ sku: 'sku-' + i, title: 'Item ' + i, price: (i * 1.25).toFixed(2), quantity: i * 3, active: i % 2 === 0,
    publishedAt: new Date(Date.UTC(2024, 0, 1 + (i % 28))), parentId: null, notes: 'note ' + i,
    body: "It's a body", attributes: JSON.stringify({ size: i }), createdAt: new Date(0), updatedAt: new Date(0) });
}`
	runN(b, benchSession(b), setup, "await qi.bulkInsert('items', rows);")
}
