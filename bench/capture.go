package bench

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/sqzjs/sqzjs/bench/replayfile"
	"github.com/sqzjs/sqzjs/bridge"
	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/all"
	"github.com/sqzjs/sqzjs/jsrt"
	"github.com/sqzjs/sqzjs/migrate"
)

// Capture runs `db:migrate` on the project in dir (written by WriteProject
// with c) in this process, doing what `sqzjs db:migrate` does on a fresh
// database (authenticate, list the tables, sync SequelizeMeta, run every
// pending file, record it), and returns every statement sqzjs sent, its own
// internal ones (the PRAGMA foreign_keys switch around SQLite rebuilds)
// included, in the order they ran. Sequelize's warnings are left out.
//
// The driver checks the result against the statements `sqzjs db:migrate`
// logs with logging on (see CheckAgainstLog), so that the replay is the
// binary's SQL and not this function's.
func Capture(ctx context.Context, dir string, c Conn) ([]bridge.Statement, error) {
	rt, err := jsrt.New(jsrt.Options{FS: os.DirFS("/"), Cwd: filepath.ToSlash(dir), Argv: []string{"sqzjs", "sqzjs", "db:migrate"}})
	if err != nil {
		return nil, err
	}
	defer rt.Close()
	sess, err := bridge.Prepare(ctx, rt)
	if err != nil {
		return nil, err
	}
	defer sess.Close()
	cfg := dialect.Config{Dialect: dialect.Name(c.Dialect), Database: c.Database, Username: c.Username, Host: c.Host, Storage: c.Storage}
	if c.Port != 0 {
		cfg.Port = strconv.Itoa(c.Port)
	}
	d, err := all.New(cfg)
	if err != nil {
		return nil, err
	}
	conn, err := d.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	var stmts []bridge.Statement
	obj := map[string]any{"dialect": c.Dialect}
	for k, v := range map[string]string{"storage": c.Storage, "host": c.Host, "username": c.Username, "database": c.Database} {
		if v != "" {
			obj[k] = v
		}
	}
	if c.Port != 0 {
		obj["port"] = c.Port
	}
	err = sess.Connect(ctx, bridge.Options{
		Dialect: d, Connector: conn, Config: obj, CLILogging: true,
		OnStatement: func(s bridge.Statement) {
			if s.Warning == "" {
				mu.Lock()
				stmts = append(stmts, s)
				mu.Unlock()
			}
		},
	})
	if err != nil {
		_ = conn.Close()
		return nil, err
	}
	// getMigrator: authenticate; ensureCurrentMetaSchema: list the tables
	// (SequelizeMeta is not there yet on a fresh database).
	if _, err := sess.Exec(ctx, dialect.Raw{SQL: "SELECT 1+1 AS result", Raw: true, Plain: true}); err != nil {
		return nil, err
	}
	if _, err := sess.Exec(ctx, dialect.ShowAllTables{}); err != nil {
		return nil, err
	}
	migrations := filepath.Join(dir, "migrations")
	runner := migrate.New(rt, sess, migrate.Options{
		Dir:     filepath.ToSlash(migrations),
		ReadDir: readDir,
		Storage: &migrate.SequelizeStorage{DB: sess, Table: dialect.TableRef{Name: "SequelizeMeta"}},
	})
	pending, err := runner.Pending(ctx)
	if err != nil {
		return nil, err
	}
	if len(pending) == 0 {
		return nil, errors.New("bench: nothing to migrate (the database is not fresh)")
	}
	if err := runner.Up(ctx, migrate.UpOptions{}); err != nil {
		return nil, err
	}
	if err := sess.Close(); err != nil {
		return nil, err
	}
	mu.Lock()
	defer mu.Unlock()
	return stmts, nil
}

func readDir(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.FromSlash(dir))
	if err != nil {
		return nil, err
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names, nil
}

// Ran is the part of s's SQL the driver ran: SQLite runs only the first
// statement of a string (s.Ignored holds the rest).
func Ran(s bridge.Statement) string {
	if s.Ignored == "" {
		return s.SQL
	}
	if i := strings.LastIndex(s.SQL, s.Ignored); i >= 0 {
		return strings.TrimSpace(s.SQL[:i])
	}
	return s.SQL
}

// ReplayStatements converts captured statements for the replay file.
func ReplayStatements(stmts []bridge.Statement) ([]replayfile.Statement, error) {
	out := make([]replayfile.Statement, 0, len(stmts))
	for _, s := range stmts {
		if s.Named != nil {
			return nil, fmt.Errorf("bench: named parameters are not replayed (%s)", s.SQL)
		}
		rs := replayfile.Statement{SQL: Ran(s)}
		for _, p := range s.Params {
			rp, err := replayfile.NewParam(p)
			if err != nil {
				return nil, fmt.Errorf("%w in %s", err, s.SQL)
			}
			rs.Params = append(rs.Params, rp)
		}
		out = append(out, rs)
	}
	return out, nil
}

// CheckAgainstLog compares the captured statements that Sequelize would log
// (all but sqzjs's internal ones and those Sequelize runs with a no-op
// logging, such as MySQL's first SELECT VERSION()) with the SQL `sqzjs db:migrate` printed
// with logging on (its stdout), and reports the first difference.
func CheckAgainstLog(stmts []bridge.Statement, stdout string) error {
	const prefix = "Executing (default): "
	var logged []string
	for _, part := range strings.Split("\n"+stdout, "\n"+prefix)[1:] {
		// A logged statement ends where the next "Executing" or a umzug line
		// ("== name: migrating ====") starts.
		if i := strings.Index(part, "\n== "); i >= 0 {
			part = part[:i]
		}
		logged = append(logged, strings.TrimRight(part, "\n"))
	}
	var want []string
	for _, s := range stmts {
		if !s.Internal && !s.Unlogged {
			want = append(want, s.SQL)
		}
	}
	for i := range min(len(want), len(logged)) {
		if want[i] != logged[i] {
			return fmt.Errorf("statement %d differs:\ncaptured: %.300s\nlogged:   %.300s", i+1, want[i], logged[i])
		}
	}
	if len(want) != len(logged) {
		return fmt.Errorf("captured %d statements, the binary logged %d", len(want), len(logged))
	}
	return nil
}
