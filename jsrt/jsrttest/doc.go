// Package jsrttest is the test harness for packages built on jsrt, in the spirit of k6's
// modulestest: [NewRuntime] builds a Runtime over an in-memory file system with captured
// output and closes it when the test ends, and [RunOnLoop] evaluates a snippet as the body of
// an async function on the loop and fails the test on any error. Assertions are usually
// written in the JavaScript itself.
//
//	rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(map[string]string{
//		"/proj/helper.js": "module.exports = 42",
//	}))
//	jsrttest.RunOnLoop(t, rt, `if (require('./helper') !== 42) throw new Error('bad')`)
//
// Everything runs on the test's goroutine; parallel tests each use their own Runtime.
//
// jsrttest imports jsrt, goja and the standard library.
package jsrttest
