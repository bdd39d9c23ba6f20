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

// moduleFiles are TypeScript and ES module files, as migrations, helpers and configs write them.
var moduleFiles = map[string]string{
	// An exported async function; the throw is on line 7, column 9.
	"/proj/m/1-named.ts": `import { QueryInterface } from 'sequelize';
import type { Other } from './types';

type Row = { id: number };

export async function up(queryInterface: QueryInterface, Sequelize: any): Promise<Row[]> {
  const rows: Row[] = [{ id: 1 }];
  if (queryInterface === 'throw') throw new Error('up failed in ts');
  return rows;
}
`,
	"/proj/m/2-default.ts": `const helper = require('./lib/helper');
export default {
  async up(qi: unknown): Promise<string> { return 'default ' + helper.name; },
  async down(): Promise<void> {},
};
`,
	"/proj/m/lib/helper.ts":                "export const name: string = 'ts helper';\n",
	"/proj/m/3-mixed.js":                   "import path from 'path';\nimport { name } from './lib/helper.js';\nmodule.exports = { up: async () => path.basename('/a/b.txt') + ' ' + name };\n",
	"/proj/m/4-esm.mjs":                    "export const up = async () => 'mjs';\n",
	"/proj/m/5-cts.cts":                    "const x: number = 5;\nmodule.exports = { up: async () => 'cts ' + x };\n",
	"/proj/m/6-bad.ts":                     "export async function up() {\n  const x: number = ;\n}\n",
	"/proj/m/7-uses-bad.js":                "// requires a broken helper\nmodule.exports = require('./6-bad');\n",
	"/proj/m/8-meta.mjs":                   "export const url = import.meta.url;\nexport const dir = import.meta.dirname;\nexport const file = import.meta.filename;\n",
	"/proj/m/9-forawait.ts":                "export async function up(): Promise<number> {\n  async function* gen() { yield 1; yield 2; }\n  let n = 0;\n  for await (const v of gen()) n += v;\n  return n;\n}\n",
	"/proj/m/10-late.ts":                   "\n\nexport async function up(): Promise<void> {\n  await Promise.resolve();\n  const o: any = null;\n  o.boom();\n}\n",
	"/proj/m/11-enum.ts":                   "enum Kind { A = 'a', B = 'b' }\nexport = { up: async () => Kind.B };\n",
	"/proj/m/12-class.ts":                  "class Box { private v: number; constructor(v: number) { this.v = v; } get(): number { return this.v; } }\nexport const up = async () => new Box(12).get();\n",
	"/proj/m/13-dynamic.js":                "module.exports = { up: async () => (await import('./lib/helper')).name };\n",
	"/proj/m/14-export-star.ts":            "export * from './lib/helper';\n",
	"/proj/m/15-namespace.ts":              "import * as pad from 'left-pad';\nimport padDefault from 'left-pad';\nimport * as path from 'path';\nexport const up = async () => pad('x', 3) + padDefault('y', 2) + pad.version + path.basename('/a/b');\n",
	"/proj/node_modules/left-pad/index.js": "module.exports = function leftPad(s, n) { s = String(s); while (s.length < n) s = '-' + s; return s; };\nmodule.exports.version = 'v1';\n",
	"/proj/m/16-class-namespace.ts":        "import * as Box from 'box';\nexport const box = new Box(16);\nexport { Box };\n",
	"/proj/node_modules/box/index.js":      "module.exports = class Box { constructor(v) { this.v = v; } get() { return this.v; } };\n",
	"/proj/esm/package.json":               `{"type": "module"}`,
	"/proj/esm/plain.js":                   "const v = 'module scope';\nexport default v;\n",
	"/proj/esm/sub/package.json":           `{"type": "commonjs"}`,
	"/proj/esm/sub/cjs.js":                 "module.exports = 'commonjs again';\n",
	"/proj/my dir/x.ts":                    "export function up(): never {\n  throw new Error('spaced');\n}\n",
}

// callUp requires file and returns what its up() (or default.up()) resolves to.
func callUp(t *testing.T, rt *jsrt.Runtime, file string, arg string) (goja.Value, error) {
	t.Helper()
	s, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		m, err := rt.Require(file)
		if err != nil {
			return nil, err
		}
		obj := m.ToObject(vm)
		up, ok := goja.AssertFunction(obj.Get("up"))
		if !ok {
			if d, isObj := obj.Get("default").(*goja.Object); isObj {
				up, ok = goja.AssertFunction(d.Get("up"))
			}
		}
		if !ok {
			return m, nil
		}
		return up(obj, vm.ToValue(arg))
	})
	return s.Value, err
}

