package mysql

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"net"
	"strconv"
	"strings"
	"time"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// connector makes connections set up as Sequelize's mysql (mysql2) and
// mariadb (mariadb connector 2.x) connection managers set them up.
type connector struct {
	// connectErr fails every connection, as the driver refuses the settings
	connectErr error
	// noWire leaves the protocol unwatched, as under TLS (tests)
	noWire bool

	d       *Dialect
	drv     driver.Connector
	opts    connOptions
	initSQL []string // run unlogged on every new connection
}

// connOptions are the driver settings that change what a query returns.
type connOptions struct {
	name              dialect.Name
	timezone          string // Sequelize's timezone option, as configured
	supportBigNumbers bool
	bigNumberStrings  bool
	decimalNumbers    bool // mysql2: DECIMAL as numbers
	dateStrings       bool
	multiStatements   bool
}

// Open prepares connections to the server named by cfg.
func (d *Dialect) Open(ctx context.Context, cfg dialect.Config) (dialect.Connector, error) {
	d.versionLogged.Store(false)
	dopts := cfg.DialectOptions
	mc := gomysql.NewConfig()
	mc.Logger = &gomysql.NopLogger{}
	mc.User = cfg.Username
	mc.Passwd = cfg.Password
	mc.DBName = cfg.Database
	host := cfg.Host
	if host == "" {
		host = "localhost"
	}
	port := cfg.Port
	if port == "" {
		port = "3306"
	}
	mc.Net = "tcp"
	mc.Addr = net.JoinHostPort(host, port)
	if sp, ok := dopts["socketPath"].(string); ok && sp != "" {
		mc.Net, mc.Addr = "unix", sp
	}
	mc.ParseTime = false
	mc.ClientFoundRows = false // mysql2 flags '-FOUND_ROWS', mariadb foundRows: false
	mc.Collation = "utf8mb4_unicode_ci"
	mc.CheckConnLiveness = false
	// mysql2 executes a query with parameters as a prepared statement; the
	// mariadb connector substitutes them client-side.
	mc.InterpolateParams = d.name == dialect.MariaDB

	opts := connOptions{name: d.name, timezone: d.tz, supportBigNumbers: true}
	offset, err := tzOffset(d.tz, time.Now())
	if err != nil {
		return nil, err
	}
	loc, _ := sqlgen.InZone(time.Time{}, offset)
	mc.Loc = loc.Location()

	timeout := 10 * time.Second
	if d.name == dialect.MariaDB {
		timeout = time.Second
	}
	for k, v := range dopts {
		switch k {
		case "connectTimeout":
			if f, ok := toNumber(v); ok && f > 0 {
				timeout = time.Duration(f) * time.Millisecond
			}
		case "multipleStatements":
			opts.multiStatements = truthy(v)
		case "supportBigNumbers":
			opts.supportBigNumbers = truthy(v)
		case "bigNumberStrings":
			opts.bigNumberStrings = truthy(v)
		case "decimalNumbers":
			opts.decimalNumbers = truthy(v)
		case "dateStrings":
			opts.dateStrings = truthy(v)
		case "charset", "collation":
			if s, ok := v.(string); ok && s != "" {
				if strings.Contains(s, "_") {
					mc.Collation = strings.ToLower(s)
				} else {
					mc.Collation = ""
					mc.Params = map[string]string{"charset": strings.ToLower(s)}
				}
			}
		case "ssl":
			t, err := tlsConfig(v, host)
			if err != nil {
				return nil, err
			}
			mc.TLS = t
		case "flags":
			if s, ok := v.(string); ok {
				for _, f := range strings.Split(s, ",") {
					switch strings.ToUpper(strings.TrimSpace(f)) {
					case "FOUND_ROWS", "+FOUND_ROWS":
						mc.ClientFoundRows = true
					case "-FOUND_ROWS":
						mc.ClientFoundRows = false
					}
				}
			}
		case "foundRows":
			mc.ClientFoundRows = truthy(v)
		case "timezone":
			if s, ok := v.(string); ok {
				if s == "Z" {
					s = "+00:00"
				}
				if l, err := sqlgen.InZone(time.Time{}, s); err == nil && s != "local" {
					mc.Loc = l.Location()
				}
			}
		}
	}
	if opts.multiStatements {
		mc.MultiStatements = true
	}
	mc.Timeout = timeout

	var initSQL []string
	if d.name == dialect.MariaDB {
		switch x := dopts["initSql"].(type) {
		case string:
			initSQL = append(initSQL, x)
		case []any:
			for _, s := range x {
				initSQL = append(initSQL, fmt.Sprint(s))
			}
		}
	}
	initSQL = append(initSQL, "SET time_zone = '"+offset+"'")

	mc.DialFunc = func(ctx context.Context, network, addr string) (net.Conn, error) {
		var nd net.Dialer
		c, err := nd.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		h, _ := ctx.Value(wireKey{}).(*wireHolder)
		if h != nil && h.off {
			return c, nil
		}
		w := &wire{Conn: c}
		if h != nil {
			h.w = w
		}
		return w, nil
	}
	drv, err := gomysql.NewConnector(mc)
	if err != nil {
		return nil, err
	}
	cn := &connector{d: d, drv: drv, opts: opts, initSQL: initSQL}
	if d.name == dialect.MariaDB {
		// the connector maps an offset timezone to an Etc/GMT zone, which
		// has whole hours only
		if m := offsetMinutesRE().FindStringSubmatch(offset); m != nil && m[1] != "00" {
			cn.connectErr = &dialect.DBError{Kind: dialect.KindConnection,
				Message: "timezone format incompatible with IANA standard timezone format was '" + offset + "'"}
		}
	}
	return cn, nil
}

