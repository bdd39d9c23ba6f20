// The parts of jsrt's Node surface every run needs at start, simpler in JavaScript than in Go:
// queueMicrotask and nextTick, TextEncoder/TextDecoder, performance, timers/promises, the
// structuredClone global, process.env's proxy, Buffer's additions and V8's stack-trace API. It runs
// once per Runtime; `native` carries the Go-implemented pieces it builds on. The built-in modules
// written in JavaScript (events, assert, util, stream, …) are in prelude_modules.js, and the rarely
// used algorithms in prelude_extra.js; both are compiled on first use.
(function (native) {
  'use strict';

  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const tagOf = (v) => Object.prototype.toString.call(v);
  const inspect = (v) => native.inspect(v);

  function argTypeError(name, type, value) {
    const err = new TypeError(`The "${name}" argument must be of type ${type}. Received ${describeReceived(value)}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    return err;
  }

  function describeReceived(value) {
    if (value == null) return String(value);
    if (typeof value === 'function') return `function ${value.name}`;
    if (typeof value === 'object') {
      if (value.constructor && value.constructor.name) return `an instance of ${value.constructor.name}`;
      return inspect(value);
    }
    return `type ${typeof value} (${inspect(value)})`;
  }

  // ---- microtasks -------------------------------------------------------------------------

  const resolved = Promise.resolve();
  function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw argTypeError('callback', 'function', callback);
    resolved.then(() => {
      try {
        callback();
      } catch (e) {
        native.uncaught(e);
      }
    });
  }

  function nextTick(callback, ...args) {
    if (typeof callback !== 'function') throw argTypeError('callback', 'function', callback);
    queueMicrotask(() => callback(...args));
  }

  // ---- TextEncoder / TextDecoder ---------------------------------------------------------

  class TextEncoder {
    get encoding() {
      return 'utf-8';
    }
    encode(input = '') {
      const b = Buffer.from(String(input), 'utf8');
      const out = new Uint8Array(b.length);
      out.set(b);
      return out;
    }
    encodeInto(src, dest) {
      const bytes = this.encode(src);
      const n = Math.min(bytes.length, dest.length);
      dest.set(bytes.subarray(0, n));
      return { read: n === bytes.length ? String(src).length : Buffer.from(bytes.subarray(0, n)).toString('utf8').length, written: n };
    }
  }

  class TextDecoder {
    constructor(label = 'utf-8', options = {}) {
      const l = String(label).trim().toLowerCase();
      if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8') {
        const err = new RangeError(`The "${label}" encoding is not supported`);
        err.code = 'ERR_ENCODING_NOT_SUPPORTED';
        throw err;
      }
      this.fatal = !!options.fatal;
      this.ignoreBOM = !!options.ignoreBOM;
    }
    get encoding() {
      return 'utf-8';
    }
    decode(input) {
      if (input === undefined) return '';
      let b;
      if (input instanceof ArrayBuffer) b = Buffer.from(input);
      else if (ArrayBuffer.isView(input)) b = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
      else throw argTypeError('input', 'an instance of ArrayBuffer or ArrayBufferView', input);
      let s = b.toString('utf8');
      if (!this.ignoreBOM && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      return s;
    }
  }

  // ---- performance, timers ---------------------------------------------------------------

  const performance = {
    now: () => native.now(),
    timeOrigin: native.timeOrigin,
    mark() {},
    measure() {},
    clearMarks() {},
    clearMeasures() {},
    getEntries: () => [],
    getEntriesByName: () => [],
    getEntriesByType: () => [],
    toJSON() {
      return { timeOrigin: this.timeOrigin };
    },
  };

  const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
  const g = globalThis;
  const timers = {
    setTimeout: g.setTimeout,
    setInterval: g.setInterval,
    setImmediate: g.setImmediate,
    clearTimeout: g.clearTimeout,
    clearInterval: g.clearInterval,
    clearImmediate: g.clearImmediate,
  };
  const timersPromises = {
    setTimeout: (ms, value) => new Promise((resolve) => g.setTimeout(resolve, ms, value)),
    setImmediate: (value) => new Promise((resolve) => g.setImmediate(resolve, value)),
    scheduler: {
      wait: (ms) => new Promise((resolve) => g.setTimeout(resolve, ms)),
      yield: () => new Promise((resolve) => g.setImmediate(resolve)),
    },
  };
  Object.defineProperty(g.setTimeout, kCustomPromisify, { value: timersPromises.setTimeout, configurable: true });
  Object.defineProperty(g.setImmediate, kCustomPromisify, { value: timersPromises.setImmediate, configurable: true });

  // structuredClone's algorithm, unsupportedModule and CallSite are in prelude_extra.js.
  const extra = () => native.extra();
  const structuredClone = (v) => extra().structuredClone(v);
  const unsupportedModule = (name, from) => extra().unsupportedModule(name, from);

  function envProxy(target) {
    return new Proxy(target, {
      set(t, key, value) {
        t[key] = String(value);
        return true;
      },
      defineProperty(t, key, desc) {
        if ('value' in desc) t[key] = String(desc.value);
        return true;
      },
    });
  }

  // Helpers for the Go inspector.
  const internal = {
    descriptor: (o, k) => Object.getOwnPropertyDescriptor(o, k),
    entries: (x) => Array.from(x),
    fnSource: (f) => Function.prototype.toString.call(f),
    ownSymbols: (o) => Object.getOwnPropertySymbols(o).filter((s) => Object.prototype.propertyIsEnumerable.call(o, s)),
    tag: tagOf,
    isArray: Array.isArray,
    toISO: (d) => Date.prototype.toISOString.call(d),
    getTime: (d) => Date.prototype.getTime.call(d),
    valueOf: (o) => o.valueOf(),
    isError: (v) => v instanceof Error,
  };

  // patchBuffer completes goja_nodejs's Buffer with the statics and methods libraries expect.
  function patchBuffer(Buffer) {
    Object.defineProperty(Buffer, 'name', { value: 'Buffer', configurable: true });
    function BufferSpecies(a, b, c) {
      return typeof a === 'number' ? Buffer.from(new ArrayBuffer(a)) : Buffer.from(a, b, c);
    }
    BufferSpecies.prototype = Buffer.prototype;
    Object.defineProperty(Buffer, Symbol.species, { value: BufferSpecies, configurable: true });
    const encodings = ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le'];
    Object.assign(Buffer, {
      isBuffer: (b) => b instanceof Buffer,
      isEncoding: (e) => typeof e === 'string' && encodings.includes(e.toLowerCase()),
      byteLength: (s, enc) => (typeof s === 'string' ? Buffer.from(s, enc).length : s.byteLength),
      allocUnsafe: (n) => Buffer.alloc(n),
      allocUnsafeSlow: (n) => Buffer.alloc(n),
      compare: (a, b) => a.compare(b),
    });
    const proto = Buffer.prototype;
    Object.assign(proto, {
      slice(start, end) {
        return this.subarray(start, end);
      },
      toJSON() {
        return { type: 'Buffer', data: Array.from(this) };
      },
      compare(other) {
        const n = Math.min(this.length, other.length);
        for (let i = 0; i < n; i++) {
          if (this[i] !== other[i]) return this[i] < other[i] ? -1 : 1;
        }
        return this.length === other.length ? 0 : this.length < other.length ? -1 : 1;
      },
      copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
        const src = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
        target.set(src, targetStart);
        return src.length;
      },
    });
  }

  // Annex B's accessor methods (__defineGetter__, …), which V8 has and goja does not; older
  // packages (colors, @colors/colors) call them at load.
  function installLegacyAccessors() {
    // The nearest own descriptor of prop along o's prototype chain.
    const findDescriptor = (o, prop) => {
      for (; o != null; o = Object.getPrototypeOf(o)) {
        const d = Object.getOwnPropertyDescriptor(o, prop);
        if (d) return d;
      }
      return undefined;
    };
    const methods = {
      __defineGetter__(prop, get) {
        Object.defineProperty(this, prop, { get, enumerable: true, configurable: true });
      },
      __defineSetter__(prop, set) {
        Object.defineProperty(this, prop, { set, enumerable: true, configurable: true });
      },
      __lookupGetter__(prop) {
        const d = findDescriptor(this, prop);
        return d && d.get;
      },
      __lookupSetter__(prop) {
        const d = findDescriptor(this, prop);
        return d && d.set;
      },
    };
    for (const [name, fn] of Object.entries(methods)) {
      if (!hasOwn(Object.prototype, name)) {
        Object.defineProperty(Object.prototype, name, { value: fn, writable: true, configurable: true, enumerable: false });
      }
    }
  }
  installLegacyAccessors();

  // V8's stack-trace API (Error.captureStackTrace, Error.prepareStackTrace
  // with call-site objects, Error.stackTraceLimit), which libraries such as
  // depd use at load time. frames comes from Go: [{file, line, column, fn}].
  function installStackAPI(captureFrames) {
    if (typeof Error.stackTraceLimit !== 'number') Error.stackTraceLimit = 10;
    Error.captureStackTrace = function captureStackTrace(obj, fn) {
      if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) {
        throw new TypeError('Invalid argument');
      }
      let frames = captureFrames();
      if (typeof fn === 'function' && fn.name) {
        const i = frames.findIndex((f) => f.fn === fn.name);
        if (i >= 0) frames = frames.slice(i + 1);
      }
      const limit = Number(Error.stackTraceLimit);
      if (limit >= 0) frames = frames.slice(0, limit);
      const { CallSite } = extra();
      const sites = frames.map((f) => new CallSite(f));
      let stack;
      if (typeof Error.prepareStackTrace === 'function') {
        stack = Error.prepareStackTrace(obj, sites);
      } else {
        const head = obj instanceof Error ? `${obj.name}: ${obj.message}` : 'Error';
        stack = [head, ...sites.map((s) => `    at ${s}`)].join('\n');
      }
      Object.defineProperty(obj, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
    };
  }

  return {
    unsupportedModule,
    installStackAPI,
    patchBuffer,
    queueMicrotask,
    nextTick,
    TextEncoder,
    TextDecoder,
    performance,
    timers,
    timersPromises,
    structuredClone: (v) => structuredClone(v),
    envProxy,
    internal,
    // What prelude_modules.js builds on.
    shared: { argTypeError, inspect, hasOwn, tagOf, nextTick, unsupportedModule, performance },
  };
});
