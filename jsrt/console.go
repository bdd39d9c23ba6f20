package jsrt

import (
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// format implements util.format: printf-like specifiers (%s %d %i %f %j %o %O %c %%) in a
// first string argument, then the remaining arguments separated by spaces, strings as they are
// and other values inspected.
func (r *Runtime) format(args []goja.Value, opts inspectOptions) string {
	if len(args) == 0 {
		return ""
	}
	var b strings.Builder
	a := 0
	if goja.IsString(args[0]) {
		first := args[0].String()
		a = 1
		last := 0
		for i := 0; i < len(first)-1; i++ {
			if first[i] != '%' {
				continue
			}
			c := first[i+1]
			if a >= len(args) {
				if c == '%' {
					b.WriteString(first[last:i])
					last = i + 1
					i++
				}
				continue
			}
			var s string
			switch c {
			case 's':
				s = r.formatS(args[a], opts)
			case 'd':
				s = r.formatD(args[a])
			case 'i':
				s = r.formatIF(args[a], "parseInt")
			case 'f':
				s = r.formatIF(args[a], "parseFloat")
			case 'j':
				s = r.formatJ(args[a])
			case 'o':
				o := opts
				o.depth = 4
				s = r.inspect(args[a], o)
			case 'O':
				s = r.inspect(args[a], opts)
			case 'c':
				s = ""
			case '%':
				b.WriteString(first[last:i])
				last = i + 1
				i++
				continue
			default:
				i++
				continue
			}
			b.WriteString(first[last:i])
			b.WriteString(s)
			last = i + 2
			a++
			i++
		}
		b.WriteString(first[last:])
	}
	for ; a < len(args); a++ {
		if b.Len() > 0 || a > 0 {
			b.WriteByte(' ')
		}
		if goja.IsString(args[a]) {
			b.WriteString(args[a].String())
		} else {
			b.WriteString(r.inspect(args[a], opts))
		}
	}
	return b.String()
}

// builtinConstructors are the constructors whose toString util.format's %s considers built in.
var builtinConstructors = map[string]bool{
	"Object": true, "Error": true, "TypeError": true, "RangeError": true, "SyntaxError": true,
	"ReferenceError": true, "EvalError": true, "URIError": true, "AggregateError": true,
	"Array": true, "Date": true, "RegExp": true, "Map": true, "Set": true, "WeakMap": true,
	"WeakSet": true, "Promise": true, "Function": true, "Number": true, "String": true,
	"Boolean": true, "Symbol": true, "BigInt": true, "ArrayBuffer": true, "DataView": true,
	"Uint8Array": true, "Int8Array": true, "Uint16Array": true, "Int16Array": true,
	"Uint32Array": true, "Int32Array": true, "Float32Array": true, "Float64Array": true,
	"Uint8ClampedArray": true, "BigInt64Array": true, "BigUint64Array": true,
}

func (r *Runtime) formatS(v goja.Value, opts inspectOptions) string {
	switch typeOf(v) {
	case "number":
		return formatNumber(v)
	case "bigint":
		return v.String() + "n"
	case "object":
		obj, ok := v.(*goja.Object)
		if ok && r.hasBuiltInToString(obj) {
			o := opts
			o.depth = 0
			return r.inspect(v, o)
		}
	}
	return r.jsString(v)
}

// jsString is String(v), which may run user code (toString).
func (r *Runtime) jsString(v goja.Value) string {
	fn, _ := goja.AssertFunction(r.vm.Get("String"))
	s, err := fn(goja.Undefined(), v)
	if err != nil {
		panic(err)
	}
	return s.String()
}

func (r *Runtime) hasBuiltInToString(obj *goja.Object) bool {
	in := &inspector{r: r}
	key := r.vm.ToValue("toString")
	if !goja.IsUndefined(in.call(r.hidden.descriptor, obj, key)) {
		return false
	}
	p := obj.Prototype()
	for p != nil && goja.IsUndefined(in.call(r.hidden.descriptor, p, key)) {
		p = p.Prototype()
	}
	if p == nil {
		return true
	}
	desc, ok := in.call(r.hidden.descriptor, p, r.vm.ToValue("constructor")).(*goja.Object)
	if !ok {
		return false
	}
	ctor, ok := desc.Get("value").(*goja.Object)
	if !ok {
		return false
	}
	return builtinConstructors[ctor.Get("name").String()]
}

func (r *Runtime) formatD(v goja.Value) string {
	switch typeOf(v) {
	case "bigint":
		return v.String() + "n"
	case "symbol":
		return "NaN"
	}
	return formatNumber(v.ToNumber())
}

func (r *Runtime) formatIF(v goja.Value, parser string) string {
	switch typeOf(v) {
	case "bigint":
		if parser == "parseInt" {
			return v.String() + "n"
		}
	case "symbol":
		return "NaN"
	}
	fn, _ := goja.AssertFunction(r.vm.Get(parser))
	res, err := fn(goja.Undefined(), v)
	if err != nil {
		panic(err)
	}
	return formatNumber(res)
}

func (r *Runtime) formatJ(v goja.Value) string {
	jsonObj := r.vm.Get("JSON").ToObject(r.vm)
	stringify, _ := goja.AssertFunction(jsonObj.Get("stringify"))
	res, err := stringify(jsonObj, v)
	if err != nil {
		if strings.Contains(err.Error(), "ircular") {
			return "[Circular]"
		}
		panic(err)
	}
	if goja.IsUndefined(res) {
		return "undefined"
	}
	return res.String()
}

// console is the state behind the console object.
type console struct {
	r      *Runtime
	timers map[string]time.Time
	counts map[string]int
	indent string
}

// consoleObject builds the global console.
func (r *Runtime) consoleObject() *goja.Object {
	c := &console{r: r, timers: map[string]time.Time{}, counts: map[string]int{}}
	vm := r.vm
	obj := vm.NewObject()
	out, errw := r.opts.Stdout, r.opts.Stderr
	printer := func(w io.Writer) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			c.print(w, r.format(call.Arguments, defaultInspectOptions()))
			return goja.Undefined()
		}
	}
	for name, w := range map[string]io.Writer{"log": out, "info": out, "debug": out, "warn": errw, "error": errw} {
		_ = obj.Set(name, printer(w))
	}
	_ = obj.Set("trace", func(call goja.FunctionCall) goja.Value {
		msg := "Trace"
		if s := r.format(call.Arguments, defaultInspectOptions()); s != "" {
			msg += ": " + s
		}
		var frames []Frame
		for _, f := range vm.CaptureCallStack(0, nil)[1:] {
			p := f.Position()
			fr := Frame{Func: cleanFuncName(f.FuncName()), File: f.SrcName(), Line: p.Line, Column: p.Column}
			if f.SrcName() == "<native>" {
				fr.File = "native"
			}
			frames = append(frames, fr)
		}
		if st := (&ScriptError{Frames: r.fixFrames(frames)}).Stack(); st != "" {
			msg += "\n" + st
		}
		c.print(errw, msg)
		return goja.Undefined()
	})
	_ = obj.Set("dir", func(call goja.FunctionCall) goja.Value {
		opts := r.parseInspectOptions(call.Arguments)
		opts.customInspect = false
		c.print(out, r.inspect(call.Argument(0), opts))
		return goja.Undefined()
	})
	_ = obj.Set("dirxml", printer(out))
	_ = obj.Set("table", func(call goja.FunctionCall) goja.Value {
		c.print(out, r.table(call.Argument(0), call.Argument(1)))
		return goja.Undefined()
	})
	_ = obj.Set("assert", func(call goja.FunctionCall) goja.Value {
		if call.Argument(0).ToBoolean() {
			return goja.Undefined()
		}
		args := append([]goja.Value(nil), call.Arguments[min(1, len(call.Arguments)):]...)
		if len(args) > 0 && goja.IsString(args[0]) {
			args[0] = vm.ToValue("Assertion failed: " + args[0].String())
		} else {
			args = append([]goja.Value{vm.ToValue("Assertion failed")}, args...)
		}
		c.print(errw, r.format(args, defaultInspectOptions()))
		return goja.Undefined()
	})
	label := func(call goja.FunctionCall) string {
		if v := call.Argument(0); !goja.IsUndefined(v) {
			return r.jsString(v)
		}
		return "default"
	}
	_ = obj.Set("time", func(call goja.FunctionCall) goja.Value {
		l := label(call)
		if _, ok := c.timers[l]; ok {
			r.warning("Label '"+l+"' already exists for console.time()", "Warning", "")
			return goja.Undefined()
		}
		c.timers[l] = r.opts.Now()
		return goja.Undefined()
	})
	timeEnd := func(name string, remove bool) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			l := label(call)
			startedAt, ok := c.timers[l]
			if !ok {
				r.warning("No such label '"+l+"' for console."+name+"()", "Warning", "")
				return goja.Undefined()
			}
			msg := l + ": " + formatDuration(r.opts.Now().Sub(startedAt))
			if !remove && len(call.Arguments) > 1 {
				msg += " " + r.format(call.Arguments[1:], defaultInspectOptions())
			}
			if remove {
				delete(c.timers, l)
			}
			c.print(out, msg)
			return goja.Undefined()
		}
	}
	_ = obj.Set("timeEnd", timeEnd("timeEnd", true))
	_ = obj.Set("timeLog", timeEnd("timeLog", false))
	_ = obj.Set("count", func(call goja.FunctionCall) goja.Value {
		l := label(call)
		c.counts[l]++
		c.print(out, l+": "+strconv.Itoa(c.counts[l]))
		return goja.Undefined()
	})
	_ = obj.Set("countReset", func(call goja.FunctionCall) goja.Value {
		delete(c.counts, label(call))
		return goja.Undefined()
	})
	group := func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) > 0 {
			c.print(out, r.format(call.Arguments, defaultInspectOptions()))
		}
		c.indent += "  "
		return goja.Undefined()
	}
	_ = obj.Set("group", group)
	_ = obj.Set("groupCollapsed", group)
	_ = obj.Set("groupEnd", func() {
		if len(c.indent) >= 2 {
			c.indent = c.indent[2:]
		}
	})
	noop := func() {}
	for _, name := range []string{"profile", "profileEnd", "timeStamp", "clear"} {
		_ = obj.Set(name, noop)
	}
	return obj
}