var offsetMinutesRE = lazyre.MustCompile(`^[+\-\s]\d\d:?(\d\d)$`)

// tzOffset is the offset Sequelize sets the session time zone to: the
// timezone option itself, or a named zone's current offset (moment's "Z").
func tzOffset(tz string, now time.Time) (string, error) {
	if tz == "" {
		return "+00:00", nil
	}
	if !strings.Contains(tz, "/") {
		return tz, nil
	}
	t, err := sqlgen.InZone(now, tz)
	if err != nil {
		return "", err
	}
	return t.Format("-07:00"), nil
}

func tlsConfig(v any, host string) (*tls.Config, error) {
	if m, ok := v.(map[string]any); ok {
		// dialectOptions read from JSON rather than from JavaScript
		o := &dialect.Object{}
		for k, e := range m {
			o.Set(dialect.Key{Name: k}, e)
		}
		v = o
	}
	switch x := v.(type) {
	case nil, dialect.Undefined:
		return nil, nil
	case bool:
		if !x {
			return nil, nil
		}
		return &tls.Config{ServerName: host}, nil
	case string:
		// mysql2 SSL profile names ("Amazon RDS"): verify with the system roots.
		return &tls.Config{ServerName: host}, nil
	case *dialect.Object:
		cfg := &tls.Config{ServerName: host}
		if r, ok := x.Get("rejectUnauthorized"); ok && !truthy(r) {
			cfg.InsecureSkipVerify = true
		}
		var certPEM, keyPEM []byte
		for i, k := range x.Keys {
			val := x.Values[i]
			var b []byte
			switch s := val.(type) {
			case string:
				b = []byte(s)
			case []byte:
				b = s
			case []any:
				for _, e := range s {
					switch es := e.(type) {
					case string:
						b = append(b, es...)
					case []byte:
						b = append(b, es...)
					}
					b = append(b, '\n')
				}
			}
			switch k.Name {
			case "ca":
				if len(b) > 0 {
					pool := x509.NewCertPool()
					if !pool.AppendCertsFromPEM(b) {
						return nil, errors.New("ssl.ca: no certificate found")
					}
					cfg.RootCAs = pool
				}
			case "cert":
				certPEM = b
			case "key":
				keyPEM = b
			}
		}
		if certPEM != nil && keyPEM != nil {
			c, err := tls.X509KeyPair(certPEM, keyPEM)
			if err != nil {
				return nil, fmt.Errorf("ssl.cert/key: %w", err)
			}
			cfg.Certificates = []tls.Certificate{c}
		}
		return cfg, nil
	}
	return &tls.Config{ServerName: host}, nil
}

// Conn opens a connection and sets its session time zone, unlogged, as
// Sequelize's connection managers do.
func (c *connector) Conn(ctx context.Context) (dialect.Conn, error) {
	if c.connectErr != nil {
		return nil, c.connectErr
	}
	h := &wireHolder{off: c.noWire}
	dc, err := c.drv.Connect(context.WithValue(ctx, wireKey{}, h))
	if err != nil {
		return nil, connectError(c.opts.name, err, h.thread())
	}
	cn := &conn{dc: dc, opts: c.opts, w: h.w}
	for _, s := range c.initSQL {
		if _, err := cn.run(ctx, s, nil); err != nil {
			dc.Close()
			return nil, connectError(c.opts.name, err, h.thread())
		}
	}
	return cn, nil
}

// Close releases nothing: connections are closed by their users.
func (c *connector) Close() error { return nil }

