package jsrt

import (
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// inspectOptions are the util.inspect options jsrt honours.
type inspectOptions struct {
	depth          int // < 0: unlimited
	breakLength    int
	compact        int // 0: every property on its own line
	maxArrayLength int
	customInspect  bool
}

func defaultInspectOptions() inspectOptions {
	return inspectOptions{depth: 2, breakLength: 80, compact: 3, maxArrayLength: 100, customInspect: true}
}

// inspector is the state of one util.inspect call. Its output follows Node's util.inspect
// (single quotes, "{ a: 1 }", "[ 1, 2 ]", line breaking at 80 columns, "[Object]" past the depth,
// "<ref *1>"/"[Circular *1]"), without colours.
type inspector struct {
	r              *Runtime
	opts           inspectOptions
	seen           []*goja.Object
	circular       map[*goja.Object]int
	indentationLvl int
	currentDepth   int
}

// inspect renders v as util.inspect(v, opts) would. Call it on the loop.
func (r *Runtime) inspect(v goja.Value, opts inspectOptions) string {
	in := &inspector{r: r, opts: opts}
	return in.formatValue(v, 0)
}

var identifierKey = lazyre.MustCompile(`^[a-zA-Z_][a-zA-Z_0-9]*$`)

type extrasType int

const (
	objectExtras extrasType = iota
	arrayExtras
)

// typeOf returns the JavaScript typeof of v.
func typeOf(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object"
	case goja.IsString(v):
		return "string"
	case goja.IsNumber(v):
		return "number"
	case goja.IsBigInt(v):
		return "bigint"
	}
	switch o := v.(type) {
	case *goja.Object:
		if _, ok := goja.AssertFunction(o); ok {
			return "function"
		}
		return "object"
	case *goja.Symbol:
		return "symbol"
	}
	if _, ok := v.Export().(bool); ok {
		return "boolean"
	}
	return "object"
}

func (in *inspector) call(f goja.Callable, args ...goja.Value) goja.Value {
	v, err := f(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	return v
}

func (in *inspector) formatValue(v goja.Value, recurseTimes int) string {
	obj, ok := v.(*goja.Object)
	if !ok {
		return in.formatPrimitive(v)
	}
	if in.opts.customInspect {
		if s, ok := in.customInspect(obj, recurseTimes); ok {
			return s
		}
	}
	for _, s := range in.seen {
		if s == obj {
			if in.circular == nil {
				in.circular = map[*goja.Object]int{}
			}
			idx, ok := in.circular[obj]
			if !ok {
				idx = len(in.circular) + 1
				in.circular[obj] = idx
			}
			return "[Circular *" + strconv.Itoa(idx) + "]"
		}
	}
	return in.formatRaw(obj, recurseTimes)
}

// customInspect calls obj[util.inspect.custom] when it is a function.
func (in *inspector) customInspect(obj *goja.Object, recurseTimes int) (string, bool) {
	sym := in.r.inspectCustomSymbol()
	fn, ok := goja.AssertFunction(obj.GetSymbol(sym))
	if !ok {
		return "", false
	}
	vm := in.r.vm
	depth := goja.Value(goja.Null())
	if in.opts.depth >= 0 {
		depth = vm.ToValue(in.opts.depth - recurseTimes)
	}
	opts := vm.NewObject()
	_ = opts.Set("depth", depth)
	_ = opts.Set("breakLength", in.opts.breakLength)
	_ = opts.Set("compact", in.opts.compact)
	res, err := fn(obj, depth, opts, in.r.utilInspectFunction())
	if err != nil {
		panic(err)
	}
	if ro, ok := res.(*goja.Object); ok && ro == obj {
		return "", false
	}
	if !goja.IsString(res) {
		return in.formatValue(res, recurseTimes), true
	}
	return strings.ReplaceAll(res.String(), "\n", "\n"+strings.Repeat(" ", in.indentationLvl)), true
}

func (in *inspector) formatPrimitive(v goja.Value) string {
	switch typeOf(v) {
	case "string":
		s := v.String()
		if in.opts.compact != 0 && len(s) > 16 && len(s) > in.opts.breakLength-in.indentationLvl-4 && strings.Contains(strings.TrimSuffix(s, "\n"), "\n") {
			lines := strings.SplitAfter(s, "\n")
			if lines[len(lines)-1] == "" {
				lines = lines[:len(lines)-1]
			}
			for i, l := range lines {
				lines[i] = quoteJSString(l)
			}
			return strings.Join(lines, " +\n"+strings.Repeat(" ", in.indentationLvl+2))
		}
		return quoteJSString(s)
	case "number":
		return formatNumber(v)
	case "bigint":
		return v.String() + "n"
	case "undefined":
		return "undefined"
	case "symbol":
		return in.r.jsString(v)
	}
	if goja.IsNull(v) {
		return "null"
	}
	return v.String()
}

func formatNumber(v goja.Value) string {
	if f := v.ToFloat(); f == 0 && math.Signbit(f) {
		return "-0"
	}
	return v.String()
}

// quoteJSString quotes s as Node's inspect does: single quotes unless s contains one, then
// double quotes, then backticks.
func quoteJSString(s string) string {
	quote := '\''
	if strings.ContainsRune(s, '\'') {
		if !strings.ContainsRune(s, '"') {
			quote = '"'
		} else if !strings.ContainsRune(s, '`') && !strings.Contains(s, "${") {
			quote = '`'
		}
	}
	var b strings.Builder
	b.WriteRune(quote)
	for _, c := range s {
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\f':
			b.WriteString(`\f`)
		case c == '\v':
			b.WriteString(`\x0B`)
		case c < 0x20 || c == 0x7f:
			b.WriteString(`\x`)
			b.WriteString(strings.ToUpper(strconv.FormatInt(int64(c)+0x100, 16)[1:]))
		default:
			b.WriteRune(c)
		}
	}
	b.WriteRune(quote)
	return b.String()
}

