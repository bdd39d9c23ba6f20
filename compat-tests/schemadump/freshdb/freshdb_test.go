package freshdb

import (
	"context"
	"strings"
	"testing"
)

func TestServerDSN(t *testing.T) {
	t.Parallel()
	none := func(string) (string, bool) { return "", false }
	if dsn, set := ServerDSN("postgres", none); dsn != DefaultPostgresDSN || set {
		t.Errorf("postgres default = %q, %v", dsn, set)
	}
	env := func(name string) (string, bool) {
		if name == MySQLEnv {
			return "mysql://u:p@db:3307/x", true
		}
		return "", false
	}
	if dsn, set := ServerDSN("mariadb", env); dsn != "mysql://u:p@db:3307/x" || !set {
		t.Errorf("mariadb from env = %q, %v", dsn, set)
	}
	if dsn, set := ServerDSN("sqlite", none); dsn != "" || !set {
		t.Errorf("sqlite = %q, %v", dsn, set)
	}
}

func TestMySQLConfig(t *testing.T) {
	t.Parallel()
	cfg, err := mysqlConfig("mysql://u:p%40ss@db.example:3307/x?parseTime=true")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.User != "u" || cfg.Passwd != "p@ss" || cfg.Addr != "db.example:3307" || cfg.DBName != "x" || !cfg.ParseTime {
		t.Errorf("config = %+v", cfg)
	}
	cfg, err = mysqlConfig("root@tcp(127.0.0.1:3306)/test")
	if err != nil || cfg.Addr != "127.0.0.1:3306" || cfg.DBName != "test" {
		t.Errorf("native DSN: %+v, %v", cfg, err)
	}
	if cfg, err = mysqlConfig("mysql://root@localhost"); err != nil || cfg.Addr != "localhost:3306" {
		t.Errorf("default port: %+v, %v", cfg, err)
	}
}

func TestCreateRejects(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	if _, err := Create(ctx, "oracle", "", t.TempDir()); err == nil || !strings.Contains(err.Error(), `unknown dialect "oracle"`) {
		t.Errorf("unknown dialect: %v", err)
	}
	if _, err := Create(ctx, "postgres", "mysql://x@y/z", ""); err == nil || !strings.Contains(err.Error(), "not a postgres:// URL") {
		t.Errorf("wrong URL: %v", err)
	}
	if _, err := Create(ctx, "sqlite", "", ""); err == nil {
		t.Error("sqlite without a directory")
	}
}

func TestForTest(t *testing.T) {
	t.Parallel()
	for _, d := range []string{"sqlite", "postgres", "mysql"} {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := ForTest(t, d)
			if err := db.DB.PingContext(context.Background()); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(db.Name, "sqzjs_") || (d != "sqlite" && db.Conn.Database != db.Name) || (d == "sqlite" && db.Conn.Storage == "") {
				t.Errorf("db = %+v", db)
			}
		})
	}
}
