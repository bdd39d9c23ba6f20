package jsrt_test

import (
	"context"
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/jsrt"
	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

var errorFiles = map[string]string{
	"/proj/m.js":       "exports.up = function up() {\n  const x = 1;\n  throw new TypeError('x is not a function');\n};",
	"/proj/async.js":   "exports.up = async function up() {\n  await null;\n  throw new Error('x');\n};",
	"/proj/bad.js":     "const a = 1;\nconst b = ;\n",
	"/proj/bad1.js":    "const = 1;",
	"/proj/dup.js":     "let a = 1;\nlet a = 2;\n",
	"/proj/str.js":     "exports.up = () => { throw 'plain string' };",
	"/proj/bad.json":   "{ nope",
	"/proj/req-bad.js": "\nrequire('./bad');",
	"/proj/first.js":   "exports.up = () => null.boom;",
	"/proj/goerr.js":   "exports.up = () => failWithGoError();",
	"/proj/exit.js":    "exports.up = async () => { await null; process.exit(3); };",
	"/proj/esm.js":     "import path from 'path';\nexport default { up() {} };\nconst = ;",
}

var errSentinel = errors.New("database said no")

// runUp requires file, calls its up() and returns what Await returned.
func runUp(t *testing.T, file string) error {
	t.Helper()
	rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(errorFiles))
	_, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		_ = vm.Set("failWithGoError", func() { panic(vm.NewGoError(errSentinel)) })
		m, err := rt.Require(file)
		if err != nil {
			return nil, err
		}
		up, ok := goja.AssertFunction(m.ToObject(vm).Get("up"))
		if !ok {
			return m, nil
		}
		return up(goja.Undefined())
	})
	return err
}

func TestScriptErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file    string
		message string
		at      string // File:Line (and :Column when not 0)
		col     int
		stack   string // substring of Stack()
	}{
		{file: "/proj/m.js", message: "TypeError: x is not a function", at: "/proj/m.js:3", stack: "    at up (/proj/m.js:3:"},
		{file: "/proj/async.js", message: "Error: x", at: "/proj/async.js:3", stack: "/proj/async.js:3:"},
		{file: "/proj/bad.js", message: "SyntaxError: ", at: "/proj/bad.js:2", stack: "    at /proj/bad.js:2:"},
		{file: "/proj/bad1.js", message: "SyntaxError: ", at: "/proj/bad1.js:1", col: 7},
		{file: "/proj/dup.js", message: "SyntaxError: ", at: "/proj/dup.js:2"},
		{file: "/proj/req-bad.js", message: "SyntaxError: ", at: "/proj/bad.js:2", stack: "/proj/req-bad.js:2:"},
		{file: "/proj/bad.json", message: "SyntaxError", at: "/proj/bad.json:1"},
		{file: "/proj/str.js", message: "plain string", at: "/proj/str.js:1"},
		{file: "/proj/esm.js", message: "SyntaxError: ", at: "/proj/esm.js:3", stack: "/proj/esm.js:3:"},
		{file: "/proj/first.js", message: "TypeError: Cannot read property 'boom' of", at: "/proj/first.js:1", col: 25},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			err := runUp(t, tc.file)
			var se *jsrt.ScriptError
			if !errors.As(err, &se) {
				t.Fatalf("err = %#v, want *ScriptError", err)
			}
			if !strings.HasPrefix(se.Message, tc.message) {
				t.Errorf("Message = %q, want prefix %q", se.Message, tc.message)
			}
			if at := se.File + ":" + strconv.Itoa(se.Line); at != tc.at {
				t.Errorf("located at %s, want %s (stack:\n%s)", at, tc.at, se.Stack())
			}
			if tc.col != 0 && se.Column != tc.col {
				t.Errorf("Column = %d, want %d", se.Column, tc.col)
			}
			if !strings.Contains(se.Stack(), tc.stack) {
				t.Errorf("Stack() = %q, want it to contain %q", se.Stack(), tc.stack)
			}
			if strings.Contains(se.Error(), "(native)") && strings.Contains(se.Error(), "github.com") {
				t.Errorf("Go frames leak into the stack: %s", se.Error())
			}
			if !strings.HasPrefix(se.Error(), se.Message) {
				t.Errorf("Error() = %q does not start with the message", se.Error())
			}
		})
	}
}

