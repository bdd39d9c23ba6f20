package dialect

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Name is a Sequelize dialect name.
type Name string

// The dialects sqzjs speaks.
const (
	Postgres Name = "postgres"
	MySQL    Name = "mysql"
	MariaDB  Name = "mariadb"
	SQLite   Name = "sqlite"
)

// ErrUnsupported is wrapped by errors for operations or options a dialect
// cannot perform (as opposed to input Sequelize itself would reject).
var ErrUnsupported = errors.New("not supported")

// Dialect is one database dialect. Values are stateless and safe for
// concurrent use; the connection is always an argument.
type Dialect interface {
	// Name is the Sequelize dialect name.
	Name() Name
	// Open prepares connections as Sequelize would with cfg. Connections
	// are made by the returned Connector, each set up as Sequelize sets up a
	// new connection (SQLite's PRAGMA foreign_keys, Postgres's time zone…).
	Open(ctx context.Context, cfg Config) (Connector, error)
	// Exec performs op on q exactly as the dialect's Sequelize query
	// interface does: the same statements, in the same order, with the same
	// introspection queries, and returns the value Sequelize resolves with,
	// as a value of the set documented in value.go.
	Exec(ctx context.Context, q Querier, op Op) (any, error)
	// Classify turns a driver error into a database error with Sequelize's
	// error name and the driver's code, as the Node driver reports them.
	Classify(err error) *DBError
	// QuoteIdentifier quotes a name as queryGenerator.quoteIdentifier does.
	QuoteIdentifier(name string) string
	// QuoteTable quotes a table reference as queryGenerator.quoteTable does.
	QuoteTable(t TableRef) string
	// Escape renders a value as an SQL literal (sequelize.escape).
	Escape(v any) (string, error)
}

// Querier runs SQL for a dialect. The caller (package bridge) implements it
// over one connection or transaction, logs every statement as Sequelize
// does ("Executing (default): …"), and classifies errors with
// Dialect.Classify into *DBError.
type Querier interface {
	// Exec runs a statement that returns no rows.
	Exec(ctx context.Context, query string, args ...any) (ExecResult, error)
	// Query runs a statement and returns all of its rows.
	Query(ctx context.Context, query string, args ...any) (*Rows, error)
}

// Connector makes connections to one database. Sequelize uses one
// connection for statements outside transactions and one more for each open
// transaction; sqzjs does the same.
type Connector interface {
	// Conn opens a new connection, set up as Sequelize sets one up.
	Conn(ctx context.Context) (Conn, error)
	// Close releases what the connector holds; connections it made must be
	// closed first.
	Close() error
}

// Conn is one database connection ("session"). It is used by one goroutine
// at a time.
type Conn interface {
	Querier
	Close() error
}

// NamedArgs, passed as the only argument of Exec or Query, binds parameters
// by name ($name) instead of by position. The object keeps the names in the
// order the migration wrote them (for logging).
type NamedArgs struct{ *Object }

// ExecResult is what a statement without rows reports.
type ExecResult struct {
	RowsAffected int64
	LastInsertID int64
	// Ignored holds statements after the first one that the driver did not
	// run (SQLite runs only the first statement of a string, as
	// node-sqlite3 does); "" when there were none.
	Ignored string
}

// Rows is a fully read result set. Values are int64, float64, bool, []byte,
// string, time.Time or nil, as the driver returns them.
type Rows struct {
	Columns []string
	Values  [][]any
	// RowsAffected and LastInsertID, when the driver reports them for a
	// statement that returned rows.
	RowsAffected int64
	LastInsertID int64
	// Ignored: see ExecResult.
	Ignored string
}

// Config is the connection part of a Sequelize configuration.
type Config struct {
	Dialect        Name
	Database       string
	Username       string
	Password       string
	Host           string
	Port           string
	Storage        string // SQLite file (":memory:" for an in-memory database)
	Timezone       string // default "+00:00"
	Schema         string // Postgres default schema
	DialectOptions map[string]any
	// ForeignKeys is false when the SQLite config sets foreignKeys: false.
	ForeignKeys *bool
	// BusyTimeout bounds how long SQLite waits for a lock.
	BusyTimeout time.Duration
}

// ErrorKind classifies database errors as Sequelize does.
type ErrorKind int

// The error kinds, each with Sequelize's error class name.
const (
	KindDatabase ErrorKind = iota
	KindUniqueConstraint
	KindForeignKeyConstraint
	KindExclusionConstraint
	KindTimeout
	KindConnection
	KindUnknownConstraint
)

