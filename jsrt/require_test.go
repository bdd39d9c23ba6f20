package jsrt_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/jsrt"
	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

// projectFiles is a small project: helpers, a JSON file, .cjs, a directory module, packages in
// node_modules with main and exports, and a counter to observe how often a module is evaluated.
var projectFiles = map[string]string{
	"/proj/lib/helper.js":                         "globalThis.helperLoads = (globalThis.helperLoads || 0) + 1;\nexports.name = 'helper'; exports.file = __filename; exports.dir = __dirname;",
	"/proj/lib/a.js":                              "module.exports = require('./helper');",
	"/proj/lib/b.js":                              "module.exports = require('../lib/helper.js');",
	"/proj/lib/both.js":                           "module.exports = require('./x');",
	"/proj/lib/x.js":                              "module.exports = 'x.js';",
	"/proj/lib/x.json":                            `{"from": "x.json"}`,
	"/proj/lib/onlyjson.json":                     `{"answer": 42}`,
	"/proj/lib/mod.cjs":                           "module.exports = 'cjs';",
	"/proj/lib/dir/index.js":                      "module.exports = 'dir index';",
	"/proj/lib/pkgdir/package.json":               `{"main": "./main.js"}`,
	"/proj/lib/pkgdir/main.js":                    "module.exports = 'pkgdir main';",
	"/proj/lib/cycle-a.js":                        "exports.a = 1; const b = require('./cycle-b'); exports.fromB = b.b;",
	"/proj/lib/cycle-b.js":                        "const a = require('./cycle-a'); exports.b = 'b saw a=' + a.a;",
	"/proj/lib/throws.js":                         "globalThis.throwLoads = (globalThis.throwLoads || 0) + 1;\nthrow new Error('load failed');",
	"/proj/lib/missing-dep.js":                    "require('./nope');",
	"/proj/node_modules/lodash-lite/package.json": `{"name": "lodash-lite", "main": "lib/index.js"}`,
	"/proj/node_modules/lodash-lite/lib/index.js": "module.exports = { chunk: 'chunk' };",
	"/proj/node_modules/lodash-lite/fp.js":        "module.exports = 'fp';",
	"/proj/node_modules/modern/package.json":      `{"name": "modern", "main": "old.js", "exports": {".": {"import": "./esm.mjs", "require": "./cjs.js"}, "./feature": "./src/feature.js", "./sub/*": "./sub/*.js"}}`,
	"/proj/node_modules/modern/cjs.js":            "module.exports = 'modern cjs';",
	"/proj/node_modules/modern/old.js":            "module.exports = 'modern old main';",
	"/proj/node_modules/modern/src/feature.js":    "module.exports = 'feature';",
	"/proj/node_modules/modern/sub/thing.js":      "module.exports = 'sub thing';",
	"/proj/node_modules/sugar/package.json":       `{"exports": "./entry.js"}`,
	"/proj/node_modules/sugar/entry.js":           "module.exports = 'sugar';",
	"/proj/node_modules/@scope/pkg/index.js":      "module.exports = 'scoped';",
	"/proj/db/migrations/1-x.js":                  "module.exports = require('lodash-lite').chunk;",
}

func TestRequireResolution(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		expr string // evaluated by RunOnLoop; must return a string
		want string
	}{
		{"relative", `require('./lib/x')`, "x.js"},
		{"absolute", `require('/proj/lib/x.js')`, "x.js"},
		{".js before .json", `require('./lib/both')`, "x.js"},
		{"json", `String(require('./lib/onlyjson').answer)`, "42"},
		{"json with extension", `require('./lib/x.json').from`, "x.json"},
		{"explicit .cjs", `require('./lib/mod.cjs')`, "cjs"},
		{"directory index.js", `require('./lib/dir')`, "dir index"},
		{"directory package.json main", `require('./lib/pkgdir')`, "pkgdir main"},
		{"__filename and __dirname", `require('./lib/helper').file + ' ' + require('./lib/helper').dir`, "/proj/lib/helper.js /proj/lib"},
		{"node_modules main", `require('lodash-lite').chunk`, "chunk"},
		{"node_modules subpath file", `require('lodash-lite/fp')`, "fp"},
		{"node_modules from a nested file", `require('./db/migrations/1-x')`, "chunk"},
		{"exports require condition", `require('modern')`, "modern cjs"},
		{"exports subpath", `require('modern/feature')`, "feature"},
		{"exports pattern", `require('modern/sub/thing')`, "sub thing"},
		{"exports string sugar", `require('sugar')`, "sugar"},
		{"scoped package", `require('@scope/pkg')`, "scoped"},
		{"cycle", `require('./lib/cycle-a').fromB`, "b saw a=1"},
		{"node: prefix is the same module", `String(require('node:path') === require('path'))`, "true"},
		{"fs/promises", `String(require('fs/promises') === require('fs').promises)`, "true"},
		{"require.resolve", `require.resolve('./lib/x') + ' ' + require.resolve('./lib/dir')`, "/proj/lib/x.js /proj/lib/dir/index.js"},
		{"require.resolve builtin", `require.resolve('node:fs')`, "node:fs"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(projectFiles))
			got := jsrttest.RunOnLoop(t, rt, "return "+tc.expr).String()
			if got != tc.want {
				t.Fatalf("%s = %q, want %q", tc.expr, got, tc.want)
			}
		})
	}
}

