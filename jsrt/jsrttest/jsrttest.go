package jsrttest

import (
	"bytes"
	"context"
	"path"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/jsrt"
)

// Timeout bounds every Run and RunOnLoop call, so a script that never settles fails its test
// instead of hanging the test binary.
const Timeout = 10 * time.Second

// output is the pair of buffers a Runtime made by NewRuntime writes to.
type output struct {
	mu             sync.Mutex
	stdout, stderr bytes.Buffer
}

type lockedWriter struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

var outputs sync.Map // *jsrt.Runtime -> *output

// NewRuntime builds a Runtime for a test: an empty fstest.MapFS, Cwd "/proj", an empty
// environment and in-memory stdout/stderr (read them with [Stdout] and [Stderr]). Each opt
// changes the options before the Runtime is built (see [WithFiles], [WithEnv], [WithClock]).
// The Runtime is closed by t.Cleanup. NewRuntime fails the test if jsrt.New fails.
func NewRuntime(t testing.TB, opts ...func(*jsrt.Options)) *jsrt.Runtime {
	t.Helper()
	out := &output{}
	o := jsrt.Options{
		FS:     fstest.MapFS{},
		Cwd:    "/proj",
		Env:    map[string]string{},
		Stdout: lockedWriter{&out.mu, &out.stdout},
		Stderr: lockedWriter{&out.mu, &out.stderr},
	}
	for _, f := range opts {
		f(&o)
	}
	rt, err := jsrt.New(o)
	if err != nil {
		t.Fatalf("jsrttest.NewRuntime: %v", err)
	}
	outputs.Store(rt, out)
	t.Cleanup(func() {
		rt.Close()
		outputs.Delete(rt)
	})
	return rt
}

// WithFiles adds files to the Runtime's file system, keyed by absolute path
// ("/proj/migrations/1-a.js"). It replaces Options.FS by an fstest.MapFS unless it already is
// one, in which case the files are added to it.
func WithFiles(files map[string]string) func(*jsrt.Options) {
	return func(o *jsrt.Options) {
		m, ok := o.FS.(fstest.MapFS)
		if !ok {
			m = fstest.MapFS{}
			o.FS = m
		}
		for name, content := range files {
			m[strings.TrimPrefix(path.Clean(name), "/")] = &fstest.MapFile{Data: []byte(content), Mode: 0o644}
		}
	}
}

// WithEnv sets process.env.
func WithEnv(env map[string]string) func(*jsrt.Options) {
	return func(o *jsrt.Options) { o.Env = env }
}

// WithClock sets Options.Now.
func WithClock(now func() time.Time) func(*jsrt.Options) {
	return func(o *jsrt.Options) { o.Now = now }
}

// Stdout returns what the Runtime wrote to its standard output so far; "" if the Runtime was
// not made by NewRuntime or its Stdout was replaced by an option.
func Stdout(rt *jsrt.Runtime) string { return read(rt, false) }

// Stderr is Stdout for the standard error.
func Stderr(rt *jsrt.Runtime) string { return read(rt, true) }

func read(rt *jsrt.Runtime, stderr bool) string {
	v, ok := outputs.Load(rt)
	if !ok {
		return ""
	}
	out := v.(*output)
	out.mu.Lock()
	defer out.mu.Unlock()
	if stderr {
		return out.stderr.String()
	}
	return out.stdout.String()
}

// ScriptName is the file name Run gives the code it evaluates, inside the Runtime's Cwd, so
// relative requires resolve against Cwd and its frames count as user frames. The code starts on
// line 1, after a 20-character wrapper: line numbers are those of the code, columns on its
// first line are shifted.
const ScriptName = "jsrttest.js"

// Run evaluates code as the body of an async function on the Runtime's loop and returns the
// value it resolves to, or the error [jsrt.Loop.Await] returned (a *jsrt.ScriptError for a
// throw or rejection). It gives up after [Timeout].
func Run(rt *jsrt.Runtime, code string) (goja.Value, error) {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	s, err := rt.Loop().Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		return vm.RunScript(path.Join(rt.Cwd(), ScriptName), "(async function () {"+code+"\n})()")
	})
	return s.Value, err
}

// RunOnLoop is Run for code that must succeed: it fails the test with the script error (message
// and JavaScript stack) otherwise. Assertions are usually written in the JavaScript itself
// (`if (x !== 1) throw new Error(...)`), k6 modulestest style.
func RunOnLoop(t testing.TB, rt *jsrt.Runtime, code string) goja.Value {
	t.Helper()
	v, err := Run(rt, code)
	if err != nil {
		t.Fatalf("jsrttest.RunOnLoop: %v", err)
	}
	return v
}