// constructorName walks the prototype chain for the first own "constructor" with a name; ok is
// false for an object without prototype.
func (in *inspector) constructorName(obj *goja.Object) (string, bool) {
	for o := obj; o != nil; o = o.Prototype() {
		desc := in.call(in.r.hidden.descriptor, o, in.r.vm.ToValue("constructor"))
		if d, ok := desc.(*goja.Object); ok {
			if c, ok := d.Get("value").(*goja.Object); ok {
				if n := c.Get("name"); n != nil && goja.IsString(n) && n.String() != "" {
					return n.String(), true
				}
			}
		}
	}
	return "", obj.Prototype() != nil
}

// prefix is Node's getPrefix.
func prefix(ctor string, hasProto bool, tag, fallback, size string) string {
	if !hasProto {
		if tag != "" && fallback != tag {
			return "[" + fallback + size + ": null prototype] [" + tag + "] "
		}
		return "[" + fallback + size + ": null prototype] "
	}
	if tag != "" && ctor != tag {
		return ctor + size + " [" + tag + "] "
	}
	return ctor + size + " "
}

func (in *inspector) ownKeys(obj *goja.Object, isArray bool, length int) []goja.Value {
	var keys []goja.Value
	for _, k := range obj.Keys() {
		if isArray {
			if n, err := strconv.Atoi(k); err == nil && n >= 0 && n < length && strconv.Itoa(n) == k {
				continue
			}
		}
		keys = append(keys, in.r.vm.ToValue(k))
	}
	if syms, ok := in.call(in.r.hidden.ownSymbols, obj).(*goja.Object); ok {
		n := int(syms.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			keys = append(keys, syms.Get(strconv.Itoa(i)))
		}
	}
	return keys
}

