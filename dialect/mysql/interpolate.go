package mysql

import (
	"fmt"
	"strings"
	"time"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
)

// splitQuery is the mariadb connector's Parse.splitQuery: the SQL cut at
// every ? outside strings, backticks and comments.
func splitQuery(sql string) []string {
	const (
		normal = iota
		str
		slashStar
		escape
		eol
		backtick
	)
	var parts []string
	state := normal
	var last byte
	single := false
	lastPos := 0
	for i := 0; i < len(sql); i++ {
		c := sql[i]
		if state == escape && !((c == '\'' && single) || (c == '"' && !single)) {
			state = str
			continue
		}
		switch c {
		case '*':
			if state == normal && last == '/' {
				state = slashStar
			}
		case '/':
			if state == slashStar && last == '*' {
				state = normal
			}
		case '#':
			if state == normal {
				state = eol
			}
		case '-':
			if state == normal && last == '-' {
				state = eol
			}
		case '\n':
			if state == eol {
				state = normal
			}
		case '"':
			switch {
			case state == normal:
				state, single = str, false
			case state == str && !single:
				state = normal
			case state == escape && !single:
				state = str
			}
		case '\'':
			switch {
			case state == normal:
				state, single = str, true
			case state == str && single:
				state = normal
			case state == escape && single:
				state = str
			}
		case '\\':
			if state == str {
				state = escape
			}
		case '?':
			if state == normal {
				parts = append(parts, sql[lastPos:i])
				lastPos = i + 1
			}
		case '`':
			if state == backtick {
				state = normal
			} else if state == normal {
				state = backtick
			}
		}
		last = c
	}
	if lastPos == 0 {
		return []string{sql}
	}
	return append(parts, sql[lastPos:])
}

// interpolate writes the parameters into the SQL as the mariadb connector
// 2.x does for connection.query(sql, values).
func (c *conn) interpolate(sql string, args []any) (string, error) {
	parts := splitQuery(sql)
	if len(parts)-1 > len(args) {
		return "", &gomysql.MySQLError{Number: 45016, SQLState: [5]byte{'H', 'Y', '0', '0', '0'},
			Message: fmt.Sprintf("Parameter at position %d is not set", len(args)+1)}
	}
	var b strings.Builder
	b.WriteString(parts[0])
	for i := 1; i < len(parts); i++ {
		if _, undef := args[i-1].(dialect.Undefined); undef {
			return "", &gomysql.MySQLError{Number: 45017, SQLState: [5]byte{'H', 'Y', '0', '0', '0'},
				Message: fmt.Sprintf("Parameter at position %d is undefined", i)}
		}
		s, err := c.connectorParam(args[i-1])
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		b.WriteString(parts[i])
	}
	return b.String(), nil
}

// connectorParam is the connector's writeParam.
func (c *conn) connectorParam(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "NULL", nil
	case bool:
		if x {
			return "true", nil
		}
		return "false", nil
	case float64:
		return dialect.FormatNumber(x), nil
	case int64:
		return fmt.Sprint(x), nil
	case string:
		return connectorQuote(x), nil
	case []byte:
		return "_BINARY " + connectorQuote(string(x)), nil
	case time.Time:
		off, _ := tzOffset(c.opts.timezone, x)
		z, err := sqlgen.InZone(x, off)
		if err != nil {
			return "", err
		}
		if off == "+00:00" || z.Nanosecond() != 0 {
			return "'" + z.Format("2006-01-02 15:04:05.000") + "'", nil
		}
		return "'" + z.Format("2006-01-02 15:04:05") + "'", nil
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			s, err := c.connectorParam(e)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	case *dialect.Object:
		s, err := sqlgen.JSONStringify(x)
		if err != nil {
			return "", err
		}
		return connectorQuote(s), nil
	}
	return connectorQuote(jsText(v)), nil
}

// connectorQuote quotes a string as the connector's writeStringEscapeQuote:
// a backslash before ' \ " and NUL.
func connectorQuote(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'', '\\', '"', 0:
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('\'')
	return b.String()
}
