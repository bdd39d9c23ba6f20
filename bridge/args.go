package bridge

import (
	"fmt"
	"strconv"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/dialect"
)

// These functions turn the (already normalised) arguments of a
// QueryInterface method into a dialect.Op. They run on the loop.

func arg(args []goja.Value, i int) goja.Value {
	if i < len(args) {
		return args[i]
	}
	return goja.Undefined()
}

func (s *Session) object(v goja.Value) *goja.Object {
	if o, ok := v.(*goja.Object); ok {
		return o
	}
	return nil
}

// tableRef reads a table argument: a string or { tableName, schema, delimiter }.
func (s *Session) tableRef(v goja.Value) (dialect.TableRef, error) {
	if o := s.object(v); o != nil && o.ClassName() != "String" {
		t := dialect.TableRef{Object: true}
		if n := o.Get("tableName"); isSet(n) {
			t.Name = n.String()
		}
		if sc := o.Get("schema"); isSet(sc) {
			t.Schema = sc.String()
		}
		if d := o.Get("delimiter"); isSet(d) {
			t.Delimiter = d.String()
		}
		return t, nil
	}
	if !isSet(v) {
		return dialect.TableRef{}, nil
	}
	return dialect.TableRef{Name: v.String()}, nil
}

func truthy(v goja.Value) bool { return v != nil && v.ToBoolean() }

func boolPtr(v goja.Value) *bool {
	b := truthy(v)
	return &b
}

// has reports whether o has its own (or inherited) property name.
func has(o *goja.Object, name string) bool {
	if o == nil {
		return false
	}
	return o.Get(name) != nil
}

