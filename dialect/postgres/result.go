package postgres

import (
	"github.com/sqzjs/sqzjs/dialect"
)

// parsed is one statement's result with its rows turned into JavaScript
// values, as pg's Result holds it.
type parsed struct {
	res     *pgResult
	parsers []parser
	rows    []any // *dialect.Object
}

// parseResults applies the type parsers to every result.
func parseResults(res []*pgResult, types *typeRegistry) []*parsed {
	out := make([]*parsed, len(res))
	for i, r := range res {
		p := &parsed{res: r, rows: []any{}}
		for _, f := range r.fields {
			pr := parser{name: "noParse", fn: identity}
			if types != nil {
				pr = types.parser(f.DataTypeOID)
			} else if x, ok := pgTypes[f.DataTypeOID]; ok {
				pr = x
			}
			p.parsers = append(p.parsers, pr)
		}
		for _, row := range r.rows {
			o := &dialect.Object{}
			for j, f := range r.fields {
				var v any
				if j < len(row) && row[j] != nil {
					v = p.parsers[j].fn(string(row[j]))
				}
				o.Set(dialect.Key{Name: f.Name}, v)
			}
			p.rows = append(p.rows, o)
		}
		out[i] = p
	}
	return out
}

// resultObject is pg's Result as Sequelize returns it for RAW queries.
func (p *parsed) resultObject() *dialect.Object {
	o := &dialect.Object{Class: "Result"}
	set := func(k string, v any) { o.Set(dialect.Key{Name: k}, v) }
	if p.res.command == "" {
		set("command", nil)
	} else {
		set("command", p.res.command)
	}
	if p.res.rowCount != nil {
		set("rowCount", float64(*p.res.rowCount))
	} else {
		set("rowCount", nil)
	}
	if p.res.oid != nil {
		set("oid", float64(*p.res.oid))
	} else {
		set("oid", nil)
	}
	set("rows", cloneRows(p.rows))
	fields := []any{}
	for _, f := range p.res.fields {
		fo := &dialect.Object{Class: "Field"}
		fo.Set(dialect.Key{Name: "name"}, f.Name)
		fo.Set(dialect.Key{Name: "tableID"}, float64(f.TableOID))
		fo.Set(dialect.Key{Name: "columnID"}, float64(f.TableAttributeNumber))
		fo.Set(dialect.Key{Name: "dataTypeID"}, float64(f.DataTypeOID))
		fo.Set(dialect.Key{Name: "dataTypeSize"}, float64(f.DataTypeSize))
		fo.Set(dialect.Key{Name: "dataTypeModifier"}, float64(f.TypeModifier))
		fo.Set(dialect.Key{Name: "format"}, "text")
		fields = append(fields, fo)
	}
	set("fields", fields)
	if len(p.parsers) > 0 {
		ps := make([]any, len(p.parsers))
		for i, pr := range p.parsers {
			ps[i] = dialect.Special{Kind: "function", Desc: pr.name}
		}
		set("_parsers", ps)
	} else {
		set("_parsers", dialect.Undefined{})
	}
	inner := &dialect.Object{}
	inner.Set(dialect.Key{Name: "getTypeParser"}, dialect.Special{Kind: "function", Desc: "bound getTypeParser"})
	types := &dialect.Object{Class: "TypeOverrides"}
	types.Set(dialect.Key{Name: "_types"}, inner)
	types.Set(dialect.Key{Name: "text"}, &dialect.Object{})
	types.Set(dialect.Key{Name: "binary"}, &dialect.Object{})
	set("_types", types)
	set("RowCtor", nil)
	set("rowAsArray", false)
	if p.res.described {
		empty := &dialect.Object{}
		for _, f := range p.res.fields {
			empty.Set(dialect.Key{Name: f.Name}, nil)
		}
		set("_prebuiltEmptyResultObject", empty)
	} else {
		set("_prebuiltEmptyResultObject", nil)
	}
	return o
}

// cloneRows copies the row objects: pg's Result and the rows Sequelize
// returns beside it are the same objects in Node, but the bridge converts
// each occurrence separately, so sharing is harmless; copies keep later
// in-place edits (nest, deletes) from leaking into the Result.
func cloneRows(rows []any) []any {
	out := make([]any, len(rows))
	for i, r := range rows {
		if o, ok := r.(*dialect.Object); ok {
			out[i] = o.Clone()
		} else {
			out[i] = r
		}
	}
	return out
}
