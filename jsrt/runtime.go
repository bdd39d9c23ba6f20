package jsrt

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
	"github.com/dop251/goja_nodejs/require"
	"github.com/dop251/goja_nodejs/url"
)

// DefaultCancelGrace is how long [Loop.Await] waits, once its context is done, for outstanding
// reservations to be released when [Options.CancelGrace] is zero.
const DefaultCancelGrace = 5 * time.Second

// Options configures a [Runtime]. Everything the script can see of the outside world comes from
// here: jsrt itself never touches the process environment, working directory or files.
type Options struct {
	// FS is the whole file system, rooted at "/": the file "/proj/a.js" is FS path "proj/a.js".
	// Production passes os.DirFS("/"); tests pass an fstest.MapFS. Required.
	FS fs.FS
	// Cwd is an absolute slash path ("/proj"): process.cwd(), path.resolve, fs's relative paths
	// and require calls made outside any file resolve against it. Default "/".
	Cwd string
	// Env is the initial process.env. The script may change its copy (dotenv does); the map is
	// not modified.
	Env map[string]string
	// Argv is process.argv.
	Argv []string
	// Stdout receives console.log/info/debug/dir/table/time* and process.stdout.write; Stderr
	// receives console.warn/error/trace/assert, process.stderr.write and warnings. Default
	// io.Discard. Writes happen on the loop; a writer shared with other goroutines must be safe
	// for that.
	Stdout, Stderr io.Writer
	// Now is the clock of Date, performance.now, process.hrtime/uptime and console.time. Default
	// time.Now. Timers always use the real clock.
	Now func() time.Time
	// CancelGrace bounds how long Await waits for outstanding reservations once its context is
	// done (default [DefaultCancelGrace]; negative waits as long as it takes).
	CancelGrace time.Duration
}

// Runtime is one goja VM with Node-like globals and modules, its [Loop] and its module cache.
// A Runtime serves a whole CLI invocation: a module required by several scripts is evaluated
// once.
//
// A Runtime is not safe for concurrent use. Its VM may only be used on the loop, that is inside
// [Loop.Await] (start functions, callbacks, timers) or, between Awaits, by the goroutine that
// drives them. Only [Runtime.Close] and the enqueue functions of [Loop.Reserve] may be called
// from other goroutines.
type Runtime struct {
	opts  Options
	vm    *goja.Runtime
	loop  *Loop
	reg   *require.Registry
	mods  *require.RequireModule
	start time.Time

	natives     map[string]bool // names require() serves without a file (built-in or registered)
	userNatives map[string]bool // names registered with RegisterNativeModule
	loading     []string        // files whose top-level code is running, innermost last
	pkgCache    map[string]*packageJSON
	prelude     *goja.Object
	modules     *goja.Object // prelude_modules.js's result, once one of its modules was required
	extra       *goja.Object // prelude_extra.js's result, once one of its parts was used
	hidden      *hiddenHelpers
	customSym   *goja.Symbol
	inspectFn   *goja.Object
	fsc         *fsClasses
	loadersObj  *goja.Object          // loaders.js's exports, once a loader hook or fallback was required
	loaderCache map[string]goja.Value // loader hooks and fallback modules already required

	mu          sync.Mutex
	moduleFiles map[string]bool // files served to goja_nodejs's require (their line 1 is shifted)
	transpiled  map[string]bool // files served transpiled by esbuild (positions come from their source map)
	closeOnce   sync.Once
}

