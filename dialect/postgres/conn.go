package postgres

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
)

// sqzjs talks to PostgreSQL through pgx's low-level pgconn rather than
// database/sql or pgx.Conn, because Sequelize's behaviour depends on what the
// Node driver (pg) sees and those layers hide it:
//
//   - a query without bind parameters goes out as one simple-protocol query,
//     so a string holding several statements (changeColumn, comments, enum
//     DDL) runs as pg runs it and yields one result per statement;
//   - values arrive as the server's text, which is what pg's type parsers
//     (and Sequelize's overrides of them) turn into JavaScript values, so the
//     same text can be parsed the same way (BIGINT and NUMERIC as strings,
//     DATE as a string, arrays, ranges, hstore…);
//   - a result keeps its command tag, field descriptions and row count even
//     when it has no rows, which is what pg's Result object shows.

// connector makes connections to one database.
type connector struct {
	cfg          *pgconn.Config
	setup        string // the statements Sequelize runs on each new connection
	queryTimeout time.Duration
	types        *typeRegistry

	mu      sync.Mutex
	loading bool
}

// Open prepares connections as Sequelize's postgres connection manager makes
// them.
func (d *Dialect) Open(ctx context.Context, cfg dialect.Config) (dialect.Connector, error) {
	pc, qt, err := connConfig(cfg)
	if err != nil {
		return nil, err
	}
	return &connector{cfg: pc, setup: setupQuery(cfg), queryTimeout: qt, types: newTypeRegistry()}, nil
}

// connConfig builds pgconn's configuration from the Sequelize configuration:
// host, port, user, password and database, plus the dialectOptions Sequelize
// passes on to pg.
func connConfig(cfg dialect.Config) (*pgconn.Config, time.Duration, error) {
	host := cfg.Host
	if host == "" {
		host = "localhost"
	}
	port := cfg.Port
	if port == "" {
		port = "5432"
	}
	kv := []string{"host=" + connValue(host), "port=" + connValue(port), "sslmode=disable"}
	if cfg.Username != "" {
		kv = append(kv, "user="+connValue(cfg.Username))
	}
	if cfg.Password != "" {
		kv = append(kv, "password="+connValue(cfg.Password))
	}
	if cfg.Database != "" {
		kv = append(kv, "dbname="+connValue(cfg.Database))
	}
	pc, err := pgconn.ParseConfig(strings.Join(kv, " "))
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: %w", err)
	}
	pc.TLSConfig, pc.Fallbacks = nil, nil
	var queryTimeout time.Duration
	opts := cfg.DialectOptions
	for _, name := range []string{"application_name", "client_encoding", "statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout", "options"} {
		v, ok := opts[name]
		if !ok || v == nil {
			continue
		}
		if _, undef := v.(dialect.Undefined); undef {
			continue
		}
		pc.RuntimeParams[name] = optionText(v)
	}
	if v, ok := optNumber(opts["connectionTimeoutMillis"]); ok && v > 0 {
		pc.ConnectTimeout = time.Duration(v) * time.Millisecond
	}
	if v, ok := optNumber(opts["query_timeout"]); ok && v > 0 {
		queryTimeout = time.Duration(v) * time.Millisecond
	}
	if ssl, ok := opts["ssl"]; ok {
		t, err := tlsConfig(ssl, host)
		if err != nil {
			return nil, 0, err
		}
		pc.TLSConfig = t
	}
	return pc, queryTimeout, nil
}

// connValue quotes a value for a keyword/value connection string.
func connValue(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

func optionText(v any) string {
	if n, ok := optNumber(v); ok {
		return dialect.FormatNumber(n)
	}
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

// optNumber reads a number from dialectOptions, which come as JSON or
// JavaScript values exported to Go (float64, int64, int).
func optNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int64:
		return float64(x), true
	case int:
		return float64(x), true
	}
	return 0, false
}

