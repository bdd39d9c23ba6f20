#!/usr/bin/env node
'use strict';
// run-case.js runs one compat-tests case through real Sequelize v6 and prints
// what happened as ONE JSON document on stdout:
//
//   {"statements": [{"sql": "…", "bind": […]|{…}|null, "unlogged": true?}, …],
//    "result": <serialize.js encoding of the value up() resolved to> | null,
//    "error": null | {"name", "message", "sql", "originalCode", "originalMessage"}}
//
// Usage:
//   node run-case.js --dialect <sqlite|postgres|mysql|mariadb> \
//     --connection '<json: storage | host, port, username, password, database>' \
//     --input /abs/path/input.js [--options '<json of extra Sequelize options>']
//
// input.js is a module shaped like a migration: it exports { up(queryInterface, Sequelize) }.
// up is called as sequelize-cli calls it: this = the module, arguments =
// (sequelize.getQueryInterface(), Sequelize).
//
// Statements:
// - every statement Sequelize runs through its Query classes is recorded when
//   Sequelize logs it ("Executing (<id>): <sql>"), with options.bind of that
//   query. The hook sits on AbstractQuery#_logQuery, the one place every dialect
//   logs from, so statements whose logging was switched off per query are kept.
// - statements Sequelize sends straight to the driver without logging them
//   (connection set-up such as postgres "SET client_min_messages…", mysql
//   "SET time_zone…", sqlite "PRAGMA FOREIGN_KEYS=ON", the postgres type-OID
//   query, sqlite's "PRAGMA table_info" before a SELECT) are recorded, marked
//   "unlogged": true, at the moment they reach the driver. Driver calls that
//   carry a statement already recorded as logged are not recorded twice.
// - so that recordings do not change from run to run, the database name
//   and the sqlite storage path become <database> and <storage> everywhere
//   (statements, bind, result, error), every UUID in statements and errors
//   becomes <uuid> (transaction ids appear in SAVEPOINT names), and the
//   mariadb connector's "(conn:<server connection id>, " becomes
//   "(conn:<id>, " in error messages.
// sequelize.authenticate() is NOT called: the first statement is whatever the
// case itself causes.
//
// Exit status: 0 when the document was printed (also when up() rejected: that
// is recorded in "error"); 2 for usage errors or when input.js cannot be loaded;
// 3 when up() never settled.

process.env.TZ = 'UTC';

const path = require('path');
const Module = require('module');

// Let input.js files outside this folder require('sequelize') from our node_modules.
const ownModules = path.join(__dirname, 'node_modules');
const nodePath = (process.env.NODE_PATH || '').split(path.delimiter).filter(Boolean);
if (!nodePath.includes(ownModules)) {
  process.env.NODE_PATH = [ownModules, ...nodePath].join(path.delimiter);
  Module._initPaths();
}

const { serialize, describeError } = require('./serialize');

// Everything a migration prints goes to stderr: stdout carries only the JSON document.
for (const level of ['log', 'info', 'debug', 'warn', 'trace', 'dir', 'table']) {
  console[level] = console.error.bind(console);
}

const DIALECTS = ['sqlite', 'postgres', 'mysql', 'mariadb'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function usage(message) {
  process.stderr.write(`run-case: ${message}\n` +
    'usage: node run-case.js --dialect <sqlite|postgres|mysql|mariadb> --connection <json> --input <abs path> [--options <json>]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!['--dialect', '--connection', '--input', '--options'].includes(flag)) {
      usage(`unknown argument ${JSON.stringify(flag)}`);
    }
    if (i + 1 >= argv.length) {
      usage(`${flag} needs a value`);
    }
    args[flag.slice(2)] = argv[++i];
  }
  if (!DIALECTS.includes(args.dialect)) {
    usage(`--dialect must be one of ${DIALECTS.join(', ')}`);
  }
  if (!args.input || !path.isAbsolute(args.input)) {
    usage('--input must be an absolute path');
  }
  for (const name of ['connection', 'options']) {
    if (args[name] === undefined) {
      args[name] = {};
      continue;
    }
    try {
      args[name] = JSON.parse(args[name]);
    } catch (err) {
      usage(`--${name} is not JSON: ${err.message}`);
    }
    if (args[name] === null || typeof args[name] !== 'object' || Array.isArray(args[name])) {
      usage(`--${name} must be a JSON object`);
    }
  }
  return args;
}

