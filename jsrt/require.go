package jsrt

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
)

// wrapperPrefix is what goja_nodejs puts before a module's source, on its first line.
const wrapperPrefix = "(function(exports,require,module,__filename,__dirname){"

// unsupportedModules are Node built-ins that cannot work without Node: requiring one throws a
// clear error instead of "Cannot find module".
var unsupportedModules = map[string]bool{
	"child_process": true, "net": true, "http": true, "https": true, "http2": true,
	"worker_threads": true, "cluster": true, "dgram": true, "tls": true, "vm": true,
	"dns": true, "inspector": true, "repl": true, "readline": true, "zlib": true,
	"v8": true, "async_hooks": true, "domain": true,
	"diagnostics_channel": true, "trace_events": true, "wasi": true, "punycode": true,
	"querystring": true, "constants": true, "sys": true, "test": true, "sea": true,
	"sqlite": true, "stream/promises": true, "stream/web": true, "readline/promises": true,
	"dns/promises": true, "path/win32": true, "string_decoder": true,
}

// ModuleNotFoundError reports a require request that matches no module. In JavaScript it is an
// Error with code "MODULE_NOT_FOUND" and a requireStack array, as in Node, so code that probes
// optional dependencies with try/catch keeps working.
type ModuleNotFoundError struct {
	// Request is the string given to require.
	Request string
	// RequireStack lists the requiring files, innermost first (empty for a require made outside
	// any file).
	RequireStack []string
}

// Error reads like Node's: "Cannot find module './x'" followed by the require stack.
func (e *ModuleNotFoundError) Error() string {
	msg := "Cannot find module '" + e.Request + "'"
	if len(e.RequireStack) > 0 {
		msg += "\nRequire stack:\n- " + strings.Join(e.RequireStack, "\n- ")
	}
	return msg
}

// codedError is an error whose JavaScript form carries a Node error code.
type codedError struct{ msg, code string }

func (e *codedError) Error() string { return e.msg }

// UnsupportedModuleError reports a require of a Node built-in that sqzjs cannot provide. require
// itself no longer fails (it returns a stub whose members throw when used); the type is kept for
// callers that report such modules.
type UnsupportedModuleError struct {
	Name string
	From string // requiring file, or "" outside any file
}

// Error names the module and the requiring file.
func (e *UnsupportedModuleError) Error() string {
	msg := `Cannot use module "` + e.Name + `" in sqzjs: it needs Node.js`
	if e.From != "" {
		msg += " (required from " + e.From + ")"
	}
	return msg
}

// fsPath maps an absolute slash path to a path of Options.FS.
func fsPath(abs string) string {
	p := strings.TrimPrefix(path.Clean("/"+abs), "/")
	if p == "" {
		return "."
	}
	return p
}

// absPath resolves p against the working directory.
func (r *Runtime) absPath(p string) string {
	if path.IsAbs(p) {
		return path.Clean(p)
	}
	return path.Join(r.opts.Cwd, p)
}

// loadSource is goja_nodejs's SourceLoader over Options.FS.
func (r *Runtime) loadSource(p string) ([]byte, error) {
	fp := fsPath(r.absPath(p))
	fi, err := fs.Stat(r.opts.FS, fp)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, require.ModuleFileDoesNotExistError
		}
		return nil, err
	}
	if fi.IsDir() {
		return nil, require.ModuleFileDoesNotExistError
	}
	data, err := fs.ReadFile(r.opts.FS, fp)
	if err != nil {
		return nil, err
	}
	abs := r.absPath(p)
	if kind := r.transpileKindOf(abs, data); kind != asIs {
		// The transpiled code starts on line 2 (see transpile): no column shift to correct.
		r.mu.Lock()
		r.transpiled[abs] = true
		r.mu.Unlock()
		return transpile(abs, data, kind)
	}
	r.mu.Lock()
	r.moduleFiles[abs] = true
	r.mu.Unlock()
	return data, nil
}

// joinPath is goja_nodejs's PathResolver: plain slash-path joining against Cwd, no symlink
// resolution (Options.FS has no notion of links).
func (r *Runtime) joinPath(base, p string) string {
	if path.IsAbs(p) {
		return path.Clean(p)
	}
	if base == "" || base == "." {
		return path.Join(r.opts.Cwd, p)
	}
	return r.absPath(path.Join(base, p))
}

// sourceFile turns the file name of a stack frame back into a path: goja names the frames of a
// file with a source map by a URL ("/my%20project/x.ts").
func (r *Runtime) sourceFile(file string) string {
	if !strings.Contains(file, "%") {
		return file
	}
	p, err := url.PathUnescape(file)
	if err != nil {
		return file
	}
	r.mu.Lock()
	ok := r.transpiled[p]
	r.mu.Unlock()
	if !ok {
		return file
	}
	return p
}

