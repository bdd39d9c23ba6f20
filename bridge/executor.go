package bridge

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/sqzjs/sqzjs/dialect"
)

// Statement is one statement as it was run, for logging: the connection it
// ran on ("default" or a transaction id), the SQL, its bind parameters and
// how long it took.
type Statement struct {
	Conn     string
	SQL      string
	Params   []any
	Named    *dialect.Object
	Duration time.Duration
	// Ignored is SQL after the first statement that the driver did not run.
	Ignored string
	// Warning, when set, is not a statement but a warning Sequelize prints
	// through its logger while planning ("SQLite does not support …").
	Warning string
	// Internal marks a statement sqzjs ran for its own purposes
	// (dialect.WithInternal); Sequelize would not have run it, so it is not
	// logged through sequelize.log.
	Internal bool
	// Unlogged marks a statement Sequelize runs with a no-op logging
	// function (dialect.WithUnlogged): it is not logged either.
	Unlogged bool
}

// executor runs jobs one after another on one connection, in the order they
// were submitted: the queries of a connection run in call order, as Node's
// drivers queue them. The connection is opened by the first job.
type executor struct {
	name   string // "default" or the transaction id
	open   func(ctx context.Context) (dialect.Conn, error)
	jobs   chan func()
	conn   dialect.Conn
	once   sync.Once
	closed chan struct{}
}

func newExecutor(name string, open func(ctx context.Context) (dialect.Conn, error)) *executor {
	e := &executor{name: name, open: open, jobs: make(chan func(), 64), closed: make(chan struct{})}
	go e.loop()
	return e
}

func (e *executor) loop() {
	defer close(e.closed)
	for job := range e.jobs {
		job()
	}
	if e.conn != nil {
		e.conn.Close()
	}
}

// submit queues job; it never blocks the caller for long (the queue grows
// through a goroutine when full).
func (e *executor) submit(job func()) {
	select {
	case e.jobs <- job:
	default:
		go func() { e.jobs <- job }()
	}
}

// stop closes the queue after the jobs already submitted and waits for the
// connection to be closed.
func (e *executor) stop() {
	e.once.Do(func() { close(e.jobs) })
	<-e.closed
}

// connection opens the connection on first use; it runs on the executor
// goroutine.
func (e *executor) connection(ctx context.Context) (dialect.Conn, error) {
	if e.conn != nil {
		return e.conn, nil
	}
	c, err := e.open(ctx)
	if err != nil {
		return nil, err
	}
	e.conn = c
	return c, nil
}

// querier is the dialect.Querier handed to Dialect.Exec: it records every
// statement for logging and turns driver errors into *dialect.DBError with
// the statement attached.
type querier struct {
	conn dialect.Conn
	d    dialect.Dialect
	name string
	log  []Statement
	// onStatement, when set, sees every statement as soon as it ran.
	onStatement func(Statement)
	// slow and warn: a statement running longer than slow is reported.
	slow time.Duration
	warn func(string)
}

func (q *querier) record(ctx context.Context, sql string, args []any, start time.Time, ignored string) {
	st := Statement{Conn: q.name, SQL: sql, Duration: time.Since(start), Ignored: ignored, Internal: dialect.IsInternal(ctx), Unlogged: dialect.IsUnlogged(ctx)}
	if q.onStatement != nil {
		defer func() { q.onStatement(q.log[len(q.log)-1]) }()
	}
	if len(args) == 1 {
		if named, ok := args[0].(dialect.NamedArgs); ok {
			st.Named = named.Object
			q.log = append(q.log, st)
			return
		}
	}
	st.Params = args
	q.log = append(q.log, st)
}

func (q *querier) wrap(sql string, args []any, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	e := q.d.Classify(err)
	e.SQL = sql
	if len(args) > 0 {
		e.Params = args
	}
	return e
}