// New builds a Runtime: a goja VM with require (over opts.FS), console, process, timers,
// Buffer, URL, TextEncoder/TextDecoder, performance and the built-in modules path, fs
// (read-only), os, util, events, assert, crypto, url, buffer, perf_hooks, timers and tty. It
// fails when opts.FS is nil or opts.Cwd is not absolute.
func New(opts Options) (*Runtime, error) {
	if opts.FS == nil {
		return nil, errors.New("jsrt: Options.FS is required")
	}
	if opts.Cwd == "" {
		opts.Cwd = "/"
	}
	if !path.IsAbs(opts.Cwd) {
		return nil, errors.New("jsrt: Options.Cwd must be an absolute slash path, got " + opts.Cwd)
	}
	opts.Cwd = path.Clean(opts.Cwd)
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.CancelGrace == 0 {
		opts.CancelGrace = DefaultCancelGrace
	}
	r := &Runtime{
		opts:        opts,
		vm:          goja.New(),
		natives:     map[string]bool{},
		userNatives: map[string]bool{},
		pkgCache:    map[string]*packageJSON{},
		moduleFiles: map[string]bool{},
		transpiled:  map[string]bool{},
		loaderCache: map[string]goja.Value{},
	}
	r.start = opts.Now()
	r.vm.SetTimeSource(goja.Now(opts.Now))
	r.vm.SetMaxCallStackSize(MaxCallStackSize)
	r.loop = newLoop(r)
	r.reg = require.NewRegistry(require.WithLoader(r.loadSource), require.WithPathResolver(r.joinPath))
	r.mods = r.reg.Enable(r.vm)
	for name, load := range r.builtinModules() {
		r.registerNative(name, load)
	}
	if err := r.installGlobals(); err != nil {
		return nil, err
	}
	return r, nil
}

// MaxCallStackSize is the depth of JS calls at which the script stops with
// V8's "RangeError: Maximum call stack size exceeded" (V8 stops at about this
// depth; goja's stop cannot be caught by the script): runaway recursion in a
// migration fails with an error naming its line instead of growing until the
// process runs out of memory.
const MaxCallStackSize = 10000

// VM returns the goja runtime. Use it only on the loop.
func (r *Runtime) VM() *goja.Runtime { return r.vm }

// Loop returns the event loop that runs this Runtime's JavaScript.
func (r *Runtime) Loop() *Loop { return r.loop }

// Cwd returns the working directory the Runtime was built with (cleaned, absolute).
func (r *Runtime) Cwd() string { return r.opts.Cwd }

// RegisterNativeModule makes require(name), and require("node:"+name), return the exports of a
// module built by load, which receives the VM and a module object whose "exports" property it
// fills or replaces. load runs on the loop, once, at the first require. A name registered here
// wins over jsrt's built-in module of the same name and over a blocked one (child_process, …).
// Call it before the first require of that name; later registrations do not affect a module
// already loaded.
func (r *Runtime) RegisterNativeModule(name string, load func(vm *goja.Runtime, module *goja.Object)) {
	r.userNatives[name] = true
	r.registerNative(name, load)
}

func (r *Runtime) registerNative(name string, load func(vm *goja.Runtime, module *goja.Object)) {
	r.natives[name] = true
	r.reg.RegisterNativeModule(name, load)
}

// Require loads a CommonJS module through the Runtime's module cache and returns its exports.
// path is an absolute file path (with or without extension, or a directory), a bare module
// name (searched in node_modules from Cwd upwards) or a path relative to Cwd. Call it on the
// loop, e.g. inside a start function of [Loop.Await].
//
// Errors: a [*ModuleNotFoundError] when nothing matches path; a [*ScriptError] when the module
// (or one it requires) throws while loading or has a syntax error (File/Line/Column name the
// place); an [*ExitError] if its top-level code called process.exit; the interrupt error of an
// ended context or a closed Runtime (which [Loop.Await] translates when Require runs inside
// it). A module that failed to load is not cached: requiring it again evaluates it again.
func (r *Runtime) Require(path string) (goja.Value, error) {
	v, err := r.catch(func() (goja.Value, error) { return r.require(path, "") })
	if err != nil && r.loop.exit != nil && isInterrupt(err) {
		return nil, r.loop.exit // process.exit in the module's top-level code
	}
	if err != nil {
		if nf, ok := err.(*ModuleNotFoundError); ok {
			return nil, nf
		}
		return nil, r.toScriptError(err)
	}
	return v, nil
}