// The mariadb connector puts the server's connection id in its messages:
// "(conn:279, no: 1265, SQLState: 01000) …" (3.x) or "(conn=279, no: 1265, …)" (2.x).
const MARIADB_CONN = /\(conn([:=])-?\d+, /g;

// mapStrings returns a copy of a JSON-compatible value with fn applied to
// every string value (object keys are kept).
function mapStrings(value, fn) {
  if (typeof value === 'string') {
    return fn(value);
  }
  if (Array.isArray(value)) {
    return value.map((v) => mapStrings(v, fn));
  }
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) {
      out[key] = mapStrings(value[key], fn);
    }
    return out;
  }
  return value;
}

// maskDoc replaces what changes from one recording to the next: the random
// database name (<database>) and sqlite file path (<storage>) everywhere,
// UUIDs (<uuid>) in statements and errors, and mariadb connection ids in
// error messages.
function maskDoc(doc, connection) {
  const names = [];
  if (typeof connection.storage === 'string' && connection.storage !== '' && connection.storage !== ':memory:') {
    names.push([connection.storage, '<storage>']);
  }
  if (typeof connection.database === 'string' && connection.database !== '') {
    names.push([connection.database, '<database>']);
  }
  const maskNames = (s) => names.reduce((acc, [name, placeholder]) => acc.split(name).join(placeholder), s);
  const maskAll = (s) => maskNames(s.replace(UUID, '<uuid>'));
  return {
    statements: doc.statements.map((st) => {
      const out = { sql: maskAll(st.sql), bind: mapStrings(st.bind, maskAll) };
      if (st.unlogged) {
        out.unlogged = true;
      }
      return out;
    }),
    result: mapStrings(doc.result, (s) => maskNames(s).replace(MARIADB_CONN, '(conn$1<id>, ')),
    error: mapStrings(doc.error, (s) => maskAll(s).replace(MARIADB_CONN, '(conn$1<id>, ')),
  };
}

const statements = [];
const rawSQL = []; // rawSQL[i] is the unmasked SQL of statements[i]
const pending = []; // SQL recorded as logged that has not reached the driver yet
let sentThisTick = []; // indexes of unlogged entries recorded in the current synchronous run

function recordLogged(sql, bind) {
  const entry = { sql, bind: bind === undefined || bind === null ? null : serialize(bind) };
  // postgres hands the statement to the driver first and logs it right after,
  // in the same synchronous run: turn that driver call into the logged entry.
  for (let k = sentThisTick.length - 1; k >= 0; k--) {
    const i = sentThisTick[k];
    if (rawSQL[i] === sql) {
      statements[i] = entry;
      sentThisTick.splice(k, 1);
      return;
    }
  }
  statements.push(entry);
  rawSQL.push(sql);
  pending.push(sql);
}

function recordDriverCall(sql) {
  if (typeof sql !== 'string') {
    return;
  }
  const i = pending.indexOf(sql);
  if (i !== -1) {
    pending.splice(i, 1);
    return;
  }
  statements.push({ sql, bind: null, unlogged: true });
  rawSQL.push(sql);
  if (sentThisTick.length === 0) {
    queueMicrotask(() => {
      sentThisTick = [];
    });
  }
  sentThisTick.push(statements.length - 1);
}

function sqlOf(arg) {
  if (typeof arg === 'string') {
    return arg;
  }
  if (arg && typeof arg === 'object') {
    return typeof arg.sql === 'string' ? arg.sql : arg.text;
  }
  return undefined;
}