// wireHolder receives, through the context of a connect, the wire watcher
// the dial function made for that connection.
type wireHolder struct {
	w   *wire
	off bool
}

// thread is the server's connection id from the handshake (0 before one
// arrived or without a wire watcher): the mariadb connector names it in
// errors raised while connecting too.
func (h *wireHolder) thread() uint32 {
	if h.w == nil {
		return 0
	}
	t, _ := h.w.info()
	return t
}

type wireKey struct{}

// conn is one session.
type conn struct {
	dc   driver.Conn
	w    *wire
	opts connOptions
}

// resultSlot, put in a context by the dialect, receives every result of a
// statement (go-sql-driver and the dialect.Querier interface carry only
// rows, affected rows and the insert id; mysql2 and the mariadb connector
// hand Sequelize the whole OK packet and column metadata).
//
// It also carries the parameters the driver is given: Sequelize logs (and
// the recordings keep) options.bind as given, while the driver receives the
// list formatBindParameters built from it (a value again for each use of
// its placeholder), so the dialect passes the former to the Querier for
// logging and the latter here.
type resultSlot struct {
	results   []result
	params    []any
	hasParams bool
}

type slotKey struct{}

func withSlot(ctx context.Context) (context.Context, *resultSlot) {
	s := &resultSlot{}
	return context.WithValue(ctx, slotKey{}, s), s
}

// params returns the parameters to send: the slot's when it has them.
func params(ctx context.Context, args []any) ([]any, *resultSlot) {
	s, _ := ctx.Value(slotKey{}).(*resultSlot)
	if s != nil && s.hasParams {
		return s.params, s
	}
	return args, s
}

// result is one result of a statement: rows with their columns, or an OK
// packet.
type result struct {
	rows    bool
	columns []column
	values  [][]any // JavaScript values, as the Node driver returns them
	raw     [][]driver.Value
	binary  bool     // rows of the binary protocol (a prepared statement)
	defs    [][]byte // column definition packets, when the wire was read
	ok      okPacket
}

// column is a result column's metadata.
type column struct {
	name     string
	typ      string // go-sql-driver's database type name ("INT", "UNSIGNED BIGINT", "TEXT", …)
	decimals int64
	format   string // MariaDB's extended format ("json")
}

// okPacket is an OK packet: mysql2's ResultSetHeader, the connector's OkPacket.
type okPacket struct {
	affectedRows uint64
	insertID     uint64
	info         string
	status       uint16
	warnings     uint16
	state        *sessionState
	known        bool // read from the wire (false: only affected rows and insert id are known)
}

func (c *conn) Close() error { return c.dc.Close() }

// Exec runs a statement and reports the last OK packet's counts.
func (c *conn) Exec(ctx context.Context, query string, args ...any) (dialect.ExecResult, error) {
	args, s := params(ctx, args)
	rs, err := c.run(ctx, query, args)
	if s != nil {
		s.results = rs
	}
	if err != nil {
		return dialect.ExecResult{}, err
	}
	var out dialect.ExecResult
	for _, r := range rs {
		if !r.rows {
			out.RowsAffected, out.LastInsertID = int64(r.ok.affectedRows), int64(r.ok.insertID)
		}
	}
	return out, nil
}

// Query runs a statement and returns the first result's rows (values are
// already the JavaScript values the Node driver would return).
func (c *conn) Query(ctx context.Context, query string, args ...any) (*dialect.Rows, error) {
	args, s := params(ctx, args)
	rs, err := c.run(ctx, query, args)
	if s != nil {
		s.results = rs
	}
	if err != nil {
		return nil, err
	}
	out := &dialect.Rows{}
	for _, r := range rs {
		if r.rows {
			if out.Columns == nil {
				for _, col := range r.columns {
					out.Columns = append(out.Columns, col.name)
				}
				out.Values = r.values
			}
		} else {
			out.RowsAffected, out.LastInsertID = int64(r.ok.affectedRows), int64(r.ok.insertID)
		}
	}
	return out, nil
}

var rowsFirstRE = []string{"select", "show", "describe", "desc", "explain", "with", "values", "table", "call", "(", "analyze", "check", "optimize", "repair", "checksum", "help"}

