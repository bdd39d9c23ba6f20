package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
)

var integerKeys = map[string]bool{"TINYINT": true, "SMALLINT": true, "MEDIUMINT": true, "INTEGER": true, "BIGINT": true}
var numberKeys = map[string]bool{"TINYINT": true, "SMALLINT": true, "MEDIUMINT": true, "INTEGER": true, "BIGINT": true, "FLOAT": true, "REAL": true, "DOUBLE PRECISION": true}

// typeSQL renders a DataType as Sequelize's SQLite dialect does
// (src/dialects/sqlite/data-types.js over src/data-types.js). SQLite
// accepts any type name, so types that other dialects reject still render
// here, exactly as Sequelize renders them.
func typeSQL(ctx context.Context, t *dialect.DataType) string {
	if t.IsRaw() {
		return t.Raw
	}
	switch {
	case t.Key == "STRING" || t.Key == "CHAR":
		name := "VARCHAR"
		if t.Key == "CHAR" {
			name = "CHAR"
		}
		if t.Binary {
			return name + " BINARY(" + t.Length + ")"
		}
		return name + "(" + t.Length + ")"
	case t.Key == "TEXT":
		if t.Length != "" {
			warn(ctx, "SQLite does not support TEXT with options. Plain `TEXT` will be used instead.")
		}
		return "TEXT"
	case t.Key == "CITEXT":
		return "TEXT COLLATE NOCASE"
	case numberKeys[t.Key]:
		s := t.Key
		// The integer types drop UNSIGNED/ZEROFILL on SQLite (with a
		// warning); the floating types keep them, before the length.
		if !integerKeys[t.Key] {
			if t.Unsigned {
				s += " UNSIGNED"
			}
			if t.Zerofill {
				s += " ZEROFILL"
			}
		}
		return sqlgen.TypeParams(s, t.Length, t.Decimals)
	case t.Key == "DECIMAL":
		return sqlgen.DecimalType(t)
	case t.Key == "BOOLEAN":
		return "TINYINT(1)"
	case t.Key == "DATE":
		return "DATETIME"
	case t.Key == "DATEONLY":
		return "DATE"
	case t.Key == "BLOB":
		switch strings.ToLower(t.Length) {
		case "tiny":
			return "TINYBLOB"
		case "medium":
			return "MEDIUMBLOB"
		case "long":
			return "LONGBLOB"
		}
		return "BLOB"
	case t.Key == "ENUM":
		return "TEXT"
	case t.Key == "ARRAY":
		if t.Elem == nil {
			return "ARRAY"
		}
		return typeSQL(ctx, t.Elem) + "[]"
	}
	// TIME, UUID, JSON, JSONB, RANGE, GEOMETRY, GEOGRAPHY, HSTORE, INET,
	// CIDR, MACADDR, TSVECTOR, NOW, UUIDV1, UUIDV4, VIRTUAL: the key.
	return t.Key
}

// warn is ABSTRACT.warn of Sequelize's SQLite data types: the text, then
// the link to SQLite's documentation.
func warn(ctx context.Context, text string) {
	dialect.Warn(ctx, text+" \n>> Check: https://www.sqlite.org/datatype3.html")
}

// normalizeWarnings prints what Sequelize's SQLite types warn about when
// normalizeAttribute builds them (before any SQL is rendered): integer
// types drop UNSIGNED and ZEROFILL.
func normalizeWarnings(ctx context.Context, cols ...dialect.Column) {
	for _, c := range cols {
		for t := c.Type; t != nil; t = t.Elem {
			if integerKeys[t.Key] && (t.Unsigned || t.Zerofill) {
				warn(ctx, fmt.Sprintf("SQLite does not support '%s' with UNSIGNED or ZEROFILL. Plain '%s' will be used instead.", t.Key, t.Key))
			}
		}
	}
}