func TestRequireCacheEvaluatesOnce(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(projectFiles))
	// Two files require the same helper by different spellings; Go requires it too.
	if _, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		for _, p := range []string{"/proj/lib/a.js", "/proj/lib/b.js", "/proj/lib/helper"} {
			if _, err := rt.Require(p); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}); err != nil {
		t.Fatal(err)
	}
	v := jsrttest.RunOnLoop(t, rt, `return [globalThis.helperLoads, require('./lib/a') === require('./lib/b')].join()`)
	if v.String() != "1,true" {
		t.Fatalf("helper loads, same object = %s, want 1,true", v)
	}
}

func TestRequireErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		code string // a require call
		want []string
	}{
		{"missing relative", `require('./nope')`, []string{"Cannot find module './nope'", "MODULE_NOT_FOUND"}},
		{"missing package", `require('left-pad')`, []string{"Cannot find module 'left-pad'", "MODULE_NOT_FOUND"}},
		{"require stack", `require('./lib/missing-dep')`, []string{"Cannot find module './nope'\nRequire stack:\n- /proj/lib/missing-dep.js", "MODULE_NOT_FOUND"}},
		{"unsupported builtin used", `require('child_process').execSync('ls')`, []string{`Cannot use child_process.execSync in sqzjs: module "child_process" needs Node.js (required from /proj/jsrttest.js)`, "ERR_SQZJS_UNSUPPORTED_MODULE"}},
		{"unsupported with prefix constructed", `new (require('node:http').Agent)()`, []string{`Cannot use http.Agent in sqzjs: module "http" needs Node.js`}},
		{"unknown node: module", `require('node:nope')`, []string{"No such built-in module: node:nope", "ERR_UNKNOWN_BUILTIN_MODULE"}},
		{"not a string", `require(42)`, []string{`The "id" argument must be of type string. Received type number (42)`, "ERR_INVALID_ARG_TYPE"}},
		{"module throws", `require('./lib/throws')`, []string{"load failed"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(projectFiles))
			got := jsrttest.RunOnLoop(t, rt, `try { `+tc.code+`; return 'no error' } catch (e) { return e.message + ' ' + e.code }`).String()
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Fatalf("error = %q, want it to contain %q", got, w)
				}
			}
		})
	}
}

func TestFailedModuleIsNotCached(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(projectFiles))
	v := jsrttest.RunOnLoop(t, rt, `
		for (let i = 0; i < 2; i++) { try { require('./lib/throws') } catch (e) {} }
		return globalThis.throwLoads;`)
	if v.ToInteger() != 2 {
		t.Fatalf("a module that threw was evaluated %d times by two requires, want 2", v.ToInteger())
	}
}

func TestGoRequire(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(projectFiles))
	var missing, threw error
	var name string
	_, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		v, err := rt.Require("/proj/lib/helper.js")
		if err != nil {
			return nil, err
		}
		name = v.ToObject(vm).Get("name").String()
		_, missing = rt.Require("/proj/lib/absent.js")
		_, threw = rt.Require("/proj/lib/missing-dep.js")
		return nil, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if name != "helper" {
		t.Fatalf("name = %q", name)
	}
	var nf *jsrt.ModuleNotFoundError
	if !errors.As(missing, &nf) || nf.Request != "/proj/lib/absent.js" {
		t.Fatalf("missing module: err = %#v, want *ModuleNotFoundError for the path", missing)
	}
	// A nested missing module surfaces as a ScriptError that unwraps to the Go error.
	var se *jsrt.ScriptError
	if !errors.As(threw, &se) || !errors.As(threw, &nf) || nf.Request != "./nope" {
		t.Fatalf("nested missing module: err = %v, want a ScriptError unwrapping to ModuleNotFoundError", threw)
	}
	if se.File != "/proj/lib/missing-dep.js" || se.Line != 1 {
		t.Fatalf("ScriptError at %s:%d, want /proj/lib/missing-dep.js:1", se.File, se.Line)
	}
}

func TestRegisterNativeModule(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	load := func(name string) func(*goja.Runtime, *goja.Object) {
		return func(vm *goja.Runtime, module *goja.Object) { _ = module.Set("exports", name) }
	}
	rt.RegisterNativeModule("sequelize", load("native sequelize"))
	rt.RegisterNativeModule("fs", load("my fs"))
	rt.RegisterNativeModule("child_process", load("fake child_process"))
	v := jsrttest.RunOnLoop(t, rt, `return [require('sequelize'), require('node:fs'), require('child_process')].join('|')`)
	if v.String() != "native sequelize|my fs|fake child_process" {
		t.Fatalf("got %q", v)
	}
}