function patchMethods(target, methods) {
  for (const method of methods) {
    const original = target[method];
    if (typeof original !== 'function') {
      continue;
    }
    target[method] = function (...args) {
      recordDriverCall(sqlOf(args[0]));
      return original.apply(this, args);
    };
  }
}

// wrapDriver replaces connectionManager.lib by an object that inherits
// everything from the real driver module but hands out connections whose
// query methods report to recordDriverCall.
function wrapDriver(dialect, connectionManager) {
  const lib = connectionManager.lib;
  const overrides = {};
  switch (dialect) {
    case 'postgres':
      overrides.Client = function Client(...args) {
        const client = new lib.Client(...args);
        patchMethods(client, ['query']);
        return client;
      };
      break;
    case 'sqlite':
      overrides.Database = function Database(...args) {
        const db = new lib.Database(...args);
        patchMethods(db, ['run', 'all', 'get', 'each', 'map', 'exec', 'prepare']);
        return db;
      };
      break;
    case 'mysql':
      overrides.createConnection = function createConnection(...args) {
        const connection = lib.createConnection(...args);
        patchMethods(connection, ['query', 'execute']);
        return connection;
      };
      break;
    case 'mariadb':
      overrides.createConnection = async function createConnection(config, ...rest) {
        // The mariadb connector runs initSql itself while connecting.
        const initSql = config && config.initSql;
        for (const sql of Array.isArray(initSql) ? initSql : initSql ? [initSql] : []) {
          recordDriverCall(sql);
        }
        const connection = await lib.createConnection(config, ...rest);
        patchMethods(connection, ['query', 'execute', 'batch']);
        return connection;
      };
      break;
    default:
      throw new Error(`no driver hook for ${dialect}`);
  }
  const wrapped = Object.create(lib);
  for (const [name, fn] of Object.entries(overrides)) {
    Object.defineProperty(wrapped, name, { value: fn, enumerable: true });
  }
  connectionManager.lib = wrapped;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { Sequelize } = require('sequelize');
  const AbstractQuery = require('sequelize/lib/dialects/abstract/query');
  const logQuery = AbstractQuery.prototype._logQuery;
  AbstractQuery.prototype._logQuery = function (sql, debugContext, parameters) {
    recordLogged(sql, this.options ? this.options.bind : undefined);
    return logQuery.call(this, sql, debugContext, parameters);
  };

  let mod;
  try {
    mod = require(args.input);
  } catch (err) {
    process.stderr.write(`run-case: cannot load ${args.input}: ${err && err.stack ? err.stack : err}\n`);
    process.exit(2);
  }
  if (!mod || typeof mod.up !== 'function') {
    process.stderr.write(`run-case: ${args.input} does not export an up function\n`);
    process.exit(2);
  }

  const doc = { statements, result: null, error: null };
  let sequelize;
  try {
    // The constructor can reject options (e.g. a timezone on sqlite): that is
    // recorded like any other error.
    sequelize = new Sequelize({
      ...args.connection,
      ...args.options,
      dialect: args.dialect,
      logging: () => {},
    });
    wrapDriver(args.dialect, sequelize.connectionManager);
    doc.result = serialize(await mod.up.call(mod, sequelize.getQueryInterface(), Sequelize));
  } catch (err) {
    doc.error = describeError(err);
  }
  if (sequelize) {
    try {
      await sequelize.close();
    } catch (err) {
      process.stderr.write(`run-case: closing the connection: ${err && err.message}\n`);
    }
  }
  return maskDoc(doc, args.connection);
}

let printed = false;
process.on('exit', (code) => {
  if (!printed && code === 0) {
    process.stderr.write('run-case: up() never settled\n');
    process.exitCode = 3;
  }
});

main().then(
  (doc) => {
    printed = true;
    process.stdout.write(`${JSON.stringify(doc)}\n`, () => process.exit(0));
  },
  (err) => {
    process.stderr.write(`run-case: ${err && err.stack ? err.stack : err}\n`);
    process.exit(2);
  },
);