func ownHas(o *goja.Object, name string) bool {
	if o == nil {
		return false
	}
	for _, k := range o.Keys() {
		if k == name {
			return true
		}
	}
	return o.GetOwnPropertyNames() != nil && containsString(o.GetOwnPropertyNames(), name)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lengthText is String(x) for a truthy x, else "".
func lengthText(v goja.Value) string {
	if !truthy(v) {
		return ""
	}
	if f, ok := v.Export().(float64); ok {
		return dialect.FormatNumber(f)
	}
	if i, ok := v.Export().(int64); ok {
		return dialect.FormatNumber(float64(i))
	}
	return v.String()
}

// dataType reads a normalised DataType instance, a DataType class (which
// Sequelize instantiates) or a type given as SQL text.
func (s *Session) dataType(v goja.Value) (*dialect.DataType, error) {
	if !isSet(v) {
		return nil, nil
	}
	o := s.object(v)
	if o == nil {
		return &dialect.DataType{Raw: v.String()}, nil
	}
	if _, isFn := goja.AssertFunction(o); isFn {
		inst, err := s.vm.New(o)
		if err != nil {
			return nil, err
		}
		o = inst
	}
	if !truthy(o.Get("__sqzType")) {
		if o.ClassName() == "String" {
			return &dialect.DataType{Raw: o.String()}, nil
		}
		return nil, fmt.Errorf("unknown data type %s (expected a Sequelize DataType such as Sequelize.STRING, or SQL text)", describe(o))
	}
	t := &dialect.DataType{Key: jsString(o.Get("key")), Dialect: truthy(o.Get("__sqzDialect"))}
	t.Length = lengthText(o.Get("_length"))
	if d := o.Get("_decimals"); d != nil {
		if f, ok := d.Export().(float64); ok {
			t.Decimals = dialect.FormatNumber(f)
		} else if i, ok := d.Export().(int64); ok {
			t.Decimals = dialect.FormatNumber(float64(i))
		}
	}
	t.Precision = lengthText(o.Get("_precision"))
	t.Scale = lengthText(o.Get("_scale"))
	t.Unsigned = truthy(o.Get("_unsigned"))
	t.Zerofill = truthy(o.Get("_zerofill"))
	t.Binary = truthy(o.Get("_binary"))
	switch t.Key {
	case "ENUM":
		vals, err := s.toValue(o.Get("values"))
		if err != nil {
			return nil, err
		}
		list, _ := vals.([]any)
		t.Values = list
	case "ARRAY":
		elem, err := s.dataType(o.Get("type"))
		if err != nil {
			return nil, err
		}
		t.Elem = elem
	case "RANGE":
		if opts := s.object(o.Get("options")); opts != nil {
			elem, err := s.dataType(opts.Get("subtype"))
			if err != nil {
				return nil, err
			}
			t.Elem = elem
		}
	case "GEOMETRY", "GEOGRAPHY":
		if gt := o.Get("type"); isSet(gt) {
			t.GeoType = gt.String()
		}
		if sr := o.Get("srid"); isSet(sr) {
			t.SRID = lengthText(sr)
		}
	}
	return t, nil
}

func describe(o *goja.Object) string {
	if c := o.Get("constructor"); c != nil {
		if co, ok := c.(*goja.Object); ok {
			if n := co.Get("name"); isSet(n) && n.String() != "Object" {
				return n.String()
			}
		}
	}
	return o.String()
}

// column reads one normalised attribute.
func (s *Session) column(name string, v goja.Value) (dialect.Column, error) {
	c := dialect.Column{Name: name}
	o := s.object(v)
	if o == nil {
		t, err := s.dataType(v)
		if err != nil {
			return c, fmt.Errorf("attribute %q: %w", name, err)
		}
		c.Type = t
		return c, nil
	}
	t, err := s.dataType(o.Get("type"))
	if err != nil {
		return c, fmt.Errorf("attribute %q: %w", name, err)
	}
	c.Type = t
	if f := o.Get("field"); isSet(f) {
		c.Field = f.String()
	}
	if ownHas(o, "allowNull") {
		c.AllowNull = boolPtr(o.Get("allowNull"))
	}
	if ownHas(o, "defaultValue") {
		d, err := s.toValue(o.Get("defaultValue"))
		if err != nil {
			return c, fmt.Errorf("attribute %q defaultValue: %w", name, err)
		}
		c.HasDefault, c.Default = true, d
	}
	if ownHas(o, "unique") {
		u := o.Get("unique")
		if b, ok := u.Export().(bool); ok {
			c.Unique = b
		} else {
			c.Unique = u.String()
		}
	}
	if ownHas(o, "primaryKey") {
		c.PrimaryKey = boolPtr(o.Get("primaryKey"))
	}
	if ownHas(o, "autoIncrement") {
		c.AutoIncrement = boolPtr(o.Get("autoIncrement"))
	}
	if ownHas(o, "autoIncrementIdentity") {
		c.AutoIncrementIdentity = boolPtr(o.Get("autoIncrementIdentity"))
	}
	if cm := o.Get("comment"); isSet(cm) {
		str := cm.String()
		c.Comment = &str
	}
	if r := o.Get("references"); truthy(r) {
		ref := &dialect.Reference{}
		if ro := s.object(r); ro != nil && ro.ClassName() != "String" {
			model := ro.Get("model")
			if !isSet(model) {
				model = ro.Get("table")
			}
			t, err := s.tableRef(model)
			if err != nil {
				return c, err
			}
			ref.Table = t
			if k := ro.Get("key"); isSet(k) {
				ref.Key = k.String()
			}
			if d := ro.Get("deferrable"); isSet(d) {
				ref.Deferrable = s.deferrableSQL(d)
			}
		} else {
			ref.Table = dialect.Table(r.String())
		}
		c.References = ref
	}
	if d := o.Get("onDelete"); isSet(d) {
		c.OnDelete = d.String()
	}
	if u := o.Get("onUpdate"); isSet(u) {
		c.OnUpdate = u.String()
	}
	c.First = truthy(o.Get("first"))
	if a := o.Get("after"); isSet(a) {
		c.After = a.String()
	}
	if vals := o.Get("values"); isSet(vals) {
		list, err := s.toValue(vals)
		if err != nil {
			return c, err
		}
		c.Values, _ = list.([]any)
	}
	return c, nil
}

// deferrableSQL renders a Deferrable (class or instance) with its toSql.
func (s *Session) deferrableSQL(v goja.Value) string {
	o := s.object(v)
	if o == nil {
		return v.String()
	}
	if _, isFn := goja.AssertFunction(o); isFn {
		if inst, err := s.vm.New(o); err == nil {
			o = inst
		}
	}
	if f, ok := goja.AssertFunction(o.Get("toSql")); ok {
		if r, err := f(o); err == nil {
			return r.String()
		}
	}
	return o.String()
}

// columns reads an attributes object in key order.
func (s *Session) columns(v goja.Value) ([]dialect.Column, error) {
	o := s.object(v)
	if o == nil {
		return nil, nil
	}
	var out []dialect.Column
	for _, k := range o.Keys() {
		c, err := s.column(k, o.Get(k))
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// indexFields reads addIndex/addConstraint fields.
func (s *Session) indexFields(v goja.Value) ([]dialect.IndexField, error) {
	o := s.object(v)
	if o == nil {
		if !isSet(v) {
			return nil, nil
		}
		return nil, fmt.Errorf("fields must be an array, got %s", v.String())
	}
	n := int(o.Get("length").ToInteger())
	out := make([]dialect.IndexField, 0, n)
	for i := 0; i < n; i++ {
		e := o.Get(fmt.Sprint(i))
		eo := s.object(e)
		switch {
		case eo == nil:
			out = append(out, dialect.IndexField{Name: jsString(e)})
		case truthy(eo.Get("__sqzMethod")):
			x, err := s.toValue(e)
			if err != nil {
				return nil, err
			}
			out = append(out, dialect.IndexField{Expr: x})
		default:
			f := dialect.IndexField{}
			if a := eo.Get("attribute"); isSet(a) {
				f.Name = a.String()
			} else if nm := eo.Get("name"); isSet(nm) {
				f.Name = nm.String()
			}
			f.Length = lengthText(eo.Get("length"))
			if x := eo.Get("order"); isSet(x) {
				f.Order = x.String()
			}
			if x := eo.Get("collate"); isSet(x) {
				f.Collate = x.String()
			}
			if x := eo.Get("operator"); isSet(x) {
				f.Operator = x.String()
			}
			out = append(out, f)
		}
	}
	return out, nil
}

func (s *Session) strings(v goja.Value) []string {
	o := s.object(v)
	if o == nil {
		return nil
	}
	n := int(o.Get("length").ToInteger())
	out := make([]string, n)
	for i := range out {
		out[i] = jsString(o.Get(fmt.Sprint(i)))
	}
	return out
}

func (s *Session) optString(o *goja.Object, name string) string {
	if o == nil {
		return ""
	}
	if v := o.Get(name); isSet(v) {
		return v.String()
	}
	return ""
}

// attributesMap reads bulkInsert/bulkUpdate's attributes argument.
func (s *Session) attributesMap(v goja.Value) (map[string]dialect.Column, error) {
	o := s.object(v)
	if o == nil {
		return nil, nil
	}
	out := map[string]dialect.Column{}
	for _, k := range o.Keys() {
		ao := s.object(o.Get(k))
		c := dialect.Column{Name: k}
		if ao != nil {
			if t := ao.Get("type"); isSet(t) {
				if to := s.object(t); to != nil {
					if _, isFn := goja.AssertFunction(to); !isFn && truthy(to.Get("__sqzType")) {
						dt, err := s.dataType(t)
						if err != nil {
							return nil, err
						}
						c.Type = dt
					}
				}
			}
			if truthy(ao.Get("autoIncrement")) {
				c.AutoIncrement = boolPtr(ao.Get("autoIncrement"))
			}
		}
		out[k] = c
	}
	return out, nil
}

func (s *Session) insertOptions(o *goja.Object) (dialect.InsertOptions, error) {
	var io dialect.InsertOptions
	if o == nil {
		return io, nil
	}
	io.IgnoreDuplicates = truthy(o.Get("ignoreDuplicates"))
	if u := o.Get("updateOnDuplicate"); isSet(u) {
		io.UpdateOnDuplicate = s.strings(u)
	}
	if u := o.Get("upsertKeys"); isSet(u) {
		io.UpsertKeys = s.strings(u)
	}
	if r := o.Get("returning"); isSet(r) {
		v, err := s.toValue(r)
		if err != nil {
			return io, err
		}
		io.Returning = v
	}
	return io, nil
}

// op builds the Op for a native.run call.
func (s *Session) op(method string, args []goja.Value) (dialect.Op, goja.Value, error) {
	a := func(i int) goja.Value { return arg(args, i) }
	table := func(i int) (dialect.TableRef, error) { return s.tableRef(a(i)) }
	switch method {
	case "createTable":
		t, err := table(0)
		if err != nil {
			return nil, nil, err
		}
		cols, err := s.columns(a(1))
		if err != nil {
			return nil, nil, err
		}
		opts := s.object(a(2))
		if sc := s.optString(opts, "schema"); sc != "" && !t.Object {
			t = dialect.TableRef{Name: t.Name, Schema: sc, Object: true}
		}
		op := dialect.CreateTable{Table: t, Columns: cols}
		if opts != nil {
			if uk := s.object(opts.Get("uniqueKeys")); uk != nil {
				for _, k := range uk.Keys() {
					ko := s.object(uk.Get(k))
					if ko == nil || !truthy(ko.Get("customIndex")) {
						continue
					}
					op.Options.UniqueKeys = append(op.Options.UniqueKeys, dialect.UniqueKey{Name: k, Fields: s.strings(ko.Get("fields"))})
				}
			}
			op.Options.Engine = s.optString(opts, "engine")
			op.Options.Charset = s.optString(opts, "charset")
			op.Options.Collate = s.optString(opts, "collate")
			op.Options.RowFormat = s.optString(opts, "rowFormat")
			op.Options.InitialAutoIncrement = s.optString(opts, "initialAutoIncrement")
			if cm := opts.Get("comment"); isSet(cm) {
				str := cm.String()
				op.Options.Comment = &str
			}
		}
		return op, nil, nil
	case "dropTable":
		t, err := table(0)
		return dialect.DropTable{Table: t, Cascade: truthy(s.objGet(a(1), "cascade"))}, nil, err
	case "dropAllTables":
		return dialect.DropAllTables{Skip: s.strings(a(0))}, nil, nil
	case "renameTable":
		from, err := table(0)
		if err != nil {
			return nil, nil, err
		}
		to, err := table(1)
		return dialect.RenameTable{From: from, To: to}, nil, err
	case "showAllTables":
		return dialect.ShowAllTables{}, nil, nil
	case "tableExists":
		t, err := table(0)
		return dialect.TableExists{Table: t}, nil, err
	case "describeTable":
		t, err := table(0)
		op := dialect.DescribeTable{Table: t}
		if o := s.object(a(1)); o != nil {
			op.Schema = s.optString(o, "schema")
			op.SchemaDelimiter = s.optString(o, "schemaDelimiter")
		} else if isSet(a(1)) {
			op.Schema = a(1).String()
		}
		return op, nil, err
	case "addColumn":
		t, err := table(0)
		if err != nil {
			return nil, nil, err
		}
		c, err := s.column(jsString(a(1)), a(2))
		return dialect.AddColumn{Table: t, Column: c}, nil, err
	case "removeColumn":
		t, err := table(0)
		return dialect.RemoveColumn{Table: t, Column: jsString(a(1))}, nil, err
	case "changeColumn":
		t, err := table(0)
		if err != nil {
			return nil, nil, err
		}
		c, err := s.column(jsString(a(1)), a(2))
		return dialect.ChangeColumn{Table: t, Column: c}, nil, err
	case "renameColumn":
		t, err := table(0)
		return dialect.RenameColumn{Table: t, From: jsString(a(1)), To: jsString(a(2))}, nil, err
	case "addIndex":
		t, err := table(0)
		if err != nil {
			return nil, nil, err
		}
		o := s.object(a(1))
		if o == nil {
			return nil, nil, fmt.Errorf("addIndex needs an options object")
		}
		fields, err := s.indexFields(o.Get("fields"))
		if err != nil {
			return nil, nil, err
		}
		idx := dialect.Index{
			Fields: fields, Name: s.optString(o, "name"), Unique: truthy(o.Get("unique")),
			Type: s.optString(o, "type"), Using: s.optString(o, "using"), Operator: s.optString(o, "operator"),
			Concurrently: truthy(o.Get("concurrently")), Parser: s.optString(o, "parser"), Prefix: s.optString(o, "prefix"),
		}
		if !truthy(o.Get("name")) {
			idx.Name = ""
		}
		if w := o.Get("where"); isSet(w) {
			wv, err := s.toValue(w)
			if err != nil {
				return nil, nil, err
			}
			idx.Where = wv
		}
		raw := ""
		if rt := a(2); isSet(rt) {
			if ro := s.object(rt); ro != nil && ro.ClassName() != "String" {
				raw = s.optString(ro, "tableName")
			} else {
				raw = rt.String()
			}
		}
		if fields == nil {
			return nil, nil, fmt.Errorf("TypeError: Cannot read properties of undefined (reading 'map')")
		}
		return dialect.AddIndex{Table: t, Index: idx, RawTable: raw}, nil, nil
	case "removeIndex":
		t, err := table(0)
		op := dialect.RemoveIndex{Table: t, Concurrently: truthy(s.objGet(a(2), "concurrently"))}
		if o := s.object(a(1)); o != nil && o.ClassName() == "Array" {
			op.Fields = s.strings(a(1))
		} else {
			op.Name = jsString(a(1))
		}
		return op, nil, err
	case "showIndex":
		t, err := table(0)
		return dialect.ShowIndex{Table: t}, nil, err
	case "addConstraint":
		t, err := table(0)
		if err != nil {
			return nil, nil, err
		}
		o := s.object(a(1))
		fields, err := s.indexFields(o.Get("fields"))
		if err != nil {
			return nil, nil, err
		}
		c := dialect.Constraint{
			Type: s.optString(o, "type"), Name: s.optString(o, "name"), Fields: fields,
			OnDelete: s.optString(o, "onDelete"), OnUpdate: s.optString(o, "onUpdate"),
		}
		if w := o.Get("where"); isSet(w) {
			if c.Where, err = s.toValue(w); err != nil {
				return nil, nil, err
			}
		}
		if d := o.Get("deferrable"); isSet(d) {
			c.Deferrable = s.deferrableSQL(d)
		}
		if dv := o.Get("defaultValue"); isSet(dv) {
			if c.DefaultValue, err = s.toValue(dv); err != nil {
				return nil, nil, err
			}
		}
		if r := s.object(o.Get("references")); r != nil {
			ref := &dialect.ConstraintReference{}
			if ref.Table, err = s.tableRef(r.Get("table")); err != nil {
				return nil, nil, err
			}
			ref.Field = s.optString(r, "field")
			if f := r.Get("fields"); isSet(f) {
				ref.Fields = s.strings(f)
			}
			c.References = ref
		}
		return dialect.AddConstraint{Table: t, Constraint: c}, nil, nil
	case "removeConstraint":
		t, err := table(0)
		return dialect.RemoveConstraint{Table: t, Name: jsString(a(1))}, nil, err
	case "showConstraint":
		t, err := table(0)
		name := ""
		if isSet(a(1)) {
			name = a(1).String()
		}
		return dialect.ShowConstraint{Table: t, Name: name}, nil, err
	case "getForeignKeyReferencesForTable":
		t, err := table(0)
		return dialect.GetForeignKeyReferences{Table: t}, nil, err
	case "bulkInsert":
		t, err := table(0)
		if err != nil {
			return nil, nil, err
		}
		op := dialect.BulkInsert{Table: t}
		// A dialect that renders the statement as the call is made reads
		// the records where they are; otherwise they are converted.
		renderer, _ := s.d.(dialect.BulkInsertRenderer)
		var src *jsRecords
		if renderer != nil {
			src = s.plainRecords(a(1))
		}
		if src == nil {
			rowsV, err := s.toValue(a(1))
			if err != nil {
				return nil, nil, err
			}
			list, ok := rowsV.([]any)
			if !ok {
				return nil, nil, fmt.Errorf("bulkInsert needs an array of records, got %s", dialect.Describe(rowsV))
			}
			for i, r := range list {
				ro, ok := r.(*dialect.Object)
				if !ok {
					return nil, nil, fmt.Errorf("bulkInsert record %d is not an object: %s", i, dialect.Describe(r))
				}
				op.Rows = append(op.Rows, ro)
			}
		}
		if op.Options, err = s.insertOptions(s.object(a(2))); err != nil {
			return nil, nil, err
		}
		if op.Attributes, err = s.attributesMap(a(3)); err != nil {
			return nil, nil, err
		}
		if plan := s.object(a(4)); plan != nil {
			op.IDField = s.optString(plan, "idField")
			if r := plan.Get("returning"); isSet(r) {
				op.Options.Returning = stringList(s.strings(r))
			}
		}
		if src != nil {
			if err := renderer.RenderBulkInsert(&op, src); err != nil {
				return nil, nil, err
			}
		}
		return op, nil, nil
	case "insert":
		t, err := table(0)
		if err != nil {
			return nil, nil, err
		}
		vals, err := s.toValue(a(1))
		if err != nil {
			return nil, nil, err
		}
		vo, _ := vals.(*dialect.Object)
		if vo == nil {
			vo = &dialect.Object{}
		}
		op := dialect.Insert{Table: t, Values: vo}
		if op.Options, err = s.insertOptions(s.object(a(2))); err != nil {
			return nil, nil, err
		}
		if plan := s.object(a(3)); plan != nil {
			if op.Attributes, err = s.attributesMap(plan.Get("attributes")); err != nil {
				return nil, nil, err
			}
			if r := plan.Get("returning"); isSet(r) {
				op.Options.Returning = stringList(s.strings(r))
			}
			op.Upsert = truthy(plan.Get("upsert"))
		}
		return op, nil, nil
	case "bulkUpdate":
		t, err := table(0)
		if err != nil {
			return nil, nil, err
		}
		vals, err := s.toValue(a(1))
		if err != nil {
			return nil, nil, err
		}
		vo, ok := vals.(*dialect.Object)
		if !ok {
			return nil, nil, fmt.Errorf("bulkUpdate needs an object of values, got %s", dialect.Describe(vals))
		}
		where, err := s.toValue(a(2))
		if err != nil {
			return nil, nil, err
		}
		op := dialect.BulkUpdate{Table: t, Values: vo, Where: where}
		if lim := s.objGet(a(3), "limit"); isSet(lim) {
			if op.Limit, err = s.toValue(lim); err != nil {
				return nil, nil, err
			}
		}
		if op.Attributes, err = s.attributesMap(a(4)); err != nil {
			return nil, nil, err
		}
		if plan := s.object(a(5)); plan != nil {
			if at := plan.Get("attributes"); isSet(at) {
				if op.Attributes, err = s.attributesMap(at); err != nil {
					return nil, nil, err
				}
			}
			if op.WhereTypes, err = s.typesMap(plan.Get("whereTypes")); err != nil {
				return nil, nil, err
			}
			if r := plan.Get("returning"); isSet(r) {
				op.Returning = s.strings(r)
				if op.Returning == nil {
					op.Returning = []string{}
				}
			}
		}
		return op, nil, nil
	case "bulkDelete":
		t, err := table(0)
		if err != nil {
			return nil, nil, err
		}
		where, err := s.toValue(a(1))
		if err != nil {
			return nil, nil, err
		}
		o := s.object(a(2))
		op := dialect.BulkDelete{Table: t, Where: where}
		if o != nil {
			op.Truncate = o.Get("truncate") != nil && o.Get("truncate").StrictEquals(s.vm.ToValue(true))
			op.RestartIdentity = truthy(o.Get("restartIdentity"))
			op.Cascade = truthy(o.Get("cascade"))
			if lim := o.Get("limit"); isSet(lim) {
				if op.Limit, err = s.toValue(lim); err != nil {
					return nil, nil, err
				}
			}
		}
		if plan := s.object(a(3)); plan != nil {
			if op.WhereTypes, err = s.typesMap(plan.Get("whereTypes")); err != nil {
				return nil, nil, err
			}
			op.Type = s.optString(plan, "type")
		}
		return op, nil, nil
	case "select":
		t, err := table(0)
		if err != nil {
			return nil, nil, err
		}
		o := s.object(a(1))
		op := dialect.Select{Table: t}
		if plan := s.object(a(2)); plan != nil {
			m, err := s.modelSelect(plan)
			if err != nil {
				return nil, nil, err
			}
			op.Model = m
			return op, nil, nil
		}
		if o != nil {
			get := func(name string) (any, error) {
				if v := o.Get(name); isSet(v) {
					return s.toValue(v)
				}
				return nil, nil
			}
			at, err := get("attributes")
			if err != nil {
				return nil, nil, err
			}
			if list, ok := at.([]any); ok {
				op.Attributes = list
			}
			if op.Where, err = get("where"); err != nil {
				return nil, nil, err
			}
			if op.Group, err = get("group"); err != nil {
				return nil, nil, err
			}
			if op.Order, err = get("order"); err != nil {
				return nil, nil, err
			}
			if op.Limit, err = get("limit"); err != nil {
				return nil, nil, err
			}
			if op.Offset, err = get("offset"); err != nil {
				return nil, nil, err
			}
		}
		return op, nil, nil
	case "query":
		o := s.object(a(1))
		op := dialect.Raw{SQL: jsString(a(0)), Raw: true}
		if o != nil {
			op.Type = s.optString(o, "type")
			op.Plain = truthy(o.Get("plain"))
			op.Nest = truthy(o.Get("nest"))
			var err error
			if r := o.Get("replacements"); isSet(r) {
				if op.Replacements, err = s.toValue(r); err != nil {
					return nil, nil, err
				}
			}
			if b := o.Get("bind"); isSet(b) {
				if op.Bind, err = s.toValue(b); err != nil {
					return nil, nil, err
				}
			}
		}
		return op, nil, nil
	case "databaseVersion":
		return dialect.Version{}, nil, nil
	case "createSchema":
		return dialect.CreateSchema{Schema: jsString(a(0))}, nil, nil
	case "dropSchema":
		return dialect.DropSchema{Schema: jsString(a(0))}, nil, nil
	case "showAllSchemas":
		return dialect.ShowAllSchemas{}, nil, nil
	}
	return nil, nil, fmt.Errorf("queryInterface.%s is not supported by sqzjs", method)
}

func (s *Session) objGet(v goja.Value, name string) goja.Value {
	if o := s.object(v); o != nil {
		return o.Get(name)
	}
	return nil
}

func (s *Session) arrayItems(o *goja.Object) []goja.Value {
	if o == nil || o.ClassName() != "Array" {
		return nil
	}
	n := int(o.Get("length").ToInteger())
	out := make([]goja.Value, n)
	for i := range out {
		out[i] = o.Get(fmt.Sprint(i))
	}
	return out
}

// errorKindName maps a dialect error kind to the prelude's makeError kind.
func errorKindName(k dialect.ErrorKind) string {
	switch k {
	case dialect.KindUniqueConstraint:
		return "unique"
	case dialect.KindForeignKeyConstraint:
		return "foreignKey"
	case dialect.KindExclusionConstraint:
		return "exclusion"
	case dialect.KindTimeout:
		return "timeout"
	case dialect.KindConnection:
		return "connection"
	case dialect.KindUnknownConstraint:
		return "unknownConstraint"
	}
	return "database"
}

// jsRecords are a bulkInsert's records as the migration holds them, read
// on the loop while the call is made (dialect.RowSource).
type jsRecords struct {
	s    *Session
	rows []*goja.Object
}

func (r *jsRecords) Len() int { return len(r.rows) }

func (r *jsRecords) Keys(i int, dst []string) []string {
	return append(dst, r.rows[i].Keys()...)
}

// Value converts as toValue converts a record's value inside the array.
func (r *jsRecords) Value(i int, key string) (any, error) {
	return r.s.toValueDepth(r.rows[i].Get(key), 2)
}

// plainRecords returns v's records when v is an array of plain objects,
// each of which toValue would convert to a *dialect.Object; nil otherwise
// (toValue then converts v and reports what is not a record).
func (s *Session) plainRecords(v goja.Value) *jsRecords {
	arr, ok := v.(*goja.Object)
	if !ok || arr.ClassName() != "Array" {
		return nil
	}
	n := int(arr.Get("length").ToInteger())
	rows := make([]*goja.Object, n)
	for i := range rows {
		r, ok := arr.Get(strconv.Itoa(i)).(*goja.Object)
		if !ok || r.ClassName() != "Object" || !s.isPlainObject(r) {
			return nil
		}
		if k := r.Get("__sqzKind"); k != nil && !goja.IsUndefined(k) {
			return nil
		}
		if t := r.Get("__sqzType"); t != nil && t.ToBoolean() {
			return nil
		}
		rows[i] = r
	}
	return &jsRecords{s: s, rows: rows}
}