// Close releases the Runtime: a running Await is interrupted and returns [ErrClosed], later
// Awaits return ErrClosed at once, and callbacks enqueued from now on are dropped. Close may be
// called from any goroutine and more than once; it does not wait.
func (r *Runtime) Close() {
	r.closeOnce.Do(func() {
		r.loop.close()
		r.vm.Interrupt(interruptClose)
	})
}

// catch runs f, turning a panic raised by goja (a JavaScript exception thrown through Go code)
// into an error. Other panics propagate.
func (r *Runtime) catch(f func() (goja.Value, error)) (v goja.Value, err error) {
	defer func() {
		if x := recover(); x != nil {
			switch x := x.(type) {
			case *goja.Exception:
				err = x
			case *goja.InterruptedError:
				err = x
			case *goja.StackOverflowError:
				err = x
			case goja.Value:
				err = r.valueError(x, "")
			default:
				panic(x)
			}
		}
	}()
	return f()
}

var (
	typePromise = reflect.TypeOf((*goja.Promise)(nil))
	typeProxy   = reflect.TypeOf(goja.Proxy{})
)

// asPromise returns the promise v is, or the promise Promise.resolve(v) makes for a thenable, or
// nil for any other value.
func (r *Runtime) asPromise(v goja.Value) *goja.Promise {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	if obj.ExportType() == typePromise {
		return obj.Export().(*goja.Promise)
	}
	if _, ok := goja.AssertFunction(obj.Get("then")); !ok {
		return nil
	}
	ctor := r.vm.Get("Promise").(*goja.Object)
	resolve, _ := goja.AssertFunction(ctor.Get("resolve"))
	p, err := resolve(ctor, v)
	if err != nil {
		return nil
	}
	return p.Export().(*goja.Promise)
}

// builtinModules lists the modules jsrt implements, by name.
func (r *Runtime) builtinModules() map[string]func(*goja.Runtime, *goja.Object) {
	exportsOf := func(build func() goja.Value) func(*goja.Runtime, *goja.Object) {
		return func(_ *goja.Runtime, module *goja.Object) {
			exports := build()
			nameFunctions(r.vm, exports)
			_ = module.Set("exports", exports)
		}
	}
	preludeExport := func(name string) func(*goja.Runtime, *goja.Object) {
		return exportsOf(func() goja.Value { return r.prelude.Get(name) })
	}
	modulesExport := func(name string) func(*goja.Runtime, *goja.Object) {
		return exportsOf(func() goja.Value { return r.preludeModules().Get(name) })
	}
	return map[string]func(*goja.Runtime, *goja.Object){
		"buffer":          buffer.Require,
		"url":             url.Require,
		"path":            exportsOf(r.pathModule),
		"path/posix":      exportsOf(func() goja.Value { return r.requireValue("path") }),
		"util/types":      exportsOf(func() goja.Value { return r.requireValue("util").ToObject(r.vm).Get("types") }),
		"fs":              exportsOf(r.fsModule),
		"fs/promises":     exportsOf(func() goja.Value { return r.requireValue("fs").ToObject(r.vm).Get("promises") }),
		"os":              exportsOf(r.osModule),
		"process":         exportsOf(func() goja.Value { return r.vm.Get("process") }),
		"console":         exportsOf(func() goja.Value { return r.vm.Get("console") }),
		"util":            exportsOf(r.utilModule),
		"crypto":          exportsOf(r.cryptoModule),
		"events":          modulesExport("events"),
		"stream":          modulesExport("stream"),
		"assert":          modulesExport("assert"),
		"assert/strict":   exportsOf(func() goja.Value { return r.preludeModules().Get("assert").ToObject(r.vm).Get("strict") }),
		"timers":          preludeExport("timers"),
		"timers/promises": preludeExport("timersPromises"),
		"tty":             modulesExport("tty"),
		"perf_hooks":      modulesExport("perfHooks"),
		"module":          exportsOf(r.moduleModule),
	}
}

// requireValue loads a native module from Go code running on the loop, panicking (as goja
// expects inside native functions) if it fails.
func (r *Runtime) requireValue(name string) goja.Value {
	v, err := r.mods.Require(name)
	if err != nil {
		panic(err)
	}
	return v
}

