'use strict';
// sqlgen-fixtures.js records what real Sequelize computes for the inputs in
// dialect/internal/sqlgen/testdata/inputs.json — generated index names
// (Utils.underscore), JavaScript number text, literal escaping, the where
// compiler and replacement injection, per dialect — into
// dialect/internal/sqlgen/testdata/sequelize.json. Go's unit tests of the
// shared SQL writer compare with it. No database is needed.
//
// Usage (from the repository root): node compat-tests/oracle/sqlgen-fixtures.js
process.env.TZ = 'UTC';
const fs = require('fs');
const path = require('path');
const { Sequelize, Op } = require('sequelize');
const Utils = require('sequelize/lib/utils');
const { injectReplacements } = require('sequelize/lib/utils/sql');

const root = path.resolve(__dirname, '..', '..');
const inputsPath = path.join(root, 'dialect/internal/sqlgen/testdata/inputs.json');
const outPath = path.join(root, 'dialect/internal/sqlgen/testdata/sequelize.json');
const inputs = JSON.parse(fs.readFileSync(inputsPath, 'utf8'));

// decode turns the JSON encoding of inputs.json into JavaScript values:
// {"$date": iso}, {"$bytes": hex}, {"$undefined": true}, {"$fn": [name, ...args]},
// {"$col": name}, {"$literal": sql}, {"$where": [attr, comparator?, logic]}, and
// object keys "$op:name" for Op symbols.
function decode(v) {
  if (Array.isArray(v)) return v.map(decode);
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  if (keys.length === 1) {
    const k = keys[0];
    const x = v[k];
    switch (k) {
      case '$date': return new Date(x);
      case '$bytes': return Buffer.from(x, 'hex');
      case '$undefined': return undefined;
      case '$fn': return Sequelize.fn(x[0], ...x.slice(1).map(decode));
      case '$col': return Sequelize.col(x);
      case '$literal': return Sequelize.literal(x);
      case '$where': {
        const args = x.map((a) => (typeof a === 'string' && a.startsWith('$op:') ? Op[a.slice(4)] : decode(a)));
        return Sequelize.where(...args);
      }
      default: break;
    }
  }
  const out = {};
  for (const k of keys) {
    if (k.startsWith('$op:')) out[Op[k.slice(4)]] = decode(v[k]);
    else out[k] = decode(v[k]);
  }
  return out;
}

function attempt(fn) {
  try {
    return fn();
  } catch (err) {
    return { error: err.message };
  }
}

const dialects = ['sqlite', 'postgres', 'mysql', 'mariadb'];
const out = {
  sequelize: require('sequelize/package.json').version,
  underscore: inputs.underscore.map((s) => [s, Utils.underscore(s)]),
  number: inputs.number.map((n) => String(n)),
  escape: {},
  where: {},
  replacements: {},
};
for (const d of dialects) {
  const s = new Sequelize({ dialect: d, logging: false, storage: ':memory:' });
  const qg = s.getQueryInterface().queryGenerator;
  out.escape[d] = inputs.escape.map((v) => attempt(() => String(s.escape(decode(v)))));
  out.where[d] = inputs.where.map((w) => attempt(() => qg.whereItemsQuery(decode(w))));
  out.replacements[d] = inputs.replacements.map((r) => attempt(() => injectReplacements(r.sql, s.dialect, decode(r.named || r.positional))));
}
fs.writeFileSync(outPath, JSON.stringify(out, null, 2) + '\n');
console.log(`wrote ${path.relative(root, outPath)}`);
