package bridge

import (
	"fmt"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/dialect"
)

// The plans the app-model layer (js/model-query.js) passes after the
// Sequelize options of a model query: what queryGenerator reads from the
// model and its associations, resolved into names and types.

func stringList(in []string) []any {
	out := make([]any, len(in))
	for i, x := range in {
		out[i] = x
	}
	return out
}

// typesMap reads { key: DataType } (a model's attribute types).
func (s *Session) typesMap(v goja.Value) (map[string]*dialect.DataType, error) {
	o := s.object(v)
	if o == nil {
		return nil, nil
	}
	out := map[string]*dialect.DataType{}
	for _, k := range o.Keys() {
		t, err := s.dataType(o.Get(k))
		if err != nil {
			return nil, fmt.Errorf("attribute %q: %w", k, err)
		}
		if t != nil {
			out[k] = t
		}
	}
	return out, nil
}

// valueList converts an array of attributes, order or group items.
func (s *Session) valueList(v goja.Value) ([]any, error) {
	if !isSet(v) {
		return nil, nil
	}
	x, err := s.toValue(v)
	if err != nil {
		return nil, err
	}
	list, ok := x.([]any)
	if !ok {
		return nil, fmt.Errorf("expected an array, got %s", dialect.Describe(x))
	}
	return list, nil
}

func (s *Session) optValue(o *goja.Object, name string) (any, bool, error) {
	v := o.Get(name)
	if v == nil || !ownHas(o, name) {
		return nil, false, nil
	}
	x, err := s.toValue(v)
	return x, true, err
}

func (s *Session) modelSelect(p *goja.Object) (*dialect.ModelSelect, error) {
	m := &dialect.ModelSelect{
		TableAs:                 s.optString(p, "tableAs"),
		ModelName:               s.optString(p, "modelName"),
		SubQuery:                truthy(p.Get("subQuery")),
		IncludeIgnoreAttributes: truthy(p.Get("includeIgnoreAttributes")),
		Raw:                     truthy(p.Get("raw")),
		HasInclude:              truthy(p.Get("hasInclude")),
		AttributeNames:          s.strings(p.Get("attributeNames")),
		Lock:                    s.optString(p, "lock"),
		LockOf:                  s.optString(p, "lockOf"),
		SkipLocked:              truthy(p.Get("skipLocked")),
	}
	var err error
	if at := p.Get("attributes"); isSet(at) {
		if m.Attributes, err = s.valueList(at); err != nil {
			return nil, err
		}
		if m.Attributes == nil {
			m.Attributes = []any{}
		}
	} else {
		m.AllAttributes = true
	}
	if truthy(p.Get("hasWhere")) {
		m.HasWhere = true
		if m.Where, err = s.toValue(p.Get("where")); err != nil {
			return nil, err
		}
	}
	if m.WhereTypes, err = s.typesMap(p.Get("whereTypes")); err != nil {
		return nil, err
	}
	if g := p.Get("group"); isSet(g) {
		m.HasGroup = true
		if m.Group, err = s.valueList(g); err != nil {
			return nil, err
		}
	}
	if truthy(p.Get("hasHaving")) {
		m.HasHaving = true
		if m.Having, err = s.toValue(p.Get("having")); err != nil {
			return nil, err
		}
	}
	if o := p.Get("order"); isSet(o) {
		if m.Order, err = s.valueList(o); err != nil {
			return nil, err
		}
		if m.Order == nil {
			m.Order = []any{}
		}
		if m.SubOrder, err = s.valueList(p.Get("subOrder")); err != nil {
			return nil, err
		}
	}
	if v, ok, err := s.optValue(p, "limit"); err != nil {
		return nil, err
	} else if ok {
		m.Limit = v
	}
	if v, ok, err := s.optValue(p, "offset"); err != nil {
		return nil, err
	} else if ok {
		m.Offset = v
	}
	if inc := s.object(p.Get("includes")); inc != nil {
		for _, iv := range s.arrayItems(inc) {
			i, err := s.include(s.object(iv))
			if err != nil {
				return nil, err
			}
			m.Includes = append(m.Includes, i)
		}
	}
	if pp := s.object(p.Get("parse")); pp != nil {
		parse := &dialect.ModelParse{TableNames: s.strings(pp.Get("tableNames")), Prefixes: map[string]dialect.ModelParseTable{}}
		if pre := s.object(pp.Get("prefixes")); pre != nil {
			for _, k := range pre.Keys() {
				e := s.object(pre.Get(k))
				if e == nil {
					continue
				}
				pt := dialect.ModelParseTable{Table: s.optString(e, "table"), Fields: map[string]string{}}
				if fo := s.object(e.Get("fields")); fo != nil {
					for _, fk := range fo.Keys() {
						pt.Fields[fk] = jsString(fo.Get(fk))
					}
				}
				parse.Prefixes[k] = pt
			}
		}
		m.Parse = parse
	}
	return m, nil
}

