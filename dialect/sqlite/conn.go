package sqlite

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/sqzjs/sqzjs/dialect"
)

// conn is one SQLite database connection, used through SQLite's C API as
// compiled to Go by modernc.org/sqlite/lib. sqzjs talks to SQLite this way,
// rather than through database/sql, for three things Sequelize's behaviour
// depends on and database/sql hides: text is returned exactly as stored
// (database/sql drivers turn DATETIME text into time.Time), only the first
// statement of a string runs (what node-sqlite3 does; the rest is reported
// in Ignored), and errors keep SQLite's result code.
//
// A conn is used by one goroutine at a time (the bridge's executor); mu
// guards against misuse and against Close racing an interrupt.
type conn struct {
	mu  sync.Mutex
	tls *libc.TLS
	db  uintptr
}

// sqliteError is an error reported by SQLite.
type sqliteError struct {
	code int // extended result code
	msg  string
}

func (e *sqliteError) Error() string { return primaryName(e.code) + ": " + e.msg }

var primaryNames = [...]string{
	0: "SQLITE_OK", 1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM", 4: "SQLITE_ABORT",
	5: "SQLITE_BUSY", 6: "SQLITE_LOCKED", 7: "SQLITE_NOMEM", 8: "SQLITE_READONLY",
	9: "SQLITE_INTERRUPT", 10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT", 12: "SQLITE_NOTFOUND",
	13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN", 15: "SQLITE_PROTOCOL", 16: "SQLITE_EMPTY",
	17: "SQLITE_SCHEMA", 18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT", 20: "SQLITE_MISMATCH",
	21: "SQLITE_MISUSE", 22: "SQLITE_NOLFS", 23: "SQLITE_AUTH", 24: "SQLITE_FORMAT",
	25: "SQLITE_RANGE", 26: "SQLITE_NOTADB", 27: "SQLITE_NOTICE", 28: "SQLITE_WARNING",
}

// primaryName is the name node-sqlite3 puts in err.code: the primary result
// code's name.
func primaryName(code int) string {
	p := code & 0xff
	if p < len(primaryNames) && primaryNames[p] != "" {
		return primaryNames[p]
	}
	return "SQLITE_UNKNOWN_" + strconv.Itoa(p)
}

func (c *conn) malloc(n int) (uintptr, error) {
	p := libc.Xmalloc(c.tls, uint64(n))
	if p == 0 {
		return 0, fmt.Errorf("sqlite: cannot allocate %d bytes", n)
	}
	return p, nil
}

func (c *conn) errorFor(rc int32) error {
	msg := libc.GoString(sqlite3.Xsqlite3_errmsg(c.tls, c.db))
	code := int(sqlite3.Xsqlite3_extended_errcode(c.tls, c.db))
	if code&0xff != int(rc)&0xff {
		code = int(rc)
		msg = libc.GoString(sqlite3.Xsqlite3_errstr(c.tls, rc))
	}
	return &sqliteError{code: code, msg: msg}
}

// openConn opens the database file at path ("" or ":memory:" for memory).
func openConn(path string, busy time.Duration) (*conn, error) {
	c := &conn{tls: libc.NewTLS()}
	pp, err := c.malloc(8)
	if err != nil {
		c.tls.Close()
		return nil, err
	}
	defer libc.Xfree(c.tls, pp)
	zName, err := libc.CString(path)
	if err != nil {
		c.tls.Close()
		return nil, err
	}
	defer libc.Xfree(c.tls, zName)
	flags := int32(sqlite3.SQLITE_OPEN_READWRITE | sqlite3.SQLITE_OPEN_CREATE | sqlite3.SQLITE_OPEN_FULLMUTEX | sqlite3.SQLITE_OPEN_URI)
	rc := sqlite3.Xsqlite3_open_v2(c.tls, zName, pp, flags, 0)
	c.db = readPtr(pp)
	if rc != sqlite3.SQLITE_OK {
		var err error
		if c.db != 0 {
			err = c.errorFor(rc)
			sqlite3.Xsqlite3_close_v2(c.tls, c.db)
		} else {
			err = &sqliteError{code: int(rc), msg: libc.GoString(sqlite3.Xsqlite3_errstr(c.tls, rc))}
		}
		c.tls.Close()
		return nil, err
	}
	sqlite3.Xsqlite3_extended_result_codes(c.tls, c.db, 1)
	if busy > 0 {
		sqlite3.Xsqlite3_busy_timeout(c.tls, c.db, int32(busy/time.Millisecond))
	}
	return c, nil
}