// optGet reads a key of an object option given as a dialect object or as a
// Go map.
func optGet(v any, key string) (any, bool) {
	switch x := v.(type) {
	case *dialect.Object:
		return x.Get(key)
	case map[string]any:
		val, ok := x[key]
		return val, ok
	}
	return nil, false
}

// tlsConfig reads dialectOptions.ssl as pg does: true verifies the server,
// an object may turn verification off (rejectUnauthorized: false) and carry
// ca, cert and key (PEM text).
func tlsConfig(ssl any, host string) (*tls.Config, error) {
	switch x := ssl.(type) {
	case nil, dialect.Undefined:
		return nil, nil
	case bool:
		if !x {
			return nil, nil
		}
		return &tls.Config{ServerName: host}, nil
	case *dialect.Object, map[string]any:
		t := &tls.Config{ServerName: host}
		if v, ok := optGet(x, "rejectUnauthorized"); ok {
			if b, ok := v.(bool); ok && !b {
				t.InsecureSkipVerify = true
			}
		}
		if v, ok := optGet(x, "servername"); ok {
			if s, ok := v.(string); ok {
				t.ServerName = s
			}
		}
		if v, ok := optGet(x, "ca"); ok {
			pool := x509.NewCertPool()
			for _, pem := range pemList(v) {
				if !pool.AppendCertsFromPEM([]byte(pem)) {
					return nil, errors.New("postgres: dialectOptions.ssl.ca holds no PEM certificate")
				}
			}
			t.RootCAs = pool
		}
		cert, certOK := optGet(x, "cert")
		key, keyOK := optGet(x, "key")
		if certOK && keyOK {
			c, err := tls.X509KeyPair([]byte(pemText(cert)), []byte(pemText(key)))
			if err != nil {
				return nil, fmt.Errorf("postgres: dialectOptions.ssl cert/key: %w", err)
			}
			t.Certificates = []tls.Certificate{c}
		}
		return t, nil
	}
	return &tls.Config{ServerName: host}, nil
}

func pemText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}

func pemList(v any) []string {
	if a, ok := v.([]string); ok {
		return a
	}
	if a, ok := v.([]any); ok {
		var out []string
		for _, e := range a {
			out = append(out, pemText(e))
		}
		return out
	}
	return []string{pemText(v)}
}

// setupQuery is what Sequelize's connection manager runs on every new
// connection (unlogged): client_min_messages and the time zone.
func setupQuery(cfg dialect.Config) string {
	q := ""
	cmm := "warning"
	if v, ok := cfg.DialectOptions["clientMinMessages"].(string); ok && v != "" {
		cmm = v
	}
	if strings.ToLower(cmm) != "ignore" {
		q += "SET client_min_messages TO " + cmm + ";"
	}
	tz := cfg.Timezone
	if tz == "" {
		tz = "+00:00"
	}
	if isZoneName(tz) {
		q += "SET TIME ZONE '" + tz + "';"
	} else {
		q += "SET TIME ZONE INTERVAL '" + tz + "' HOUR TO MINUTE;"
	}
	return q
}

// isZoneName reports whether moment-timezone knows tz as a zone name.
func isZoneName(tz string) bool {
	if tz == "" || tz == "Local" || strings.HasPrefix(tz, "+") || strings.HasPrefix(tz, "-") {
		return false
	}
	_, err := time.LoadLocation(tz)
	return err == nil
}

// Conn opens a connection and sets it up as Sequelize does. The first
// connection also reads the type OIDs Sequelize's parsers are keyed by.
func (c *connector) Conn(ctx context.Context) (dialect.Conn, error) {
	pc, err := pgconn.ConnectConfig(ctx, c.cfg)
	if err != nil {
		return nil, connectError(err, c.cfg)
	}
	setup := c.setup
	if pc.ParameterStatus("standard_conforming_strings") != "on" {
		setup = "SET standard_conforming_strings=on;" + setup
	}
	cn := &conn{pc: pc, types: c.types, queryTimeout: c.queryTimeout}
	if setup != "" {
		if _, err := pc.Exec(ctx, setup).ReadAll(); err != nil {
			pc.Close(context.WithoutCancel(ctx))
			return nil, err
		}
	}
	if !c.types.isLoaded() {
		res, err := cn.run(ctx, oidQuery, nil)
		if err != nil {
			pc.Close(context.WithoutCancel(ctx))
			return nil, err
		}
		c.types.refresh(res)
	}
	return cn, nil
}

