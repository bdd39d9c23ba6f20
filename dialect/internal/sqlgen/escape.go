package sqlgen

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// FormatNumber renders a float64 as JavaScript's Number.prototype.toString.
func FormatNumber(f float64) string { return dialect.FormatNumber(f) }

var offsetRE = lazyre.MustCompile(`^([+-])(\d{1,2}):?(\d{2})$`)

// InZone moves t into a Sequelize timezone setting: "" is the process time
// zone, "+05:30" a fixed offset, anything else an IANA zone name.
func InZone(t time.Time, tz string) (time.Time, error) {
	if tz == "" {
		return t.Local(), nil
	}
	if loc, ok := zones.Load(tz); ok {
		return t.In(loc.(*time.Location)), nil
	}
	var loc *time.Location
	if m := offsetRE().FindStringSubmatch(tz); m != nil {
		h, _ := strconv.Atoi(m[2])
		mi, _ := strconv.Atoi(m[3])
		secs := h*3600 + mi*60
		if m[1] == "-" {
			secs = -secs
		}
		loc = time.FixedZone(tz, secs)
	} else {
		var err error
		if loc, err = time.LoadLocation(tz); err != nil {
			return t, fmt.Errorf("unknown timezone %q", tz)
		}
	}
	zones.Store(tz, loc)
	return t.In(loc), nil
}

// zones caches InZone's locations by setting: every date value of every
// statement is moved into the configured zone, and parsing the setting (or
// reading the zone database) each time cost more than formatting the date.
var zones sync.Map

// MomentDate formats t as moment's "YYYY-MM-DD HH:mm:ss.SSS Z" in tz, the
// form Sequelize writes dates in on Postgres and SQLite.
func MomentDate(t time.Time, tz string) (string, error) {
	z, err := InZone(t, tz)
	if err != nil {
		return "", err
	}
	return z.Format("2006-01-02 15:04:05.000 -07:00"), nil
}

// escapeString quotes s as an SQL string literal for f.
func (f Flavor) escapeString(s string) string {
	b := f.appendString(make([]byte, 0, len(s)+2), s)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendString appends s quoted as an SQL string literal for f.
func (f Flavor) appendString(b []byte, s string) []byte {
	b = append(b, '\'')
	if f.BackslashEscapes {
		for _, r := range s {
			switch r {
			case 0:
				b = append(b, `\0`...)
			case '\n':
				b = append(b, `\n`...)
			case '\r':
				b = append(b, `\r`...)
			case '\b':
				b = append(b, `\b`...)
			case '\t':
				b = append(b, `\t`...)
			case 0x1a:
				b = append(b, `\Z`...)
			case '\\', '\'', '"':
				b = append(b, '\\', byte(r))
			default:
				b = utf8.AppendRune(b, r)
			}
		}
		return append(b, '\'')
	}
	nul := f.Name == dialect.Postgres
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			b = append(b, "''"...)
		case c == 0 && nul:
			b = append(b, `\0`...)
		default:
			b = append(b, c)
		}
	}
	return append(b, '\'')
}

// appendNumber appends FormatNumber(x).
func appendNumber(b []byte, x float64) []byte {
	// Between 1e-6 and 1e21 JavaScript writes the shortest digits without
	// an exponent, as 'f' with precision -1 does.
	if a := math.Abs(x); a >= 1e-6 && a < 1e21 {
		return strconv.AppendFloat(b, x, 'f', -1, 64)
	}
	return append(b, FormatNumber(x)...)
}

// bulkEscaper appends Escape's literals to a statement: the common untyped
// values without an allocation each, and the literal of the last Date kept
// (the rows of a bulkInsert often share their timestamps).
type bulkEscaper struct {
	f        Flavor
	lastDate time.Time
	dateLit  []byte
}

func (e *bulkEscaper) append(b []byte, v any, typ *dialect.DataType) ([]byte, error) {
	if typ == nil || typ.IsRaw() {
		switch x := v.(type) {
		case nil, dialect.Undefined:
			return append(b, "NULL"...), nil
		case bool:
			return append(b, e.f.boolLiteral(x)...), nil
		case float64:
			return appendNumber(b, x), nil
		case string:
			return e.f.appendString(b, x), nil
		case time.Time:
			if e.dateLit == nil || x != e.lastDate {
				s, err := e.f.FormatDate(x, e.f.Timezone, nil)
				if err != nil {
					return b, err
				}
				e.dateLit, e.lastDate = e.f.appendString(e.dateLit[:0], s), x
			}
			return append(b, e.dateLit...), nil
		}
	}
	s, err := e.f.Escape(v, typ)
	if err != nil {
		return b, err
	}
	return append(b, s...), nil
}

