package sqlgen

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sqzjs/sqzjs/dialect"
)

// JSONStringify renders v as JavaScript's JSON.stringify does (key order
// kept, Dates as ISO strings, undefined dropped from objects and null in
// arrays, Buffers as {"type":"Buffer","data":[…]}).
func JSONStringify(v any) (string, error) {
	var b strings.Builder
	ok, err := writeJSON(&b, v)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("JSON.stringify: value %s has no JSON form", dialect.Describe(v))
	}
	return b.String(), nil
}

// writeJSON writes v; it reports false for values JSON.stringify skips.
func writeJSON(b *strings.Builder, v any) (bool, error) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case dialect.Undefined, dialect.Special:
		return false, nil
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			b.WriteString("null")
		} else {
			b.WriteString(FormatNumber(x))
		}
	case *big.Int:
		return false, fmt.Errorf("TypeError: Do not know how to serialize a BigInt")
	case string:
		writeJSONString(b, x)
	case time.Time:
		writeJSONString(b, x.UTC().Format("2006-01-02T15:04:05.000Z"))
	case []byte:
		b.WriteString(`{"type":"Buffer","data":[`)
		for i, c := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprint(b, c)
		}
		b.WriteString("]}")
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			ok, err := writeJSON(b, e)
			if err != nil {
				return false, err
			}
			if !ok {
				b.WriteString("null")
			}
		}
		b.WriteByte(']')
	case *dialect.Object:
		b.WriteByte('{')
		first := true
		for i, k := range x.Keys {
			if k.Op {
				continue
			}
			var sub strings.Builder
			ok, err := writeJSON(&sub, x.Values[i])
			if err != nil {
				return false, err
			}
			if !ok {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			writeJSONString(b, k.Name)
			b.WriteByte(':')
			b.WriteString(sub.String())
		}
		b.WriteByte('}')
	case dialect.Literal, dialect.Fn, dialect.Col, dialect.Cast, dialect.Where, dialect.JSONPath:
		// Sequelize's method objects stringify as their own fields; they are
		// never meaningful JSON, so refuse them clearly.
		return false, fmt.Errorf("JSON.stringify: a Sequelize %T cannot be stored as JSON", x)
	default:
		return false, fmt.Errorf("JSON.stringify: unsupported value %T", v)
	}
	return true, nil
}

// writeJSONString quotes s as JSON.stringify does: only ", \ and control
// characters are escaped; lone surrogates cannot occur in Go strings.
func writeJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}