// fixPosition corrects a position in a file loaded through require: goja_nodejs puts its
// CommonJS wrapper on the first line, shifting that line's columns.
func (r *Runtime) fixPosition(file string, line, col int) (int, int) {
	if line != 1 {
		return line, col
	}
	r.mu.Lock()
	isModule := r.moduleFiles[file]
	r.mu.Unlock()
	if isModule {
		col -= len(wrapperPrefix)
		if col < 1 {
			col = 1
		}
	}
	return line, col
}

// requireFunction builds the global require function every module receives.
func (r *Runtime) requireFunction() *goja.Object {
	vm := r.vm
	fn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		id := r.requestArgument(call.Argument(0))
		v, err := r.require(id, r.callerFile())
		if err != nil {
			panic(r.throwable(err))
		}
		return v
	}).(*goja.Object)
	_ = fn.Set("resolve", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(r.resolveRequest(r.requestArgument(call.Argument(0)), r.callerFile()))
	})
	_ = fn.Set("cache", vm.NewObject())
	_ = fn.Set("extensions", vm.NewObject())
	return fn
}

// resolveRequest is require.resolve(id) called from the file from: the request itself for a
// built-in (or a loader hook or fallback jsrt serves), else the file it names. It panics with
// Node's MODULE_NOT_FOUND error when nothing matches.
func (r *Runtime) resolveRequest(id, from string) string {
	name := strings.TrimPrefix(id, "node:")
	if r.natives[name] || loaderHooks[name] {
		return id
	}
	file, ok := r.resolveModule(id, r.dirOf(from))
	if !ok && fallbackModules[name] {
		return id
	}
	if !ok {
		panic(r.throwable(r.notFound(id, from)))
	}
	return file
}

func (r *Runtime) requestArgument(v goja.Value) string {
	if !goja.IsString(v) {
		panic(r.newNodeError(errInvalidArg("id", "string", v), "TypeError", "code", "ERR_INVALID_ARG_TYPE"))
	}
	if v.String() == "" {
		panic(r.newNodeError(errors.New("The argument 'id' must be a non-empty string. Received ''"), "TypeError", "code", "ERR_INVALID_ARG_VALUE"))
	}
	return v.String()
}

// callerFile returns the file of the JavaScript function calling the current native function,
// or "" when that is not a file (top-level code run with a non-path name, or Go).
func (r *Runtime) callerFile() string {
	frames := r.vm.CaptureCallStack(2, nil)
	if len(frames) < 2 {
		return ""
	}
	if name := frames[1].SrcName(); path.IsAbs(name) {
		return name
	}
	return ""
}

func (r *Runtime) dirOf(file string) string {
	if file == "" {
		return r.opts.Cwd
	}
	return path.Dir(file)
}

// require implements require(request) called from the file from ("" for none).
func (r *Runtime) require(request, from string) (goja.Value, error) {
	name := request
	if bare, ok := strings.CutPrefix(request, "node:"); ok {
		if !r.natives[bare] && !unsupportedModules[bare] {
			return nil, &codedError{msg: "No such built-in module: " + request, code: "ERR_UNKNOWN_BUILTIN_MODULE"}
		}
		name = bare
	}
	if r.natives[name] {
		return r.mods.Require(name)
	}
	if unsupportedModules[name] {
		// Loading succeeds (libraries often only import such a module);
		// using it throws, naming the module and the requiring file.
		stub, _ := goja.AssertFunction(r.prelude.Get("unsupportedModule"))
		return stub(goja.Undefined(), r.vm.ToValue(name), r.vm.ToValue(from))
	}
	if loaderHooks[name] {
		return r.catch(func() (goja.Value, error) { return r.loaderModule("hook", name, from), nil })
	}
	file, ok := r.resolveModule(name, r.dirOf(from))
	if !ok {
		if fallbackModules[name] {
			return r.catch(func() (goja.Value, error) { return r.loaderModule("fallback", name, from), nil })
		}
		return nil, r.notFound(request, from)
	}
	r.loading = append(r.loading, file)
	defer func() { r.loading = r.loading[:len(r.loading)-1] }()
	return r.mods.Require(file)
}

func (r *Runtime) notFound(request, from string) *ModuleNotFoundError {
	e := &ModuleNotFoundError{Request: request}
	if from != "" {
		e.RequireStack = append(e.RequireStack, from)
	}
	for i := len(r.loading) - 1; i >= 0; i-- {
		if f := r.loading[i]; f != from {
			e.RequireStack = append(e.RequireStack, f)
		}
	}
	return e
}

