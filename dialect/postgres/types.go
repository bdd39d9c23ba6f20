package postgres

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
)

// typeSQL renders a DataType as Sequelize's postgres dialect does
// (src/dialects/postgres/data-types.js over src/data-types.js): the integer
// and floating types lose length, UNSIGNED and ZEROFILL (Sequelize warns),
// binary strings and BLOBs are BYTEA, DATE is TIMESTAMP WITH TIME ZONE.
func typeSQL(t *dialect.DataType) string {
	if t == nil {
		return "undefined"
	}
	if t.IsRaw() {
		return t.Raw
	}
	switch t.Key {
	case "STRING":
		if t.Binary {
			return "BYTEA"
		}
		return "VARCHAR(" + lengthOr(t.Length, "255") + ")"
	case "CHAR":
		if t.Binary {
			return "BYTEA"
		}
		return "CHAR(" + lengthOr(t.Length, "255") + ")"
	case "TEXT":
		return "TEXT"
	case "CITEXT":
		return "CITEXT"
	case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE PRECISION":
		return t.Key
	case "MEDIUMINT":
		// Not a postgres type class: the base NUMBER rendering.
		return baseTypeSQL(t)
	case "FLOAT":
		// A truthy _decimals removes both length and decimals.
		if t.Decimals != "" && t.Decimals != "0" || t.Length == "" {
			return "FLOAT"
		}
		return sqlgen.TypeParams("FLOAT", t.Length, t.Decimals)
	case "DECIMAL":
		return sqlgen.DecimalType(t)
	case "BOOLEAN":
		return "BOOLEAN"
	case "DATE":
		return "TIMESTAMP WITH TIME ZONE"
	case "DATEONLY":
		return "DATE"
	case "BLOB":
		return "BYTEA"
	case "ARRAY":
		if t.Elem == nil {
			return "undefined[]"
		}
		return typeSQL(t.Elem) + "[]"
	case "RANGE":
		sub := "integer"
		if t.Elem != nil {
			sub = strings.ToLower(t.Elem.Key)
		}
		if s, ok := rangeSubtypes[sub]; ok {
			return s
		}
		return "undefined"
	case "GEOMETRY", "GEOGRAPHY":
		return sqlgen.TypeParams(t.Key, t.GeoType, t.SRID)
	}
	// TIME, UUID, JSON, JSONB, HSTORE, INET, CIDR, MACADDR, TSVECTOR, ENUM,
	// NOW, UUIDV1, UUIDV4, VIRTUAL: the key.
	return t.Key
}

func lengthOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

var rangeSubtypes = map[string]string{
	"integer": "int4range", "decimal": "numrange", "date": "tstzrange", "dateonly": "daterange", "bigint": "int8range",
}

var rangeCastTypes = map[string]string{
	"integer": "int4", "decimal": "numeric", "date": "timestamptz", "dateonly": "date", "bigint": "int8",
}

func rangeSubtype(t *dialect.DataType) *dialect.DataType {
	if t.Elem != nil {
		return t.Elem
	}
	return &dialect.DataType{Key: "INTEGER"}
}

// stringify is DataType.stringify for a non-null value: the value a type
// turns v into before it is escaped, and whether the type escapes it itself
// (escape === false: the result is SQL already).
func stringify(f sqlgen.Flavor, v any, t *dialect.DataType) (any, bool, error) {
	if t == nil || t.IsRaw() {
		return v, false, nil
	}
	switch {
	case t.Is("FLOAT", "DOUBLE PRECISION", "REAL"):
		return "'" + floatValue(v) + "'", true, nil
	case t.Is("BLOB"):
		s, err := f.Escape(v, t)
		return s, true, err
	case t.Is("ARRAY"), t.Is("RANGE"), t.Is("HSTORE"), t.Is("GEOMETRY", "GEOGRAPHY"):
		s, _, err := f.EscapeTyped(f, v, t)
		return s, true, err
	case t.Is("DATE", "DATEONLY"):
		if x, ok := isInf(v); ok {
			return infinityText(x), false, nil
		}
		s, err := f.Escape(v, t)
		if err != nil {
			return nil, false, err
		}
		return unquote(s), false, nil
	case t.Is("JSON", "JSONB"):
		s, err := sqlgen.JSONStringify(v)
		return s, false, err
	}
	return v, false, nil
}

func unquote(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	return s
}

func infinityText(f float64) string {
	if f < 0 {
		return "-Infinity"
	}
	return "Infinity"
}