func (c *connector) Close() error { return nil }

// conn is one PostgreSQL session.
type conn struct {
	mu           sync.Mutex
	pc           *pgconn.PgConn
	types        *typeRegistry
	queryTimeout time.Duration
}

// pgResult is one statement's result as pg's Result object holds it.
type pgResult struct {
	command  string // "" for an empty query
	rowCount *int64
	oid      *int64
	// described is true when the statement returned a row description
	// (fields may still be empty).
	described bool
	fields    []pgconn.FieldDescription
	rows      [][][]byte
}

// queryError is a server or driver error with the statement it belongs to
// (Sequelize's error formatting looks at the SQL).
type queryError struct {
	err error
	sql string
}

func (e *queryError) Error() string { return e.err.Error() }
func (e *queryError) Unwrap() error { return e.err }

type sinkKey struct{}

// sink receives the full results of the statements run with its context:
// the Querier interface carries only rows, but Sequelize's answer depends on
// pg's Result objects.
type sink struct {
	results []*pgResult
	types   *typeRegistry
	// params are the positional values of a query whose named binds were
	// renumbered: the querier is handed the named object (Sequelize logs
	// options.bind as given) and the connection binds these.
	params []any
}

func withSink(ctx context.Context) (context.Context, *sink) {
	s := &sink{}
	return context.WithValue(ctx, sinkKey{}, s), s
}

// Exec runs a statement; see Query.
func (c *conn) Exec(ctx context.Context, sql string, args ...any) (dialect.ExecResult, error) {
	rows, err := c.Query(ctx, sql, args...)
	if err != nil {
		return dialect.ExecResult{}, err
	}
	return dialect.ExecResult{RowsAffected: rows.RowsAffected}, nil
}

// Query runs sql: as one simple-protocol query without arguments (every
// statement of the string runs), with the extended protocol otherwise
// (parameters sent as pg sends them). The rows of the last result are
// returned as text; the full results go to the context's sink.
func (c *conn) Query(ctx context.Context, sql string, args ...any) (*dialect.Rows, error) {
	s, _ := ctx.Value(sinkKey{}).(*sink)
	if len(args) == 1 {
		if _, named := args[0].(dialect.NamedArgs); named {
			if s == nil {
				return nil, errors.New("postgres: named bind parameters must be renumbered by the dialect")
			}
			args = s.params
		}
	}
	res, err := c.run(ctx, sql, args)
	if err != nil {
		return nil, err
	}
	if s != nil {
		s.results = res
		s.types = c.types
	}
	out := &dialect.Rows{}
	for _, r := range res {
		if r.rowCount != nil {
			out.RowsAffected += *r.rowCount
		}
	}
	if len(res) > 0 {
		last := res[len(res)-1]
		for _, f := range last.fields {
			out.Columns = append(out.Columns, f.Name)
		}
		for _, row := range last.rows {
			vals := make([]any, len(row))
			for i, v := range row {
				if v != nil {
					vals[i] = string(v)
				}
			}
			out.Values = append(out.Values, vals)
		}
	}
	return out, nil
}

const oidQuery = "WITH ranges AS (  SELECT pg_range.rngtypid, pg_type.typname AS rngtypname,         pg_type.typarray AS rngtyparray, pg_range.rngsubtype    FROM pg_range LEFT OUTER JOIN pg_type ON pg_type.oid = pg_range.rngtypid)SELECT pg_type.typname, pg_type.typtype, pg_type.oid, pg_type.typarray,       ranges.rngtypname, ranges.rngtypid, ranges.rngtyparray  FROM pg_type LEFT OUTER JOIN ranges ON pg_type.oid = ranges.rngsubtype WHERE (pg_type.typtype IN('b', 'e'));"

