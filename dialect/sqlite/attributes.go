package sqlite

import (
	"context"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// attr is one rendered attribute: its column name and definition.
type attr struct {
	name string
	def  string
}

// schemable is Utils.defaultValueSchemable.
func schemable(c dialect.Column) bool {
	if !c.HasDefault {
		return false
	}
	switch c.Default.(type) {
	case dialect.Undefined, dialect.Special:
		return false
	}
	return true
}

// attributeSQL is the SQLite attributesToSQL for one attribute.
func (d *Dialect) attributeSQL(ctx context.Context, c dialect.Column) (string, error) {
	var b strings.Builder
	if c.Type != nil {
		b.WriteString(typeSQL(ctx, c.Type))
	} else {
		b.WriteString("undefined")
	}
	if c.NotNull() {
		b.WriteString(" NOT NULL")
	}
	if schemable(c) {
		s, err := d.f.Escape(c.Default, c.Type)
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
		if c.IsAutoIncrement() {
			b.WriteString(" AUTOINCREMENT")
		}
	}
	if r := c.References; r != nil {
		key := r.Key
		if key == "" {
			key = "id"
		}
		b.WriteString(" REFERENCES " + d.f.QuoteTable(r.Table) + " (" + d.f.QuoteIdentifier(key) + ")")
		if c.OnDelete != "" {
			b.WriteString(" ON DELETE " + strings.ToUpper(c.OnDelete))
		}
		if c.OnUpdate != "" {
			b.WriteString(" ON UPDATE " + strings.ToUpper(c.OnUpdate))
		}
	}
	return b.String(), nil
}

// attributesSQL renders every column, keyed by field name in order (a later
// duplicate replaces an earlier one in place, as JavaScript objects do).
func (d *Dialect) attributesSQL(ctx context.Context, cols []dialect.Column) ([]attr, error) {
	var out []attr
	index := map[string]int{}
	for _, c := range cols {
		s, err := d.attributeSQL(ctx, c)
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
	return out, nil
}

var (
	booleanFalseRE = lazyre.MustCompile(`DEFAULT '?false'?`)
	booleanTrueRE  = lazyre.MustCompile(`DEFAULT '?true'?`)
)

// replaceBooleanDefaults rewrites DEFAULT true/false as 1/0.
func replaceBooleanDefaults(sql string) string {
	sql = booleanFalseRE().ReplaceAllString(sql, "DEFAULT 0")
	return booleanTrueRE().ReplaceAllString(sql, "DEFAULT 1")
}

// createTableQuery is the SQLite createTableQuery.
func (d *Dialect) createTableQuery(t dialect.TableRef, attrs []attr, uniqueKeys []dialect.UniqueKey) string {
	multiPK := 0
	for _, a := range attrs {
		if strings.Contains(a.def, "PRIMARY KEY") {
			multiPK++
		}
	}
	var pks []string
	parts := make([]string, 0, len(attrs))
	for _, a := range attrs {
		def := a.def
		if strings.Contains(a.def, "PRIMARY KEY") {
			if strings.Contains(a.def, "INT") {
				if strings.Contains(a.def, "AUTOINCREMENT") {
					def = "INTEGER PRIMARY KEY AUTOINCREMENT"
				} else {
					def = "INTEGER PRIMARY KEY"
				}
				if i := strings.Index(a.def, " REFERENCES"); i >= 0 {
					def += a.def[i:]
				}
			}
			if multiPK > 1 {
				pks = append(pks, a.name)
				if strings.Contains(a.def, "NOT NULL") {
					def = strings.Replace(a.def, " PRIMARY KEY", "", 1)
				} else {
					def = strings.Replace(a.def, "PRIMARY KEY", "NOT NULL", 1)
				}
			}
		}
		parts = append(parts, d.f.QuoteIdentifier(a.name)+" "+def)
	}
	s := strings.Join(parts, ", ")
	for _, uk := range uniqueKeys {
		q := make([]string, len(uk.Fields))
		for i, f := range uk.Fields {
			q[i] = d.f.QuoteIdentifier(f)
		}
		s += ", UNIQUE (" + strings.Join(q, ", ") + ")"
	}
	if len(pks) > 0 {
		q := make([]string, len(pks))
		for i, p := range pks {
			q[i] = d.f.QuoteIdentifier(p)
		}
		s += ", PRIMARY KEY (" + strings.Join(q, ", ") + ")"
	}
	return replaceBooleanDefaults("CREATE TABLE IF NOT EXISTS " + d.f.QuoteTable(t) + " (" + s + ");")
}