// floatValue is the floating types' _value: NaN, ±Infinity or the number.
func floatValue(v any) string {
	switch x := v.(type) {
	case float64:
		switch {
		case math.IsNaN(x):
			return "NaN"
		case math.IsInf(x, 1):
			return "Infinity"
		case math.IsInf(x, -1):
			return "-Infinity"
		}
		return dialect.FormatNumber(x)
	case string:
		return x
	case bool:
		if x {
			return "true"
		}
		return "false"
	}
	return dialect.Describe(v)
}

// escapeTyped is the postgres types' _stringify where it differs from the
// shared one: ARRAY, RANGE, HSTORE, GEOMETRY/GEOGRAPHY, and DATE/DATEONLY
// infinities.
func escapeTyped(f sqlgen.Flavor, v any, t *dialect.DataType) (string, bool, error) {
	switch t.Key {
	case "DATE", "DATEONLY":
		if x, ok := isInf(v); ok {
			return "'" + infinityText(x) + "'", true, nil
		}
		return "", false, nil
	case "ARRAY":
		return arrayLiteral(f, v, t, typeSQL)
	case "BLOB":
		return `E'\\x` + hex.EncodeToString(blobBytes(v)) + `'`, true, nil
	case "RANGE":
		val, err := rangeValue(f, v, t)
		if err != nil {
			return "", true, err
		}
		if _, isList := v.([]any); !isList {
			return "'" + val + "'::" + rangeCastTypes[strings.ToLower(rangeSubtype(t).Key)], true, nil
		}
		return "'" + val + "'", true, nil
	case "HSTORE":
		s, err := hstoreStringify(v)
		if err != nil {
			return "", true, err
		}
		return "'" + s + "'", true, nil
	case "GEOMETRY", "GEOGRAPHY":
		s, err := sqlgen.JSONStringify(v)
		if err != nil {
			return "", true, err
		}
		lit, err := f.EscapeValue(s, f.Timezone, false)
		if err != nil {
			return "", true, err
		}
		return "ST_GeomFromGeoJSON(" + lit + ")", true, nil
	}
	return "", false, nil
}

// arrayLiteral is ARRAY._stringify (patched onto Sequelize's base ARRAY by
// the postgres dialect): ARRAY[…] cast to the type's SQL, which toSQL
// renders (the dialect's types, or the base types of attributes that
// Sequelize does not normalize).
func arrayLiteral(f sqlgen.Flavor, v any, t *dialect.DataType, toSQL func(*dialect.DataType) string) (string, bool, error) {
	list, ok := v.([]any)
	if !ok {
		return "", true, errors.New("TypeError: values.map is not a function")
	}
	parts := make([]string, len(list))
	for i, e := range list {
		s, err := arrayElement(f, e, t.Elem)
		if err != nil {
			return "", true, err
		}
		parts[i] = s
	}
	out := "ARRAY[" + strings.Join(parts, ",") + "]"
	if t.Elem != nil {
		if t.Elem.Is("ENUM") {
			return "", true, errors.New("TypeError: Cannot read properties of undefined (reading 'getTableName')")
		}
		out += "::" + toSQL(t)
	}
	return out, true, nil
}

// blobBytes is the Buffer BLOB._stringify writes: the bytes of a Buffer,
// Buffer.from(array), or Buffer.from(String(value)).
func blobBytes(v any) []byte {
	switch x := v.(type) {
	case []byte:
		return x
	case string:
		return []byte(x)
	case []any:
		b := make([]byte, len(x))
		for i, e := range x {
			if n, ok := e.(float64); ok {
				b[i] = byte(int64(n))
			}
		}
		return b
	}
	return []byte(jsText(v))
}

// baseTypeSQL is toSql of Sequelize's base data types (src/data-types.js),
// for the types the postgres dialect does not override (MEDIUMINT).
func baseTypeSQL(t *dialect.DataType) string {
	if t == nil {
		return "undefined"
	}
	if t.IsRaw() {
		return t.Raw
	}
	switch t.Key {
	case "STRING", "CHAR":
		name := "VARCHAR"
		if t.Key == "CHAR" {
			name = "CHAR"
		}
		s := name + "(" + lengthOr(t.Length, "255") + ")"
		if t.Binary {
			s += " BINARY"
		}
		return s
	case "TEXT", "BLOB":
		switch strings.ToLower(t.Length) {
		case "tiny":
			return "TINY" + t.Key
		case "medium":
			return "MEDIUM" + t.Key
		case "long":
			return "LONG" + t.Key
		}
		return t.Key
	case "TINYINT", "SMALLINT", "MEDIUMINT", "INTEGER", "BIGINT", "FLOAT", "REAL", "DOUBLE PRECISION":
		return sqlgen.NumberType(t)
	case "DECIMAL":
		return typeSQL(t)
	case "BOOLEAN":
		return "TINYINT(1)"
	case "DATE":
		return "DATETIME"
	case "DATEONLY":
		return "DATE"
	case "ARRAY":
		return baseTypeSQL(t.Elem) + "[]"
	}
	return t.Key
}