// throwable turns an error of require into the value to throw in JavaScript.
func (r *Runtime) throwable(err error) any {
	var ex *goja.Exception
	if errors.As(err, &ex) || isInterrupt(err) {
		return err
	}
	var ce *codedError
	if errors.As(err, &ce) {
		return r.newNodeError(ce, "Error", "code", ce.code)
	}
	var nf *ModuleNotFoundError
	if errors.As(err, &nf) {
		stack := make([]any, len(nf.RequireStack))
		for i, s := range nf.RequireStack {
			stack[i] = s
		}
		return r.newNodeError(nf, "Error", "code", "MODULE_NOT_FOUND", "requireStack", stack)
	}
	var um *UnsupportedModuleError
	if errors.As(err, &um) {
		return r.newNodeError(um, "Error", "code", "ERR_SQZJS_UNSUPPORTED_MODULE")
	}
	var syn *goja.CompilerSyntaxError
	var te *TranspileError
	if errors.As(err, &syn) || errors.As(err, &te) {
		var file, msg string
		var line, col int
		if te != nil {
			file, line, col, msg = te.File, te.Line, te.Column, te.Message
		} else {
			file, line, col, msg = r.syntaxPosition(syn)
		}
		obj := r.newNodeError(err, "SyntaxError")
		_ = obj.Set("message", msg)
		stack := "SyntaxError: " + msg
		if file != "" {
			stack += "\n    at " + Frame{File: file, Line: line, Column: col}.String()
		}
		frames := r.vm.CaptureCallStack(0, nil)
		for _, f := range frames {
			if p := f.Position(); path.IsAbs(f.SrcName()) {
				stack += "\n    at " + Frame{Func: cleanFuncName(f.FuncName()), File: f.SrcName(), Line: p.Line, Column: p.Column}.String()
			}
		}
		_ = obj.Set("stack", stack)
		return obj
	}
	return r.newNodeError(err, "Error")
}

func cleanFuncName(n string) string {
	if n == "<anonymous>" {
		return ""
	}
	return n
}

// isPathRequest reports whether a require request names a file or directory rather than a
// package.
func isPathRequest(s string) bool {
	return s == "." || s == ".." || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../")
}

// resolveModule finds the file a require request names, with Node's algorithm: a path is tried
// as a file (exact, .js, .json), then as a directory (package.json "main", index.js,
// index.json); a bare name is looked up in node_modules folders from fromDir upwards, honouring
// package.json "exports" ("." and subpaths, with the "require", "node" and "default"
// conditions).
func (r *Runtime) resolveModule(request, fromDir string) (string, bool) {
	if isPathRequest(request) {
		p := path.Join(fromDir, request)
		if path.IsAbs(request) {
			p = path.Clean(request)
		}
		if strings.HasSuffix(request, "/") {
			return r.resolveDir(p)
		}
		return r.resolveFileOrDir(p)
	}
	for dir := fromDir; ; dir = path.Dir(dir) {
		if path.Base(dir) != "node_modules" {
			if f, ok := r.resolvePackage(path.Join(dir, "node_modules"), request); ok {
				return f, true
			}
		}
		if dir == "/" || dir == "." {
			return "", false
		}
	}
}

func (r *Runtime) resolvePackage(nodeModules, request string) (string, bool) {
	name, sub := splitPackage(request)
	pkgDir := path.Join(nodeModules, name)
	if pj := r.packageJSON(pkgDir); pj != nil && pj.exports != nil {
		if target, ok := pj.exports.resolve(sub); ok {
			if f := path.Join(pkgDir, target); r.isFile(f) {
				return f, true
			}
		}
	}
	return r.resolveFileOrDir(path.Join(nodeModules, request))
}

// splitPackage splits "pkg/sub/path" or "@scope/pkg/sub" into the package name and the subpath
// as package.json "exports" spells it ("." or "./sub/path").
func splitPackage(request string) (name, sub string) {
	parts := strings.SplitN(request, "/", 3)
	n := 1
	if strings.HasPrefix(request, "@") && len(parts) > 1 {
		n = 2
	}
	if len(parts) <= n {
		return request, "."
	}
	name = strings.Join(parts[:n], "/")
	return name, "./" + strings.TrimPrefix(request, name+"/")
}

func (r *Runtime) resolveFileOrDir(p string) (string, bool) {
	if f, ok := r.resolveFile(p); ok {
		return f, true
	}
	return r.resolveDir(p)
}