// hexBlob renders bytes as the dialect's BLOB literal.
func (f Flavor) hexBlob(b []byte) string {
	if f.Name == dialect.Postgres {
		return `E'\\x` + hex.EncodeToString(b) + `'`
	}
	return "X'" + hex.EncodeToString(b) + "'"
}

// boolLiteral is a boolean's literal: 1/0 where BooleanAsInt, else
// true/false.
func (f Flavor) boolLiteral(x bool) string {
	if f.BooleanAsInt {
		if x {
			return "1"
		}
		return "0"
	}
	return strconv.FormatBool(x)
}

// EscapeValue is SqlString.escape(value, timezone, dialect, format): the
// untyped literal for a plain value. format is true for replacements (arrays
// become lists on every dialect) and tz is the time zone for Dates.
func (f Flavor) EscapeValue(v any, tz string, format bool) (string, error) {
	switch x := v.(type) {
	case nil, dialect.Undefined:
		return "NULL", nil
	case bool:
		return f.boolLiteral(x), nil
	case float64:
		return FormatNumber(x), nil
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case *big.Int:
		return x.String(), nil
	case string:
		return f.escapeString(x), nil
	case time.Time:
		s, err := f.FormatDate(x, tz, nil)
		if err != nil {
			return "", err
		}
		return f.escapeString(s), nil
	case []byte:
		return f.hexBlob(x), nil
	case []any:
		if f.Name == dialect.Postgres && !format {
			parts := make([]string, len(x))
			for i, e := range x {
				s, err := f.EscapeValue(e, tz, format)
				if err != nil {
					return "", err
				}
				parts[i] = s
			}
			return "ARRAY[" + strings.Join(parts, ",") + "]", nil
		}
		return f.arrayToList(x, tz, format)
	}
	if dialect.IsSequelizeMethod(v) {
		return "", errors.New("internal: a Sequelize method reached the plain escaper")
	}
	return "", fmt.Errorf("Invalid value %s", dialect.Describe(v))
}

