package mysql

import (
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

var timeZero = time.Unix(0, 0)

// serverError is an error the server reported for a statement, with what
// the mariadb connector puts in its message: the connection id, the SQL and
// the parameters.
type serverError struct {
	err      *gomysql.MySQLError
	threadID uint32
	sql      string
	args     []any
}

func (e *serverError) Error() string { return e.err.Error() }
func (e *serverError) Unwrap() error { return e.err }

// nodeError is an error a Node driver raises itself (connection failures),
// with its code and message.
type nodeError struct {
	code    string
	errno   int
	message string
	kind    dialect.ErrorKind
	err     error
}

func (e *nodeError) Error() string { return e.message }
func (e *nodeError) Unwrap() error { return e.err }

// Classify turns a driver error into Sequelize's shape: the error code and
// message as mysql2 or the mariadb connector report them, and the kind
// Sequelize's formatError picks (1062 unique, 1451/1452 foreign key).
func (d *Dialect) Classify(err error) *dialect.DBError {
	var ne *nodeError
	if errors.As(err, &ne) {
		return &dialect.DBError{Kind: ne.kind, Code: ne.code, Errno: ne.errno, Message: ne.message, Err: err}
	}
	var se *serverError
	var me *gomysql.MySQLError
	if errors.As(err, &se) {
		me = se.err
	} else if !errors.As(err, &me) {
		if errors.Is(err, driver.ErrBadConn) || errors.Is(err, gomysql.ErrInvalidConn) {
			msg := "Can't add new command when connection is in closed state"
			code := "PROTOCOL_CONNECTION_LOST"
			return &dialect.DBError{Kind: dialect.KindDatabase, Code: code, Message: msg, Err: err}
		}
		return &dialect.DBError{Kind: dialect.KindDatabase, Message: err.Error(), Err: err}
	}
	e := &dialect.DBError{Kind: dialect.KindDatabase, Errno: int(me.Number), Err: err}
	if d.name == dialect.MariaDB {
		e.Code = mariadbCodes()[int(me.Number)]
		if c, ok := connectorCodes[int(me.Number)]; ok {
			e.Code = c
		}
		if e.Code == "" {
			e.Code = "UNKNOWN"
		}
		var thread uint32
		var sql string
		var args []any
		hasArgs := false
		if se != nil {
			thread, sql, args, hasArgs = se.threadID, se.sql, se.args, se.args != nil
		}
		e.Message = mariadbMessage(me, thread, sql, args, hasArgs)
	} else {
		e.Code = mysql2Codes()[int(me.Number)]
		e.Message = me.Message
	}
	switch me.Number {
	case 1062: // ER_DUP_ENTRY
		e.Kind = dialect.KindUniqueConstraint
		e.FieldValues = dupFields(d.name, e.Message)
	case 1451, 1452: // ER_ROW_IS_REFERENCED_2, ER_NO_REFERENCED_ROW_2
		e.Kind = dialect.KindForeignKeyConstraint
		e.ForeignKey = fkViolation(e.Message, me.Number == 1451)
	}
	return e
}

// connectorCodes are the mariadb connector's own error numbers that sqzjs
// raises as the connector does.
var connectorCodes = map[int]string{45016: "ER_MISSING_PARAMETER", 45017: "ER_PARAMETER_UNDEFINED"}

var (
	dupMySQLRE   = lazyre.MustCompile(`Duplicate entry '([\s\S]*)' for key '?((?:.|\s)*?)'?$`)
	dupMariaDBRE = lazyre.MustCompile(`Duplicate entry '([\s\S]*)' for key '?((?:.|\s)*?)'?\s.*$`)
)

// dupFields is err.fields of formatError for a duplicate entry without a
// model: { <key name>: <duplicate value> } (mysql: the key's last dotted
// part).
func dupFields(name dialect.Name, msg string) *dialect.Object {
	re := dupMySQLRE
	if name == dialect.MariaDB {
		re = dupMariaDBRE
	}
	m := re().FindStringSubmatch(msg)
	if m == nil {
		return dialect.NewObject("undefined", dialect.Undefined{})
	}
	key := m[2]
	if name != dialect.MariaDB {
		parts := strings.Split(key, ".")
		key = parts[len(parts)-1]
	}
	return dialect.NewObject(key, m[1])
}

var fkMessageRE = lazyre.MustCompile("CONSTRAINT ([`\"])(.*)[`\"] FOREIGN KEY \\([`\"](.*)[`\"]\\) REFERENCES [`\"](.*)[`\"] \\([`\"](.*)[`\"]\\)")

// fkViolation is what formatError reads from a foreign-key error message:
// the constraint, the columns, the referenced table, and the side.
func fkViolation(msg string, parent bool) *dialect.ForeignKeyViolation {
	v := &dialect.ForeignKeyViolation{Reltype: "child"}
	if parent {
		v.Reltype = "parent"
	}
	m := fkMessageRE().FindStringSubmatch(msg)
	if m == nil {
		return v
	}
	q := m[1]
	v.Index, v.Table = m[2], m[4]
	v.Fields = regexp.MustCompile(regexp.QuoteMeta(q)+", *"+regexp.QuoteMeta(q)).Split(m[3], -1)
	return v
}

// mariadbMessage is the connector's SqlError message:
// "(conn=<id>, no: <errno>, SQLState: <state>) <message>\nsql: <sql> - parameters:[…]".
func mariadbMessage(me *gomysql.MySQLError, thread uint32, sql string, args []any, hasArgs bool) string {
	state := string(me.SQLState[:])
	if strings.Trim(state, "\x00") == "" {
		state = "HY000"
	}
	conn := "-1"
	if thread != 0 {
		conn = strconv.FormatUint(uint64(thread), 10)
	}
	msg := fmt.Sprintf("(conn=%s, no: %d, SQLState: %s) %s", conn, me.Number, state, me.Message)
	if sql != "" {
		msg += "\nsql: " + displaySQL(sql, args, hasArgs)
	}
	return msg
}

const debugLen = 256

// displaySQL is the connector's displaySql: the SQL and its parameters,
// truncated to 256 characters when there are parameters.
func displaySQL(sql string, args []any, hasArgs bool) string {
	if !hasArgs {
		return sql + " - parameters:[]"
	}
	if len([]rune(sql)) > debugLen {
		return string([]rune(sql)[:debugLen]) + "..."
	}
	s := sql + " - parameters:["
	for i, a := range args {
		if i > 0 {
			s += ","
		}
		s += logParam(a)
		if len([]rune(s)) > debugLen {
			s = string([]rune(s)[:debugLen]) + "..."
			break
		}
	}
	return s + "]"
}

func logParam(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case dialect.Undefined:
		return "undefined"
	case []byte:
		if len(x) > 1024 {
			x = x[:1024]
		}
		return "0x" + hex.EncodeToString(x)
	case string:
		return "'" + x + "'"
	case time.Time:
		l := x.Local()
		return fmt.Sprintf("'%02d/%02d/%d %02d:%02d:%02d.%03d'", l.Month(), l.Day(), l.Year(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond()/1e6)
	case float64:
		return dialect.FormatNumber(x)
	case bool:
		return strconv.FormatBool(x)
	case *dialect.Object:
		s, err := sqlgen.JSONStringify(x)
		if err == nil {
			return s
		}
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = jsText(e)
		}
		return strings.Join(parts, ",")
	}
	return jsText(v)
}