func looksLikeRows(q string) bool {
	s := strings.TrimLeft(q, " \t\r\n(")
	// Only the start is compared: lowering a bulkInsert's megabytes would
	// copy them. The first 8 bytes of the lowered text come from at most
	// the first 8 runes, which lie in the first 32 bytes.
	if len(s) > 64 {
		s = s[:64]
	}
	s = strings.ToLower(s)
	if strings.HasPrefix(q, "(") {
		return true
	}
	for _, p := range rowsFirstRE {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// run sends one query and reads all of its results. Server errors carry
// the connection id, the SQL and the parameters (for the mariadb
// connector's message).
func (c *conn) run(ctx context.Context, query string, args []any) ([]result, error) {
	rs, err := c.run1(ctx, query, args)
	if err != nil {
		var me *gomysql.MySQLError
		if errors.As(err, &me) {
			var thread uint32
			if c.w != nil {
				thread, _ = c.w.info()
			}
			var a []any
			if len(args) > 0 {
				a = args
			}
			return nil, &serverError{err: me, threadID: thread, sql: query, args: a}
		}
	}
	return rs, err
}

func (c *conn) run1(ctx context.Context, query string, args []any) ([]result, error) {
	if len(args) > 0 && c.opts.name == dialect.MariaDB {
		// the mariadb connector substitutes the parameters itself
		q, err := c.interpolate(query, args)
		if err != nil {
			return nil, err
		}
		query, args = q, nil
	}
	nv, err := driverArgs(args)
	if err != nil {
		return nil, err
	}
	if c.w != nil {
		c.w.take() // forget anything left from an earlier command
	}
	if c.w == nil || !c.w.readable() {
		if !looksLikeRows(query) {
			return c.execFallback(ctx, query, nv)
		}
	}
	rows, closeStmt, err := c.query(ctx, query, nv)
	if err != nil {
		return nil, err
	}
	var sets []result
	for {
		set, err := c.readRows(rows)
		if err != nil {
			rows.Close()
			closeStmt()
			return nil, err
		}
		if set.columns != nil {
			set.binary = len(nv) > 0 // parameters: a prepared statement
			sets = append(sets, set)
		}
		nrs, ok := rows.(driver.RowsNextResultSet)
		if !ok || !nrs.HasNextResultSet() {
			break
		}
		if err := nrs.NextResultSet(); err != nil {
			if err == io.EOF {
				break
			}
			rows.Close()
			closeStmt()
			return nil, err
		}
	}
	if err := rows.Close(); err != nil {
		closeStmt()
		return nil, err
	}
	closeStmt()

	var wires []wireResult
	var known bool
	if c.w != nil {
		wires, known = c.w.take()
	}
	if !known {
		if len(sets) == 0 {
			return []result{{ok: okPacket{}}}, nil
		}
		for i := range sets {
			c.convert(&sets[i], nil)
		}
		return sets, nil
	}
	var out []result
	next := 0
	for _, wr := range wires {
		if wr.Rows {
			if next < len(sets) {
				sets[next].defs = wr.Defs
				c.convert(&sets[next], wr.Formats)
				out = append(out, sets[next])
				next++
			}
			continue
		}
		out = append(out, result{ok: okPacket{
			affectedRows: wr.AffectedRows, insertID: wr.InsertID, info: wr.Info,
			status: wr.Status, warnings: wr.Warnings, state: wr.State, known: true,
		}})
	}
	for i := next; i < len(sets); i++ {
		c.convert(&sets[i], nil)
		out = append(out, sets[i])
	}
	if len(out) == 0 {
		out = []result{{}}
	}
	return out, nil
}

// query runs query through the driver: directly, or prepared when the
// driver asks for it (parameters without client-side interpolation).
func (c *conn) query(ctx context.Context, query string, nv []driver.NamedValue) (driver.Rows, func(), error) {
	noop := func() {}
	if qc, ok := c.dc.(driver.QueryerContext); ok {
		rows, err := qc.QueryContext(ctx, query, nv)
		if err != driver.ErrSkip {
			return rows, noop, err
		}
	}
	stmt, err := c.dc.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, noop, err
	}
	nv, err = fitParams(stmt, nv)
	if err != nil {
		stmt.Close()
		return nil, noop, err
	}
	rows, err := stmt.(driver.StmtQueryContext).QueryContext(ctx, nv)
	if err != nil {
		stmt.Close()
		return nil, noop, err
	}
	return rows, func() { stmt.Close() }, nil
}

// execFallback runs a statement that returns no rows when the wire cannot
// be read (TLS): the driver reports the affected rows and the insert id.
func (c *conn) execFallback(ctx context.Context, query string, nv []driver.NamedValue) ([]result, error) {
	var res driver.Result
	var err error
	if ec, ok := c.dc.(driver.ExecerContext); ok {
		res, err = ec.ExecContext(ctx, query, nv)
	} else {
		err = driver.ErrSkip
	}
	if err == driver.ErrSkip {
		var stmt driver.Stmt
		stmt, err = c.dc.(driver.ConnPrepareContext).PrepareContext(ctx, query)
		if err != nil {
			return nil, err
		}
		defer stmt.Close()
		if nv, err = fitParams(stmt, nv); err != nil {
			return nil, err
		}
		res, err = stmt.(driver.StmtExecContext).ExecContext(ctx, nv)
	}
	if err != nil {
		return nil, err
	}
	n, _ := res.RowsAffected()
	id, _ := res.LastInsertId()
	return []result{{ok: okPacket{affectedRows: uint64(n), insertID: uint64(id)}}}, nil
}

// fitParams matches the parameters to the prepared statement's
// placeholders as mysql2's COM_STMT_EXECUTE ends up doing: too few make the
// server reject the packet; extra ones are not read as parameters (the
// server then reads mysql2's surplus type bytes as the first value; sqzjs
// sends the leading ones instead).
func fitParams(stmt driver.Stmt, nv []driver.NamedValue) ([]driver.NamedValue, error) {
	n := stmt.NumInput()
	if n < 0 || len(nv) == n {
		return nv, nil
	}
	if len(nv) < n {
		return nil, &gomysql.MySQLError{Number: 1210, SQLState: [5]byte{'H', 'Y', '0', '0', '0'}, Message: "Incorrect arguments to mysqld_stmt_execute"}
	}
	return nv[:n], nil
}

func (c *conn) readRows(rows driver.Rows) (result, error) {
	names := rows.Columns()
	if len(names) == 0 {
		// drain
		for {
			if err := rows.Next(nil); err != nil {
				if err == io.EOF {
					return result{}, nil
				}
				return result{}, err
			}
		}
	}
	set := result{rows: true, columns: make([]column, len(names)), values: [][]any{}}
	for i, n := range names {
		col := column{name: n}
		if t, ok := rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
			col.typ = t.ColumnTypeDatabaseTypeName(i)
		}
		if t, ok := rows.(driver.RowsColumnTypePrecisionScale); ok {
			if _, s, ok := t.ColumnTypePrecisionScale(i); ok {
				col.decimals = s
			}
		}
		set.columns[i] = col
	}
	dest := make([]driver.Value, len(names))
	for {
		err := rows.Next(dest)
		if err == io.EOF {
			break
		}
		if err != nil {
			return result{}, err
		}
		row := make([]driver.Value, len(names))
		for i, v := range dest {
			if b, ok := v.([]byte); ok {
				v = append([]byte{}, b...) // the driver reuses its buffer
			}
			row[i] = v
		}
		set.raw = append(set.raw, row)
	}
	return set, nil
}