// Close closes the connection.
func (c *conn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.db == 0 {
		return nil
	}
	rc := sqlite3.Xsqlite3_close_v2(c.tls, c.db)
	var err error
	if rc != sqlite3.SQLITE_OK {
		err = c.errorFor(rc)
	}
	c.db = 0
	c.tls.Close()
	return err
}

// Exec runs the first statement of query and reports changes and the last
// inserted rowid.
func (c *conn) Exec(ctx context.Context, query string, args ...any) (dialect.ExecResult, error) {
	_, res, err := c.run(ctx, query, args, false)
	return res, err
}

// Query runs the first statement of query and returns its rows.
func (c *conn) Query(ctx context.Context, query string, args ...any) (*dialect.Rows, error) {
	rows, _, err := c.run(ctx, query, args, true)
	return rows, err
}

func (c *conn) run(ctx context.Context, query string, args []any, wantRows bool) (*dialect.Rows, dialect.ExecResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var res dialect.ExecResult
	if c.db == 0 {
		return nil, res, fmt.Errorf("sqlite: the connection is closed")
	}
	if err := ctx.Err(); err != nil {
		return nil, res, err
	}
	db := c.db
	stop := context.AfterFunc(ctx, func() {
		tls := libc.NewTLS()
		sqlite3.Xsqlite3_interrupt(tls, db)
		tls.Close()
	})
	defer stop()

	zSQL, err := libc.CString(query)
	if err != nil {
		return nil, res, err
	}
	defer libc.Xfree(c.tls, zSQL)
	pp, err := c.malloc(16)
	if err != nil {
		return nil, res, err
	}
	defer libc.Xfree(c.tls, pp)
	ppStmt, ppTail := pp, pp+8
	if rc := sqlite3.Xsqlite3_prepare_v2(c.tls, c.db, zSQL, -1, ppStmt, ppTail); rc != sqlite3.SQLITE_OK {
		return nil, res, c.ctxErr(ctx, c.errorFor(rc))
	}
	stmt := readPtr(ppStmt)
	tail := libc.GoString(readPtr(ppTail))
	rows := &dialect.Rows{Ignored: ignoredTail(tail)}
	res.Ignored = rows.Ignored
	if stmt == 0 { // only whitespace or comments
		return rows, res, nil
	}
	finalized := false
	defer func() {
		if !finalized {
			sqlite3.Xsqlite3_finalize(c.tls, stmt)
		}
	}()

	allocs, err := c.bind(stmt, args)
	defer func() {
		for _, p := range allocs {
			libc.Xfree(c.tls, p)
		}
	}()
	if err != nil {
		return nil, res, err
	}

	n := int(sqlite3.Xsqlite3_column_count(c.tls, stmt))
	rows.Columns = make([]string, n)
	for i := range n {
		rows.Columns[i] = libc.GoString(sqlite3.Xsqlite3_column_name(c.tls, stmt, int32(i)))
	}
	if !wantRows {
		// node-sqlite3's run(): one step, then the last rowid and the
		// change count as they are at that moment (for INSERT … RETURNING
		// that is the previous statement's count), then finalize.
		rc := sqlite3.Xsqlite3_step(c.tls, stmt)
		if rc != sqlite3.SQLITE_DONE && rc != sqlite3.SQLITE_ROW {
			return nil, res, c.ctxErr(ctx, c.errorFor(rc))
		}
		res.RowsAffected = int64(sqlite3.Xsqlite3_changes(c.tls, c.db))
		res.LastInsertID = sqlite3.Xsqlite3_last_insert_rowid(c.tls, c.db)
		rows.RowsAffected, rows.LastInsertID = res.RowsAffected, res.LastInsertID
		return rows, res, nil
	}
	for {
		rc := sqlite3.Xsqlite3_step(c.tls, stmt)
		if rc == sqlite3.SQLITE_DONE {
			break
		}
		if rc != sqlite3.SQLITE_ROW {
			return nil, res, c.ctxErr(ctx, c.errorFor(rc))
		}
		vals := make([]any, n)
		for i := range n {
			vals[i] = c.column(stmt, i)
		}
		rows.Values = append(rows.Values, vals)
	}
	// A statement with RETURNING completes (and counts its changes) only
	// when it is reset or finalized.
	finalized = true
	if rc := sqlite3.Xsqlite3_finalize(c.tls, stmt); rc != sqlite3.SQLITE_OK {
		return nil, res, c.ctxErr(ctx, c.errorFor(rc))
	}
	res.RowsAffected = int64(sqlite3.Xsqlite3_changes(c.tls, c.db))
	res.LastInsertID = sqlite3.Xsqlite3_last_insert_rowid(c.tls, c.db)
	rows.RowsAffected, rows.LastInsertID = res.RowsAffected, res.LastInsertID
	return rows, res, nil
}