func (f Flavor) arrayToList(a []any, tz string, format bool) (string, error) {
	var b strings.Builder
	for i, e := range a {
		if i > 0 {
			b.WriteString(", ")
		}
		if sub, ok := e.([]any); ok {
			s, err := f.arrayToList(sub, tz, format)
			if err != nil {
				return "", err
			}
			b.WriteString("(" + s + ")")
			continue
		}
		s, err := f.EscapeValue(e, tz, format)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

// Escape is queryGenerator.escape(value, field): Sequelize methods render as
// SQL, a typed attribute's stringify applies, and the rest is escaped in the
// configured timezone.
func (f Flavor) Escape(v any, typ *dialect.DataType) (string, error) {
	if v != nil {
		if _, undef := v.(dialect.Undefined); !undef {
			if dialect.IsSequelizeMethod(v) {
				return f.SequelizeMethod(v)
			}
			if typ != nil && !typ.IsRaw() {
				return f.escapeTyped(v, typ)
			}
		}
	}
	return f.EscapeValue(v, f.Timezone, false)
}

func isFloatKey(k string) bool {
	return k == "FLOAT" || k == "DOUBLE PRECISION" || k == "DOUBLE" || k == "REAL"
}

// escapeTyped applies DataType.stringify for the types whose stringify
// changes the literal.
func (f Flavor) escapeTyped(v any, t *dialect.DataType) (string, error) {
	if f.EscapeTyped != nil {
		if s, ok, err := f.EscapeTyped(f, v, t); ok || err != nil {
			return s, err
		}
	}
	switch {
	case t.Is("STRING", "CHAR") && (f.Name == dialect.MySQL || f.Name == dialect.MariaDB):
		switch x := v.(type) {
		case float64:
			return f.escapeString(FormatNumber(x)), nil
		case bool:
			if x {
				return f.escapeString("1"), nil
			}
			return f.escapeString("0"), nil
		}
	case t.Is("DATE"):
		var tm time.Time
		switch x := v.(type) {
		case time.Time:
			tm = x
		case float64:
			tm = time.UnixMilli(int64(x))
		case string:
			p, ok := ParseJSDate(x)
			if !ok {
				return f.escapeString("Invalid date"), nil
			}
			tm = p
		default:
			return f.EscapeValue(v, f.Timezone, false)
		}
		s, err := f.FormatDate(tm, f.Timezone, t)
		if err != nil {
			return "", err
		}
		return f.escapeString(s), nil
	case t.Is("DATEONLY"):
		switch x := v.(type) {
		case time.Time:
			return f.escapeString(x.Local().Format("2006-01-02")), nil
		case string:
			if p, ok := ParseJSDate(x); ok {
				return f.escapeString(p.Local().Format("2006-01-02")), nil
			}
		}
	case isFloatKey(t.Key):
		switch x := v.(type) {
		case float64:
			return "'" + FormatNumber(x) + "'", nil
		case string:
			if _, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err != nil && strings.TrimSpace(x) != "" {
				return "'NaN'", nil
			}
			return "'" + x + "'", nil
		}
	case t.Is("BLOB"):
		switch x := v.(type) {
		case []byte:
			return f.hexBlob(x), nil
		case string:
			return f.hexBlob([]byte(x)), nil
		}
	case t.Is("JSON", "JSONB"):
		s, err := JSONStringify(v)
		if err != nil {
			return "", err
		}
		return f.EscapeValue(s, f.Timezone, false)
	}
	return f.EscapeValue(v, f.Timezone, false)
}

// ParseJSDate parses the date strings migrations pass where a Date is
// expected, as new Date(string) would for the common ISO forms.
func ParseJSDate(s string) (time.Time, bool) {
	layouts := []string{
		time.RFC3339Nano, "2006-01-02T15:04:05.000Z07:00", "2006-01-02T15:04:05Z07:00",
		"2006-01-02 15:04:05.000 -07:00", "2006-01-02 15:04:05 -07:00", "2006-01-02 15:04:05.000Z07:00",
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	// Date-only ISO strings are UTC in JavaScript; date-time without zone is local.
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, true
	}
	for _, l := range []string{"2006-01-02T15:04:05.000", "2006-01-02T15:04:05", "2006-01-02 15:04:05.000", "2006-01-02 15:04:05", "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(l, s, time.Local); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// SequelizeMethod renders Literal, Fn, Col, Cast, Where and JSONPath as
// handleSequelizeMethod does.
func (f Flavor) SequelizeMethod(v any) (string, error) {
	switch x := v.(type) {
	case *dialect.Literal:
		return x.SQL, nil
	case dialect.Literal:
		return x.SQL, nil
	case *dialect.Fn:
		return f.SequelizeMethod(*x)
	case dialect.Fn:
		args := make([]string, len(x.Args))
		for i, a := range x.Args {
			var s string
			var err error
			switch {
			case dialect.IsSequelizeMethod(a):
				s, err = f.SequelizeMethod(a)
			case isPlainObject(a):
				s, err = f.WhereItems(a, WhereOptions{})
			default:
				if str, ok := a.(string); ok {
					a = strings.ReplaceAll(str, "$", "$$")
				}
				s, err = f.Escape(a, nil)
			}
			if err != nil {
				return "", err
			}
			args[i] = s
		}
		return x.Name + "(" + strings.Join(args, ", ") + ")", nil
	case *dialect.Col:
		return f.SequelizeMethod(*x)
	case dialect.Col:
		if strings.HasPrefix(x.Name, "*") {
			return "*", nil
		}
		return f.QuoteIdentifiers(x.Name), nil
	case *dialect.Cast:
		return f.SequelizeMethod(*x)
	case dialect.Cast:
		var inner string
		var err error
		switch {
		case dialect.IsSequelizeMethod(x.Value):
			inner, err = f.SequelizeMethod(x.Value)
		case isPlainObject(x.Value):
			inner, err = f.WhereItems(x.Value, WhereOptions{})
		default:
			inner, err = f.Escape(x.Value, nil)
		}
		if err != nil {
			return "", err
		}
		typ := x.Type
		if f.CastType != nil {
			typ = f.CastType(typ)
		}
		return "CAST(" + inner + " AS " + strings.ToUpper(typ) + ")", nil
	case *dialect.Where:
		return f.SequelizeMethod(*x)
	case dialect.Where:
		return f.whereMethod(x)
	case *dialect.JSONPath, dialect.JSONPath:
		return "", dialect.Unsupported(f.Name, "Sequelize.json() is not supported yet")
	}
	return "", fmt.Errorf("internal: %T is not a Sequelize method", v)
}

func isPlainObject(v any) bool { _, ok := v.(*dialect.Object); return ok }