func (in *inspector) formatRaw(obj *goja.Object, recurseTimes int) string {
	r := in.r
	vm := r.vm
	tagFull := in.call(r.hidden.tag, obj).String() // "[object X]"
	class := strings.TrimSuffix(strings.TrimPrefix(tagFull, "[object "), "]")
	ctor, hasProto := in.constructorName(obj)
	tag := ""
	if t := obj.GetSymbol(goja.SymToStringTag); t != nil && goja.IsString(t) && t.String() != ctor {
		tag = t.String()
	}

	var (
		keys      []goja.Value
		base      string
		braces    [2]string
		extras    = objectExtras
		formatter func(recurseTimes int) []string
		allNums   bool
		cause     goja.Value // an error's own non-enumerable cause
	)
	_, isFunc := goja.AssertFunction(obj)
	isArray := in.call(r.hidden.isArray, obj).ToBoolean()
	switch {
	case isArray:
		length := int(obj.Get("length").ToInteger())
		keys = in.ownKeys(obj, true, length)
		p := ""
		if ctor != "Array" || tag != "" {
			p = prefix(ctor, hasProto, tag, "Array", "("+strconv.Itoa(length)+")")
		}
		braces = [2]string{p + "[", "]"}
		if length == 0 && len(keys) == 0 {
			return braces[0] + "]"
		}
		extras = arrayExtras
		formatter = func(rt int) []string { return in.formatArray(obj, length, rt) }
		allNums = in.allNumbers(obj, length)
	case class == "Set" || class == "Map":
		size := int(obj.Get("size").ToInteger())
		keys = in.ownKeys(obj, false, 0)
		p := prefix(ctor, hasProto, tag, class, "("+strconv.Itoa(size)+")")
		braces = [2]string{p + "{", "}"}
		if size == 0 && len(keys) == 0 {
			return braces[0] + "}"
		}
		if class == "Set" {
			formatter = func(rt int) []string { return in.formatSet(obj, rt) }
		} else {
			formatter = func(rt int) []string { return in.formatMap(obj, rt) }
		}
	case isTypedArrayClass(class):
		length := int(obj.Get("length").ToInteger())
		if ctor == "Buffer" {
			return in.formatBuffer(obj, length)
		}
		keys = in.ownKeys(obj, true, length)
		braces = [2]string{prefix(ctor, hasProto, tag, class, "("+strconv.Itoa(length)+")") + "[", "]"}
		if length == 0 && len(keys) == 0 {
			return braces[0] + "]"
		}
		extras = arrayExtras
		allNums = true
		formatter = func(rt int) []string { return in.formatArray(obj, length, rt) }
	default:
		keys = in.ownKeys(obj, false, 0)
		braces = [2]string{"{", "}"}
		switch {
		case class == "Arguments":
			braces[0] = "[Arguments] ["
			braces[1] = "]"
			extras = arrayExtras
			length := int(obj.Get("length").ToInteger())
			keys = in.ownKeys(obj, true, length)
			formatter = func(rt int) []string { return in.formatArray(obj, length, rt) }
		case isFunc:
			base = in.functionBase(obj, class, ctor, tag)
			if len(keys) == 0 {
				return base
			}
		case class == "RegExp":
			base = obj.String()
			if len(keys) == 0 {
				return base
			}
		case class == "Date":
			if t := in.call(r.hidden.getTime, obj).ToFloat(); math.IsNaN(t) {
				base = "Invalid Date"
			} else {
				base = in.call(r.hidden.toISO, obj).String()
			}
			if len(keys) == 0 {
				return base
			}
		case in.call(r.hidden.isError, obj).ToBoolean() || class == "Error":
			base, keys = in.formatError(obj, keys)
			if d := in.call(r.hidden.descriptor, obj, vm.ToValue("cause")); !goja.IsUndefined(d) && !hasKey(keys, "cause") {
				cause = d.ToObject(vm).Get("value")
			}
			if len(keys) == 0 && cause == nil {
				return base
			}
		case class == "Promise":
			braces[0] = prefix(ctor, hasProto, tag, "Promise", "") + "{"
			formatter = func(rt int) []string { return in.formatPromise(obj, rt) }
		case class == "WeakMap" || class == "WeakSet":
			braces[0] = prefix(ctor, hasProto, tag, class, "") + "{"
			return braces[0] + " <items unknown> }"
		case class == "ArrayBuffer":
			braces[0] = prefix(ctor, hasProto, tag, class, "") + "{"
			formatter = func(rt int) []string { return in.formatArrayBuffer(obj) }
		case class == "Number" || class == "String" || class == "Boolean" || class == "Symbol" || class == "BigInt":
			prim := in.call(r.hidden.valueOf, obj)
			base = "[" + class
			if ctor != class {
				base += " (" + ctor + ")"
			}
			base += ": " + in.formatPrimitive(prim) + "]"
			if class == "String" {
				keys = in.ownKeys(obj, true, int(obj.Get("length").ToInteger()))
			}
			if len(keys) == 0 {
				return base
			}
		default:
			if ctor == "Object" && hasProto {
				if tag != "" {
					braces[0] = prefix(ctor, hasProto, tag, "Object", "") + "{"
				}
			} else {
				braces[0] = prefix(ctor, hasProto, tag, "Object", "") + "{"
			}
			if len(keys) == 0 {
				return braces[0] + "}"
			}
		}
	}

	if in.opts.depth >= 0 && recurseTimes > in.opts.depth {
		name := ctor
		if name == "" || !hasProto {
			name = "Object: null prototype"
		}
		if isArray {
			name = ctor
		}
		return "[" + name + "]"
	}
	recurseTimes++
	in.seen = append(in.seen, obj)
	in.currentDepth = recurseTimes
	var output []string
	if formatter != nil {
		output = formatter(recurseTimes)
	}
	for _, k := range keys {
		output = append(output, in.formatProperty(obj, k, recurseTimes, objectExtras))
	}
	if cause != nil {
		in.indentationLvl += 2
		output = append(output, "[cause]: "+in.formatValue(cause, recurseTimes))
		in.indentationLvl -= 2
	}
	in.seen = in.seen[:len(in.seen)-1]
	if idx, ok := in.circular[obj]; ok {
		ref := "<ref *" + strconv.Itoa(idx) + ">"
		if base == "" {
			base = ref
		} else {
			base = ref + " " + base
		}
	}
	return in.reduceToSingleString(output, base, braces, extras, recurseTimes, allNums)
}

