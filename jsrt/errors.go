package jsrt

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// ScriptError is a JavaScript failure seen from Go: a synchronous throw, a rejected promise, an
// unhandled rejection or a syntax error. [Loop.Await] and [Runtime.Require] return it so callers
// see one type whichever way the script failed.
//
// Message is what Node prints on the first line ("TypeError: x is not a function"); for an
// unhandled rejection it starts with "Uncaught (in promise) ". File, Line and Column locate the
// first frame that belongs to a file (not to a native function or to jsrt's own prelude), or the
// position of a syntax error; they are empty when nothing located the failure (for example
// Promise.reject('x')). Value is the thrown or rejected value (nil for syntax errors); like every
// goja value it may only be used on the loop.
type ScriptError struct {
	Message string
	File    string
	Line    int
	Column  int
	// Frames is the JavaScript stack, innermost first, with Go-implemented frames removed.
	Frames []Frame
	Value  goja.Value
	cause  error
}

// Frame is one line of a JavaScript stack trace. File is "native" for functions implemented in
// Go or by the engine; Func is empty for anonymous functions and top-level code.
type Frame struct {
	Func   string
	File   string
	Line   int
	Column int
}

// String formats the frame as Node does after "at ": "fn (/abs/file.js:3:5)" or
// "/abs/file.js:3:5" when the function has no name.
func (f Frame) String() string {
	loc := f.File
	if f.File != "native" {
		loc = f.File + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
	}
	if f.Func == "" {
		return loc
	}
	return f.Func + " (" + loc + ")"
}

// Error returns the message followed by the Node-formatted stack, one "    at …" line per
// frame.
func (e *ScriptError) Error() string {
	if s := e.Stack(); s != "" {
		return e.Message + "\n" + s
	}
	return e.Message
}

// Stack returns the Node-formatted stack ("    at fn (/abs/file.js:3:5)" lines joined by
// newlines), or "" when no frame is known.
func (e *ScriptError) Stack() string {
	var b strings.Builder
	for i, f := range e.Frames {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("    at ")
		b.WriteString(f.String())
	}
	return b.String()
}

// StackTrace returns the message and the stack, as Error does; it is the capability a CLI looks
// for (with errors.As) to decide to print a JavaScript stack rather than a Go error.
func (e *ScriptError) StackTrace() string { return e.Error() }

// Unwrap returns the Go error carried by the thrown value when it was made with
// [goja.Runtime.NewGoError] (or is an error jsrt itself raised, such as a [*ModuleNotFoundError]
// or an [*FSError] from the fs shim), so errors.As can reach a database error that crossed
// through JavaScript. It returns nil otherwise.
func (e *ScriptError) Unwrap() error { return e.cause }

// ExitError reports that the script called process.exit(Code). The script stopped at that call
// (it is not catchable and no finally block runs); [Loop.Await] returns it once outstanding
// reservations were released.
type ExitError struct {
	Code int
}

// Error reads "process.exit(3) called".
func (e *ExitError) Error() string { return "process.exit(" + strconv.Itoa(e.Code) + ") called" }

// ExitCode returns Code, for a CLI that maps errors to exit statuses.
func (e *ExitError) ExitCode() int { return e.Code }

// goStackLine matches one frame line of a goja stack property ("\tat fn (file:1:2(3))") or of a
// Node-formatted one ("    at fn (file:1:2)").
var (
	goStackLine   = lazyre.MustCompile(`^\s+at (?:(.*) \()?(.+):(\d+):(\d+)(?:\(\d+\))?\)?$`)
	nativeLine    = lazyre.MustCompile(`^\s+at (?:(.*) \()?native\)?$`)
	syntaxMessage = lazyre.MustCompile(`^(?:SyntaxError: )*(.+): Line (\d+):(\d+) (.*?)(?: \(and \d+ more errors\))?$`)
)

// parseStack splits a stack property into the message part and its frames. ok is false when the
// text holds no frame line at all.
func parseStack(stack string) (msg string, frames []Frame, ok bool) {
	lines := strings.Split(strings.TrimRight(stack, "\n"), "\n")
	first := len(lines)
	for i, l := range lines {
		if goStackLine().MatchString(l) || nativeLine().MatchString(l) {
			first = i
			break
		}
	}
	if first == len(lines) {
		return stack, nil, false
	}
	for _, l := range lines[first:] {
		if m := goStackLine().FindStringSubmatch(l); m != nil {
			line, _ := strconv.Atoi(m[3])
			col, _ := strconv.Atoi(m[4])
			frames = append(frames, Frame{Func: m[1], File: m[2], Line: line, Column: col})
		} else if m := nativeLine().FindStringSubmatch(l); m != nil {
			frames = append(frames, Frame{Func: m[1], File: "native"})
		}
	}
	return strings.Join(lines[:first], "\n"), frames, true
}

// isGoFrame reports a frame of a Go function: goja names those after their Go symbol
// ("github.com/x/y.(*T).m-fm"), which means nothing to a script author.
func isGoFrame(f Frame) bool { return f.File == "native" && strings.Contains(f.Func, "/") }

