package sqlite

import (
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
)

var integerKeys = map[string]bool{"TINYINT": true, "SMALLINT": true, "MEDIUMINT": true, "INTEGER": true, "BIGINT": true}
var numberKeys = map[string]bool{"TINYINT": true, "SMALLINT": true, "MEDIUMINT": true, "INTEGER": true, "BIGINT": true, "FLOAT": true, "REAL": true, "DOUBLE PRECISION": true}

// typeSQL renders a DataType as Sequelize's SQLite dialect does
// (src/dialects/sqlite/data-types.js over src/data-types.js). SQLite
// accepts any type name, so types that other dialects reject still render
// here, exactly as Sequelize renders them.
func typeSQL(t *dialect.DataType) string {
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
		if t.Length != "" {
			s += "(" + t.Length
			if t.Decimals != "" {
				s += "," + t.Decimals
			}
			s += ")"
		}
		return s
	case t.Key == "DECIMAL":
		if t.Precision != "" || t.Scale != "" {
			var parts []string
			for _, p := range []string{t.Precision, t.Scale} {
				if p != "" {
					parts = append(parts, p)
				}
			}
			return "DECIMAL(" + strings.Join(parts, ",") + ")"
		}
		return "DECIMAL"
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
		return typeSQL(t.Elem) + "[]"
	}
	// TIME, UUID, JSON, JSONB, RANGE, GEOMETRY, GEOGRAPHY, HSTORE, INET,
	// CIDR, MACADDR, TSVECTOR, NOW, UUIDV1, UUIDV4, VIRTUAL: the key.
	return t.Key
}