func hasKey(keys []goja.Value, name string) bool {
	for _, k := range keys {
		if _, isSym := k.(*goja.Symbol); !isSym && k.String() == name {
			return true
		}
	}
	return false
}

func isTypedArrayClass(c string) bool {
	switch c {
	case "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
		"Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array":
		return true
	}
	return false
}

func (in *inspector) allNumbers(arr *goja.Object, length int) bool {
	if length > 101 {
		length = 101
	}
	for i := 0; i < length; i++ {
		t := typeOf(arr.Get(strconv.Itoa(i)))
		if t != "number" && t != "bigint" {
			return false
		}
	}
	return true
}

func (in *inspector) formatProperty(obj *goja.Object, key goja.Value, recurseTimes int, typ extrasType) string {
	var str string
	desc, _ := in.call(in.r.hidden.descriptor, obj, key).(*goja.Object)
	switch {
	case desc == nil:
		str = "undefined"
	case desc.Get("get") != nil && !goja.IsUndefined(desc.Get("get")):
		if s := desc.Get("set"); s != nil && !goja.IsUndefined(s) {
			str = "[Getter/Setter]"
		} else {
			str = "[Getter]"
		}
	case desc.Get("set") != nil && !goja.IsUndefined(desc.Get("set")):
		str = "[Setter]"
	default:
		in.indentationLvl += 2
		str = in.formatValue(desc.Get("value"), recurseTimes)
		in.indentationLvl -= 2
	}
	if typ == arrayExtras {
		return str
	}
	var name string
	if sym, ok := key.(*goja.Symbol); ok {
		name = "[" + in.r.jsString(sym) + "]"
	} else if k := key.String(); identifierKey().MatchString(k) {
		name = k
	} else {
		name = quoteJSString(k)
	}
	return name + ": " + str
}

func (in *inspector) formatArray(arr *goja.Object, length, recurseTimes int) []string {
	outputLength := min(length, in.opts.maxArrayLength)
	var output []string
	holes := 0
	flushHoles := func() {
		if holes > 0 {
			s := "s"
			if holes == 1 {
				s = ""
			}
			output = append(output, "<"+strconv.Itoa(holes)+" empty item"+s+">")
			holes = 0
		}
	}
	for i := 0; i < outputLength; i++ {
		key := in.r.vm.ToValue(strconv.Itoa(i))
		if goja.IsUndefined(in.call(in.r.hidden.descriptor, arr, key)) {
			holes++
			continue
		}
		flushHoles()
		output = append(output, in.formatProperty(arr, key, recurseTimes, arrayExtras))
	}
	flushHoles()
	if remaining := length - outputLength; remaining > 0 {
		s := "s"
		if remaining == 1 {
			s = ""
		}
		output = append(output, "... "+strconv.Itoa(remaining)+" more item"+s)
	}
	return output
}