func (s *Session) include(o *goja.Object) (dialect.Include, error) {
	var inc dialect.Include
	if o == nil {
		return inc, fmt.Errorf("internal: an include plan is missing")
	}
	t, err := s.tableRef(o.Get("table"))
	if err != nil {
		return inc, err
	}
	inc = dialect.Include{
		As: s.optString(o, "as"), ModelName: s.optString(o, "modelName"), Table: t,
		AttributeNames: s.strings(o.Get("attributeNames")),
		Required:       truthy(o.Get("required")), Right: truthy(o.Get("right")), Or: truthy(o.Get("or")),
		SubQuery: truthy(o.Get("subQuery")), SubQueryFilter: truthy(o.Get("subQueryFilter")),
		ParentSubQuery: truthy(o.Get("parentSubQuery")), ParentIsTop: truthy(o.Get("parentIsTop")),
	}
	if inc.Attributes, err = s.valueList(o.Get("attributes")); err != nil {
		return inc, err
	}
	if inc.Where, inc.HasWhere, err = s.optValue(o, "where"); err != nil {
		return inc, err
	}
	if inc.On, inc.HasOn, err = s.optValue(o, "on"); err != nil {
		return inc, err
	}
	if inc.WhereTypes, err = s.typesMap(o.Get("whereTypes")); err != nil {
		return inc, err
	}
	if a := s.object(o.Get("assoc")); a != nil {
		inc.Assoc = dialect.IncludeAssoc{
			Type: s.optString(a, "type"), AttrLeft: s.optString(a, "attrLeft"), FieldLeft: s.optString(a, "fieldLeft"),
			FieldRight: s.optString(a, "fieldRight"), IdentifierField: s.optString(a, "identifierField"),
			ForeignIdentifierField: s.optString(a, "foreignIdentifierField"), TargetKeyField: s.optString(a, "targetKeyField"),
			SourceKey: s.optString(a, "sourceKey"), SourceKeyField: s.optString(a, "sourceKeyField"),
		}
	}
	if th := s.object(o.Get("through")); th != nil {
		tt, err := s.tableRef(th.Get("table"))
		if err != nil {
			return inc, err
		}
		through := &dialect.IncludeThrough{Table: tt, As: s.optString(th, "as")}
		if through.Attributes, err = s.valueList(th.Get("attributes")); err != nil {
			return inc, err
		}
		if through.Where, through.HasWhere, err = s.optValue(th, "where"); err != nil {
			return inc, err
		}
		if through.WhereTypes, err = s.typesMap(th.Get("whereTypes")); err != nil {
			return inc, err
		}
		inc.Through = through
	}
	if fo := s.object(o.Get("filter")); fo != nil {
		inc.Filter = &dialect.IncludeFilter{SourceField: s.optString(fo, "sourceField"), TargetField: s.optString(fo, "targetField")}
	}
	if children := s.object(o.Get("includes")); children != nil {
		for _, cv := range s.arrayItems(children) {
			c, err := s.include(s.object(cv))
			if err != nil {
				return inc, err
			}
			inc.Includes = append(inc.Includes, c)
		}
	}
	return inc, nil
}