// installGlobals defines the Node-like globals.
func (r *Runtime) installGlobals() error {
	vm := r.vm
	g := vm.GlobalObject()
	if err := g.Set("global", g); err != nil {
		return err
	}
	if err := g.Set("require", r.requireFunction()); err != nil {
		return err
	}
	r.installTimers()
	if err := r.installPrelude(); err != nil {
		return err
	}
	process, console := r.processObject(), r.consoleObject()
	nameFunctions(r.vm, process)
	nameFunctions(r.vm, console)
	if err := g.Set("process", process); err != nil {
		return err
	}
	if err := g.Set("console", console); err != nil {
		return err
	}
	_, err := r.catch(func() (goja.Value, error) {
		buffer.Enable(vm)
		patch, _ := goja.AssertFunction(r.prelude.Get("patchBuffer"))
		if _, err := patch(goja.Undefined(), vm.Get("Buffer")); err != nil {
			return nil, err
		}
		url.Enable(vm)
		for _, name := range []string{"queueMicrotask", "TextEncoder", "TextDecoder", "performance", "structuredClone"} {
			if err := g.Set(name, r.prelude.Get(name)); err != nil {
				return nil, err
			}
		}
		if err := g.Set("crypto", r.webCrypto()); err != nil {
			return nil, err
		}
		nameGlobals(vm)
		return nil, nil
	})
	return err
}

// globalNames are the enumerable own properties of the global object once installGlobals has run,
// in their order: every one of them is a global jsrt (or goja_nodejs's buffer and url) defines;
// goja's own builtins are not enumerable.
var globalNames = []string{
	"require", "global", "setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval",
	"clearImmediate", "process", "console", "Buffer", "URL", "URLSearchParams", "queueMicrotask",
	"TextEncoder", "TextDecoder", "performance", "structuredClone", "crypto",
}

// nameFunctions renames the Go-implemented functions found in obj's own properties (and in
// nested plain objects) after their property: goja names them after their Go symbol
// ("github.com/…/jsrt.(*Runtime).fsModule.func3"), which util.inspect and stack traces would
// show.
func nameFunctions(vm *goja.Runtime, v goja.Value) {
	if obj, ok := v.(*goja.Object); ok {
		n := functionNamer{vm: vm, seen: map[*goja.Object]bool{}}
		n.walk(obj, obj.Keys(), 0)
	}
}

// nameGlobals is nameFunctions over the global object, whose enumerable properties are
// globalNames: listing them with Keys would materialise every builtin goja defines lazily.
// process and console, named before they were installed, are not walked again.
func nameGlobals(vm *goja.Runtime) {
	n := functionNamer{vm: vm, seen: map[*goja.Object]bool{}}
	g := vm.GlobalObject()
	for _, name := range []string{"process", "console"} {
		n.seen[g.Get(name).(*goja.Object)] = true
	}
	n.walk(g, globalNames, 0)
}

type functionNamer struct {
	vm   *goja.Runtime
	seen map[*goja.Object]bool
}

// walk names the functions among obj's properties keys and walks into them, down to depth 3.
func (n functionNamer) walk(obj *goja.Object, keys []string, depth int) {
	if n.seen[obj] || depth > 3 {
		return
	}
	n.seen[obj] = true
	for _, k := range keys {
		child, ok := obj.Get(k).(*goja.Object)
		if !ok {
			continue
		}
		if _, isFunc := goja.AssertFunction(child); isFunc {
			if name := child.Get("name"); name != nil && strings.Contains(name.String(), "/") {
				_ = child.DefineDataProperty("name", n.vm.ToValue(k), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
			}
		} else if child.ClassName() != "Object" || child.ExportType() == typeProxy {
			continue // process.env, the only proxy among them, holds strings only
		}
		if !n.seen[child] && depth < 3 {
			n.walk(child, child.Keys(), depth+1)
		}
	}
}

// sortedKeys returns the keys of m in order, so JavaScript objects built from Go maps have a
// deterministic property order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
