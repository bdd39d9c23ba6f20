package sqlgen

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

var upperRE = lazyre.MustCompile(`([A-Z])`)

// Underscore is inflection.underscore (v1.13), which Sequelize uses for
// generated index names: "_" before every ASCII capital, one leading "_"
// dropped, "::" turned into "/", then lower-cased.
func Underscore(s string) string {
	parts := strings.Split(s, "::")
	for i, p := range parts {
		p = upperRE().ReplaceAllString(p, "_$1")
		p = strings.TrimPrefix(p, "_")
		parts[i] = p
	}
	return strings.ToLower(strings.Join(parts, "/"))
}

// IndexName is Utils.nameIndex: underscore(prefix + "_" + fields joined by "_").
func IndexName(prefix string, fields []dialect.IndexField) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		// An expression has no name: JavaScript's join renders undefined as "".
		names[i] = f.Name
	}
	return Underscore(prefix + "_" + strings.Join(names, "_"))
}

// IndexPrefix is the prefix addIndexQuery names indexes after: the raw
// table name (only tableName for an object) with dots made underscores and
// quotes removed.
func IndexPrefix(t dialect.TableRef, rawTable, prefix string) string {
	p := prefix
	if p == "" {
		p = rawTable
	}
	if p == "" {
		if t.Object || t.Schema != "" {
			return t.Name
		}
		p = t.Name
	}
	p = strings.ReplaceAll(p, ".", "_")
	p = strings.NewReplacer(`"`, "", `'`, "").Replace(p)
	return p
}

// AddIndex renders addIndexQuery for the flavor.
func (f Flavor) AddIndex(t dialect.TableRef, idx dialect.Index, rawTable string) (string, error) {
	if len(idx.Fields) == 0 {
		return "", errors.New("TypeError: Cannot read properties of undefined (reading 'map')")
	}
	fieldsSQL := make([]string, len(idx.Fields))
	for i, fld := range idx.Fields {
		if fld.Expr != nil {
			s, err := f.SequelizeMethod(fld.Expr)
			if err != nil {
				return "", err
			}
			fieldsSQL[i] = s
			continue
		}
		if fld.Name == "" {
			return "", errors.New("The following index field has no name: {}")
		}
		s := f.QuoteIdentifier(fld.Name)
		if f.IndexCollate && fld.Collate != "" {
			s += " COLLATE " + f.QuoteIdentifier(fld.Collate)
		}
		if f.IndexOperator {
			op := fld.Operator
			if op == "" {
				op = idx.Operator
			}
			if op != "" {
				s += " " + op
			}
		}
		if f.IndexLength && fld.Length != "" {
			s += "(" + fld.Length + ")"
		}
		if fld.Order != "" {
			s += " " + fld.Order
		}
		fieldsSQL[i] = s
	}
	name := idx.Name
	if name == "" {
		name = IndexName(IndexPrefix(t, rawTable, idx.Prefix), idx.Fields)
	}
	unique := idx.Unique
	typ := idx.Type
	if strings.ToUpper(typ) == "UNIQUE" {
		unique, typ = true, ""
	}
	if !f.IndexType {
		typ = ""
	}
	where := ""
	if idx.Where != nil {
		w, err := f.Where(idx.Where, WhereOptions{})
		if err != nil {
			return "", err
		}
		where = w
	}
	table := f.QuoteTableForStringOps(t)
	concurrently := ""
	if f.IndexConcurrently && idx.Concurrently {
		concurrently = "CONCURRENTLY"
	}
	var parts []string
	if f.IndexViaAlter {
		parts = []string{"ALTER TABLE", table, concurrently, "ADD"}
	} else {
		parts = []string{"CREATE"}
	}
	u := ""
	if unique {
		u = "UNIQUE"
	}
	parts = append(parts, u, typ, "INDEX")
	if !f.IndexViaAlter {
		parts = append(parts, concurrently)
	}
	parts = append(parts, f.QuoteIdentifiers(name))
	if f.IndexUsing == 1 && idx.Using != "" {
		parts = append(parts, "USING "+idx.Using)
	}
	if !f.IndexViaAlter {
		parts = append(parts, "ON "+table)
	}
	if f.IndexUsing == 2 && idx.Using != "" {
		parts = append(parts, "USING "+idx.Using)
	}
	parts = append(parts, "("+strings.Join(fieldsSQL, ", ")+")")
	if f.IndexParser && idx.Parser != "" {
		parts = append(parts, "WITH PARSER "+idx.Parser)
	}
	if f.IndexWhere && where != "" {
		parts = append(parts, where)
	}
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " "), nil
}

// RemoveIndexName is the name removeIndexQuery drops: the given name, or
// underscore(table + "_" + fields joined by "_").
func RemoveIndexName(t dialect.TableRef, name string, fields []string) string {
	if name != "" || fields == nil {
		return name
	}
	return Underscore(t.Name + "_" + strings.Join(fields, "_"))
}