// SequelizeName is the `name` Sequelize gives errors of this kind.
func (k ErrorKind) SequelizeName() string {
	switch k {
	case KindUniqueConstraint:
		return "SequelizeUniqueConstraintError"
	case KindForeignKeyConstraint:
		return "SequelizeForeignKeyConstraintError"
	case KindExclusionConstraint:
		return "SequelizeExclusionConstraintError"
	case KindTimeout:
		return "SequelizeTimeoutError"
	case KindConnection:
		return "SequelizeConnectionError"
	case KindUnknownConstraint:
		return "SequelizeUnknownConstraintError"
	default:
		return "SequelizeDatabaseError"
	}
}

// DBError is a database error shaped for Sequelize's error objects: the
// driver's code and message as the Node driver reports them, plus the SQL.
type DBError struct {
	Kind    ErrorKind
	Code    string // e.g. "SQLITE_ERROR", "23505", "ER_DUP_ENTRY"
	Errno   int
	Message string // the driver message as Node shows it
	Detail  string
	// Fields names the columns of a unique violation as an array (what
	// Sequelize's SQLite dialect reports as err.fields).
	Fields []string
	// FieldValues is a unique violation's err.fields as an object, column →
	// value (Postgres and MySQL report it so); it wins over Fields.
	FieldValues *Object
	// SequelizeMessage, when set, is the Sequelize error's message where it
	// is not the driver's (for example "Validation error").
	SequelizeMessage string
	// ForeignKey describes a foreign-key violation for
	// SequelizeForeignKeyConstraintError (nil when the dialect reports
	// nothing beyond the driver error).
	ForeignKey *ForeignKeyViolation
	// Constraint and Table name what an unknown-constraint error is about
	// (SequelizeUnknownConstraintError's constraint and table).
	Constraint string
	Table      string
	SQL        string
	Params     any
	Err        error
}

// ForeignKeyViolation is what Sequelize's dialects read from a foreign-key
// error: the constraint (index), the table, the columns and which side
// failed ("parent" when a referenced row was deleted, "child" when a
// reference points nowhere).
type ForeignKeyViolation struct {
	Table   string
	Index   string
	Reltype string
	// Fields is nil when the dialect reports fields: null (Postgres) and
	// NoFields is set; empty Fields with NoFields false means undefined.
	Fields     []string
	NullFields bool
}

func (e *DBError) Error() string {
	if e.Message != "" {
		return e.Message
	}
	if e.Err != nil {
		return e.Err.Error()
	}
	return "database error"
}

func (e *DBError) Unwrap() error { return e.Err }

// Unsupported returns an error wrapping ErrUnsupported.
func Unsupported(d Name, format string, args ...any) error {
	return fmt.Errorf("%s: %s: %w", d, fmt.Sprintf(format, args...), ErrUnsupported)
}

type internalKey struct{}

// WithInternal marks statements run with the returned context as sqzjs's
// own (for example the PRAGMA foreign_keys switch around an SQLite table
// rebuild): Sequelize would not have run them, so they are not logged as
// Sequelize's statements.
func WithInternal(ctx context.Context) context.Context {
	return context.WithValue(ctx, internalKey{}, true)
}

// IsInternal reports whether ctx was made by WithInternal.
func IsInternal(ctx context.Context) bool {
	b, _ := ctx.Value(internalKey{}).(bool)
	return b
}

type unloggedKey struct{}

// WithUnlogged marks statements run with the returned context as ones
// Sequelize runs with a no-op logging function (the connection manager's
// first-connection version query): they are Sequelize's statements, but
// never reach the configured logging.
func WithUnlogged(ctx context.Context) context.Context {
	return context.WithValue(ctx, unloggedKey{}, true)
}

// IsUnlogged reports whether ctx was made by WithUnlogged.
func IsUnlogged(ctx context.Context) bool {
	b, _ := ctx.Value(unloggedKey{}).(bool)
	return b
}

type defaultQuerierKey struct{}

// WithDefaultQuerier gives Exec the querier of the default connection, for
// the few queries Sequelize runs without the caller's options (and so
// outside the caller's transaction), such as SQLite removeConstraint's
// constraint lookup.
func WithDefaultQuerier(ctx context.Context, q Querier) context.Context {
	return context.WithValue(ctx, defaultQuerierKey{}, q)
}

// DefaultQuerier returns the default connection's querier, or q itself when
// the operation already runs on the default connection.
func DefaultQuerier(ctx context.Context, q Querier) Querier {
	if d, ok := ctx.Value(defaultQuerierKey{}).(Querier); ok {
		return d
	}
	return q
}

type warnKey struct{}

// WithWarner makes Warn deliver to w (the bridge prints Sequelize's
// warnings as Sequelize does, once per text).
func WithWarner(ctx context.Context, w func(msg string)) context.Context {
	return context.WithValue(ctx, warnKey{}, w)
}

// Warn reports one of the warnings Sequelize prints through its logger
// ("(sequelize) Warning: …"), such as a DataType option a dialect drops.
func Warn(ctx context.Context, msg string) {
	if w, ok := ctx.Value(warnKey{}).(func(string)); ok {
		w(msg)
	}
}
