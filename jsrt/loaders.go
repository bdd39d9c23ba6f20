package jsrt

import (
	_ "embed"
	"net/url"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// loaderHooks are the modules projects require (in .sequelizerc, config files or with node -r)
// so that Node reads TypeScript and ES modules. jsrt transpiles such files itself, so requiring
// one of these gives a stand-in that does nothing, whether or not the package is installed (the
// real ones patch Node's module system, which goja does not have).
var loaderHooks = map[string]bool{
	"ts-node": true, "ts-node/register": true, "ts-node/register/transpile-only": true,
	"ts-node/register/files": true, "ts-node/register/type-check": true, "ts-node/esm": true,
	"ts-node/esm/transpile-only": true,
	"@babel/register":            true, "babel-register": true, "@babel/polyfill": true, "babel-polyfill": true,
	"tsx": true, "tsx/cjs": true, "tsx/esm": true, "tsx/cjs/api": true, "tsx/esm/api": true,
	"esm": true, "esbuild-register": true, "esbuild-register/dist/node": true,
	"@swc/register": true, "@swc-node/register": true, "@swc-node/register/register": true,
	"sucrase/register": true, "sucrase/register/ts": true,
	"source-map-support": true, "source-map-support/register": true,
}

// IsLoaderHook reports whether name is a module that only teaches Node to load TypeScript or ES
// modules (ts-node/register, @babel/register, tsx, esm, …): jsrt needs none of them.
func IsLoaderHook(name string) bool { return loaderHooks[name] }

// fallbackModules are served by jsrt when no installed package of that name is found.
var fallbackModules = map[string]bool{
	"dotenv": true, "dotenv/config": true, "@dotenvx/dotenvx": true, "@dotenvx/dotenvx/config": true,
}

//go:embed loaders.js
var loadersSource string

var compileLoaders = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile("node:internal/jsrt/loaders.js", loadersSource, true)
})

// loaders runs loaders.js once per Runtime (on the loop) and returns its exports.
func (r *Runtime) loaders() *goja.Object {
	if r.loadersObj != nil {
		return r.loadersObj
	}
	requireFrom := func(id, from string) goja.Value {
		v, err := r.require(id, from)
		if err != nil {
			panic(r.throwable(err))
		}
		return v
	}
	r.loadersObj = r.runWrapped(compileLoaders, r.vm.ToValue(requireFrom))
	return r.loadersObj
}

// loaderModule returns the exports of a loader hook or a fallback module, cached per name (the
// esm hook depends on the requiring file, so it is not cached).
func (r *Runtime) loaderModule(kind, name, from string) goja.Value {
	key := kind + ":" + name
	if v, ok := r.loaderCache[key]; ok && name != "esm" {
		return v
	}
	f, _ := goja.AssertFunction(r.loaders().Get(kind))
	v, err := f(goja.Undefined(), r.vm.ToValue(name), r.vm.ToValue(from))
	if err != nil {
		panic(err)
	}
	r.loaderCache[key] = v
	return v
}

// moduleModule is require('module'): createRequire, which ES modules use to load CommonJS and
// JSON files (createRequire(import.meta.url)), and the lists of built-in modules.
func (r *Runtime) moduleModule() goja.Value {
	vm := r.vm
	m := vm.NewObject()
	var names []string
	for n := range r.natives {
		if !r.userNatives[n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	_ = m.Set("builtinModules", names)
	_ = m.Set("isBuiltin", func(name string) bool {
		n := strings.TrimPrefix(name, "node:")
		return r.natives[n] || unsupportedModules[n]
	})
	_ = m.Set("createRequire", func(call goja.FunctionCall) goja.Value {
		from := call.Argument(0).String()
		if u, err := url.Parse(from); err == nil && u.Scheme == "file" {
			from = u.Path
		}
		if !path.IsAbs(from) {
			panic(r.newNodeError(errString("The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received "+quoteJSString(from)), "TypeError", "code", "ERR_INVALID_ARG_VALUE"))
		}
		if strings.HasSuffix(from, "/") {
			from += "noop.js" // a directory: requests resolve inside it
		}
		req := vm.ToValue(func(c goja.FunctionCall) goja.Value {
			v, err := r.require(r.requestArgument(c.Argument(0)), from)
			if err != nil {
				panic(r.throwable(err))
			}
			return v
		}).(*goja.Object)
		_ = req.Set("resolve", func(c goja.FunctionCall) goja.Value {
			return vm.ToValue(r.resolveRequest(r.requestArgument(c.Argument(0)), from))
		})
		_ = req.Set("cache", r.vm.Get("require").ToObject(vm).Get("cache"))
		return req
	})
	return m
}