// ConstraintSnippet renders getConstraintSnippet: "CONSTRAINT name TYPE (…)".
// tableName is the table text the default name starts with (addConstraint
// passes the quoted table; quotes are stripped by quoteIdentifier).
func (f Flavor) ConstraintSnippet(tableName string, c dialect.Constraint) (string, error) {
	if len(c.Fields) == 0 {
		return "", errors.New("Fields must be specified through options.fields")
	}
	fields := make([]string, len(c.Fields))
	for i, fld := range c.Fields {
		switch {
		case fld.Expr != nil:
			s, err := f.SequelizeMethod(fld.Expr)
			if err != nil {
				return "", err
			}
			fields[i] = s
		case fld.Name == "":
			return "", errors.New("The following index field has no name: [object Object]")
		default:
			fields[i] = f.QuoteIdentifier(fld.Name)
		}
	}
	quoted := strings.Join(fields, ", ")
	under := strings.Join(fields, "_")
	name := func(suffix string) string {
		if c.Name != "" {
			return f.QuoteIdentifier(c.Name)
		}
		return f.QuoteIdentifier(tableName + "_" + under + "_" + suffix)
	}
	var snippet string
	switch c.UpperType() {
	case "UNIQUE":
		snippet = fmt.Sprintf("CONSTRAINT %s UNIQUE (%s)", name("uk"), quoted)
	case "CHECK":
		w, err := f.WhereItems(c.Where, WhereOptions{})
		if err != nil {
			return "", err
		}
		snippet = fmt.Sprintf("CONSTRAINT %s CHECK (%s)", name("ck"), w)
	case "DEFAULT":
		if c.DefaultValue == nil {
			return "", errors.New("Default value must be specified for DEFAULT CONSTRAINT")
		}
		return "", errors.New("Default constraints are supported only for MSSQL dialect.")
	case "PRIMARY KEY":
		snippet = fmt.Sprintf("CONSTRAINT %s PRIMARY KEY (%s)", name("pk"), quoted)
	case "FOREIGN KEY":
		r := c.References
		if r == nil || r.Table.Name == "" || (r.Field == "" && len(r.Fields) == 0) {
			return "", errors.New("references object with table and field must be specified")
		}
		refTable := r.Table.Name
		if r.Table.Object {
			refTable = "[object Object]"
		}
		var cname string
		if c.Name != "" {
			cname = f.QuoteIdentifier(c.Name)
		} else {
			cname = f.QuoteIdentifier(tableName + "_" + under + "_" + refTable + "_fk")
		}
		var refCols string
		if r.Field != "" {
			refCols = f.QuoteIdentifier(r.Field)
		} else {
			q := make([]string, len(r.Fields))
			for i, x := range r.Fields {
				q[i] = f.QuoteIdentifier(x)
			}
			refCols = strings.Join(q, ", ")
		}
		snippet = fmt.Sprintf("CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s)", cname, quoted, f.QuoteTable(r.Table), refCols)
		if c.OnUpdate != "" {
			snippet += " ON UPDATE " + strings.ToUpper(c.OnUpdate)
		}
		if c.OnDelete != "" {
			snippet += " ON DELETE " + strings.ToUpper(c.OnDelete)
		}
	default:
		return "", fmt.Errorf("%s is invalid.", c.Type)
	}
	if c.Deferrable != "" {
		switch c.UpperType() {
		case "UNIQUE", "PRIMARY KEY", "FOREIGN KEY":
			if f.DeferrableConstraints {
				snippet += " " + c.Deferrable
			} else {
				// deferConstraintsQuery returns undefined outside Postgres.
				snippet += " undefined"
			}
		}
	}
	return snippet, nil
}

// NumberType is Sequelize's NUMBER.toSql, the spelling of INTEGER, BIGINT,
// FLOAT, DOUBLE PRECISION… where the dialect keeps every option: the key,
// (length[,decimals]), then UNSIGNED and ZEROFILL.
func NumberType(t *dialect.DataType) string {
	s := TypeParams(t.Key, t.Length, t.Decimals)
	if t.Unsigned {
		s += " UNSIGNED"
	}
	if t.Zerofill {
		s += " ZEROFILL"
	}
	return s
}

// TypeParams is a type's key with its options as Sequelize's toSql methods
// append them: "key(first,second)", "key(first)" without second, the key
// alone without first.
func TypeParams(key, first, second string) string {
	switch {
	case first == "":
		return key
	case second == "":
		return key + "(" + first + ")"
	}
	return key + "(" + first + "," + second + ")"
}

// DecimalType is DECIMAL.toSql: "DECIMAL" with the precision and the scale
// that are set, in parentheses, when either is.
func DecimalType(t *dialect.DataType) string {
	if t.Precision == "" {
		return TypeParams("DECIMAL", t.Scale, "")
	}
	return TypeParams("DECIMAL", t.Precision, t.Scale)
}
