package sqlite

import (
	"context"
	"math"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
)

// insertedIDs is what Sequelize's SQLite query resolves a bulk INSERT of a
// model with an autoIncrement primary key with: one { field: id } per row,
// counted back from the statement's lastID.
func insertedIDs(out any, field string) any {
	pair, ok := out.([]any)
	if !ok || len(pair) < 2 {
		return first(out)
	}
	last, changes := toFloat(pair[0]), toFloat(pair[1])
	ids := []any{}
	for id := last - changes + 1; id < last-changes+1+changes; id++ {
		o := &dialect.Object{}
		o.Set(dialect.Key{Name: field}, id)
		ids = append(ids, o)
	}
	return ids
}

// modelSelect runs a model query. Unless it is raw, the rows are parsed as
// Sequelize's SQLite query parses a model's rows: by the declared type of
// each column (PRAGMA table_info of the query's tables, which Sequelize runs
// unlogged before the SELECT).
func (d *Dialect) modelSelect(ctx context.Context, q dialect.Querier, op dialect.Select) (any, error) {
	sql, err := d.f.ModelSelect(op.Table, op.Model)
	if err != nil {
		return nil, err
	}
	p := op.Model.Parse
	var types map[string]map[string]string
	if p != nil && !op.Model.Raw {
		types = map[string]map[string]string{}
		for _, t := range p.TableNames {
			if _, done := types[t]; done || t == "sqlite_master" {
				continue
			}
			types[t] = map[string]string{}
			rows, err := q.Query(dialect.WithInternal(ctx), "PRAGMA table_info(`"+t+"`)")
			if err != nil {
				continue
			}
			for _, r := range rowObjects(rows) {
				name, _ := r.(*dialect.Object).Get("name")
				typ, _ := r.(*dialect.Object).Get("type")
				types[t][jsString(name)] = jsString(typ)
			}
		}
	}
	out, err := d.query(ctx, q, sql, qopts{Type: typeSelect})
	if err != nil || types == nil {
		return out, err
	}
	rows, _ := out.([]any)
	for _, r := range rows {
		o, ok := r.(*dialect.Object)
		if !ok {
			continue
		}
		for i, k := range o.Keys {
			o.Values[i] = d.parseModelValue(p, types, k.Name, o.Values[i])
		}
	}
	return rows, nil
}

func (d *Dialect) parseModelValue(p *dialect.ModelParse, types map[string]map[string]string, name string, v any) any {
	prefix := ""
	if i := strings.LastIndex(name, "."); i >= 0 {
		prefix, name = name[:i], name[i+1:]
	}
	model, ok := p.Prefixes[prefix]
	if !ok {
		return v
	}
	tableTypes := types[model.Table]
	if _, known := tableTypes[name]; !known {
		if f, ok := model.Fields[name]; ok && f != "" {
			name = f
		}
	}
	typ, ok := tableTypes[name]
	if !ok || v == nil {
		return v
	}
	if i := strings.Index(typ, "("); i >= 0 {
		typ = typ[:i]
	}
	typ = strings.ToUpper(strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(typ, "UNSIGNED", ""), "ZEROFILL", "")))
	switch typ {
	case "DATETIME":
		s, isStr := v.(string)
		if !isStr {
			return v
		}
		if !strings.Contains(s, "+") {
			s += d.f.Timezone
		}
		if t, ok := sqlgen.ParseJSDate(s); ok {
			return t
		}
		if t, ok := sqlgen.ParseJSDate(strings.Replace(s, " ", "T", 1)); ok {
			return t
		}
		return v
	case "FLOAT", "REAL", "DOUBLE PRECISION":
		s, isStr := v.(string)
		if !isStr {
			return v
		}
		switch s {
		case "NaN":
			return math.NaN()
		case "Infinity":
			return math.Inf(1)
		case "-Infinity":
			return math.Inf(-1)
		}
		return dialect.Undefined{}
	case "JSON", "JSONB":
		if s, isStr := v.(string); isStr {
			return sqlgen.ParseJSON(s)
		}
	}
	return v
}