func (c *conn) ctxErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// ignoredTail returns the statements after the first one, or "" when only
// whitespace, semicolons and comments remain.
func ignoredTail(tail string) string {
	s := tail
	for {
		s = strings.TrimLeft(s, " \t\r\n;")
		switch {
		case strings.HasPrefix(s, "--"):
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				return ""
			}
			s = s[i+1:]
		case strings.HasPrefix(s, "/*"):
			i := strings.Index(s, "*/")
			if i < 0 {
				return ""
			}
			s = s[i+2:]
		default:
			if s == "" {
				return ""
			}
			return strings.TrimSpace(tail)
		}
	}
}

func (c *conn) column(stmt uintptr, i int) any {
	switch sqlite3.Xsqlite3_column_type(c.tls, stmt, int32(i)) {
	case sqlite3.SQLITE_INTEGER:
		return sqlite3.Xsqlite3_column_int64(c.tls, stmt, int32(i))
	case sqlite3.SQLITE_FLOAT:
		return sqlite3.Xsqlite3_column_double(c.tls, stmt, int32(i))
	case sqlite3.SQLITE_TEXT:
		p := sqlite3.Xsqlite3_column_text(c.tls, stmt, int32(i))
		n := int(sqlite3.Xsqlite3_column_bytes(c.tls, stmt, int32(i)))
		if p == 0 || n == 0 {
			return ""
		}
		return string(libc.GoBytes(p, n))
	case sqlite3.SQLITE_BLOB:
		p := sqlite3.Xsqlite3_column_blob(c.tls, stmt, int32(i))
		n := int(sqlite3.Xsqlite3_column_bytes(c.tls, stmt, int32(i)))
		if p == 0 || n == 0 {
			return []byte{}
		}
		return append([]byte(nil), libc.GoBytes(p, n)...) // copied: SQLite frees its buffer
	}
	return nil
}