func TestScriptErrorFormat(t *testing.T) {
	t.Parallel()
	err := runUp(t, "/proj/m.js")
	want := "TypeError: x is not a function\n    at up (/proj/m.js:3:9)"
	if !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("Error() = %q, want prefix %q", err.Error(), want)
	}
	if strings.Contains(err.Error(), "\tat") || strings.Contains(err.Error(), ")(") {
		t.Fatalf("goja's stack format leaks: %q", err.Error())
	}
}

func TestScriptErrorUnwrapsGoError(t *testing.T) {
	t.Parallel()
	err := runUp(t, "/proj/goerr.js")
	if !errors.Is(err, errSentinel) {
		t.Fatalf("err = %v, want it to unwrap to the Go error", err)
	}
	var se *jsrt.ScriptError
	if !errors.As(err, &se) || se.File != "/proj/goerr.js" {
		t.Fatalf("err = %#v, want a ScriptError located in /proj/goerr.js", err)
	}
}

func TestExitFromRequiredFile(t *testing.T) {
	t.Parallel()
	var exit *jsrt.ExitError
	if err := runUp(t, "/proj/exit.js"); !errors.As(err, &exit) || exit.Code != 3 {
		t.Fatalf("err = %v, want *ExitError{Code: 3}", err)
	}
}

func TestRejectionCarriesGoErrorAndStack(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	_, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		p, _, reject := vm.NewPromise()
		enqueue := rt.Loop().Reserve()
		go enqueue(func() error {
			return reject(vm.NewGoError(&fs.PathError{Op: "open", Path: "/x", Err: fs.ErrNotExist}))
		})
		_ = vm.Set("p", p)
		return vm.RunScript("/proj/caller.js", "(async function caller() {\n  await p;\n})()")
	})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want it to unwrap to fs.ErrNotExist", err)
	}
}

func TestSyntaxErrorInEvaluatedScript(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	_, err := jsrttest.Run(rt, "\nconst = ;")
	var se *jsrt.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("err = %#v, want *ScriptError", err)
	}
	if se.File != "/proj/jsrttest.js" || se.Line != 2 || !strings.HasPrefix(se.Message, "SyntaxError: ") || strings.Contains(se.Message, "Line") {
		t.Fatalf("got %q at %s:%d, want a SyntaxError at /proj/jsrttest.js:2", se.Message, se.File, se.Line)
	}
}

// TestRunawayRecursion: unbounded recursion stops with an error naming the
// file and line instead of growing the stack until the process dies; also
// through native callbacks (Array.prototype.map).
func TestRunawayRecursion(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		"\nfunction down(n) { return down(n + 1) + 1; }\ndown(0);",
		"\nfunction viaMap(a) { return [a].map(viaMap); }\nviaMap(0);",
	} {
		rt := jsrttest.NewRuntime(t)
		_, err := jsrttest.Run(rt, src)
		var se *jsrt.ScriptError
		if !errors.As(err, &se) {
			t.Fatalf("%q: err = %v, want a ScriptError", src, err)
		}
		if se.Message != "RangeError: Maximum call stack size exceeded" || se.File != "/proj/jsrttest.js" || se.Line != 2 || len(se.Frames) > 10 {
			t.Fatalf("%q: got %q at %s:%d with %d frames, want V8's RangeError at /proj/jsrttest.js:2 with at most 10 frames",
				src, se.Message, se.File, se.Line, len(se.Frames))
		}
	}
}
