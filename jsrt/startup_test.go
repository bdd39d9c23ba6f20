package jsrt

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

var updateShape = flag.Bool("update-shape", false, "rewrite testdata/prelude_modules_shape.txt")

// TestGlobalNames checks that globalNames lists the enumerable globals New defines, in order (it
// is what the Go functions among them are named from), and that each global function carries
// Node's name.
func TestGlobalNames(t *testing.T) {
	rt, err := New(Options{FS: fstest.MapFS{}, Cwd: "/proj"})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	v, err := rt.vm.RunString(`Object.keys(globalThis).join(',')`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.String(), strings.Join(globalNames, ","); got != want {
		t.Fatalf("enumerable globals\n got %s\nwant %s", got, want)
	}
	v, err = rt.vm.RunString(`Object.keys(globalThis)
		.filter((k) => typeof globalThis[k] === 'function' && globalThis[k].name !== k)
		.map((k) => k + ': ' + globalThis[k].name).join('\n')`)
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != "" {
		t.Fatalf("global functions not named as in Node:\n%s", v)
	}
}

// TestLazyPreludeParts checks that New compiles neither prelude_modules.js nor prelude_extra.js,
// and that the parts of prelude_extra.js work when first used.
func TestLazyPreludeParts(t *testing.T) {
	script := `
const out = [String(structuredClone), structuredClone.name, structuredClone.length];
const m = new Map([[1, { a: [new Date(0)] }]]);
const c = structuredClone(m);
out.push(c !== m && c.get(1).a[0].getTime() === 0 && c.get(1).a[0] !== m.get(1).a[0]);
try { structuredClone(Symbol('s')); } catch (e) { out.push(e.name + ': ' + e.message); }
const o = {};
Error.prepareStackTrace = (_, sites) => sites[0].constructor.name + ' ' + typeof sites[0].getFileName;
Error.captureStackTrace(o);
delete Error.prepareStackTrace;
out.push(o.stack);
try { require('child_process').spawn(); } catch (e) { out.push(e.code + ': ' + e.message); }
module.exports = out.join('\n');
`
	rt, err := New(Options{FS: fstest.MapFS{"proj/t.js": {Data: []byte(script)}}, Cwd: "/proj"})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if rt.modules != nil || rt.extra != nil {
		t.Fatal("New ran prelude_modules.js or prelude_extra.js")
	}
	v, err := rt.Require("/proj/t.js")
	if err != nil {
		t.Fatal(err)
	}
	want := "(v) => structuredClone(v)\nstructuredClone\n1\ntrue\nDataCloneError: Symbol(s) could not be cloned.\n" +
		"CallSite function\nERR_SQZJS_UNSUPPORTED_MODULE: Cannot use child_process.spawn in sqzjs: module \"child_process\" needs Node.js (required from /proj/t.js)"
	if v.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", v, want)
	}
}

// shapeScript describes the modules prelude_modules.js builds, and those around them, down to
// every own property's descriptor, function name and length, and prototype.
const shapeScript = `
const out = [];
const seen = new Map();
const protoName = (p) => p === null ? 'null' : seen.has(p) ? seen.get(p) : p === Object.prototype ? 'Object.prototype' :
  p === Function.prototype ? 'Function.prototype' : p === Error.prototype ? 'Error.prototype' : typeof p;
function describe(o, path, depth) {
  if (seen.has(o)) { out.push(path + ' -> ' + seen.get(o)); return; }
  seen.set(o, path);
  if (depth > 4) return;
  out.push(path + ' proto=' + protoName(Object.getPrototypeOf(o)));
  for (const k of Reflect.ownKeys(o)) {
    const desc = Object.getOwnPropertyDescriptor(o, k);
    const c = desc.value;
    let line = path + '.' + String(k) + ' ' + (desc.enumerable ? 'e' : '-') + (desc.configurable ? 'c' : '-') +
      ('value' in desc ? (desc.writable ? 'w' : '-') : 'a');
    if (!('value' in desc)) line += ' get=' + (desc.get && desc.get.name) + ' set=' + (desc.set && desc.set.name);
    else if (typeof c === 'function') line += ' function name=' + c.name + ' length=' + c.length;
    else if (typeof c === 'object' && c !== null) line += ' object';
    else if (k === 'timeOrigin') line += ' ' + typeof c;
    else line += ' ' + typeof c + '=' + String(c);
    out.push(line);
    if ('value' in desc && (typeof c === 'function' || (typeof c === 'object' && c !== null))) describe(c, path + '.' + String(k), depth + 1);
  }
}
const before = Object.getOwnPropertyNames(globalThis).join(',');
for (const m of ['events', 'assert', 'assert/strict', 'util', 'util/types', 'timers', 'timers/promises', 'tty', 'perf_hooks', 'stream']) {
  const x = require(m);
  if (require('node:' + m) !== x || require(m) !== x) out.push(m + ' is not the same object at each require');
  describe(x, m, 0);
}
if (Object.getOwnPropertyNames(globalThis).join(',') !== before) out.push('requiring the modules changed the globals');
out.join('\n') + '\n'`

// TestPreludeModulesShape checks that the modules of prelude_modules.js are built on first use
// only and keep the shape recorded in testdata/prelude_modules_shape.txt, which was recorded
// when they were still built by the prelude at start-up.
func TestPreludeModulesShape(t *testing.T) {
	rt, err := New(Options{FS: fstest.MapFS{}, Cwd: "/proj"})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if rt.modules != nil {
		t.Fatal("New ran prelude_modules.js")
	}
	v, err := rt.vm.RunString(shapeScript)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join("testdata", "prelude_modules_shape.txt")
	if *updateShape {
		if err := os.WriteFile(file, []byte(v.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("shape differs at line %d:\n got %s\nwant %s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("shape differs: %d lines, want %d", len(gl), len(wl))
	}
}
