package freshdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	_ "modernc.org/sqlite"             // registers the "sqlite" database/sql driver
)

// Environment variables naming the servers, and the defaults the oracle uses
// when they are unset (the databases on the development machines).
const (
	PostgresEnv        = "SQZJS_TEST_POSTGRES_DSN"
	MySQLEnv           = "SQZJS_TEST_MYSQL_DSN"
	DefaultPostgresDSN = "postgres://postgres@127.0.0.1:5432/test"
	DefaultMySQLDSN    = "mysql://root@127.0.0.1:3306/test"
)

// EnvVar returns the environment variable holding the server DSN for dialect
// ("" for sqlite, which needs no server). mysql and mariadb share one server.
func EnvVar(dialect string) string {
	switch dialect {
	case "postgres":
		return PostgresEnv
	case "mysql", "mariadb":
		return MySQLEnv
	}
	return ""
}

// ServerDSN returns the DSN for dialect: lookup(EnvVar(dialect)) when set,
// else the default DSN. Pass os.LookupEnv as lookup. set reports whether the
// variable was set. For sqlite it returns ("", true).
func ServerDSN(dialect string, lookup func(string) (string, bool)) (dsn string, set bool) {
	name := EnvVar(dialect)
	if name == "" {
		return "", true
	}
	if v, ok := lookup(name); ok && v != "" {
		return v, true
	}
	if dialect == "postgres" {
		return DefaultPostgresDSN, false
	}
	return DefaultMySQLDSN, false
}

// Conn says how Sequelize reaches the database: the connection fields of the
// Sequelize constructor options (JSON field names are Sequelize's).
type Conn struct {
	Storage  string `json:"storage,omitempty"`
	Host     string `json:"host,omitempty"`
	Port     int    `json:"port,omitempty"`
	Username string `json:"username,omitempty"`
	Password string `json:"password,omitempty"`
	Database string `json:"database,omitempty"`
}

// DB is one fresh database. Close it to drop it.
type DB struct {
	Dialect string
	// Name is the database name (sqlite: the file's base name).
	Name string
	// DSN opens the fresh database with the dialect's Go driver
	// (DriverName).
	DSN        string
	DriverName string
	// DB is an open pool on the fresh database.
	DB *sql.DB
	// Conn is the same database as Sequelize constructor options.
	Conn Conn

	admin *sql.DB // server pool the database was created from (nil for sqlite)
}

// Create makes a fresh database for dialect (sqlite, postgres, mysql or
// mariadb). For sqlite it is a new file in dir and serverDSN is ignored; for
// the others serverDSN names the server (a URL such as
// postgres://user:pass@host:5432/db or mysql://user:pass@host:3306/db; for
// mysql a go-sql-driver DSN works too) and the new database is created there
// with a random name starting with "sqzjs_".
func Create(ctx context.Context, dialect, serverDSN, dir string) (*DB, error) {
	name, err := randomName()
	if err != nil {
		return nil, err
	}
	var d *DB
	switch dialect {
	case "sqlite":
		d, err = createSQLite(name, dir)
	case "postgres":
		d, err = createPostgres(ctx, name, serverDSN)
	case "mysql", "mariadb":
		d, err = createMySQL(ctx, name, serverDSN)
	default:
		return nil, fmt.Errorf("freshdb: unknown dialect %q", dialect)
	}
	if err != nil {
		return nil, fmt.Errorf("freshdb: %s: %w", dialect, err)
	}
	d.Dialect = dialect
	return d, nil
}

func randomName() (string, error) {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("freshdb: random name: %w", err)
	}
	return "sqzjs_" + hex.EncodeToString(b[:]), nil
}

func createSQLite(name, dir string) (*DB, error) {
	if dir == "" {
		return nil, errors.New("a directory for the database file is required")
	}
	path, err := filepath.Abs(filepath.Join(dir, name+".sqlite"))
	if err != nil {
		return nil, err
	}
	dsn := "file:" + path
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	return &DB{Name: name, DSN: dsn, DriverName: "sqlite", DB: db, Conn: Conn{Storage: path}}, nil
}