// convert turns a result set's driver values into JavaScript values, once
// the columns' extended formats are known.
func (c *conn) convert(set *result, formats []string) {
	for i := range set.columns {
		if i < len(formats) {
			set.columns[i].format = formats[i]
		}
	}
	set.values = make([][]any, 0, len(set.raw))
	for _, raw := range set.raw {
		row := make([]any, len(raw))
		for i, v := range raw {
			if f, ok := v.(float32); ok && !set.binary {
				// the text protocol sends the server's text, which
				// go-sql-driver parses to a float32; JavaScript parses
				// the text
				v, _ = strconv.ParseFloat(strconv.FormatFloat(float64(f), 'g', -1, 32), 64)
			}
			row[i] = c.jsValue(set.columns[i], v)
		}
		set.values = append(set.values, row)
	}
	set.raw = nil
}

// driverArgs converts JavaScript bind values to driver values as the Node
// drivers send them: numbers (integers as integers), booleans, strings,
// Buffers, Dates; objects and arrays as JSON text.
func driverArgs(args []any) ([]driver.NamedValue, error) {
	if len(args) == 1 {
		if _, ok := args[0].(dialect.NamedArgs); ok {
			return nil, errors.New("mysql: named bind parameters reach the driver as positional ones")
		}
	}
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		var v driver.Value
		switch x := a.(type) {
		case nil, dialect.Undefined:
			v = nil
		case bool:
			v = x
		case float64:
			if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
				v = int64(x)
			} else {
				v = x
			}
		case int64:
			v = x
		case int:
			v = int64(x)
		case *big.Int:
			v = x.String()
		case string:
			v = x
		case []byte:
			v = x
		case time.Time:
			v = x
		case *dialect.Object, []any:
			s, err := sqlgen.JSONStringify(x)
			if err != nil {
				return nil, err
			}
			v = s
		default:
			return nil, fmt.Errorf("mysql: cannot bind a value of type %T", a)
		}
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return out, nil
}

func toNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int64:
		return float64(x), true
	case int:
		return float64(x), true
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return 0, false
}