func (in *inspector) entries(obj *goja.Object) []goja.Value {
	arr := in.call(in.r.hidden.entries, obj).ToObject(in.r.vm)
	n := int(arr.Get("length").ToInteger())
	out := make([]goja.Value, n)
	for i := range out {
		out[i] = arr.Get(strconv.Itoa(i))
	}
	return out
}

func (in *inspector) formatSet(set *goja.Object, recurseTimes int) []string {
	in.indentationLvl += 2
	var output []string
	for _, v := range in.entries(set) {
		output = append(output, in.formatValue(v, recurseTimes))
	}
	in.indentationLvl -= 2
	return output
}

func (in *inspector) formatMap(m *goja.Object, recurseTimes int) []string {
	in.indentationLvl += 2
	var output []string
	for _, e := range in.entries(m) {
		pair := e.ToObject(in.r.vm)
		k := in.formatValue(pair.Get("0"), recurseTimes)
		v := in.formatValue(pair.Get("1"), recurseTimes)
		output = append(output, k+" => "+v)
	}
	in.indentationLvl -= 2
	return output
}

func (in *inspector) formatPromise(p *goja.Object, recurseTimes int) []string {
	pr, ok := p.Export().(*goja.Promise)
	if !ok {
		return nil
	}
	switch pr.State() {
	case goja.PromiseStatePending:
		return []string{"<pending>"}
	case goja.PromiseStateRejected:
		in.indentationLvl += 2
		defer func() { in.indentationLvl -= 2 }()
		return []string{"<rejected> " + in.formatValue(pr.Result(), recurseTimes)}
	default:
		in.indentationLvl += 2
		defer func() { in.indentationLvl -= 2 }()
		return []string{in.formatValue(pr.Result(), recurseTimes)}
	}
}

func (in *inspector) bytesOf(obj *goja.Object) []byte {
	var b []byte
	if err := in.r.vm.ExportTo(obj, &b); err != nil {
		return nil
	}
	return b
}

func hexBytes(b []byte, limit int) string {
	var sb strings.Builder
	for i, c := range b {
		if i == limit {
			sb.WriteString(" ... " + strconv.Itoa(len(b)-limit) + " more byte")
			if len(b)-limit != 1 {
				sb.WriteByte('s')
			}
			break
		}
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(strconv.FormatInt(int64(c)+0x100, 16)[1:])
	}
	return sb.String()
}

func (in *inspector) formatBuffer(obj *goja.Object, length int) string {
	b := in.bytesOf(obj)
	if len(b) == 0 {
		return "<Buffer >"
	}
	return "<Buffer " + hexBytes(b, 50) + ">"
}

func (in *inspector) formatArrayBuffer(obj *goja.Object) []string {
	ab, ok := obj.Export().(goja.ArrayBuffer)
	if !ok {
		return nil
	}
	data := ab.Bytes()
	return []string{"[Uint8Contents]: <" + hexBytes(data, 50) + ">", "byteLength: " + strconv.Itoa(len(data))}
}

func (in *inspector) functionBase(fn *goja.Object, class, ctor, tag string) string {
	name := ""
	if n := fn.Get("name"); n != nil && goja.IsString(n) {
		name = n.String()
	}
	src := in.call(in.r.hidden.fnSource, fn).String()
	if strings.HasPrefix(src, "class") && (len(src) == 5 || strings.ContainsAny(src[5:6], " {\n\t")) {
		base := "[class"
		if name != "" {
			base += " " + name
		} else {
			base += " (anonymous)"
		}
		if super := fn.Prototype(); super != nil {
			if sn := super.Get("name"); sn != nil && goja.IsString(sn) && sn.String() != "" {
				base += " extends " + sn.String()
			}
		}
		return base + "]"
	}
	typ := "Function"
	switch class {
	case "AsyncFunction", "GeneratorFunction", "AsyncGeneratorFunction":
		typ = class
	}
	base := "[" + typ
	if name == "" {
		base += " (anonymous)"
	} else {
		base += ": " + name
	}
	base += "]"
	if ctor == "" {
		base += " (null prototype)"
	} else if ctor != typ && ctor != "Function" {
		base += " " + ctor
	}
	if tag != "" && ctor != tag {
		base += " [" + tag + "]"
	}
	return base
}