func (c *console) print(w io.Writer, s string) {
	if c.indent != "" {
		s = c.indent + strings.ReplaceAll(s, "\n", "\n"+c.indent)
	}
	_, _ = io.WriteString(w, s+"\n")
}

// formatDuration prints a console.time duration as Node does: "1.234ms", "1.500s",
// "1:02.345 (m:ss.mmm)", "1:02:03.456 (h:mm:ss.mmm)".
func formatDuration(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	var hours, minutes int
	var seconds float64
	if ms >= 1000 {
		if ms >= 60000 {
			if ms >= 3600000 {
				hours = int(ms / 3600000)
				ms = math.Mod(ms, 3600000)
			}
			minutes = int(ms / 60000)
			ms = math.Mod(ms, 60000)
		}
		seconds = ms / 1000
	}
	if hours != 0 || minutes != 0 {
		s := strconv.FormatFloat(seconds, 'f', 3, 64)
		sec, frac, _ := strings.Cut(s, ".")
		if len(sec) < 2 {
			sec = "0" + sec
		}
		if hours != 0 {
			m := strconv.Itoa(minutes)
			if len(m) < 2 {
				m = "0" + m
			}
			return strconv.Itoa(hours) + ":" + m + ":" + sec + "." + frac + " (h:mm:ss.mmm)"
		}
		return strconv.Itoa(minutes) + ":" + sec + "." + frac + " (m:ss.mmm)"
	}
	if seconds != 0 {
		return strconv.FormatFloat(seconds, 'f', 3, 64) + "s"
	}
	rounded, _ := strconv.ParseFloat(strconv.FormatFloat(ms, 'f', 3, 64), 64)
	return strconv.FormatFloat(rounded, 'f', -1, 64) + "ms"
}

