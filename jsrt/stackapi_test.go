package jsrt_test

import (
	"testing"

	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

// TestV8StackAPI checks the parts of V8's stack API libraries use at load
// time (depd: Error.captureStackTrace with a prepareStackTrace that returns
// the call sites).
func TestV8StackAPI(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	jsrttest.RunOnLoop(t, rt, `
		function getStack() {
			const limit = Error.stackTraceLimit;
			const obj = {};
			const prep = Error.prepareStackTrace;
			Error.prepareStackTrace = (o, stack) => stack;
			Error.stackTraceLimit = Math.max(10, limit);
			Error.captureStackTrace(obj);
			const stack = obj.stack.slice(1);
			Error.prepareStackTrace = prep;
			Error.stackTraceLimit = limit;
			return stack;
		}
		function caller() { return getStack(); }
		const sites = caller();
		if (!Array.isArray(sites) || sites.length === 0) throw new Error('no call sites');
		if (sites[0].getFunctionName() !== 'caller') throw new Error('first site ' + sites[0].getFunctionName());
		if (!/jsrttest\.js$/.test(sites[0].getFileName())) throw new Error('file ' + sites[0].getFileName());
		if (sites[0].getLineNumber() !== 14) throw new Error('line ' + sites[0].getLineNumber());
		const e = {};
		Error.captureStackTrace(e);
		if (typeof e.stack !== 'string' || !/^Error\n    at /.test(e.stack)) throw new Error('string stack ' + e.stack);
		if (Error.stackTraceLimit !== 10) throw new Error('limit');
	`)
}

// TestUnsupportedModuleLoadsButFailsWhenUsed checks that a Node-only module
// can be required (libraries import child_process at load time) and that a
// use names the module and the member.
func TestUnsupportedModuleLoadsButFailsWhenUsed(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	jsrttest.RunOnLoop(t, rt, `
		const cp = require('child_process');
		const { spawn } = require('node:child_process');
		if (typeof cp.exec !== 'function' || typeof spawn !== 'function') throw new Error('members are not functions');
		try { spawn('ls'); throw new Error('no error'); } catch (e) {
			if (!/Cannot use child_process.spawn in sqzjs/.test(e.message)) throw e;
			if (e.code !== 'ERR_SQZJS_UNSUPPORTED_MODULE') throw new Error('code ' + e.code);
		}
	`)
}