// arrayElement is one element of ARRAY._value for an SQL literal: the
// element type's stringify, then escaping unless the type escapes itself.
func arrayElement(f sqlgen.Flavor, e any, elem *dialect.DataType) (string, error) {
	if e == nil {
		return "NULL", nil
	}
	if _, undef := e.(dialect.Undefined); undef {
		return "NULL", nil
	}
	v, raw, err := stringify(f, e, elem)
	if err != nil {
		return "", err
	}
	if raw {
		if s, ok := v.(string); ok {
			return s, nil
		}
	}
	return f.EscapeValue(v, f.Timezone, false)
}

// rangeValue is RANGE._value: the range text for a list of bounds, or the
// subtype's stringify for a single value.
func rangeValue(f sqlgen.Flavor, v any, t *dialect.DataType) (string, error) {
	sub := rangeSubtype(t)
	list, isList := v.([]any)
	if !isList {
		s, _, err := stringify(f, v, sub)
		if err != nil {
			return "", err
		}
		return jsText(s), nil
	}
	if len(list) == 0 {
		return "empty", nil
	}
	if len(list) != 2 {
		return "", errors.New("range array length must be 0 (empty) or 2 (lower and upper bounds)")
	}
	inclusive := [2]bool{true, false}
	bounds := make([]string, 2)
	for i, b := range list {
		val := b
		if o, ok := b.(*dialect.Object); ok {
			if x, ok := o.Get("value"); ok {
				val = x
			}
			if inc, ok := o.Get("inclusive"); ok {
				inclusive[i] = truthy(inc)
			}
		}
		switch x := val.(type) {
		case nil:
			bounds[i] = ""
			continue
		case float64:
			if math.IsInf(x, 0) {
				bounds[i] = strings.ToLower(infinityText(x))
				continue
			}
		}
		s, _, err := stringify(f, val, sub)
		if err != nil {
			return "", err
		}
		js, err := sqlgen.JSONStringify(s)
		if err != nil {
			return "", err
		}
		bounds[i] = js
	}
	open, closeB := "(", ")"
	if inclusive[0] {
		open = "["
	}
	if inclusive[1] {
		closeB = "]"
	}
	return open + bounds[0] + "," + bounds[1] + closeB, nil
}

// hstoreStringify is pg-hstore's stringify with sanitizing.
func hstoreStringify(v any) (string, error) {
	o, ok := v.(*dialect.Object)
	if !ok {
		return "", errors.New("hstore value must be an object")
	}
	san := func(s string) string {
		s = strings.ReplaceAll(s, "'", "''")
		s = strings.ReplaceAll(s, `\`, `\\`)
		return strings.ReplaceAll(s, `"`, `\"`)
	}
	var parts []string
	for i, k := range o.Keys {
		if k.Op {
			continue
		}
		val := o.Values[i]
		if val == nil {
			parts = append(parts, `"`+san(k.Name)+`"=>NULL`)
			continue
		}
		var s string
		switch x := val.(type) {
		case string:
			s = san(x)
		case float64:
			s = dialect.FormatNumber(x)
		case bool:
			if x {
				s = "true"
			} else {
				s = "false"
			}
		case *dialect.Object:
			s = "[object Object]"
		case []any:
			s = jsText(x)
		}
		parts = append(parts, `"`+san(k.Name)+`"=>"`+s+`"`)
	}
	return strings.Join(parts, ","), nil
}

// jsText is String(v).
func jsText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return "null"
	case dialect.Undefined:
		return "undefined"
	case float64:
		return dialect.FormatNumber(x)
	case bool:
		if x {
			return "true"
		}
		return "false"
	case time.Time:
		return x.Format("Mon Jan 02 2006 15:04:05 GMT-0700")
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
	case *dialect.Object:
		return "[object Object]"
	}
	return dialect.Describe(v)
}