// bind binds args to the statement's parameters. A single NamedArgs value
// binds by name ($name, :name, @name); otherwise "$N"/"?N" parameters bind
// args[N-1] and others bind in order.
func (c *conn) bind(stmt uintptr, args []any) (allocs []uintptr, err error) {
	n := int(sqlite3.Xsqlite3_bind_parameter_count(c.tls, stmt))
	var named *dialect.Object
	if len(args) == 1 {
		if na, ok := args[0].(dialect.NamedArgs); ok {
			named = na.Object
			if named == nil {
				named = &dialect.Object{}
			}
		}
	}
	for i := 1; i <= n; i++ {
		name := libc.GoString(sqlite3.Xsqlite3_bind_parameter_name(c.tls, stmt, int32(i)))
		var v any
		found := false
		switch {
		case named != nil:
			if name != "" {
				v, found = named.Get(name[1:])
			}
		default:
			idx := i
			if len(name) > 1 && (name[0] == '$' || name[0] == '?') {
				if k, err := strconv.Atoi(name[1:]); err == nil {
					idx = k
				}
			}
			if idx >= 1 && idx <= len(args) {
				v, found = args[idx-1], true
			}
		}
		if !found {
			if name != "" {
				return allocs, fmt.Errorf("sqlite: no value for the bind parameter %s", name)
			}
			return allocs, fmt.Errorf("sqlite: no value for bind parameter %d", i)
		}
		p, err := c.bindOne(stmt, i, v)
		if p != 0 {
			allocs = append(allocs, p)
		}
		if err != nil {
			return allocs, err
		}
	}
	return allocs, nil
}

func (c *conn) bindOne(stmt uintptr, i int, v any) (uintptr, error) {
	var rc int32
	var p uintptr
	switch x := v.(type) {
	case nil, dialect.Undefined:
		rc = sqlite3.Xsqlite3_bind_null(c.tls, stmt, int32(i))
	case bool:
		b := int32(0)
		if x {
			b = 1
		}
		rc = sqlite3.Xsqlite3_bind_int(c.tls, stmt, int32(i), b)
	case int64:
		rc = sqlite3.Xsqlite3_bind_int64(c.tls, stmt, int32(i), x)
	case int:
		rc = sqlite3.Xsqlite3_bind_int64(c.tls, stmt, int32(i), int64(x))
	case float64:
		if x == float64(int64(x)) && x >= -9007199254740992 && x <= 9007199254740992 {
			// node-sqlite3 binds integral JavaScript numbers as integers.
			rc = sqlite3.Xsqlite3_bind_int64(c.tls, stmt, int32(i), int64(x))
		} else {
			rc = sqlite3.Xsqlite3_bind_double(c.tls, stmt, int32(i), x)
		}
	case string:
		var err error
		if p, err = c.malloc(len(x) + 1); err != nil {
			return 0, err
		}
		copy(cMem(p, len(x)+1), x+"\x00")
		rc = sqlite3.Xsqlite3_bind_text(c.tls, stmt, int32(i), p, int32(len(x)), 0)
	case []byte:
		if len(x) == 0 {
			rc = sqlite3.Xsqlite3_bind_zeroblob(c.tls, stmt, int32(i), 0)
			break
		}
		var err error
		if p, err = c.malloc(len(x)); err != nil {
			return 0, err
		}
		copy(cMem(p, len(x)), x)
		rc = sqlite3.Xsqlite3_bind_blob(c.tls, stmt, int32(i), p, int32(len(x)), 0)
	case time.Time:
		// node-sqlite3 binds a Date as its number of milliseconds.
		rc = sqlite3.Xsqlite3_bind_int64(c.tls, stmt, int32(i), x.UnixMilli())
	default:
		return 0, fmt.Errorf("sqlite: cannot bind a value of type %T", v)
	}
	if rc != sqlite3.SQLITE_OK {
		return p, c.errorFor(rc)
	}
	return p, nil
}

// cPtr turns an address in SQLite's C heap (never Go memory) into a
// pointer. Going through a *uintptr keeps the conversion out of the
// uintptr-to-pointer pattern that go vet rightly flags for Go memory.
func cPtr(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }

// readPtr reads the pointer stored at the C address p.
func readPtr(p uintptr) uintptr { return *(*uintptr)(cPtr(p)) }

// cMem is the n bytes at the C address p.
func cMem(p uintptr, n int) []byte { return unsafe.Slice((*byte)(cPtr(p)), n) }