func createPostgres(ctx context.Context, name, serverDSN string) (*DB, error) {
	u, err := url.Parse(serverDSN)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return nil, fmt.Errorf("server DSN %q is not a postgres:// URL", redact(serverDSN))
	}
	port := 5432
	if p := u.Port(); p != "" {
		if port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("server DSN port %q: %w", p, err)
		}
	}
	admin, err := sql.Open("pgx", serverDSN)
	if err != nil {
		return nil, err
	}
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE "`+name+`"`); err != nil {
		_ = admin.Close()
		return nil, fmt.Errorf("create database: %w", err)
	}
	nu := *u
	nu.Path = "/" + name
	dsn := nu.String()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		_, _ = admin.ExecContext(context.WithoutCancel(ctx), `DROP DATABASE IF EXISTS "`+name+`"`)
		_ = admin.Close()
		return nil, err
	}
	password, _ := u.User.Password()
	return &DB{
		Name: name, DSN: dsn, DriverName: "pgx", DB: db, admin: admin,
		Conn: Conn{Host: u.Hostname(), Port: port, Username: u.User.Username(), Password: password, Database: name},
	}, nil
}

// mysqlConfig parses a mysql:// URL or a go-sql-driver DSN.
func mysqlConfig(serverDSN string) (*mysql.Config, error) {
	if !strings.HasPrefix(serverDSN, "mysql://") && !strings.HasPrefix(serverDSN, "mariadb://") {
		cfg, err := mysql.ParseDSN(serverDSN)
		if err != nil {
			return nil, fmt.Errorf("server DSN %q: %w", redact(serverDSN), err)
		}
		return cfg, nil
	}
	u, err := url.Parse(serverDSN)
	if err != nil {
		return nil, fmt.Errorf("server DSN %q: %w", redact(serverDSN), err)
	}
	port := u.Port()
	if port == "" {
		port = "3306"
	}
	password, _ := u.User.Password()
	native := fmt.Sprintf("%s:%s@tcp(%s)%s", u.User.Username(), password, net.JoinHostPort(u.Hostname(), port), u.Path)
	if u.Path == "" {
		native += "/"
	}
	if u.RawQuery != "" {
		native += "?" + u.RawQuery
	}
	cfg, err := mysql.ParseDSN(native)
	if err != nil {
		return nil, fmt.Errorf("server DSN %q: %w", redact(serverDSN), err)
	}
	return cfg, nil
}

func createMySQL(ctx context.Context, name, serverDSN string) (*DB, error) {
	cfg, err := mysqlConfig(serverDSN)
	if err != nil {
		return nil, err
	}
	if cfg.Net != "tcp" {
		return nil, fmt.Errorf("server DSN must use tcp, not %q (Sequelize needs a host and port)", cfg.Net)
	}
	host, portText, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("server address %q: %w", cfg.Addr, err)
	}
	port, err := strconv.Atoi(portText)
	if err != nil {
		return nil, fmt.Errorf("server port %q: %w", portText, err)
	}
	adminCfg := cfg.Clone()
	adminCfg.DBName = ""
	admin, err := sql.Open("mysql", adminCfg.FormatDSN())
	if err != nil {
		return nil, err
	}
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE `"+name+"`"); err != nil {
		_ = admin.Close()
		return nil, fmt.Errorf("create database: %w", err)
	}
	dbCfg := cfg.Clone()
	dbCfg.DBName = name
	dsn := dbCfg.FormatDSN()
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		_, _ = admin.ExecContext(context.WithoutCancel(ctx), "DROP DATABASE IF EXISTS `"+name+"`")
		_ = admin.Close()
		return nil, err
	}
	return &DB{
		Name: name, DSN: dsn, DriverName: "mysql", DB: db, admin: admin,
		Conn: Conn{Host: host, Port: port, Username: cfg.User, Password: cfg.Passwd, Database: name},
	}, nil
}

// Close closes the pool and drops the database (sqlite: the file is left to
// its directory's owner, e.g. t.TempDir). It is safe to call once.
func (d *DB) Close(ctx context.Context) error {
	ctx = context.WithoutCancel(ctx)
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	err := d.DB.Close()
	if d.admin == nil {
		return err
	}
	var dropErr error
	switch d.Dialect {
	case "postgres":
		// FORCE ends sessions a crashed client left behind (PostgreSQL 13+).
		if _, dropErr = d.admin.ExecContext(ctx, `DROP DATABASE IF EXISTS "`+d.Name+`" WITH (FORCE)`); dropErr != nil {
			_, dropErr = d.admin.ExecContext(ctx, `DROP DATABASE IF EXISTS "`+d.Name+`"`)
		}
	default:
		_, dropErr = d.admin.ExecContext(ctx, "DROP DATABASE IF EXISTS `"+d.Name+"`")
	}
	if dropErr != nil {
		dropErr = fmt.Errorf("freshdb: drop %s: %w", d.Name, dropErr)
	}
	return errors.Join(err, dropErr, d.admin.Close())
}

// redact hides a password in a DSN for error messages.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
	}
	return dsn
}