// formatError renders an error as Node does: its stack (Node-formatted), or "[Error: msg]" when
// it has none, followed by its own enumerable properties and its cause.
func (in *inspector) formatError(obj *goja.Object, keys []goja.Value) (string, []goja.Value) {
	stack := ""
	if st := obj.Get("stack"); st != nil && goja.IsString(st) && st.String() != "" {
		stack = in.r.nodeStack(st.String())
	}
	if stack == "" {
		stack = errorToString(obj)
	}
	if !strings.Contains(stack, "\n    at ") {
		stack = "[" + stack + "]"
	}
	// The Go error carried by a GoError is not a script-level property.
	goErr := goErrorOf(obj) != nil
	filtered := keys[:0:0]
	for _, k := range keys {
		if _, isSym := k.(*goja.Symbol); !isSym && (goErr && k.String() == "value") {
			continue
		}
		filtered = append(filtered, k)
	}
	if in.indentationLvl != 0 {
		stack = strings.ReplaceAll(stack, "\n", "\n"+strings.Repeat(" ", in.indentationLvl))
	}
	return stack, filtered
}

func errorToString(obj *goja.Object) string {
	name, msg := "Error", ""
	if n := obj.Get("name"); n != nil && !goja.IsUndefined(n) {
		name = n.String()
	}
	if m := obj.Get("message"); m != nil && !goja.IsUndefined(m) {
		msg = m.String()
	}
	switch {
	case msg == "":
		return name
	case name == "":
		return msg
	}
	return name + ": " + msg
}

func (in *inspector) reduceToSingleString(output []string, base string, braces [2]string, extras extrasType, recurseTimes int, allNums bool) string {
	if in.opts.compact >= 1 {
		entries := len(output)
		if extras == arrayExtras && entries > 6 {
			output = in.groupArrayElements(output, allNums)
		}
		if in.currentDepth-recurseTimes < in.opts.compact && entries == len(output) {
			start := len(output) + in.indentationLvl + len(braces[0]) + len(base) + 10
			if in.isBelowBreakLength(output, start, base) {
				joined := strings.Join(output, ", ")
				if !strings.Contains(joined, "\n") {
					b := ""
					if base != "" {
						b = base + " "
					}
					return b + braces[0] + " " + joined + " " + braces[1]
				}
			}
		}
	}
	indentation := "\n" + strings.Repeat(" ", in.indentationLvl)
	b := ""
	if base != "" {
		b = base + " "
	}
	return b + braces[0] + indentation + "  " + strings.Join(output, ","+indentation+"  ") + indentation + braces[1]
}

func (in *inspector) isBelowBreakLength(output []string, start int, base string) bool {
	total := len(output) + start
	if total+len(output) > in.opts.breakLength {
		return false
	}
	for _, o := range output {
		total += strLen(o)
		if total > in.opts.breakLength {
			return false
		}
	}
	return base == "" || !strings.Contains(base, "\n")
}