func (r *Runtime) resolveFile(p string) (string, bool) {
	// Node's extensions, then TypeScript's (as with ts-node's require hook).
	for _, c := range [...]string{p, p + ".js", p + ".json", p + ".ts", p + ".cts", p + ".mts"} {
		if r.isFile(c) {
			return c, true
		}
	}
	// TypeScript written for Node's ES module resolution names its own .ts files with .js
	// (import './helper.js' for helper.ts), as tsc and tsx accept.
	for _, ext := range [...][2]string{{".js", ".ts"}, {".cjs", ".cts"}, {".mjs", ".mts"}} {
		if base, ok := strings.CutSuffix(p, ext[0]); ok && r.isFile(base+ext[1]) {
			return base + ext[1], true
		}
	}
	return "", false
}

func (r *Runtime) resolveDir(p string) (string, bool) {
	if pj := r.packageJSON(p); pj != nil && pj.Main != "" {
		m := path.Join(p, pj.Main)
		if f, ok := r.resolveFile(m); ok {
			return f, true
		}
		if f, ok := r.resolveIndex(m); ok {
			return f, true
		}
	}
	return r.resolveIndex(p)
}

func (r *Runtime) resolveIndex(dir string) (string, bool) {
	for _, c := range [...]string{"index.js", "index.json", "index.ts"} {
		if f := path.Join(dir, c); r.isFile(f) {
			return f, true
		}
	}
	return "", false
}

func (r *Runtime) isFile(p string) bool {
	fi, err := fs.Stat(r.opts.FS, fsPath(p))
	return err == nil && !fi.IsDir()
}

// packageJSON is the part of a package.json that module resolution reads.
type packageJSON struct {
	Main    string `json:"main"`
	Type    string `json:"type"` // "module" makes its .js files ES modules
	exports *jsonNode
}

// packageJSON reads and caches dir/package.json; nil when absent or invalid.
func (r *Runtime) packageJSON(dir string) *packageJSON {
	if pj, ok := r.pkgCache[dir]; ok {
		return pj
	}
	var pj *packageJSON
	if data, err := fs.ReadFile(r.opts.FS, fsPath(path.Join(dir, "package.json"))); err == nil {
		var raw struct {
			Main    string          `json:"main"`
			Type    string          `json:"type"`
			Exports json.RawMessage `json:"exports"`
		}
		if json.Unmarshal(data, &raw) == nil {
			pj = &packageJSON{Main: raw.Main, Type: raw.Type}
			if len(raw.Exports) > 0 {
				pj.exports, _ = parseJSONNode(raw.Exports)
			}
		}
	}
	r.pkgCache[dir] = pj
	return pj
}

// jsonNode is a JSON value that keeps object keys in order, as "exports" conditions need.
type jsonNode struct {
	str   *string
	keys  []string
	vals  []*jsonNode
	items []*jsonNode
}

func parseJSONNode(data []byte) (*jsonNode, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	return decodeNode(dec)
}

func decodeNode(dec *json.Decoder) (*jsonNode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	n := &jsonNode{}
	switch t := tok.(type) {
	case string:
		n.str = &t
	case json.Delim:
		switch t {
		case '{':
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeNode(dec)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, k.(string))
				n.vals = append(n.vals, v)
			}
		case '[':
			for dec.More() {
				v, err := decodeNode(dec)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
		}
		if _, err := dec.Token(); err != nil { // closing delimiter
			return nil, err
		}
	}
	return n, nil
}

// resolve finds the target of an "exports" field for a subpath ("." or "./x").
func (n *jsonNode) resolve(sub string) (string, bool) {
	if n.str != nil || n.items != nil || (len(n.keys) > 0 && !strings.HasPrefix(n.keys[0], ".")) {
		// Sugar: the whole field is the "." entry.
		if sub != "." {
			return "", false
		}
		return n.target("")
	}
	for i, k := range n.keys {
		if k == sub {
			return n.vals[i].target("")
		}
	}
	for i, k := range n.keys {
		if before, after, ok := strings.Cut(k, "*"); ok && strings.HasPrefix(sub, before) && strings.HasSuffix(sub, after) && len(sub) >= len(before)+len(after) {
			return n.vals[i].target(sub[len(before) : len(sub)-len(after)])
		}
	}
	return "", false
}

// target picks a conditional target for require() in Node and substitutes a "*" match.
func (n *jsonNode) target(star string) (string, bool) {
	switch {
	case n.str != nil:
		return strings.ReplaceAll(*n.str, "*", star), true
	case n.items != nil:
		for _, it := range n.items {
			if t, ok := it.target(star); ok {
				return t, true
			}
		}
	default:
		for i, k := range n.keys {
			if k == "require" || k == "node" || k == "default" {
				if t, ok := n.vals[i].target(star); ok {
					return t, true
				}
			}
		}
	}
	return "", false
}