// jsText is String(v).
func jsText(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case dialect.Undefined:
		return "undefined"
	case string:
		return x
	case float64:
		return dialect.FormatNumber(x)
	case bool:
		return strconv.FormatBool(x)
	case *dialect.Object:
		return "[object Object]"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			if e == nil {
				continue
			}
			if _, u := e.(dialect.Undefined); u {
				continue
			}
			parts[i] = jsText(e)
		}
		return strings.Join(parts, ",")
	}
	return fmt.Sprint(v)
}

// connectError turns a failure to connect into the Node driver's error,
// as a *dialect.DBError whose Code is the driver's (ECONNREFUSED,
// ER_ACCESS_DENIED_ERROR…): Sequelize picks its connection error class
// from that code. thread is the server's connection id when the
// handshake got that far (0: none).
func connectError(name dialect.Name, err error, thread uint32) error {
	e := connectNodeError(name, err, thread)
	return &dialect.DBError{Kind: dialect.KindConnection, Code: e.code, Errno: e.errno, Message: e.message, Err: err}
}

func connectNodeError(name dialect.Name, err error, thread uint32) *nodeError {
	var me *gomysql.MySQLError
	if errors.As(err, &me) {
		e := &nodeError{errno: int(me.Number), kind: dialect.KindConnection, err: err}
		if name == dialect.MariaDB {
			e.code = mariadbCodes()[int(me.Number)]
			e.message = mariadbMessage(me, thread, "", nil, false)
		} else {
			e.code = mysql2Codes()[int(me.Number)]
			e.message = me.Message
		}
		return e
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		code := "ECONNRESET"
		switch {
		case errors.Is(err, syscall.ECONNREFUSED):
			code = "ECONNREFUSED"
		case errors.Is(err, syscall.EHOSTUNREACH):
			code = "EHOSTUNREACH"
		case errors.Is(err, syscall.ENETUNREACH):
			code = "ENETUNREACH"
		case oe.Timeout():
			code = "ETIMEDOUT"
		}
		var dnsErr *net.DNSError
		if errors.As(err, &dnsErr) {
			return &nodeError{code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND " + dnsErr.Name, kind: dialect.KindConnection, err: err}
		}
		addr := ""
		if oe.Addr != nil {
			addr = oe.Addr.String()
		}
		msg := "connect " + code + " " + addr
		if code == "ETIMEDOUT" {
			msg = "connect ETIMEDOUT"
		}
		return &nodeError{code: code, message: msg, kind: dialect.KindConnection, err: err}
	}
	return &nodeError{message: err.Error(), kind: dialect.KindConnection, err: err}
}
