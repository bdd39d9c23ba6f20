package jsrt

import (
	_ "embed"
	"sync"
	"time"

	"github.com/dop251/goja"
)

//go:embed prelude.js
var preludeSource string

// preludeName is the file name of the prelude in stack traces; it is not absolute, so its frames
// never count as the user's.
const preludeName = "node:internal/jsrt/prelude.js"

var compilePrelude = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile(preludeName, preludeSource, true)
})

//go:embed prelude_modules.js
var preludeModulesSource string

// preludeModulesName is the file name of prelude_modules.js in stack traces.
const preludeModulesName = "node:internal/jsrt/prelude_modules.js"

var compilePreludeModules = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile(preludeModulesName, preludeModulesSource, true)
})

//go:embed prelude_extra.js
var preludeExtraSource string

// preludeExtraName is the file name of prelude_extra.js in stack traces.
const preludeExtraName = "node:internal/jsrt/prelude_extra.js"

var compilePreludeExtra = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile(preludeExtraName, preludeExtraSource, true)
})

// isPreludeFile reports a file of jsrt's own JavaScript, whose frames are not the script's.
func isPreludeFile(src string) bool {
	return src == preludeName || src == preludeModulesName || src == preludeExtraName
}

// preludeExtra returns what prelude_extra.js builds (structuredClone's algorithm, unsupported
// module stubs, CallSite), compiling and running it on the first call, from the prelude.
func (r *Runtime) preludeExtra() *goja.Object {
	if r.extra == nil {
		r.extra = r.runWrapped(compilePreludeExtra, goja.Undefined())
	}
	return r.extra
}

// preludeModules returns what prelude_modules.js builds (events, assert, util's helpers, stream,
// perf_hooks, tty), compiling and running it on the first call. It runs on the loop, from the
// loaders of those modules, and panics, as native functions do, if the file fails.
func (r *Runtime) preludeModules() *goja.Object {
	if r.modules != nil {
		return r.modules
	}
	r.modules = r.runWrapped(compilePreludeModules, r.prelude.Get("shared"))
	return r.modules
}

// runWrapped runs the program compile returns, a function expression, and calls the function with
// arg, returning its result. It runs on the loop and panics, as native functions do, on failure.
func (r *Runtime) runWrapped(compile func() (*goja.Program, error), arg goja.Value) *goja.Object {
	prg, err := compile()
	if err != nil {
		panic(err)
	}
	fn, err := r.vm.RunProgram(prg)
	if err != nil {
		panic(err)
	}
	call, _ := goja.AssertFunction(fn)
	res, err := call(goja.Undefined(), arg)
	if err != nil {
		panic(err)
	}
	return res.ToObject(r.vm)
}

// hiddenHelpers are prelude functions the Go inspector calls.
type hiddenHelpers struct {
	descriptor, entries, fnSource, ownSymbols, tag, isArray, toISO, getTime, valueOf, isError goja.Callable
}

// installPrelude runs the prelude and keeps what it returns.
func (r *Runtime) installPrelude() error {
	prg, err := compilePrelude()
	if err != nil {
		return err
	}
	fn, err := r.vm.RunProgram(prg)
	if err != nil {
		return err
	}
	call, _ := goja.AssertFunction(fn)
	native := r.vm.NewObject()
	_ = native.Set("inspect", func(v goja.Value) string { return r.inspect(v, defaultInspectOptions()) })
	_ = native.Set("now", func() float64 { return r.sinceStart().Seconds() * 1000 })
	_ = native.Set("timeOrigin", float64(r.start.UnixNano())/1e6)
	_ = native.Set("extra", r.preludeExtra)
	_ = native.Set("uncaught", func(v goja.Value) {
		if r.loop.uncaught == nil {
			r.loop.uncaught = r.valueError(v, "")
		}
	})
	res, err := call(goja.Undefined(), native)
	if err != nil {
		return err
	}
	r.prelude = res.ToObject(r.vm)
	in := r.prelude.Get("internal").ToObject(r.vm)
	get := func(name string) goja.Callable {
		f, _ := goja.AssertFunction(in.Get(name))
		return f
	}
	r.hidden = &hiddenHelpers{
		descriptor: get("descriptor"), entries: get("entries"), fnSource: get("fnSource"),
		ownSymbols: get("ownSymbols"), tag: get("tag"), isArray: get("isArray"), toISO: get("toISO"),
		getTime: get("getTime"), valueOf: get("valueOf"), isError: get("isError"),
	}
	install, _ := goja.AssertFunction(r.prelude.Get("installStackAPI"))
	if _, err := install(goja.Undefined(), r.vm.ToValue(r.captureFrames)); err != nil {
		return err
	}
	return nil
}

// captureFrames lists the JavaScript frames of the current call stack for
// Error.captureStackTrace, innermost first, without the prelude's own and
// Go's frames.
func (r *Runtime) captureFrames() []map[string]any {
	stack := r.vm.CaptureCallStack(0, nil)
	out := make([]map[string]any, 0, len(stack))
	for _, sf := range stack {
		src := sf.SrcName()
		if isPreludeFile(src) || src == "" {
			continue
		}
		pos := sf.Position()
		f := Frame{Func: sf.FuncName(), File: src, Line: pos.Line, Column: pos.Column}
		if isGoFrame(f) || f.Line == 0 {
			continue
		}
		f.File = r.sourceFile(f.File)
		f.Line, f.Column = r.fixPosition(f.File, f.Line, f.Column)
		out = append(out, map[string]any{"file": f.File, "line": f.Line, "column": f.Column, "fn": f.Func})
	}
	return out
}

// sinceStart is the time elapsed on the Runtime's clock since New.
func (r *Runtime) sinceStart() time.Duration { return r.opts.Now().Sub(r.start) }
