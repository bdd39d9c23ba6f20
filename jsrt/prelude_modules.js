// The built-in modules of jsrt written in JavaScript: events, assert, util's helpers, stream,
// perf_hooks and tty. Most runs require none of them, so this file is compiled and run on the
// first require of one of them (once per Runtime); `shared` carries what it needs of the prelude.
(function (shared) {
  'use strict';

  const { argTypeError, inspect, hasOwn, tagOf, nextTick, unsupportedModule, performance } = shared;

  // ---- events -----------------------------------------------------------------------------

  function checkListener(listener) {
    if (typeof listener !== 'function') throw argTypeError('listener', 'function', listener);
  }

  function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
  }
  EventEmitter.prototype._events = undefined;
  EventEmitter.prototype._eventsCount = 0;
  EventEmitter.prototype._maxListeners = undefined;
  EventEmitter.defaultMaxListeners = 10;
  EventEmitter.errorMonitor = Symbol('events.errorMonitor');
  EventEmitter.captureRejections = false;

  EventEmitter.init = function init() {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    }
    this._maxListeners = this._maxListeners || undefined;
  };

  function eventsOf(emitter) {
    if (emitter._events === undefined) EventEmitter.init.call(emitter);
    return emitter._events;
  }

  function addListener(emitter, type, listener, prepend) {
    checkListener(listener);
    const events = eventsOf(emitter);
    if (events.newListener !== undefined) {
      emitter.emit('newListener', type, listener.listener ? listener.listener : listener);
    }
    const list = events[type];
    if (list === undefined) {
      events[type] = [listener];
      emitter._eventsCount++;
    } else if (prepend) {
      list.unshift(listener);
    } else {
      list.push(listener);
    }
    return emitter;
  }

  function onceWrapper(emitter, type, listener) {
    const state = { fired: false };
    function wrapped(...args) {
      if (state.fired) return undefined;
      state.fired = true;
      emitter.removeListener(type, wrapped);
      return listener.apply(emitter, args);
    }
    wrapped.listener = listener;
    return wrapped;
  }

  Object.assign(EventEmitter.prototype, {
    setMaxListeners(n) {
      this._maxListeners = n;
      return this;
    },
    getMaxListeners() {
      return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;
    },
    emit(type, ...args) {
      const events = eventsOf(this);
      if (type === 'error' && events[EventEmitter.errorMonitor] !== undefined) {
        this.emit(EventEmitter.errorMonitor, ...args);
      }
      const list = events[type];
      if (list === undefined) {
        if (type === 'error') {
          const er = args[0];
          if (er instanceof Error) throw er;
          const err = new Error('Unhandled error.' + (er === undefined ? '' : ` (${inspect(er)})`));
          err.code = 'ERR_UNHANDLED_ERROR';
          err.context = er;
          throw err;
        }
        return false;
      }
      for (const listener of list.slice()) listener.apply(this, args);
      return true;
    },
    addListener(type, listener) {
      return addListener(this, type, listener, false);
    },
    prependListener(type, listener) {
      return addListener(this, type, listener, true);
    },
    once(type, listener) {
      checkListener(listener);
      return addListener(this, type, onceWrapper(this, type, listener), false);
    },
    prependOnceListener(type, listener) {
      checkListener(listener);
      return addListener(this, type, onceWrapper(this, type, listener), true);
    },
    removeListener(type, listener) {
      checkListener(listener);
      const events = eventsOf(this);
      const list = events[type];
      if (list === undefined) return this;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
          list.splice(i, 1);
          if (list.length === 0) {
            delete events[type];
            this._eventsCount--;
          }
          if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
          break;
        }
      }
      return this;
    },
    removeAllListeners(type) {
      const events = eventsOf(this);
      if (type === undefined) {
        this._events = Object.create(null);
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        delete events[type];
        this._eventsCount--;
      }
      return this;
    },
    listeners(type) {
      const list = eventsOf(this)[type];
      return list === undefined ? [] : list.map((l) => l.listener || l);
    },
    rawListeners(type) {
      const list = eventsOf(this)[type];
      return list === undefined ? [] : list.slice();
    },
    listenerCount(type) {
      const list = eventsOf(this)[type];
      return list === undefined ? 0 : list.length;
    },
    eventNames() {
      return Reflect.ownKeys(eventsOf(this));
    },
  });
  EventEmitter.prototype.on = EventEmitter.prototype.addListener;
  EventEmitter.prototype.off = EventEmitter.prototype.removeListener;
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);
  EventEmitter.once = function once(emitter, name) {
    return new Promise((resolve, reject) => {
      const onError = (err) => {
        emitter.removeListener(name, onEvent);
        reject(err);
      };
      const onEvent = (...args) => {
        if (name !== 'error') emitter.removeListener('error', onError);
        resolve(args);
      };
      emitter.once(name, onEvent);
      if (name !== 'error') emitter.once('error', onError);
    });
  };

  // ---- deep equality ----------------------------------------------------------------------

  function isDeepEqual(a, b, strict, memo) {
    if (strict ? Object.is(a, b) : a === b || (a !== a && b !== b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
      if (strict || (typeof a === 'object' && a !== null) || (typeof b === 'object' && b !== null)) return false;
      return a == b; // eslint-disable-line eqeqeq
    }
    if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const tag = tagOf(a);
    if (tag !== tagOf(b)) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (a instanceof Date) {
      if (a.getTime() !== b.getTime()) return false;
    } else if (a instanceof RegExp) {
      if (String(a) !== String(b)) return false;
    } else if (a instanceof Error) {
      if (a.message !== b.message || a.name !== b.name) return false;
    } else if (ArrayBuffer.isView(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    } else if (tag === '[object Number]' || tag === '[object String]' || tag === '[object Boolean]') {
      if (!Object.is(a.valueOf(), b.valueOf())) return false;
    }
    memo = memo || new Map();
    if (memo.get(a) === b) return true;
    memo.set(a, b);
    if (a instanceof Map) {
      if (a.size !== b.size) return false;
      for (const [k, v] of a) {
        if (!b.has(k) || !isDeepEqual(v, b.get(k), strict, memo)) return false;
      }
    } else if (a instanceof Set) {
      if (a.size !== b.size) return false;
      for (const v of a) {
        if (b.has(v)) continue;
        if (typeof v !== 'object' || v === null) return false;
        let found = false;
        for (const w of b) {
          if (isDeepEqual(v, w, strict, memo)) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
    }
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
      if (!hasOwn(b, k) || !isDeepEqual(a[k], b[k], strict, memo)) return false;
    }
    return true;
  }

  // ---- assert -----------------------------------------------------------------------------

  class AssertionError extends Error {
    constructor(options) {
      super(options.message);
      this.generatedMessage = !options.userMessage;
      this.code = 'ERR_ASSERTION';
      this.actual = options.actual;
      this.expected = options.expected;
      this.operator = options.operator;
    }
    get name() {
      return 'AssertionError';
    }
  }

  function fail(actual, expected, message, operator, generated) {
    if (message instanceof Error) throw message;
    throw new AssertionError({
      actual,
      expected,
      operator,
      message: message === undefined ? generated : message,
      userMessage: message !== undefined,
    });
  }

  function ok(...args) {
    if (args.length === 0) fail(undefined, true, undefined, '==', 'No value argument passed to `assert.ok()`');
    if (!args[0]) fail(args[0], true, args[1], '==', 'The expression evaluated to a falsy value:\n\n  assert(' + inspect(args[0]) + ')\n');
  }

  function matchesExpected(err, expected) {
    if (expected === undefined) return true;
    if (expected instanceof RegExp) return expected.test(String(err));
    if (typeof expected === 'function') {
      if (expected.prototype !== undefined && err instanceof expected) return true;
      if (Error.isPrototypeOf(expected) || expected === Error) return false;
      return expected.call({}, err) === true;
    }
    if (typeof expected === 'object' && expected !== null) {
      return Object.keys(expected).every((k) =>
        expected[k] instanceof RegExp && typeof err[k] === 'string' ? expected[k].test(err[k]) : isDeepEqual(err[k], expected[k], true),
      );
    }
    return false;
  }

  function checkThrown(thrown, err, expected, message, op) {
    if (typeof expected === 'string') {
      message = expected;
      expected = undefined;
    }
    if (!thrown) fail(undefined, expected, message, op, 'Missing expected ' + (op === 'rejects' ? 'rejection.' : 'exception.'));
    if (!matchesExpected(err, expected)) {
      if (message !== undefined || typeof expected !== 'function') {
        fail(err, expected, message, op, `The error is expected to match ${inspect(expected)}. Received ${inspect(err)}`);
      }
      throw err;
    }
  }

  const assert = Object.assign(ok, {
    ok,
    AssertionError,
    fail(message) {
      if (message instanceof Error) throw message;
      throw new AssertionError({ message: message === undefined ? 'Failed' : message, userMessage: message !== undefined, operator: 'fail' });
    },
    equal(a, b, m) {
      if (!(a == b || (a !== a && b !== b))) fail(a, b, m, '==', `${inspect(a)} == ${inspect(b)}`); // eslint-disable-line eqeqeq
    },
    notEqual(a, b, m) {
      if (a == b || (a !== a && b !== b)) fail(a, b, m, '!=', `${inspect(a)} != ${inspect(b)}`); // eslint-disable-line eqeqeq
    },
    strictEqual(a, b, m) {
      if (!Object.is(a, b)) fail(a, b, m, 'strictEqual', `Expected values to be strictly equal:\n\n${inspect(a)} !== ${inspect(b)}\n`);
    },
    notStrictEqual(a, b, m) {
      if (Object.is(a, b)) fail(a, b, m, 'notStrictEqual', `Expected "actual" to be strictly unequal to: ${inspect(b)}`);
    },
    deepEqual(a, b, m) {
      if (!isDeepEqual(a, b, false)) fail(a, b, m, 'deepEqual', `Expected values to be loosely deep-equal:\n\n${inspect(a)}\n\nshould loosely deep-equal\n\n${inspect(b)}`);
    },
    notDeepEqual(a, b, m) {
      if (isDeepEqual(a, b, false)) fail(a, b, m, 'notDeepEqual', `Expected "actual" not to be loosely deep-equal to:\n\n${inspect(b)}`);
    },
    deepStrictEqual(a, b, m) {
      if (!isDeepEqual(a, b, true)) fail(a, b, m, 'deepStrictEqual', `Expected values to be strictly deep-equal:\n\n${inspect(a)}\n\nshould equal\n\n${inspect(b)}`);
    },
    notDeepStrictEqual(a, b, m) {
      if (isDeepEqual(a, b, true)) fail(a, b, m, 'notDeepStrictEqual', `Expected "actual" not to be strictly deep-equal to:\n\n${inspect(b)}`);
    },
    throws(fn, expected, message) {
      if (typeof fn !== 'function') throw argTypeError('fn', 'function', fn);
      let thrown = false;
      let err;
      try {
        fn();
      } catch (e) {
        thrown = true;
        err = e;
      }
      checkThrown(thrown, err, expected, message, 'throws');
    },
    doesNotThrow(fn, expected, message) {
      try {
        fn();
      } catch (e) {
        fail(e, expected, typeof expected === 'string' ? expected : message, 'doesNotThrow', `Got unwanted exception.\nActual message: "${e && e.message}"`);
      }
    },
    async rejects(promiseFn, expected, message) {
      let thrown = false;
      let err;
      try {
        await (typeof promiseFn === 'function' ? promiseFn() : promiseFn);
      } catch (e) {
        thrown = true;
        err = e;
      }
      checkThrown(thrown, err, expected, message, 'rejects');
    },
    async doesNotReject(promiseFn, expected, message) {
      try {
        await (typeof promiseFn === 'function' ? promiseFn() : promiseFn);
      } catch (e) {
        fail(e, expected, typeof expected === 'string' ? expected : message, 'doesNotReject', `Got unwanted rejection.\nActual message: "${e && e.message}"`);
      }
    },
    match(s, re, m) {
      if (typeof s !== 'string' || !re.test(s)) fail(s, re, m, 'match', `The input did not match the regular expression ${String(re)}. Input:\n\n${inspect(s)}\n`);
    },
    doesNotMatch(s, re, m) {
      if (typeof s === 'string' && re.test(s)) fail(s, re, m, 'doesNotMatch', `The input was expected to not match the regular expression ${String(re)}. Input:\n\n${inspect(s)}\n`);
    },
    ifError(v) {
      if (v !== null && v !== undefined) throw v;
    },
  });
  const strictAssert = Object.assign((...args) => ok(...args), assert, {
    equal: assert.strictEqual,
    notEqual: assert.notStrictEqual,
    deepEqual: assert.deepStrictEqual,
    notDeepEqual: assert.notDeepStrictEqual,
  });
  strictAssert.strict = strictAssert;
  assert.strict = strictAssert;

  // ---- util ---------------------------------------------------------------------------------

  const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

  function promisify(original) {
    if (typeof original !== 'function') throw argTypeError('original', 'function', original);
    if (original[kCustomPromisify]) {
      const fn = original[kCustomPromisify];
      if (typeof fn !== 'function') throw argTypeError('util.promisify.custom', 'function', fn);
      return fn;
    }
    function fn(...args) {
      return new Promise((resolve, reject) => {
        Reflect.apply(original, this, [
          ...args,
          (err, ...values) => {
            if (err) reject(err);
            else resolve(values[0]);
          },
        ]);
      });
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
    Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
    for (const key of Reflect.ownKeys(original)) {
      if (key === 'length' || key === 'name' || key === 'prototype' || key === 'arguments' || key === 'caller') continue;
      try {
        Object.defineProperty(fn, key, Object.getOwnPropertyDescriptor(original, key));
      } catch (e) {
        // a property fn cannot take is left out
      }
    }
    return fn;
  }
  promisify.custom = kCustomPromisify;

  function callbackify(original) {
    if (typeof original !== 'function') throw argTypeError('original', 'function', original);
    return function (...args) {
      const cb = args.pop();
      if (typeof cb !== 'function') throw argTypeError('last argument', 'function', cb);
      Reflect.apply(original, this, args).then(
        (v) => nextTick(cb, null, v),
        (err) => {
          if (!err) {
            const e = new Error('Promise was rejected with a falsy value');
            e.code = 'ERR_FALSY_VALUE_REJECTION';
            e.reason = err;
            err = e;
          }
          nextTick(cb, err);
        },
      );
    };
  }

  function inherits(ctor, superCtor) {
    if (typeof ctor !== 'function') throw argTypeError('ctor', 'function', ctor);
    if (typeof superCtor !== 'function') throw argTypeError('superCtor', 'function', superCtor);
    if (superCtor.prototype === undefined) throw argTypeError('superCtor.prototype', 'object', superCtor.prototype);
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }

  const deprecationsWarned = new Set();
  function deprecate(fn, msg, code) {
    if (typeof fn !== 'function') throw argTypeError('fn', 'function', fn);
    let warned = false;
    function deprecated(...args) {
      if (!warned && !(code !== undefined && deprecationsWarned.has(code))) {
        warned = true;
        if (code !== undefined) deprecationsWarned.add(code);
        process.emitWarning(msg, 'DeprecationWarning', code);
      }
      return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
    }
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  }

  const isTag = (tag) => (v) => tagOf(v) === `[object ${tag}]`;
  const types = {
    isPromise: isTag('Promise'),
    isDate: isTag('Date'),
    isRegExp: isTag('RegExp'),
    isNativeError: (v) => v instanceof Error,
    isMap: isTag('Map'),
    isSet: isTag('Set'),
    isWeakMap: isTag('WeakMap'),
    isWeakSet: isTag('WeakSet'),
    isAsyncFunction: isTag('AsyncFunction'),
    isGeneratorFunction: (v) => isTag('GeneratorFunction')(v) || isTag('AsyncGeneratorFunction')(v),
    isGeneratorObject: isTag('Generator'),
    isArrayBuffer: isTag('ArrayBuffer'),
    isAnyArrayBuffer: (v) => isTag('ArrayBuffer')(v) || isTag('SharedArrayBuffer')(v),
    isSharedArrayBuffer: isTag('SharedArrayBuffer'),
    isDataView: isTag('DataView'),
    isArrayBufferView: (v) => ArrayBuffer.isView(v),
    isTypedArray: (v) => ArrayBuffer.isView(v) && !isTag('DataView')(v),
    isUint8Array: isTag('Uint8Array'),
    isArgumentsObject: isTag('Arguments'),
    isBoxedPrimitive: (v) =>
      typeof v === 'object' && v !== null && ['Number', 'String', 'Boolean', 'Symbol', 'BigInt'].some((t) => isTag(t)(v)),
    isNumberObject: (v) => typeof v === 'object' && isTag('Number')(v),
    isStringObject: (v) => typeof v === 'object' && isTag('String')(v),
    isBooleanObject: (v) => typeof v === 'object' && isTag('Boolean')(v),
    isSymbolObject: (v) => typeof v === 'object' && isTag('Symbol')(v),
    isProxy: () => false,
  };

  const util = {
    promisify,
    callbackify,
    inherits,
    deprecate,
    types,
    isDeepStrictEqual: (a, b) => isDeepEqual(a, b, true),
    debuglog: () => Object.assign(() => {}, { enabled: false }),
    debug: () => Object.assign(() => {}, { enabled: false }),
    isArray: Array.isArray,
    isBoolean: (v) => typeof v === 'boolean',
    isNull: (v) => v === null,
    isNullOrUndefined: (v) => v == null,
    isNumber: (v) => typeof v === 'number',
    isString: (v) => typeof v === 'string',
    isSymbol: (v) => typeof v === 'symbol',
    isUndefined: (v) => v === undefined,
    isRegExp: types.isRegExp,
    isObject: (v) => v !== null && typeof v === 'object',
    isDate: types.isDate,
    isError: (v) => v instanceof Error,
    isFunction: (v) => typeof v === 'function',
    isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
    stripVTControlCharacters: (s) => String(s).replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''),
    toUSVString: (s) => String(s).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  };

  class PerformanceObserver {
    observe() {}
    disconnect() {}
  }

  // stream: Node's legacy Stream (an EventEmitter with pipe, lib/internal/streams/legacy.js),
  // which readable-stream and the packages built on it (winston, through2, …) extend at load.
  // The streams2 classes (Readable, Writable, …) are not provided: using one throws, as a member
  // of an unsupported module does.
  function makeStream() {
    function Stream(opts) {
      EventEmitter.call(this, opts);
    }
    Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
    Object.setPrototypeOf(Stream, EventEmitter);
    Stream.prototype.pipe = function pipe(dest, options) {
      const source = this;
      const ondata = (chunk) => {
        if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
      };
      const ondrain = () => {
        if (source.readable && source.resume) source.resume();
      };
      let didOnEnd = false;
      const onend = () => {
        if (didOnEnd) return;
        didOnEnd = true;
        dest.end();
      };
      const onclose = () => {
        if (didOnEnd) return;
        didOnEnd = true;
        if (typeof dest.destroy === 'function') dest.destroy();
      };
      function onerror(er) {
        cleanup();
        if (EventEmitter.listenerCount(this, 'error') === 0) this.emit('error', er);
      }
      const cleanup = () => {
        source.removeListener('data', ondata);
        dest.removeListener('drain', ondrain);
        source.removeListener('end', onend);
        source.removeListener('close', onclose);
        source.removeListener('error', onerror);
        dest.removeListener('error', onerror);
        source.removeListener('end', cleanup);
        source.removeListener('close', cleanup);
        dest.removeListener('close', cleanup);
      };
      source.on('data', ondata);
      dest.on('drain', ondrain);
      if (!dest._isStdio && (!options || options.end !== false)) {
        source.on('end', onend);
        source.on('close', onclose);
      }
      source.prependListener('error', onerror);
      dest.prependListener('error', onerror);
      source.on('end', cleanup);
      source.on('close', cleanup);
      dest.on('close', cleanup);
      dest.emit('pipe', source);
      return dest;
    };
    Stream.Stream = Stream;
    const missing = unsupportedModule('stream', '');
    for (const name of ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough', 'pipeline', 'finished', 'addAbortSignal', 'compose', 'promises']) {
      Stream[name] = missing[name];
    }
    return Stream;
  }

  return {
    events: EventEmitter,
    // Built on first require: most runs never load a stream package.
    get stream() {
      const stream = makeStream();
      Object.defineProperty(this, 'stream', { value: stream });
      return stream;
    },
    assert,
    util,
    perfHooks: { performance, PerformanceObserver, constants: {} },
    tty: { isatty: () => false, ReadStream: class ReadStream {}, WriteStream: class WriteStream {} },
  };
});
