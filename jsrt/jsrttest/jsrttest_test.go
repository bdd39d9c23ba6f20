package jsrttest_test

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/sqzjs/sqzjs/jsrt"
	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

func TestHarness(t *testing.T) {
	t.Parallel()
	base := fstest.MapFS{"proj/keep.js": {Data: []byte("module.exports = 'kept'")}}
	rt := jsrttest.NewRuntime(t,
		func(o *jsrt.Options) { o.FS = base },
		jsrttest.WithFiles(map[string]string{"/proj/added.js": "module.exports = 'added'"}),
		jsrttest.WithEnv(map[string]string{"K": "v"}),
	)
	v := jsrttest.RunOnLoop(t, rt, `
		console.log('out'); console.error('err');
		await null;
		return [require('./keep'), require('./added'), process.env.K].join()`)
	if v.String() != "kept,added,v" {
		t.Fatalf("got %q", v)
	}
	if jsrttest.Stdout(rt) != "out\n" || jsrttest.Stderr(rt) != "err\n" {
		t.Fatalf("stdout %q, stderr %q", jsrttest.Stdout(rt), jsrttest.Stderr(rt))
	}
	var se *jsrt.ScriptError
	if _, err := jsrttest.Run(rt, "\nthrow new Error('x')"); !errors.As(err, &se) || se.File != "/proj/jsrttest.js" || se.Line != 2 {
		t.Fatalf("Run error = %v, want a ScriptError at /proj/jsrttest.js:2", err)
	}
}
