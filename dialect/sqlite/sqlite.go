package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// Dialect is Sequelize's SQLite dialect.
type Dialect struct {
	cfg dialect.Config
	f   sqlgen.Flavor
}

var _ dialect.Dialect = (*Dialect)(nil)

// New returns the SQLite dialect for cfg. Like Sequelize, it refuses a
// timezone other than +00:00.
func New(cfg dialect.Config) (*Dialect, error) {
	if cfg.Timezone != "" && cfg.Timezone != "+00:00" {
		return nil, errors.New("Setting a custom timezone is not supported by SQLite, dates are always returned as UTC. Please remove the custom timezone parameter.")
	}
	return &Dialect{cfg: cfg, f: flavor()}, nil
}

func flavor() sqlgen.Flavor {
	return sqlgen.Flavor{
		Name:                dialect.SQLite,
		Tick:                '`',
		BooleanAsInt:        true,
		Timezone:            "+00:00",
		Operators:           map[string]string{"regexp": "REGEXP", "notRegexp": "NOT REGEXP"},
		IndexCollate:        true,
		IndexWhere:          true,
		IgnoreDuplicates:    " OR IGNORE",
		UpdateOnDuplicate:   " ON CONFLICT DO UPDATE SET",
		DefaultValues:       " DEFAULT VALUES",
		FormatDate:          formatDate,
		CastType:            castType,
		IndexUsing:          0,
		IndexViaAlter:       false,
		IndexOperator:       false,
		IndexLength:         false,
		IndexConcurrently:   false,
		OnConflictDoNothing: "",
	}
}

// formatDate is the SQLite DATE stringify: moment's
// "YYYY-MM-DD HH:mm:ss.SSS Z" in the time zone.
func formatDate(t time.Time, tz string, _ *dialect.DataType) (string, error) {
	return sqlgen.MomentDate(t, tz)
}

var timestampRE = lazyre.MustCompile(`(?i)timestamp`)

func castType(t string) string {
	if timestampRE().MatchString(t) {
		return "datetime"
	}
	return t
}

// Name is "sqlite".
func (d *Dialect) Name() dialect.Name { return dialect.SQLite }

// QuoteIdentifier quotes with backticks, removing any inside.
func (d *Dialect) QuoteIdentifier(name string) string { return d.f.QuoteIdentifier(name) }

// QuoteTable quotes a table; a schema becomes part of the one name.
func (d *Dialect) QuoteTable(t dialect.TableRef) string { return d.f.QuoteTable(t) }

// Escape renders v as an SQLite literal.
func (d *Dialect) Escape(v any) (string, error) { return d.f.Escape(v, nil) }

// Open prepares connections to the database file named by cfg.Storage
// (":memory:" when empty, as Sequelize does without storage or host).
func (d *Dialect) Open(ctx context.Context, cfg dialect.Config) (dialect.Connector, error) {
	path := cfg.Storage
	if path == "" {
		path = ":memory:"
	}
	memory := path == ":memory:" || strings.HasPrefix(path, "file::memory:")
	if !memory {
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("sqlite: creating the directory of %s: %w", path, err)
			}
		}
	}
	busy := cfg.BusyTimeout
	if busy == 0 {
		busy = 10 * time.Second
	}
	fk := cfg.ForeignKeys == nil || *cfg.ForeignKeys
	return &connector{path: path, memory: memory, busy: busy, foreignKeys: fk}, nil
}

// connector opens connections to one SQLite file. An in-memory database has
// a single connection that every session shares, as in Sequelize.
type connector struct {
	path        string
	memory      bool
	busy        time.Duration
	foreignKeys bool

	mu     sync.Mutex
	shared *conn
	users  int
}

func (c *connector) open(ctx context.Context) (*conn, error) {
	cn, err := openConn(c.path, c.busy)
	if err != nil {
		return nil, fmt.Errorf("sqlite: opening %s: %w", c.path, err)
	}
	if c.foreignKeys {
		if _, err := cn.Exec(ctx, "PRAGMA FOREIGN_KEYS=ON"); err != nil {
			cn.Close()
			return nil, fmt.Errorf("sqlite: enabling foreign keys: %w", err)
		}
	}
	return cn, nil
}

func (c *connector) Conn(ctx context.Context) (dialect.Conn, error) {
	if !c.memory {
		return c.open(ctx)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.shared == nil {
		cn, err := c.open(ctx)
		if err != nil {
			return nil, err
		}
		c.shared = cn
	}
	c.users++
	return &sharedConn{conn: c.shared, owner: c}, nil
}

func (c *connector) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.shared != nil {
		err := c.shared.Close()
		c.shared = nil
		return err
	}
	return nil
}

// sharedConn is a session on the one in-memory connection.
type sharedConn struct {
	*conn
	owner *connector
	once  sync.Once
}

func (s *sharedConn) Close() error {
	s.once.Do(func() {
		s.owner.mu.Lock()
		s.owner.users--
		s.owner.mu.Unlock()
	})
	return nil
}

// Classify turns an SQLite error into Sequelize's shape: code and message
// as node-sqlite3 reports them ("SQLITE_CONSTRAINT", "SQLITE_CONSTRAINT:
// UNIQUE constraint failed: t.a").
func (d *Dialect) Classify(err error) *dialect.DBError {
	var se *sqliteError
	if !errors.As(err, &se) {
		return &dialect.DBError{Kind: dialect.KindDatabase, Message: err.Error(), Err: err}
	}
	name := primaryName(se.code)
	e := &dialect.DBError{
		Kind:    dialect.KindDatabase,
		Code:    name,
		Errno:   se.code & 0xff,
		Message: name + ": " + se.msg,
		Err:     err,
	}
	switch se.code & 0xff {
	case 19: // SQLITE_CONSTRAINT
		e.Fields = []string{}
		if strings.Contains(se.msg, "FOREIGN KEY constraint failed") {
			e.Fields = nil
			e.Kind = dialect.KindForeignKeyConstraint
			break
		}
		if m := regexp.MustCompile(`columns (.*?) are`).FindStringSubmatch(se.msg); m != nil {
			e.Kind = dialect.KindUniqueConstraint
			e.Fields = strings.Split(m[1], ", ")
		} else if m := regexp.MustCompile(`UNIQUE constraint failed: (.*)`).FindStringSubmatch(se.msg); m != nil {
			e.Kind = dialect.KindUniqueConstraint
			for _, ct := range strings.Split(m[1], ", ") {
				_, col, _ := strings.Cut(ct, ".")
				e.Fields = append(e.Fields, col)
			}
		} else {
			e.Kind = dialect.KindUniqueConstraint
		}
	case 5: // SQLITE_BUSY
		e.Kind = dialect.KindTimeout
	}
	return e
}
