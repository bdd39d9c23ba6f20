package freshdb

import (
	"context"
	"net"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"
)

var (
	probeMu sync.Mutex
	probed  = map[string]bool{}
)

// reachable reports whether the server of a URL-form DSN accepts a TCP
// connection (asked once per DSN per test binary).
func reachable(dsn string) bool {
	probeMu.Lock()
	defer probeMu.Unlock()
	if ok, done := probed[dsn]; done {
		return ok
	}
	ok := false
	if u, err := url.Parse(dsn); err == nil && u.Host != "" {
		if c, err := net.DialTimeout("tcp", u.Host, time.Second); err == nil {
			c.Close()
			ok = true
		}
	}
	probed[dsn] = ok
	return ok
}

// ForTest returns a fresh database for dialect that is dropped when t ends.
// SQLite always works (a file in t.TempDir()). For the server dialects the DSN
// comes from [EnvVar]; when it is unset the default DSN is used if its server
// answers, and otherwise the test is skipped with a message saying what to
// set — unless the environment variable CI is "true", where the default DSN
// is always tried and a missing server fails the test.
func ForTest(t testing.TB, dialect string) *DB {
	t.Helper()
	dsn, set := ServerDSN(dialect, os.LookupEnv)
	if !set && os.Getenv("CI") != "true" && !reachable(dsn) {
		t.Skipf("%s: %s is not set; set it to a server DSN (e.g. %s) to run this test", dialect, EnvVar(dialect), dsn)
	}
	ctx := context.Background()
	db, err := Create(ctx, dialect, dsn, t.TempDir())
	if err != nil {
		t.Fatalf("fresh %s database: %v", dialect, err)
	}
	t.Cleanup(func() {
		if err := db.Close(ctx); err != nil {
			t.Errorf("dropping fresh %s database: %v", dialect, err)
		}
	})
	return db
}