// watch warns when a statement runs longer than the session's threshold
// (a lock wait, usually), so a migration never hangs silently; the returned
// function stops the watch.
func (q *querier) watch(sql string) func() {
	if q.slow <= 0 || q.warn == nil {
		return func() {}
	}
	start := time.Now()
	t := time.AfterFunc(q.slow, func() {
		q.warn(fmt.Sprintf("a statement on the %s connection has been running for %s (waiting for a lock held by another session?): %s",
			q.name, time.Since(start).Round(time.Second), truncate(sql, 200)))
	})
	return func() { t.Stop() }
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func (q *querier) Exec(ctx context.Context, sql string, args ...any) (dialect.ExecResult, error) {
	start := time.Now()
	defer q.watch(sql)()
	res, err := q.conn.Exec(ctx, sql, args...)
	q.record(ctx, sql, args, start, res.Ignored)
	return res, q.wrap(sql, args, err)
}

func (q *querier) Query(ctx context.Context, sql string, args ...any) (*dialect.Rows, error) {
	start := time.Now()
	defer q.watch(sql)()
	rows, err := q.conn.Query(ctx, sql, args...)
	ignored := ""
	if rows != nil {
		ignored = rows.Ignored
	}
	q.record(ctx, sql, args, start, ignored)
	return rows, q.wrap(sql, args, err)
}

var _ dialect.Querier = (*querier)(nil)

// newQuerier makes the querier of one operation on connection c.
func (s *Session) newQuerier(c dialect.Conn, name string) *querier {
	slow := s.opts.SlowStatement
	if slow == 0 {
		slow = DefaultSlowStatement
	}
	return &querier{conn: c, d: s.d, name: name, onStatement: s.opts.OnStatement, slow: slow, warn: s.opts.Warn}
}

// DefaultSlowStatement is how long a statement may run before the session
// warns that it is still running.
const DefaultSlowStatement = 15 * time.Second

// run performs op on e's connection and reports the result, the statements
// it ran and an error. It runs on the executor goroutine.
func (s *Session) run(ctx context.Context, e *executor, op dialect.Op) (any, []Statement, error) {
	c, err := e.connection(ctx)
	if err != nil {
		var dbe *dialect.DBError
		if errors.As(err, &dbe) {
			if dbe.Kind == dialect.KindDatabase {
				dbe.Kind = dialect.KindConnection
			}
			return nil, nil, dbe
		}
		return nil, nil, &dialect.DBError{Kind: dialect.KindConnection, Message: err.Error(), Err: err}
	}
	q := s.newQuerier(c, e.name)
	if e != s.def {
		ctx = dialect.WithDefaultQuerier(ctx, &defaultQuerier{s: s, log: &q.log})
	}
	ctx = dialect.WithWarner(ctx, func(msg string) {
		q.log = append(q.log, Statement{Conn: q.name, Warning: msg})
	})
	res, err := s.d.Exec(ctx, q, op)
	return res, q.log, err
}

// defaultQuerier runs statements of a transaction's operation on the
// default connection (dialect.DefaultQuerier), in the default executor's
// order, recording them in the operation's log.
type defaultQuerier struct {
	s   *Session
	log *[]Statement
}

func (d *defaultQuerier) do(ctx context.Context, f func(q *querier) error) error {
	done := make(chan error, 1)
	def := d.s.def
	def.submit(func() {
		c, err := def.connection(ctx)
		if err != nil {
			done <- err
			return
		}
		q := d.s.newQuerier(c, def.name)
		err = f(q)
		*d.log = append(*d.log, q.log...)
		done <- err
	})
	// The job always finishes (its statements see ctx), and it writes into
	// the caller's log, so wait for it even when ctx ends.
	return <-done
}

func (d *defaultQuerier) Exec(ctx context.Context, sql string, args ...any) (dialect.ExecResult, error) {
	var res dialect.ExecResult
	err := d.do(ctx, func(q *querier) error {
		var err error
		res, err = q.Exec(ctx, sql, args...)
		return err
	})
	return res, err
}

func (d *defaultQuerier) Query(ctx context.Context, sql string, args ...any) (*dialect.Rows, error) {
	var rows *dialect.Rows
	err := d.do(ctx, func(q *querier) error {
		var err error
		rows, err = q.Query(ctx, sql, args...)
		return err
	})
	return rows, err
}