// strLen counts UTF-16 code units, as JavaScript's length does.
func strLen(s string) int {
	n := 0
	for _, c := range s {
		if c >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// groupArrayElements lays out long arrays of short entries in aligned columns, as Node does.
func (in *inspector) groupArrayElements(output []string, allNums bool) []string {
	totalLength := 0
	maxLength := 0
	outputLength := len(output)
	if in.opts.maxArrayLength < len(output) {
		outputLength-- // the "... more items" entry
	}
	const separatorSpace = 2
	dataLen := make([]int, outputLength)
	for i := 0; i < outputLength; i++ {
		l := strLen(output[i])
		dataLen[i] = l
		totalLength += l + separatorSpace
		if maxLength < l {
			maxLength = l
		}
	}
	actualMax := maxLength + separatorSpace
	if actualMax*3+in.indentationLvl < in.opts.breakLength &&
		(float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		averageBias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(output)))
		biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
		columns := min(
			int(math.Round(math.Sqrt(2.5*biasedMax*float64(outputLength))/biasedMax)),
			(in.opts.breakLength-in.indentationLvl)/actualMax,
			in.opts.compact*4,
			15,
		)
		if columns <= 1 {
			return output
		}
		var tmp []string
		maxLineLength := make([]int, 0, columns)
		for i := 0; i < columns; i++ {
			lineLength := 0
			for j := i; j < len(output); j += columns {
				if j < outputLength && dataLen[j] > lineLength {
					lineLength = dataLen[j]
				}
			}
			maxLineLength = append(maxLineLength, lineLength+separatorSpace)
		}
		for i := 0; i < outputLength; i += columns {
			maxI := min(i+columns, outputLength)
			var sb strings.Builder
			j := i
			for ; j < maxI-1; j++ {
				cell := output[j] + ", "
				pad := maxLineLength[j-i] - dataLen[j] - 2
				if allNums {
					sb.WriteString(strings.Repeat(" ", max(pad, 0)) + cell)
				} else {
					sb.WriteString(cell + strings.Repeat(" ", max(pad, 0)))
				}
			}
			if allNums {
				pad := maxLineLength[j-i] - separatorSpace - dataLen[j]
				sb.WriteString(strings.Repeat(" ", max(pad, 0)) + output[j])
			} else {
				sb.WriteString(output[j])
			}
			tmp = append(tmp, sb.String())
		}
		if in.opts.maxArrayLength < len(output) {
			tmp = append(tmp, output[outputLength])
		}
		return tmp
	}
	return output
}

// inspectCustomSymbol is Symbol.for('nodejs.util.inspect.custom').
func (r *Runtime) inspectCustomSymbol() *goja.Symbol {
	if r.customSym == nil {
		v, err := r.vm.RunString("Symbol.for('nodejs.util.inspect.custom')")
		if err != nil {
			panic(err)
		}
		r.customSym = v.(*goja.Symbol)
	}
	return r.customSym
}

// parseInspectOptions reads util.inspect's second argument: an options object, or the legacy
// (showHidden, depth) positional form.
func (r *Runtime) parseInspectOptions(args []goja.Value) inspectOptions {
	opts := defaultInspectOptions()
	if len(args) < 2 {
		return opts
	}
	o, ok := args[1].(*goja.Object)
	if !ok {
		if len(args) > 2 {
			setDepth(&opts, args[2])
		}
		return opts
	}
	if v := o.Get("depth"); v != nil && !goja.IsUndefined(v) {
		setDepth(&opts, v)
	}
	if v := o.Get("breakLength"); v != nil && goja.IsNumber(v) {
		if f := v.ToFloat(); math.IsInf(f, 1) || f > 1e9 {
			opts.breakLength = math.MaxInt32
		} else {
			opts.breakLength = int(f)
		}
	}
	if v := o.Get("compact"); v != nil && !goja.IsUndefined(v) {
		switch typeOf(v) {
		case "number":
			opts.compact = int(v.ToInteger())
		case "boolean":
			if v.ToBoolean() {
				opts.compact = 3
				opts.breakLength = math.MaxInt32
			} else {
				opts.compact = 0
			}
		}
	}
	if v := o.Get("maxArrayLength"); v != nil && goja.IsNumber(v) {
		if f := v.ToFloat(); math.IsInf(f, 1) || f > 1e9 {
			opts.maxArrayLength = math.MaxInt32
		} else {
			opts.maxArrayLength = max(int(f), 0)
		}
	}
	if v := o.Get("customInspect"); v != nil && !goja.IsUndefined(v) {
		opts.customInspect = v.ToBoolean()
	}
	return opts
}

func setDepth(opts *inspectOptions, v goja.Value) {
	if goja.IsNull(v) {
		opts.depth = -1
		return
	}
	if f := v.ToFloat(); math.IsInf(f, 1) {
		opts.depth = -1
	} else if !math.IsNaN(f) {
		opts.depth = int(f)
	}
}
