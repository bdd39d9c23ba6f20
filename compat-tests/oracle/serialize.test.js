'use strict';
// Run with `npm test` (node --test). Checks serialize.js's encoding rules.
const test = require('node:test');
const assert = require('node:assert');
const { serialize, stringify, describeError, MAX_DEPTH } = require('./serialize');

test('scalars and special values', () => {
  assert.deepStrictEqual(serialize(undefined), { $undefined: true });
  assert.deepStrictEqual(serialize(null), null);
  assert.deepStrictEqual(serialize([true, 'x', 1.5, -0]), [true, 'x', 1.5, 0]);
  assert.deepStrictEqual(serialize([NaN, Infinity, -Infinity]), [{ $number: 'NaN' }, { $number: 'Infinity' }, { $number: '-Infinity' }]);
  assert.deepStrictEqual(serialize(12345678901234567890n), { $bigint: '12345678901234567890' });
  assert.deepStrictEqual(serialize(new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 678))), { $date: '2020-01-02T03:04:05.678Z' });
  assert.deepStrictEqual(serialize(new Date(NaN)), { $date: 'Invalid Date' });
  assert.deepStrictEqual(serialize(Buffer.from([0, 255])), { $bytes: '00ff' });
  assert.deepStrictEqual(serialize(new Uint8Array([1, 16])), { $bytes: '0110' });
  assert.deepStrictEqual(serialize(function foo() {}), { $function: 'foo' });
  assert.deepStrictEqual(serialize(() => {}), { $function: '' });
  assert.deepStrictEqual(serialize(Symbol('q')), { $symbol: 'q' });
});

test('objects keep key order; class instances are named', () => {
  class Thing {
    constructor() {
      this.b = 1;
      this.a = undefined;
    }
  }
  assert.strictEqual(stringify({ z: 1, a: [new Thing()] }), '{"z":1,"a":[{"$class":"Thing","b":1,"a":{"$undefined":true}}]}');
  const err = new TypeError('bad');
  err.code = 'E1';
  assert.deepStrictEqual(serialize(err), { $class: 'TypeError', name: 'TypeError', message: 'bad', code: 'E1' });
  assert.deepStrictEqual(serialize(Object.create(null)), {});
});

test('getters that throw, depth and cycles', () => {
  const o = {};
  Object.defineProperty(o, 'boom', { enumerable: true, get() { throw new Error('no'); } });
  assert.deepStrictEqual(serialize(o), { boom: { $throws: 'no' } });

  let deep = 'leaf';
  for (let i = 0; i < MAX_DEPTH + 2; i++) {
    deep = [deep];
  }
  let got = serialize(deep);
  for (let i = 0; i < MAX_DEPTH; i++) {
    got = got[0];
  }
  assert.deepStrictEqual(got, { $depth: true });

  const cyc = { name: 'c' };
  cyc.self = cyc;
  const shared = { s: 1 };
  assert.deepStrictEqual(serialize({ cyc, x: shared, y: shared }), { cyc: { name: 'c', self: { $cycle: true } }, x: { s: 1 }, y: { s: 1 } });
});

test('describeError', () => {
  const err = new Error('relation "t" does not exist');
  err.name = 'SequelizeDatabaseError';
  err.sql = 'SELECT 1';
  err.original = { code: '42P01', message: 'relation "t" does not exist' };
  assert.deepStrictEqual(describeError(err), {
    name: 'SequelizeDatabaseError', message: 'relation "t" does not exist', sql: 'SELECT 1',
    originalCode: '42P01', originalMessage: 'relation "t" does not exist',
  });
  assert.deepStrictEqual(describeError(new Error('x')), { name: 'Error', message: 'x', sql: null, originalCode: null, originalMessage: null });
  assert.deepStrictEqual(describeError('boom'), { name: null, message: 'boom', sql: null, originalCode: null, originalMessage: null });
});
