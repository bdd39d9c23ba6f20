package bench_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/sqzjs/sqzjs/bench"
	"github.com/sqzjs/sqzjs/internal/cli"
)

// These benchmarks run the CLI in-process on SQLite, for profiles of whole
// runs (go test ./bench -bench CLI -cpuprofile …); `make bench` measures
// the binary.

func project(b *testing.B, files map[string]string) (dir string, cn bench.Conn) {
	b.Helper()
	dir = filepath.Join(b.TempDir(), "project")
	cn = bench.Conn{Dialect: "sqlite", Storage: filepath.Join(dir, "bench.sqlite")}
	if err := bench.WriteProject(dir, cn, files, ""); err != nil {
		b.Fatal(err)
	}
	return dir, cn
}

func runCLI(b *testing.B, dir string, args ...string) {
	b.Helper()
	code := cli.Main(&cli.State{
		Ctx: context.Background(), FS: os.DirFS("/"), Getwd: func() (string, error) { return dir, nil },
		Env: map[string]string{}, Args: args, Stdout: io.Discard, Stderr: io.Discard,
	})
	if code != 0 {
		b.Fatalf("sqzjs %v: exit code %d", args, code)
	}
}

// BenchmarkCLIStatus is `sqzjs db:migrate:status` with nothing pending:
// the fixed cost of a run (runtime, preludes, config, connection, the meta
// table's sync).
func BenchmarkCLIStatus(b *testing.B) {
	dir, _ := project(b, bench.Migrations(1))
	runCLI(b, dir, "db:migrate")
	b.ResetTimer()
	for b.Loop() {
		runCLI(b, dir, "db:migrate:status")
	}
}

// BenchmarkCLIMigrate is `sqzjs db:migrate` of the synthetic folder on a
// fresh SQLite file.
func BenchmarkCLIMigrate(b *testing.B) {
	for _, n := range []int{1, 50} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			migrateFresh(b, bench.Migrations(n))
		})
	}
}

// BenchmarkCLIBulkInsert is one migration inserting 10,000 rows with one
// bulkInsert (SQZJS_BENCH_BULK_ROWS changes the number).
func BenchmarkCLIBulkInsert(b *testing.B) {
	rows := 10000
	if s := os.Getenv("SQZJS_BENCH_BULK_ROWS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		rows = n
	}
	migrateFresh(b, bench.BulkMigration(rows))
}

// migrateFresh times `db:migrate` of files, each run on a new database.
func migrateFresh(b *testing.B, files map[string]string) {
	dir, cn := project(b, files)
	for b.Loop() {
		b.StopTimer()
		if err := os.Remove(cn.Storage); err != nil && !os.IsNotExist(err) {
			b.Fatal(err)
		}
		b.StartTimer()
		runCLI(b, dir, "db:migrate")
	}
}