// userFrame reports whether a frame belongs to a file of the project (absolute path).
func userFrame(f Frame) bool { return strings.HasPrefix(f.File, "/") }

// fixFrames removes Go frames and corrects columns on line 1 of files loaded through require,
// whose source sits behind the CommonJS wrapper on the same line.
func (r *Runtime) fixFrames(frames []Frame) []Frame {
	out := frames[:0:0]
	for _, f := range frames {
		if isGoFrame(f) {
			continue
		}
		f.File = r.sourceFile(f.File)
		f.Line, f.Column = r.fixPosition(f.File, f.Line, f.Column)
		out = append(out, f)
	}
	return out
}

// nodeStack rewrites a goja stack property into Node's format: four-space "at" lines, no
// program counters, no Go frames.
func (r *Runtime) nodeStack(stack string) string {
	msg, frames, ok := parseStack(stack)
	if !ok {
		return strings.TrimRight(stack, "\n")
	}
	e := &ScriptError{Message: msg, Frames: r.fixFrames(frames)}
	return e.Error()
}

func (e *ScriptError) locate() {
	for _, f := range e.Frames {
		if userFrame(f) {
			e.File, e.Line, e.Column = f.File, f.Line, f.Column
			return
		}
	}
}

// toScriptError turns an error returned by goja into a *ScriptError where it is one of goja's
// script failures; other errors are returned unchanged.
func (r *Runtime) toScriptError(err error) error {
	var se *ScriptError
	if errors.As(err, &se) {
		return err
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		return r.stackOverflowError(so)
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		if _, interrupted := err.(*goja.InterruptedError); !interrupted {
			return r.exceptionError(ex)
		}
		return err
	}
	var syn *goja.CompilerSyntaxError
	var te *TranspileError
	if errors.As(err, &syn) || errors.As(err, &te) {
		return r.syntaxError(err)
	}
	return err
}

// exceptionError builds a ScriptError from a synchronous throw.
func (r *Runtime) exceptionError(ex *goja.Exception) *ScriptError {
	e := r.valueError(ex.Value(), "")
	if len(e.Frames) == 0 {
		e.Frames = r.gojaFrames(ex.Stack())
		if e.File == "" {
			e.locate()
		}
	}
	if e.cause == nil {
		e.cause = ex.Unwrap()
	}
	return e
}

// overflowFrames is how many of the innermost frames a stack overflow
// reports, as V8's default Error.stackTraceLimit.
const overflowFrames = 10

// stackOverflowError reports a call deeper than MaxCallStackSize as V8
// does: RangeError: Maximum call stack size exceeded, at the innermost
// frames. (goja makes it uncatchable: the migration fails with it.)
func (r *Runtime) stackOverflowError(so *goja.StackOverflowError) *ScriptError {
	st := so.Stack()
	if len(st) > overflowFrames {
		st = st[:overflowFrames]
	}
	e := &ScriptError{Message: "RangeError: Maximum call stack size exceeded", Frames: r.gojaFrames(st)}
	e.locate()
	return e
}

// gojaFrames converts goja's stack frames, innermost first.
func (r *Runtime) gojaFrames(stack []goja.StackFrame) []Frame {
	var frames []Frame
	for _, f := range stack {
		fr := Frame{Func: f.FuncName(), File: f.SrcName()}
		if fr.Func == "<anonymous>" {
			fr.Func = ""
		}
		if fr.File != "<native>" {
			p := f.Position()
			fr.Line, fr.Column = p.Line, p.Column
		} else {
			fr.File = "native"
		}
		frames = append(frames, fr)
	}
	return r.fixFrames(frames)
}

// valueError builds a ScriptError from a thrown or rejected value. prefix is prepended to the
// message ("Uncaught (in promise) " for unhandled rejections).
func (r *Runtime) valueError(v goja.Value, prefix string) (e *ScriptError) {
	e = &ScriptError{Value: v}
	defer func() {
		// Reading the value runs JavaScript (getters, proxies) that may throw or be interrupted;
		// a failure report must not fail itself.
		if x := recover(); x != nil && e.Message == "" {
			e.Message = prefix + "[a thrown value that cannot be displayed]"
		}
	}()
	obj, isObj := v.(*goja.Object)
	if isObj {
		e.cause = goErrorOf(obj)
		if st := obj.Get("stack"); st != nil && goja.IsString(st) && st.String() != "" {
			msg, frames, _ := parseStack(st.String())
			e.Message = strings.TrimRight(msg, "\n")
			e.Frames = r.fixFrames(frames)
		} else if obj.ClassName() == "Error" {
			e.Message = errorToString(obj)
		}
	}
	if e.Message == "" {
		e.Message = r.describe(v)
	}
	if m := syntaxMessage().FindStringSubmatch(e.Message); m != nil && isSyntaxError(obj) {
		// A SyntaxError raised by goja's compiler (eval, RunScript): its position is only in the
		// message.
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		line, col = r.fixPosition(m[1], line, col)
		e.Message = "SyntaxError: " + m[4]
		e.Frames = append([]Frame{{File: m[1], Line: line, Column: col}}, e.Frames...)
	}
	e.Message = prefix + e.Message
	e.locate()
	return e
}