func TestTranspiledModulesRun(t *testing.T) {
	t.Parallel()
	tests := []struct{ file, want string }{
		{"/proj/m/1-named.ts", "[object Object]"},
		{"/proj/m/2-default.ts", "default ts helper"},
		{"/proj/m/3-mixed.js", "b.txt ts helper"},
		{"/proj/m/4-esm.mjs", "mjs"},
		{"/proj/m/5-cts.cts", "cts 5"},
		{"/proj/m/9-forawait.ts", "3"},
		{"/proj/m/11-enum.ts", "b"},
		{"/proj/m/12-class.ts", "12"},
		{"/proj/m/13-dynamic.js", "ts helper"},
		{"/proj/m/15-namespace.ts", "--x-yv1b"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(moduleFiles))
			v, err := callUp(t, rt, tc.file, "")
			if err != nil {
				t.Fatal(err)
			}
			if got := v.String(); got != tc.want {
				t.Fatalf("up() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTranspiledModuleShapes(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(moduleFiles))
	jsrttest.RunOnLoop(t, rt, `
		const check = (cond, msg) => { if (!cond) throw new Error(msg); };
		const named = require('./m/1-named');
		check(named.__esModule === true && typeof named.up === 'function', 'named export');
		const def = require('./m/2-default.ts');
		check(def.__esModule === true && typeof def.default.up === 'function', 'default export');
		check(require('./esm/plain').default === 'module scope', 'type: module scope');
		check(require('./esm/sub/cjs') === 'commonjs again', 'nested type: commonjs');
		const meta = require('./m/8-meta.mjs');
		check(meta.url === 'file:///proj/m/8-meta.mjs', 'import.meta.url = ' + meta.url);
		check(meta.dir === '/proj/m' && meta.file === '/proj/m/8-meta.mjs', 'import.meta.dirname/filename');
		check(require('./m/14-export-star').name === 'ts helper', 'export *');
		check(require.resolve('./m/lib/helper') === '/proj/m/lib/helper.ts', 'require.resolve of a .ts file');
		const ns = require('./m/16-class-namespace.ts');
		check(ns.box instanceof ns.Box && ns.box.get() === 16 && ns.box instanceof require('box'), 'a class through import * as');
	`)
}

func TestTranspiledErrorsNameTheOriginalLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, arg string
		message         string
		at              string // file:line of ScriptError
		col             int
	}{
		{"throw in ts", "/proj/m/1-named.ts", "throw", "Error: up failed in ts", "/proj/m/1-named.ts:8", 41},
		{"TypeError after await", "/proj/m/10-late.ts", "", "TypeError: ", "/proj/m/10-late.ts:6", 0},
		{"syntax error in ts", "/proj/m/6-bad.ts", "", "SyntaxError: Unexpected \";\"", "/proj/m/6-bad.ts:2", 21},
		{"syntax error in a required ts helper", "/proj/m/7-uses-bad.js", "", "SyntaxError: Unexpected \";\"", "/proj/m/6-bad.ts:2", 21},
		{"path with a space", "/proj/my dir/x.ts", "", "Error: spaced", "/proj/my dir/x.ts:2", 9},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(moduleFiles))
			_, err := callUp(t, rt, tc.file, tc.arg)
			var se *jsrt.ScriptError
			if !errors.As(err, &se) {
				t.Fatalf("err = %#v, want *ScriptError", err)
			}
			if !strings.HasPrefix(se.Message, tc.message) {
				t.Errorf("Message = %q, want prefix %q", se.Message, tc.message)
			}
			at := se.File + ":" + itoa(se.Line)
			if at != tc.at || (tc.col != 0 && se.Column != tc.col) {
				t.Errorf("at %s:%d, want %s:%d\n%s", at, se.Column, tc.at, tc.col, se.Error())
			}
			if !strings.Contains(se.Error(), tc.at+":") {
				t.Errorf("stack does not name %s:\n%s", tc.at, se.Error())
			}
		})
	}
}

func TestSyntaxErrorOfRequiredTSIsCatchable(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(moduleFiles))
	jsrttest.RunOnLoop(t, rt, `
		try {
			require('./m/6-bad');
		} catch (e) {
			if (!(e instanceof SyntaxError)) throw new Error('not a SyntaxError: ' + e);
			if (!e.stack.includes('/proj/m/6-bad.ts:2:')) throw new Error('stack: ' + e.stack);
			return;
		}
		throw new Error('no error');
	`)
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
