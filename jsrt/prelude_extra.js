// The rarely used parts of jsrt's prelude: structuredClone's algorithm, the stubs of unsupported
// modules and the call-site objects of Error.captureStackTrace. The prelude compiles and runs this
// file on the first use of one of them (once per Runtime).
(function () {
  'use strict';

  function structuredClone(value, memo = new Map()) {
    if (typeof value === 'function' || typeof value === 'symbol') {
      const err = new Error(`${typeof value === 'function' ? String(value) : value.toString()} could not be cloned.`);
      err.name = 'DataCloneError';
      throw err;
    }
    if (typeof value !== 'object' || value === null) return value;
    if (memo.has(value)) return memo.get(value);
    let out;
    if (value instanceof Date) out = new Date(value.getTime());
    else if (value instanceof RegExp) out = new RegExp(value.source, value.flags);
    else if (value instanceof Map) {
      out = new Map();
      memo.set(value, out);
      for (const [k, v] of value) out.set(structuredClone(k, memo), structuredClone(v, memo));
      return out;
    } else if (value instanceof Set) {
      out = new Set();
      memo.set(value, out);
      for (const v of value) out.add(structuredClone(v, memo));
      return out;
    } else if (ArrayBuffer.isView(value)) out = value.slice();
    else if (Array.isArray(value)) out = [];
    else out = {};
    memo.set(value, out);
    if (!(value instanceof Date) && !(value instanceof RegExp) && !ArrayBuffer.isView(value)) {
      for (const k of Object.keys(value)) out[k] = structuredClone(value[k], memo);
    }
    return out;
  }

  // unsupportedModule is what require() gives for a Node built-in sqzjs
  // cannot provide (child_process, net, …): loading succeeds, so libraries
  // that only import it keep working, and every use of one of its members
  // throws an error naming the module, the member and the requiring file.
  function unsupportedModule(name, from) {
    const where = from ? ` (required from ${from})` : '';
    const fail = (member) => {
      const err = new Error(`Cannot use ${name}.${member} in sqzjs: module "${name}" needs Node.js${where}`);
      err.code = 'ERR_SQZJS_UNSUPPORTED_MODULE';
      return err;
    };
    const members = new Map();
    const member = (prop) => {
      if (!members.has(prop)) {
        const f = function () { throw fail(prop); };
        Object.defineProperty(f, 'name', { value: prop });
        members.set(prop, new Proxy(f, {
          construct() { throw fail(prop); },
          apply() { throw fail(prop); },
        }));
      }
      return members.get(prop);
    };
    return new Proxy({}, {
      get(target, prop) {
        if (typeof prop === 'symbol' || prop === '__esModule' || prop === 'then' || prop === 'default' && false) return undefined;
        if (prop === 'toJSON' || prop === 'inspect' || prop === 'constructor') return undefined;
        return member(prop);
      },
      has() { return true; },
    });
  }

  // CallSite is a call-site object of Error.captureStackTrace (V8's stack-trace API).
  class CallSite {
    constructor(f) { this._f = f; }
    getFileName() { return this._f.file || undefined; }
    getLineNumber() { return this._f.line || null; }
    getColumnNumber() { return this._f.column || null; }
    getFunctionName() { return this._f.fn || null; }
    getMethodName() { return null; }
    getTypeName() { return null; }
    getThis() { return undefined; }
    getFunction() { return undefined; }
    getEvalOrigin() { return undefined; }
    getScriptNameOrSourceURL() { return this.getFileName(); }
    isEval() { return false; }
    isNative() { return false; }
    isToplevel() { return !this._f.fn; }
    isConstructor() { return false; }
    isAsync() { return false; }
    isPromiseAll() { return false; }
    getPromiseIndex() { return null; }
    toString() {
      const loc = `${this._f.file || '<anonymous>'}:${this._f.line}:${this._f.column}`;
      return this._f.fn ? `${this._f.fn} (${loc})` : loc;
    }
  }

  return { structuredClone: (v) => structuredClone(v), unsupportedModule, CallSite };
});