func isSyntaxError(obj *goja.Object) bool {
	if obj == nil {
		return false
	}
	n := obj.Get("name")
	return n != nil && n.String() == "SyntaxError"
}

// describe renders a thrown value that is not an Error with a stack: strings as they are, other
// values as util.inspect would.
func (r *Runtime) describe(v goja.Value) (s string) {
	if v == nil {
		return "undefined"
	}
	if goja.IsString(v) {
		return v.String()
	}
	defer func() {
		if recover() != nil {
			s = "[value that cannot be displayed]"
		}
	}()
	return r.inspect(v, defaultInspectOptions())
}

// syntaxError converts a compile error of a required file: goja's, or esbuild's for a file it
// transpiles (which names the original file and line).
func (r *Runtime) syntaxError(err error) error {
	var file, msg string
	var line, col int
	var te *TranspileError
	var syn *goja.CompilerSyntaxError
	switch {
	case errors.As(err, &te):
		file, line, col, msg = te.File, te.Line, te.Column, te.Message
	case errors.As(err, &syn):
		file, line, col, msg = r.syntaxPosition(syn)
	default:
		return err
	}
	e := &ScriptError{Message: "SyntaxError: " + msg, cause: err}
	if file != "" {
		e.Frames = []Frame{{File: file, Line: line, Column: col}}
		e.File, e.Line, e.Column = file, line, col
	}
	return e
}

// syntaxPosition extracts file, line, column and message from a compile error. goja reports
// parser errors only as text ("file: Line 3:5 Unexpected token") and compiler errors with a
// file and an offset.
func (r *Runtime) syntaxPosition(syn *goja.CompilerSyntaxError) (file string, line, col int, msg string) {
	msg = syn.Message
	if syn.File != nil {
		p := syn.File.Position(syn.Offset)
		file = p.Filename
		line, col = r.fixPosition(p.Filename, p.Line, p.Column)
	} else if m := syntaxMessage().FindStringSubmatch(syn.Message); m != nil {
		line, _ = strconv.Atoi(m[2])
		col, _ = strconv.Atoi(m[3])
		file, msg = m[1], m[4]
		line, col = r.fixPosition(file, line, col)
	}
	return file, line, col, msg
}

// goErrorOf returns the Go error a GoError object (vm.NewGoError) carries in its "value"
// property, or nil.
func goErrorOf(obj *goja.Object) error {
	if obj == nil {
		return nil
	}
	v := obj.Get("value")
	if v == nil {
		return nil
	}
	err, _ := v.Export().(error)
	return err
}

// newNodeError builds a JavaScript Error that wraps the Go error err (so [ScriptError.Unwrap]
// and goja's Exception.Unwrap give it back) but looks like a Node error: name is the given
// constructor name ("Error", "TypeError"), and props are set as own enumerable properties (code,
// syscall, path, …). The Go error is kept in a non-enumerable "value" property.
func (r *Runtime) newNodeError(err error, name string, props ...any) *goja.Object {
	obj := r.vm.NewGoError(err)
	_ = obj.DefineDataProperty("value", r.vm.ToValue(err), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = obj.DefineDataProperty("name", r.vm.ToValue(name), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if proto := r.errorPrototype(name); proto != nil {
		_ = obj.SetPrototype(proto)
	}
	for i := 0; i+1 < len(props); i += 2 {
		_ = obj.Set(fmt.Sprint(props[i]), props[i+1])
	}
	return obj
}

// errorPrototype returns the prototype of a global error constructor other than Error (for which
// the GoError prototype, itself inheriting from Error.prototype, is kept so Unwrap still works).
func (r *Runtime) errorPrototype(name string) *goja.Object {
	if name == "Error" {
		return nil
	}
	ctor, ok := r.vm.Get(name).(*goja.Object)
	if !ok {
		return nil
	}
	proto, _ := ctor.Get("prototype").(*goja.Object)
	return proto
}

// errInvalidArg is Node's ERR_INVALID_ARG_TYPE message.
func errInvalidArg(name, typ string, v goja.Value) error {
	return errString(`The "` + name + `" argument must be of type ` + typ + `. Received ` + describeReceived(v))
}

func describeReceived(v goja.Value) string {
	switch t := typeOf(v); t {
	case "undefined":
		return "undefined"
	case "function":
		return "function " + v.(*goja.Object).Get("name").String()
	case "object":
		if goja.IsNull(v) {
			return "null"
		}
		if c, ok := v.(*goja.Object).Get("constructor").(*goja.Object); ok {
			if n := c.Get("name"); n != nil && n.String() != "" {
				return "an instance of " + n.String()
			}
		}
		return "an object"
	case "string":
		s := v.String()
		if len(s) > 28 {
			s = s[:25] + "..."
		}
		return "type string (" + quoteJSString(s) + ")"
	default:
		return "type " + t + " (" + v.String() + ")"
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