func (c *conn) run(ctx context.Context, sql string, args []any) ([]*pgResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pc == nil {
		return nil, errors.New("postgres: the connection is closed")
	}
	if c.queryTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.queryTimeout)
		defer cancel()
	}
	var res []*pgResult
	var err error
	if len(args) == 0 {
		res, err = c.simple(ctx, sql)
	} else {
		res, err = c.extended(ctx, sql, args)
	}
	if err != nil {
		if c.queryTimeout > 0 && errors.Is(ctx.Err(), context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
			err = errors.New("Query read timeout")
		}
		return nil, &queryError{err: err, sql: sql}
	}
	return res, nil
}

func (c *conn) simple(ctx context.Context, sql string) ([]*pgResult, error) {
	mrr := c.pc.Exec(ctx, sql)
	var out []*pgResult
	for mrr.NextResult() {
		r, err := readResult(mrr.ResultReader())
		if err != nil {
			_ = mrr.Close()
			return nil, err
		}
		out = append(out, r)
	}
	if err := mrr.Close(); err != nil {
		return nil, err
	}
	return out, nil
}

func (c *conn) extended(ctx context.Context, sql string, args []any) ([]*pgResult, error) {
	vals := make([][]byte, len(args))
	formats := make([]int16, len(args))
	for i, a := range args {
		v, binary, err := prepareValue(a, true)
		if err != nil {
			return nil, err
		}
		vals[i] = v
		if binary {
			formats[i] = 1
		}
	}
	rr := c.pc.ExecParams(ctx, sql, vals, nil, formats, nil)
	r, err := readResult(rr)
	if err != nil {
		return nil, err
	}
	return []*pgResult{r}, nil
}

// readResult reads one statement's result, keeping its field descriptions
// even when there are no rows.
func readResult(rr *pgconn.ResultReader) (*pgResult, error) {
	r := &pgResult{}
	if fds := rr.FieldDescriptions(); fds != nil {
		r.described = true
		r.fields = append([]pgconn.FieldDescription{}, fds...)
	}
	for rr.NextRow() {
		vals := rr.Values()
		row := make([][]byte, len(vals))
		for i, v := range vals {
			if v != nil {
				row[i] = append([]byte{}, v...)
			}
		}
		r.rows = append(r.rows, row)
	}
	tag, err := rr.Close()
	if err != nil {
		return nil, err
	}
	if !r.described {
		if fds := rr.FieldDescriptions(); fds != nil {
			r.described = true
			r.fields = append([]pgconn.FieldDescription{}, fds...)
		}
	}
	r.command, r.oid, r.rowCount = parseCommandTag(tag.String())
	return r, nil
}

// parseCommandTag reads a command tag as pg's Result.addCommandComplete
// does: /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/.
func parseCommandTag(tag string) (string, *int64, *int64) {
	i := 0
	for i < len(tag) && (tag[i] >= 'A' && tag[i] <= 'Z' || tag[i] >= 'a' && tag[i] <= 'z') {
		i++
	}
	if i == 0 {
		return "", nil, nil
	}
	cmd := tag[:i]
	rest := tag[i:]
	var nums []int64
	for len(nums) < 2 && strings.HasPrefix(rest, " ") {
		j := 1
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		if j == 1 {
			break
		}
		n, _ := strconv.ParseInt(rest[1:j], 10, 64)
		nums = append(nums, n)
		rest = rest[j:]
	}
	switch len(nums) {
	case 2:
		return cmd, &nums[0], &nums[1]
	case 1:
		return cmd, nil, &nums[0]
	}
	return cmd, nil, nil
}

// Close ends the session.
func (c *conn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pc == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := c.pc.Close(ctx)
	c.pc = nil
	return err
}