// table renders console.table's box drawing for an array or object of rows.
func (r *Runtime) table(data, columns goja.Value) string {
	obj, ok := data.(*goja.Object)
	if !ok {
		return r.format([]goja.Value{data}, defaultInspectOptions())
	}
	cellOpts := defaultInspectOptions()
	cellOpts.depth = 0
	cellOpts.maxArrayLength = 3
	cellOpts.breakLength = math.MaxInt32
	var (
		header    = []string{"(index)"}
		colIndex  = map[string]int{}
		rows      [][]string
		hasValues bool
		values    []string
	)
	var wanted []string
	if co, ok := columns.(*goja.Object); ok {
		_ = r.vm.ExportTo(co, &wanted)
	}
	addCol := func(k string) int {
		if i, ok := colIndex[k]; ok {
			return i
		}
		colIndex[k] = len(header)
		header = append(header, k)
		return len(header) - 1
	}
	for _, k := range wanted {
		addCol(k)
	}
	indexKeys := obj.Keys()
	if class := (&inspector{r: r}).call(r.hidden.tag, obj).String(); class == "[object Map]" || class == "[object Set]" {
		return r.format([]goja.Value{data}, defaultInspectOptions())
	}
	for _, k := range indexKeys {
		v := obj.Get(k)
		row := map[int]string{}
		if ro, ok := v.(*goja.Object); ok && typeOf(v) == "object" {
			for _, ck := range ro.Keys() {
				if wanted != nil {
					if _, ok := colIndex[ck]; !ok {
						continue
					}
				}
				row[addCol(ck)] = r.inspect(ro.Get(ck), cellOpts)
			}
			values = append(values, "")
		} else {
			hasValues = true
			values = append(values, r.inspect(v, cellOpts))
		}
		cells := []string{k}
		for i := 1; i < len(header); i++ {
			cells = append(cells, row[i])
		}
		rows = append(rows, cells)
	}
	if hasValues {
		header = append(header, "Values")
	}
	for i := range rows {
		for len(rows[i]) < len(header)-boolInt(hasValues) {
			rows[i] = append(rows[i], "")
		}
		if hasValues {
			rows[i] = append(rows[i], values[i])
		}
	}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = strLen(h) + 2
	}
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], strLen(c)+2)
		}
	}
	line := func(left, mid, right string) string {
		parts := make([]string, len(widths))
		for i, w := range widths {
			parts[i] = strings.Repeat("─", w)
		}
		return left + strings.Join(parts, mid) + right
	}
	renderRow := func(cells []string) string {
		var b strings.Builder
		b.WriteString("│")
		for i, c := range cells {
			needed := widths[i] - strLen(c)
			b.WriteString(strings.Repeat(" ", needed/2) + c + strings.Repeat(" ", needed-needed/2))
			if i < len(cells)-1 {
				b.WriteString("│")
			}
		}
		b.WriteString("│")
		return b.String()
	}
	out := []string{line("┌", "┬", "┐"), renderRow(header), line("├", "┼", "┤")}
	for _, row := range rows {
		out = append(out, renderRow(row))
	}
	out = append(out, line("└", "┴", "┘"))
	return strings.Join(out, "\n")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// warning prints a process warning to Stderr the way Node does, with "(sqzjs)" in place of
