package mysql

import (
	"errors"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// typeSQL renders a DataType as Sequelize's mysql/mariadb dialect does
// (src/dialects/mysql/data-types.js over src/data-types.js). Types MySQL
// rejects still render as Sequelize renders them; the server reports the
// error.
func (d *Dialect) typeSQL(t *dialect.DataType) (string, error) {
	if t.IsRaw() {
		return t.Raw, nil
	}
	switch t.Key {
	case "STRING", "CHAR":
		name := "VARCHAR"
		if t.Key == "CHAR" {
			name = "CHAR"
		}
		s := name + "(" + t.Length + ")"
		if t.Binary {
			s += " BINARY"
		}
		return s, nil
	case "TEXT":
		switch strings.ToLower(t.Length) {
		case "tiny":
			return "TINYTEXT", nil
		case "medium":
			return "MEDIUMTEXT", nil
		case "long":
			return "LONGTEXT", nil
		}
		return "TEXT", nil
	case "TINYINT", "SMALLINT", "MEDIUMINT", "INTEGER", "BIGINT", "FLOAT", "REAL", "DOUBLE PRECISION":
		return sqlgen.NumberType(t), nil
	case "DECIMAL":
		s := sqlgen.DecimalType(t)
		if t.Unsigned {
			s += " UNSIGNED"
		}
		if t.Zerofill {
			s += " ZEROFILL"
		}
		return s, nil
	case "BOOLEAN":
		return "TINYINT(1)", nil
	case "DATE":
		if t.Length != "" {
			return "DATETIME(" + t.Length + ")", nil
		}
		return "DATETIME", nil
	case "DATEONLY":
		return "DATE", nil
	case "UUID":
		return "CHAR(36) BINARY", nil
	case "BLOB":
		switch strings.ToLower(t.Length) {
		case "tiny":
			return "TINYBLOB", nil
		case "medium":
			return "MEDIUMBLOB", nil
		case "long":
			return "LONGBLOB", nil
		}
		return "BLOB", nil
	case "ENUM":
		vals := make([]string, len(t.Values))
		for i, v := range t.Values {
			s, err := d.f.Escape(v, nil)
			if err != nil {
				return "", err
			}
			vals[i] = s
		}
		return "ENUM(" + strings.Join(vals, ", ") + ")", nil
	case "ARRAY":
		if t.Elem == nil {
			return "", errors.New("TypeError: Cannot read properties of undefined (reading 'toSql')")
		}
		if t.Elem.Key == "ENUM" {
			// ENUM.toSql(options) called without options by ARRAY.toSql
			return "", errors.New("TypeError: Cannot read properties of undefined (reading 'escape')")
		}
		s, err := d.typeSQL(t.Elem)
		if err != nil {
			return "", err
		}
		return s + "[]", nil
	case "GEOMETRY":
		if t.GeoType == "" {
			return "GEOMETRY", nil
		}
		return t.GeoType, nil
	}
	// TIME, JSON, JSONB, CITEXT, TSVECTOR, RANGE, GEOGRAPHY, HSTORE, INET,
	// CIDR, MACADDR, NOW, UUIDV1, UUIDV4, VIRTUAL: the key.
	return t.Key, nil
}

// checkType reports the errors the mysql DataType constructors throw while
// Sequelize normalises an attribute (before any SQL runs).
func (d *Dialect) checkType(t *dialect.DataType) error {
	if t == nil || t.IsRaw() {
		return nil
	}
	if t.Key == "GEOMETRY" && d.name == dialect.MySQL && t.GeoType != "" {
		switch t.GeoType {
		case "POINT", "LINESTRING", "POLYGON":
		default:
			return errors.New("Supported geometry types are: POINT, LINESTRING, POLYGON")
		}
	}
	if t.Elem != nil {
		return d.checkType(t.Elem)
	}
	return nil
}

// attrContext says where attributeToSQL renders a column.
type attrContext struct {
	addColumn  bool
	tableName  string // the table argument as a string (addColumn's foreign key name)
	withoutFKs bool
}

var typeWithoutDefault = map[string]bool{"BLOB": true, "TEXT": true, "GEOMETRY": true, "JSON": true}

// attributeSQL is the mysql attributeToSQL.
func (d *Dialect) attributeSQL(c dialect.Column, ctx attrContext) (string, error) {
	if c.Type == nil {
		return "", errors.New("TypeError: Cannot read properties of undefined (reading 'toString')")
	}
	typ, err := d.typeSQL(c.Type)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(typ)
	if c.NotNull() {
		b.WriteString(" NOT NULL")
	}
	if c.IsAutoIncrement() {
		b.WriteString(" auto_increment")
	}
	if !typeWithoutDefault[typ] && !(c.Type.Binary && !c.Type.IsRaw()) && sqlgen.DefaultSchemable(c) {
		s, err := d.f.Escape(c.Default, nil)
		if err != nil {
			return "", err
		}
		b.WriteString(" DEFAULT " + s)
	}
	if c.UniqueTrue() {
		b.WriteString(" UNIQUE")
	}
	if c.IsPrimaryKey() {
		b.WriteString(" PRIMARY KEY")
	}
	if c.Comment != nil && *c.Comment != "" {
		s, err := d.f.Escape(*c.Comment, nil)
		if err != nil {
			return "", err
		}
		b.WriteString(" COMMENT " + s)
	}
	if c.First {
		b.WriteString(" FIRST")
	}
	if c.After != "" {
		b.WriteString(" AFTER " + d.f.QuoteIdentifier(c.After))
	}
	if r := c.References; r != nil && !ctx.withoutFKs {
		if ctx.addColumn && c.Name != "" {
			attr := d.f.QuoteIdentifier(c.Name)
			fk := d.f.QuoteIdentifier(ctx.tableName + "_" + attr + "_foreign_idx")
			b.WriteString(", ADD CONSTRAINT " + fk + " FOREIGN KEY (" + attr + ")")
		}
		b.WriteString(" REFERENCES " + d.f.QuoteTable(r.Table))
		key := r.Key
		if key == "" {
			key = "id"
		}
		b.WriteString(" (" + d.f.QuoteIdentifier(key) + ")")
		if c.OnDelete != "" {
			b.WriteString(" ON DELETE " + strings.ToUpper(c.OnDelete))
		}
		if c.OnUpdate != "" {
			b.WriteString(" ON UPDATE " + strings.ToUpper(c.OnUpdate))
		}
	}
	return b.String(), nil
}

// attr is one rendered attribute: its column name and definition.
type attr struct {
	name string
	def  string
}

// attributesSQL renders every column keyed by field name, in order (a later
// duplicate replaces an earlier one in place, as JavaScript objects do).
func (d *Dialect) attributesSQL(cols []dialect.Column, ctx attrContext) ([]attr, error) {
	for _, c := range cols {
		if err := d.checkType(c.Type); err != nil {
			return nil, err
		}
	}
	var out []attr
	index := map[string]int{}
	for _, c := range cols {
		s, err := d.attributeSQL(c, ctx)
		if err != nil {
			return nil, err
		}
		name := c.ColumnName()
		if i, ok := index[name]; ok {
			out[i].def = s
			continue
		}
		index[name] = len(out)
		out = append(out, attr{name: name, def: s})
	}
	return jsKeyOrder(out, func(a attr) string { return a.name }), nil
}

var referencesSplitRE = lazyre.MustCompile(`^(.+) (REFERENCES.*)$`)

// createTableQuery is the mysql createTableQuery.
func (d *Dialect) createTableQuery(t dialect.TableRef, attrs []attr, o dialect.TableOptions) string {
	var pks []string
	type fk struct{ name, ref string }
	var fks []fk
	var parts []string
	for _, a := range attrs {
		def := a.def
		q := d.f.QuoteIdentifier(a.name)
		switch {
		case strings.Contains(def, "PRIMARY KEY"):
			pks = append(pks, a.name)
			if strings.Contains(def, "REFERENCES") {
				m := referencesSplitRE().FindStringSubmatch(def)
				if m == nil {
					parts = append(parts, q+" "+strings.Replace(def, "PRIMARY KEY", "", 1))
					continue
				}
				parts = append(parts, q+" "+strings.Replace(m[1], "PRIMARY KEY", "", 1))
				fks = append(fks, fk{a.name, m[2]})
			} else {
				parts = append(parts, q+" "+strings.Replace(def, "PRIMARY KEY", "", 1))
			}
		case strings.Contains(def, "REFERENCES"):
			m := referencesSplitRE().FindStringSubmatch(def)
			if m == nil {
				parts = append(parts, q+" "+def)
				continue
			}
			parts = append(parts, q+" "+m[1])
			fks = append(fks, fk{a.name, m[2]})
		default:
			parts = append(parts, q+" "+def)
		}
	}
	clause := strings.Join(parts, ", ")
	for _, uk := range o.UniqueKeys {
		q := make([]string, len(uk.Fields))
		for i, f := range uk.Fields {
			q[i] = d.f.QuoteIdentifier(f)
		}
		clause += ", UNIQUE " + d.f.QuoteIdentifier(uk.Name) + " (" + strings.Join(q, ", ") + ")"
	}
	if len(pks) > 0 {
		q := make([]string, len(pks))
		for i, p := range pks {
			q[i] = d.f.QuoteIdentifier(p)
		}
		clause += ", PRIMARY KEY (" + strings.Join(q, ", ") + ")"
	}
	for _, f := range fks {
		clause += ", FOREIGN KEY (" + d.f.QuoteIdentifier(f.name) + ") " + f.ref
	}
	engine := o.Engine
	if engine == "" {
		engine = "InnoDB"
	}
	frags := []string{"CREATE TABLE IF NOT EXISTS", d.f.QuoteTable(t), "(" + clause + ")", "ENGINE=" + engine}
	if o.Comment != nil && *o.Comment != "" {
		s, _ := d.f.Escape(*o.Comment, nil)
		frags = append(frags, "COMMENT "+s)
	}
	if o.Charset != "" {
		frags = append(frags, "DEFAULT CHARSET="+o.Charset)
	}
	if o.Collate != "" {
		frags = append(frags, "COLLATE "+o.Collate)
	}
	if o.InitialAutoIncrement != "" {
		frags = append(frags, "AUTO_INCREMENT="+o.InitialAutoIncrement)
	}
	if o.RowFormat != "" {
		frags = append(frags, "ROW_FORMAT="+o.RowFormat)
	}
	frags = append(frags, ";")
	return sqlgen.JoinFragments(frags...)
}

var beforeReferencesRE = lazyre.MustCompile(`^.+?REFERENCES`)

// changeColumnQuery is the mysql changeColumnQuery: CHANGE for a plain
// definition, ADD FOREIGN KEY (and nothing else) when it references a table.
func (d *Dialect) changeColumnQuery(t dialect.TableRef, attrs []attr) string {
	var changes, constraints []string
	for _, a := range attrs {
		if strings.Contains(a.def, "REFERENCES") {
			def := a.def
			if loc := beforeReferencesRE().FindStringIndex(def); loc != nil {
				def = def[loc[1]-len("REFERENCES"):]
			}
			constraints = append(constraints, "FOREIGN KEY ("+d.f.QuoteIdentifier(a.name)+") "+def)
		} else {
			changes = append(changes, "`"+a.name+"` `"+a.name+"` "+a.def)
		}
	}
	frags := []string{"ALTER TABLE", d.f.QuoteTable(t)}
	if len(changes) > 0 {
		frags = append(frags, "CHANGE "+strings.Join(changes, ", "))
	}
	if len(constraints) > 0 {
		frags = append(frags, "ADD "+strings.Join(constraints, ", "))
	}
	frags = append(frags, ";")
	return sqlgen.JoinFragments(frags...)
}