// prepareValue renders a bind value as pg's utils.prepareValue does; top
// is true for a parameter itself (Sequelize replaces NUL in string
// parameters with \0). Buffers go in binary format.
func prepareValue(v any, top bool) ([]byte, bool, error) {
	switch x := v.(type) {
	case nil, dialect.Undefined:
		return nil, false, nil
	case []byte:
		return append([]byte{}, x...), true, nil
	case string:
		if top {
			x = strings.ReplaceAll(x, "\x00", `\0`)
		}
		return []byte(x), false, nil
	case bool:
		return []byte(strconv.FormatBool(x)), false, nil
	case float64:
		return []byte(dialect.FormatNumber(x)), false, nil
	case int64:
		return []byte(strconv.FormatInt(x, 10)), false, nil
	case int:
		return []byte(strconv.Itoa(x)), false, nil
	case *big.Int:
		return []byte(x.String()), false, nil
	case time.Time:
		return []byte(dateToString(x)), false, nil
	case []any:
		s, err := arrayString(x)
		return []byte(s), false, err
	case *dialect.Object:
		s, err := sqlgen.JSONStringify(x)
		return []byte(s), false, err
	}
	return nil, false, fmt.Errorf("postgres: cannot send %s as a bind parameter", dialect.Describe(v))
}

// dateToString is pg's dateToString: local time with its offset.
func dateToString(t time.Time) string {
	l := t.Local()
	year := l.Year()
	bc := year < 1
	if bc {
		year = -year + 1
	}
	s := fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03d", year, int(l.Month()), l.Day(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond()/1e6)
	_, off := l.Zone()
	off /= 60
	if off < 0 {
		s += "-"
		off = -off
	} else {
		s += "+"
	}
	s += fmt.Sprintf("%02d:%02d", off/60, off%60)
	if bc {
		s += " BC"
	}
	return s
}

// arrayString is pg's arrayString: a PostgreSQL array literal.
func arrayString(a []any) (string, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, e := range a {
		if i > 0 {
			b.WriteByte(',')
		}
		switch x := e.(type) {
		case nil, dialect.Undefined:
			b.WriteString("NULL")
		case []any:
			s, err := arrayString(x)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case []byte:
			b.WriteString(`\\x` + fmt.Sprintf("%x", x))
		default:
			v, _, err := prepareValue(e, false)
			if err != nil {
				return "", err
			}
			esc := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(string(v))
			b.WriteString(`"` + esc + `"`)
		}
	}
	b.WriteByte('}')
	return b.String(), nil
}

// connectError is a failed connection with the message pg reports for it:
// Node's system error text for network failures, the server's message
// otherwise.
func connectError(err error, cfg *pgconn.Config) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return &connError{msg: pe.Message, code: pe.Code, err: err}
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return &connError{msg: "getaddrinfo ENOTFOUND " + cfg.Host, code: "ENOTFOUND", err: err}
	}
	var se syscall.Errno
	if errors.As(err, &se) {
		addr := net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port)))
		var oe *net.OpError
		if errors.As(err, &oe) && oe.Addr != nil {
			addr = oe.Addr.String()
		}
		switch se {
		case syscall.ECONNREFUSED:
			return &connError{msg: "connect ECONNREFUSED " + addr, code: "ECONNREFUSED", err: err}
		case syscall.EHOSTUNREACH:
			return &connError{msg: "connect EHOSTUNREACH " + addr, code: "EHOSTUNREACH", err: err}
		}
	}
	if errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err) {
		return &connError{msg: "timeout expired", err: err}
	}
	return err
}

// connError is a connection failure as pg reports it.
type connError struct {
	msg, code string
	err       error
}

func (e *connError) Error() string { return e.msg }
func (e *connError) Unwrap() error { return e.err }

// isConnError reports whether err comes from the network rather than the
// server.
func isConnError(err error) bool {
	var ne net.Error
	var ce *pgconn.ConnectError
	return errors.As(err, &ne) || errors.As(err, &ce)
}