// formatTyped is the postgres types' bindParam where it is not the value's
// stringify: ARRAY binds a list, RANGE casts its placeholder, HSTORE binds
// its text, GEOMETRY wraps the placeholder.
func formatTyped(f sqlgen.Flavor, v any, t *dialect.DataType, bind func(any) string) (string, bool, error) {
	switch t.Key {
	case "ARRAY":
		list, ok := v.([]any)
		if !ok {
			return "", true, errors.New("TypeError: values.map is not a function")
		}
		out := make([]any, len(list))
		for i, e := range list {
			if e == nil {
				continue
			}
			if t.Elem != nil && t.Elem.Is("FLOAT", "DOUBLE PRECISION", "REAL") {
				if x, ok := e.(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0)) {
					out[i] = floatValue(x)
					continue
				}
				out[i] = e
				continue
			}
			s, _, err := stringify(f, e, t.Elem)
			if err != nil {
				return "", true, err
			}
			out[i] = s
		}
		return bind(out), true, nil
	case "RANGE":
		val, err := rangeValue(f, v, t)
		if err != nil {
			return "", true, err
		}
		if _, isList := v.([]any); !isList {
			return bind(val) + "::" + rangeCastTypes[strings.ToLower(rangeSubtype(t).Key)], true, nil
		}
		return bind(val), true, nil
	case "HSTORE":
		s, err := hstoreStringify(v)
		if err != nil {
			return "", true, err
		}
		return bind(s), true, nil
	case "GEOMETRY", "GEOGRAPHY":
		return "ST_GeomFromGeoJSON(" + bind(v) + ")", true, nil
	case "DATE", "DATEONLY":
		if x, ok := isInf(v); ok {
			return bind(infinityText(x)), true, nil
		}
	}
	return "", false, nil
}

func truthy(v any) bool {
	switch x := v.(type) {
	case nil, dialect.Undefined:
		return false
	case bool:
		return x
	case float64:
		return x != 0 && !math.IsNaN(x)
	case string:
		return x != ""
	}
	return true
}

// warn is ABSTRACT.warn of Sequelize's postgres data types: the text, then
// the link to PostgreSQL's documentation.
func warn(ctx context.Context, text string) {
	dialect.Warn(ctx, text+" \n>> Check: http://www.postgresql.org/docs/9.4/static/datatype.html")
}

// normalizeWarnings prints what the postgres type constructors warn about
// when normalizeAttribute builds them (before any SQL is rendered): the
// integer and floating types drop LENGTH, UNSIGNED and ZEROFILL, FLOAT its
// decimals. An ARRAY's element type is built the same way.
func normalizeWarnings(ctx context.Context, cols ...dialect.Column) {
	for _, c := range cols {
		t := c.Type
		if t == nil {
			continue
		}
		constructorWarnings(ctx, t)
		if t.Is("ARRAY") && t.Elem != nil {
			constructorWarnings(ctx, t.Elem)
		}
	}
}

func constructorWarnings(ctx context.Context, t *dialect.DataType) {
	switch t.Key {
	case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE PRECISION":
		if t.Length != "" || t.Unsigned || t.Zerofill {
			warn(ctx, fmt.Sprintf("PostgresSQL does not support '%s' with LENGTH, UNSIGNED or ZEROFILL. Plain '%s' will be used instead.", t.Key, t.Key))
		}
	case "FLOAT":
		if t.Decimals != "" && t.Decimals != "0" {
			warn(ctx, "PostgreSQL does not support FLOAT with decimals. Plain `FLOAT` will be used instead.")
		}
		if t.Unsigned {
			warn(ctx, "PostgreSQL does not support FLOAT unsigned. `UNSIGNED` was removed.")
		}
		if t.Zerofill {
			warn(ctx, "PostgreSQL does not support FLOAT zerofill. `ZEROFILL` was removed.")
		}
	}
}

// toSQLWarnings prints what toSql warns about: TEXT and BLOB options.
func toSQLWarnings(ctx context.Context, t *dialect.DataType) {
	for ; t != nil; t = t.Elem {
		switch {
		case t.Is("TEXT") && t.Length != "":
			warn(ctx, "PostgreSQL does not support TEXT with options. Plain `TEXT` will be used instead.")
		case t.Is("BLOB") && t.Length != "":
			warn(ctx, "PostgreSQL does not support BLOB (BYTEA) with options. Plain `BYTEA` will be used instead.")
		}
		if !t.Is("ARRAY") {
			return
		}
	}
}
