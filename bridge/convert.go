package bridge

import (
	"fmt"
	"math/big"
	"reflect"
	"slices"
	"strconv"
	"time"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/dialect"
)

// toValue converts a JavaScript value into the dialect value model (see
// dialect/value.go). It runs on the loop.
func (s *Session) toValue(v goja.Value) (any, error) {
	return s.toValueDepth(v, 0)
}

func (s *Session) toValueDepth(v goja.Value, depth int) (any, error) {
	if depth > 64 {
		return nil, fmt.Errorf("value nested too deeply (a cycle?)")
	}
	if v == nil || goja.IsUndefined(v) {
		return dialect.Undefined{}, nil
	}
	if goja.IsNull(v) {
		return nil, nil
	}
	// Export only what exports to a primitive: Export of an object or an
	// array copies it whole, recursively, and every row of a bulkInsert
	// would be copied once per level it is nested in.
	// The exported interface value is returned as it is: boxing it again
	// would allocate once more per value.
	if primitiveExport[v.ExportType()] {
		switch e := v.Export(); x := e.(type) {
		case int64:
			return float64(x), nil
		case bool, float64, string, *big.Int:
			return e, nil
		}
	}
	if sym, ok := v.(*goja.Symbol); ok {
		if name, ok := s.opNames[sym]; ok {
			return dialect.Special{Kind: "symbol", Desc: name}, nil
		}
		return dialect.Special{Kind: "symbol", Desc: sym.String()}, nil
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, fmt.Errorf("unsupported value %v", v)
	}
	if kind := obj.Get("__sqzKind"); kind != nil && !goja.IsUndefined(kind) {
		return s.methodValue(kind.String(), obj, depth)
	}
	if t := obj.Get("__sqzType"); t != nil && t.ToBoolean() {
		key := obj.Get("key")
		k := ""
		if key != nil {
			k = key.String()
		}
		switch k {
		case "NOW", "UUIDV1", "UUIDV4":
			return dialect.Special{Kind: k}, nil
		}
		return dialect.Special{Kind: "object", Desc: "DataType " + k}, nil
	}
	if _, ok := goja.AssertFunction(obj); ok {
		name := obj.Get("name")
		desc := ""
		if name != nil {
			desc = name.String()
		}
		return dialect.Special{Kind: "function", Desc: desc}, nil
	}
	switch obj.ClassName() {
	case "Date":
		if t := obj.Export(); isTime(t) {
			return t, nil // not boxed again
		}
		return nil, fmt.Errorf("invalid Date")
	case "Array":
		n := int(obj.Get("length").ToInteger())
		out := make([]any, n)
		for i := 0; i < n; i++ {
			e, err := s.toValueDepth(obj.Get(strconv.Itoa(i)), depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	}
	if b, ok := bytesOf(obj); ok {
		return b, nil
	}
	if !s.isPlainObject(obj) {
		name := ""
		if c := obj.Get("constructor"); c != nil {
			if co, ok := c.(*goja.Object); ok {
				if n := co.Get("name"); n != nil {
					name = n.String()
				}
			}
		}
		return dialect.Special{Kind: "object", Desc: name}, nil
	}
	out := &dialect.Object{}
	for _, sym := range obj.Symbols() {
		name, ok := s.opNames[sym]
		if !ok {
			continue
		}
		e, err := s.toValueDepth(obj.GetSymbol(sym), depth+1)
		if err != nil {
			return nil, err
		}
		out.Set(dialect.Key{Name: name, Op: true}, e)
	}
	keys := obj.Keys()
	if len(keys) > 0 {
		// Sized once: a bulkInsert converts every row here.
		out.Keys, out.Values = slices.Grow(out.Keys, len(keys)), slices.Grow(out.Values, len(keys))
	}
	for _, k := range keys {
		e, err := s.toValueDepth(obj.Get(k), depth+1)
		if err != nil {
			return nil, err
		}
		out.Set(dialect.Key{Name: k}, e)
	}
	return out, nil
}

// primitiveExport are the types toValueDepth takes from Export.
var primitiveExport = map[reflect.Type]bool{
	reflect.TypeFor[bool](): true, reflect.TypeFor[int64](): true, reflect.TypeFor[float64](): true,
	reflect.TypeFor[string](): true, reflect.TypeFor[*big.Int](): true,
}

var (
	typeBytes       = reflect.TypeFor[[]byte]()
	typeArrayBuffer = reflect.TypeFor[goja.ArrayBuffer]()
)

func isTime(v any) bool {
	_, ok := v.(time.Time)
	return ok
}

// bytesOf returns the bytes of a Buffer, Uint8Array or ArrayBuffer.
func bytesOf(obj *goja.Object) ([]byte, bool) {
	if t := obj.ExportType(); t != typeBytes && t != typeArrayBuffer {
		return nil, false // not exported: that would copy a plain object whole
	}
	switch x := obj.Export().(type) {
	case []byte:
		return append([]byte(nil), x...), true
	case goja.ArrayBuffer:
		return append([]byte(nil), x.Bytes()...), true
	}
	return nil, false
}

func (s *Session) isPlainObject(obj *goja.Object) bool {
	proto := obj.Prototype()
	return proto == nil || proto == s.objectProto
}

func (s *Session) methodValue(kind string, obj *goja.Object, depth int) (any, error) {
	get := func(name string) (any, error) { return s.toValueDepth(obj.Get(name), depth+1) }
	switch kind {
	case "literal":
		v := obj.Get("val")
		return dialect.Literal{SQL: jsString(v)}, nil
	case "fn":
		args, err := get("args")
		if err != nil {
			return nil, err
		}
		list, _ := args.([]any)
		return dialect.Fn{Name: jsString(obj.Get("fn")), Args: list}, nil
	case "col":
		c := obj.Get("col")
		if co, ok := c.(*goja.Object); ok && co.ClassName() == "Array" {
			return nil, fmt.Errorf("Cannot call Sequelize.col() with array outside of order / group clause")
		}
		return dialect.Col{Name: jsString(c)}, nil
	case "cast":
		v, err := get("val")
		if err != nil {
			return nil, err
		}
		return dialect.Cast{Value: v, Type: jsString(obj.Get("type"))}, nil
	case "where":
		attr, err := get("attribute")
		if err != nil {
			return nil, err
		}
		logic, err := get("logic")
		if err != nil {
			return nil, err
		}
		w := dialect.Where{Attribute: attr, Logic: logic}
		cmp := obj.Get("comparator")
		if sym, ok := cmp.(*goja.Symbol); ok {
			w.Comparator, w.ComparatorIsOp = s.opNames[sym], true
		} else {
			w.Comparator = jsString(cmp)
		}
		return w, nil
	case "json":
		path := obj.Get("path")
		val, err := get("value")
		if err != nil {
			return nil, err
		}
		return dialect.JSONPath{Path: jsString(path), Value: val}, nil
	}
	return nil, fmt.Errorf("unknown Sequelize method %q", kind)
}

// jsString is String(v).
func jsString(v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	return v.String()
}

// isSet reports whether v is neither undefined nor null.
func isSet(v goja.Value) bool {
	return v != nil && !goja.IsUndefined(v) && !goja.IsNull(v)
}

// toJS converts a dialect value into a JavaScript value. It runs on the loop.
func (s *Session) toJS(v any) goja.Value {
	vm := s.vm
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case dialect.Undefined:
		return goja.Undefined()
	case bool, string, float64:
		return vm.ToValue(x)
	case int64:
		return vm.ToValue(float64(x))
	case int:
		return vm.ToValue(float64(x))
	case *big.Int:
		return vm.ToValue(x)
	case time.Time:
		d, err := vm.New(vm.Get("Date"), vm.ToValue(x.UnixMilli()))
		if err != nil {
			return goja.Undefined()
		}
		return d
	case []byte:
		return s.newBuffer(x)
	case []any:
		arr := make([]any, len(x))
		for i, e := range x {
			arr[i] = s.toJS(e)
		}
		return vm.NewArray(arr...)
	case *dialect.Object:
		var o *goja.Object
		if x.Class != "" {
			o = s.classInstance(x.Class)
		} else {
			o = vm.NewObject()
		}
		for i, k := range x.Keys {
			if k.Op {
				if sym := s.opSymbols[k.Name]; sym != nil {
					_ = o.SetSymbol(sym, s.toJS(x.Values[i]))
				}
				continue
			}
			_ = o.Set(k.Name, s.toJS(x.Values[i]))
		}
		return o
	case dialect.Special:
		if x.Kind == "function" {
			// A function in a driver's result (the mariadb connector's
			// column readers): a named function that returns undefined.
			// Its name is the driver's exactly ("bound getTypeParser",
			// even ""), which no function declaration can spell.
			fn, err := vm.RunString("(function () {})")
			if err == nil {
				_ = fn.(*goja.Object).DefineDataProperty("name", vm.ToValue(x.Desc), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
				return fn
			}
		}
		return goja.Undefined()
	}
	return vm.ToValue(v)
}

// newBuffer makes a Node Buffer holding a copy of b.
func (s *Session) newBuffer(b []byte) goja.Value {
	ab := s.vm.NewArrayBuffer(append([]byte(nil), b...))
	if from, ok := goja.AssertFunction(s.bufferFrom); ok {
		v, err := from(s.bufferCtor, s.vm.ToValue(ab))
		if err == nil {
			return v
		}
	}
	return s.vm.ToValue(ab)
}

// classInstance returns an empty object whose constructor has the given
// name (node-sqlite3's Statement, pg's Result), for result metadata.
func (s *Session) classInstance(name string) *goja.Object {
	proto, ok := s.classProtos[name]
	if !ok {
		ctor, err := s.vm.RunString(fmt.Sprintf("(class %s {})", goIdent(name)))
		if err != nil {
			return s.vm.NewObject()
		}
		proto = ctor.(*goja.Object).Get("prototype").(*goja.Object)
		s.classProtos[name] = proto
	}
	o := s.vm.NewObject()
	_ = o.SetPrototype(proto)
	return o
}

func goIdent(s string) string {
	out := []rune{}
	for _, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' && len(out) > 0 {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return "Result"
	}
	return string(out)
}
