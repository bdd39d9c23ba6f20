package jsrt_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sqzjs/sqzjs/jsrt"
	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

// nodeCompatRuntime runs on testdata/nodecompat, read from disk.
func nodeCompatRuntime(t *testing.T) (*jsrt.Runtime, string) {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "nodecompat"))
	if err != nil {
		t.Fatal(err)
	}
	dir = filepath.ToSlash(dir)
	rt := jsrttest.NewRuntime(t, func(o *jsrt.Options) {
		o.FS = os.DirFS("/")
		o.Cwd = dir
	})
	return rt, dir
}

// TestCensusNodeFeatures runs a migration using every Node feature the
// census of real migration folders found (npm packages from node_modules,
// including an ES-module-only one, fs beside the file, crypto, performance,
// console.time, timers, util.promisify, Buffer, os, events).
func TestCensusNodeFeatures(t *testing.T) {
	t.Parallel()
	rt, dir := nodeCompatRuntime(t)
	v, err := callUp(t, rt, dir+"/migrations/20240101000000-census.js", "")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for k, x := range v.Export().(map[string]any) {
		got[k] = x
	}
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	checks := []struct {
		key string
		ok  func(any) bool
	}{
		{"sql", func(x any) bool { return x == "INSERT INTO tags (name) VALUES ('a');" }},
		{"uuid", func(x any) bool { return uuid.MatchString(x.(string)) }},
		{"globalUUID", func(x any) bool { return uuid.MatchString(x.(string)) }},
		{"sha", func(x any) bool { return x == "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881" }},
		{"md5", func(x any) bool { return x == "ndTkYSaMgDT1yFZOFVxnpg==" }},
		{"random", func(x any) bool { return len(x.(string)) == 16 }},
		{"elapsed", func(x any) bool { f, ok := x.(float64); return ok && f >= 5 }},
		{"promisified", func(x any) bool { return x == int64(38) }},
		{"buffer", func(x any) bool { return x == "aMOpbGxv" }},
		{"eol", func(x any) bool { return x == "\n" }},
		{"platform", func(x any) bool { return x == "string" }},
		{"event", func(x any) bool { return x == int64(42) }},
		{"nanoid", func(x any) bool { return regexp.MustCompile(`^[\w-]{21}$`).MatchString(x.(string)) }},
		{"slug", func(x any) bool { return x == "hello-world" }},
		{"pad", func(x any) bool { return x == "007" }},
	}
	for _, c := range checks {
		if x, ok := got[c.key]; !ok || !c.ok(x) {
			t.Errorf("%s = %#v", c.key, got[c.key])
		}
	}
	if out := jsrttest.Stdout(rt); !regexp.MustCompile(`^step: \d+(\.\d+)?ms\n$`).MatchString(out) {
		t.Errorf("console.time/timeEnd printed %q", out)
	}
}

// TestNodeOnlyModuleNamesFileLineAndModule: child_process loads (libraries
// only import it), and using it fails naming the module, the member and the
// file, at the line of the call.
func TestNodeOnlyModuleNamesFileLineAndModule(t *testing.T) {
	t.Parallel()
	rt, dir := nodeCompatRuntime(t)
	file := dir + "/migrations/20240102000000-shell.js"
	_, err := callUp(t, rt, file, "")
	var se *jsrt.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("err = %#v, want *ScriptError", err)
	}
	want := `Error: Cannot use child_process.execSync in sqzjs: module "child_process" needs Node.js (required from ` + file + `)`
	if se.Message != want || se.File != file || se.Line != 7 {
		t.Errorf("got %q at %s:%d, want %q at line 7", se.Message, se.File, se.Line, want)
	}
	if !strings.Contains(se.Error(), file+":7:") {
		t.Errorf("stack:\n%s", se.Error())
	}
}