// "(node:PID)".
func (r *Runtime) warning(msg, typ, code string) {
	line := "(sqzjs) "
	if code != "" {
		line += "[" + code + "] "
	}
	if typ == "" {
		typ = "Warning"
	}
	_, _ = io.WriteString(r.opts.Stderr, line+typ+": "+msg+"\n")
}

// utilModule builds require('util').
func (r *Runtime) utilModule() goja.Value {
	vm := r.vm
	u := vm.NewObject()
	extras := r.preludeModules().Get("util").ToObject(vm)
	for _, k := range extras.Keys() {
		_ = u.Set(k, extras.Get(k))
	}
	_ = u.Set("format", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(r.format(call.Arguments, defaultInspectOptions()))
	})
	_ = u.Set("formatWithOptions", func(call goja.FunctionCall) goja.Value {
		opts := r.parseInspectOptions([]goja.Value{goja.Undefined(), call.Argument(0)})
		return vm.ToValue(r.format(call.Arguments[min(1, len(call.Arguments)):], opts))
	})
	_ = u.Set("inspect", r.utilInspectFunction())
	_ = u.Set("TextEncoder", r.prelude.Get("TextEncoder"))
	_ = u.Set("TextDecoder", r.prelude.Get("TextDecoder"))
	return u
}

// utilInspectFunction returns util.inspect, with its custom symbol and default options.
func (r *Runtime) utilInspectFunction() goja.Value {
	if r.inspectFn != nil {
		return r.inspectFn
	}
	vm := r.vm
	fn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(r.inspect(call.Argument(0), r.parseInspectOptions(call.Arguments)))
	}).(*goja.Object)
	_ = fn.Set("custom", r.inspectCustomSymbol())
	defaults := vm.NewObject()
	d := defaultInspectOptions()
	_ = defaults.Set("depth", d.depth)
	_ = defaults.Set("breakLength", d.breakLength)
	_ = defaults.Set("compact", d.compact)
	_ = defaults.Set("maxArrayLength", d.maxArrayLength)
	_ = defaults.Set("colors", false)
	_ = fn.Set("defaultOptions", defaults)
	r.inspectFn = fn
	return fn
}
