'use strict';
// serialize.js turns any JavaScript value into a JSON-compatible value tree, so
// that a value resolved by real Sequelize (recorded by run-case.js under Node)
// and the value resolved by sqzjs (serialized by the Go tests inside goja) can
// be compared as text.
//
// describeError (below) gives the fields recorded when up() rejects, for the
// same reason.
//
// This file is loaded by BOTH runtimes, so it must stay plain ES2020 CommonJS:
// no require(), no Node APIs (Buffer is only detected, behind a typeof guard).
//
// Encoding (keys in objects keep their insertion order):
//   undefined              -> {"$undefined": true}
//   null, boolean, string  -> itself
//   finite number          -> itself (-0 becomes 0, as in JSON.stringify)
//   NaN, Infinity          -> {"$number": "NaN"} / {"$number": "Infinity"} / {"$number": "-Infinity"}
//   bigint                 -> {"$bigint": "123"}
//   Date                   -> {"$date": "2020-01-02T03:04:05.678Z"} ({"$date": "Invalid Date"} if invalid)
//   Buffer / Uint8Array    -> {"$bytes": "00ff"} (lower-case hex)
//   function               -> {"$function": "<name>"}
//   symbol                 -> {"$symbol": "<description>"}
//   array                  -> array, elements serialized
//   plain object           -> object, own enumerable string keys serialized
//   Error instance         -> {"$class": "<constructor name>", "name": …, "message": …, …own enumerable props}
//   other class instance   -> {"$class": "<constructor name>", …own enumerable props}
//   a getter that throws   -> {"$throws": "<message>"}
//   nesting deeper than MAX_DEPTH containers -> {"$depth": true}
//   a reference to an enclosing container    -> {"$cycle": true}
// A key that starts with "$" in a serialized object is one of these markers
// only if the object has exactly that shape; plain data keys are never renamed.

var MAX_DEPTH = 8;

function hex(bytes) {
  var digits = '0123456789abcdef';
  var out = '';
  for (var i = 0; i < bytes.length; i++) {
    out += digits.charAt(bytes[i] >> 4) + digits.charAt(bytes[i] & 15);
  }
  return out;
}

function isBytes(value) {
  if (typeof Buffer !== 'undefined' && Buffer.isBuffer(value)) {
    return true;
  }
  return typeof Uint8Array !== 'undefined' && value instanceof Uint8Array;
}

function className(value) {
  var proto = Object.getPrototypeOf(value);
  var ctor = proto && Object.prototype.hasOwnProperty.call(proto, 'constructor') ? proto.constructor : null;
  if (typeof ctor === 'function' && ctor.name) {
    return ctor.name;
  }
  return 'Object';
}

function readProp(value, key) {
  try {
    return { ok: true, value: value[key] };
  } catch (err) {
    return { ok: false, message: err && err.message !== undefined ? String(err.message) : String(err) };
  }
}

function serializeInto(out, value, key, ancestors) {
  var got = readProp(value, key);
  out[key] = got.ok ? walk(got.value, ancestors) : { $throws: got.message };
}

function walk(value, ancestors) {
  switch (typeof value) {
    case 'undefined':
      return { $undefined: true };
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (value !== value) {
        return { $number: 'NaN' };
      }
      if (value === Infinity) {
        return { $number: 'Infinity' };
      }
      if (value === -Infinity) {
        return { $number: '-Infinity' };
      }
      return value === 0 ? 0 : value;
    case 'bigint':
      return { $bigint: value.toString() };
    case 'symbol':
      return { $symbol: value.description === undefined ? '' : value.description };
    case 'function':
      return { $function: value.name || '' };
    default:
      break;
  }
  if (value === null) {
    return null;
  }
  if (value instanceof Date) {
    var time = value.getTime();
    return { $date: time === time ? value.toISOString() : 'Invalid Date' };
  }
  if (isBytes(value)) {
    return { $bytes: hex(value) };
  }
  if (ancestors.indexOf(value) !== -1) {
    return { $cycle: true };
  }
  if (ancestors.length >= MAX_DEPTH) {
    return { $depth: true };
  }
  ancestors.push(value);
  var out;
  var i;
  if (Array.isArray(value)) {
    out = [];
    for (i = 0; i < value.length; i++) {
      var got = readProp(value, i);
      out.push(got.ok ? walk(got.value, ancestors) : { $throws: got.message });
    }
  } else {
    var proto = Object.getPrototypeOf(value);
    out = {};
    if (proto !== Object.prototype && proto !== null) {
      out.$class = className(value);
      if (value instanceof Error) {
        serializeInto(out, value, 'name', ancestors);
        serializeInto(out, value, 'message', ancestors);
      }
    }
    var keys = Object.keys(value);
    for (i = 0; i < keys.length; i++) {
      serializeInto(out, value, keys[i], ancestors);
    }
  }
  ancestors.pop();
  return out;
}

// serialize returns the JSON-compatible encoding of value described above.
function serialize(value) {
  return walk(value, []);
}

// describeError returns the fields of a rejection that the case files record:
// {"name", "message", "sql", "originalCode", "originalMessage"}, each null when
// absent. original is Sequelize's err.original (or err.parent), the driver's
// error. A rejection that is not an object records only its String() as message.
function describeError(err) {
  function text(v) {
    return v === undefined || v === null ? null : String(v);
  }
  if (err === null || (typeof err !== 'object' && typeof err !== 'function')) {
    return { name: null, message: String(err), sql: null, originalCode: null, originalMessage: null };
  }
  var original = err.original || err.parent || null;
  var code = original && original.code !== undefined && original.code !== null ? original.code : null;
  return {
    name: text(err.name),
    message: text(err.message),
    sql: text(err.sql),
    originalCode: code === null || typeof code === 'number' || typeof code === 'string' ? code : String(code),
    originalMessage: original ? text(original.message) : null,
  };
}

// stringify returns the compact JSON text of serialize(value).
function stringify(value) {
  return JSON.stringify(serialize(value));
}

module.exports = { serialize: serialize, stringify: stringify, describeError: describeError, MAX_DEPTH: MAX_DEPTH };
