// The JavaScript half of sqzjs's Sequelize surface: DataTypes, operators,
// query types, errors, Sequelize's helper objects (fn, col, literal, …), the
// Sequelize class and the QueryInterface. Database work is done by the Go
// natives passed in as `native`; everything here is argument handling that
// Sequelize itself does in JavaScript, kept close to Sequelize v6's source
// (src/data-types.js, src/utils.js, src/sequelize.js,
// src/dialects/abstract/query-interface.js) so the two can be compared.
//
// The file is one function expression: (native) => exports.
(function (native) {
  'use strict';

  // ---------------------------------------------------------------- Op
  const opNames = ['eq', 'ne', 'gte', 'gt', 'lte', 'lt', 'not', 'is', 'in', 'notIn', 'like', 'notLike',
    'iLike', 'notILike', 'startsWith', 'endsWith', 'substring', 'regexp', 'notRegexp', 'iRegexp',
    'notIRegexp', 'between', 'notBetween', 'overlap', 'contains', 'contained', 'adjacent', 'strictLeft',
    'strictRight', 'noExtendRight', 'noExtendLeft', 'and', 'or', 'any', 'all', 'values', 'col',
    'placeholder', 'join', 'match', 'anyKeyExists', 'allKeysExist'];
  const Op = {};
  for (const name of opNames) Op[name] = Symbol.for(name);
  Object.freeze(Op);

  const QueryTypes = {
    SELECT: 'SELECT', INSERT: 'INSERT', UPDATE: 'UPDATE', BULKUPDATE: 'BULKUPDATE',
    BULKDELETE: 'BULKDELETE', DELETE: 'DELETE', UPSERT: 'UPSERT', VERSION: 'VERSION',
    SHOWTABLES: 'SHOWTABLES', SHOWINDEXES: 'SHOWINDEXES', DESCRIBE: 'DESCRIBE', RAW: 'RAW',
    FOREIGNKEYS: 'FOREIGNKEYS', SHOWCONSTRAINTS: 'SHOWCONSTRAINTS',
  };

  const TableHints = { NOLOCK: 'NOLOCK', READUNCOMMITTED: 'READUNCOMMITTED', UPDLOCK: 'UPDLOCK',
    REPEATABLEREAD: 'REPEATABLEREAD', SERIALIZABLE: 'SERIALIZABLE', READCOMMITTED: 'READCOMMITTED',
    TABLOCK: 'TABLOCK', TABLOCKX: 'TABLOCKX', PAGLOCK: 'PAGLOCK', ROWLOCK: 'ROWLOCK',
    NOWAIT: 'NOWAIT', READPAST: 'READPAST', XLOCK: 'XLOCK', SNAPSHOT: 'SNAPSHOT', NOEXPAND: 'NOEXPAND' };
  const IndexHints = { USE: 'USE', FORCE: 'FORCE', IGNORE: 'IGNORE' };

  // ---------------------------------------------------------------- Utils
  class SequelizeMethod {}
  class Fn extends SequelizeMethod {
    constructor(fn, args) { super(); this.fn = fn; this.args = args; }
    clone() { return new Fn(this.fn, this.args); }
  }
  class Col extends SequelizeMethod {
    constructor(col, ...args) {
      super();
      if (args.length > 0) col = args;
      this.col = col;
    }
  }
  class Cast extends SequelizeMethod {
    constructor(val, type, json) { super(); this.val = val; this.type = (type || '').trim(); this.json = json || false; }
  }
  class Literal extends SequelizeMethod {
    constructor(val) { super(); this.val = val; }
  }
  class Json extends SequelizeMethod {
    constructor(conditionsOrPath, value) {
      super();
      if (typeof conditionsOrPath === 'object' && conditionsOrPath !== null) {
        this.conditions = conditionsOrPath;
      } else {
        this.path = conditionsOrPath;
        if (value) this.value = value;
      }
    }
  }
  class Where extends SequelizeMethod {
    constructor(attribute, comparator, logic) {
      super();
      if (logic === undefined) {
        logic = comparator;
        comparator = '=';
      }
      this.attribute = attribute;
      this.comparator = comparator;
      this.logic = logic;
    }
  }
  Object.defineProperty(SequelizeMethod.prototype, '__sqzMethod', { value: true });
  for (const [C, kind] of [[Fn, 'fn'], [Col, 'col'], [Cast, 'cast'], [Literal, 'literal'], [Json, 'json'], [Where, 'where']]) {
    Object.defineProperty(C.prototype, '__sqzKind', { value: kind });
  }

  function isPlainObject(v) {
    if (v === null || typeof v !== 'object') return false;
    const proto = Object.getPrototypeOf(v);
    return proto === null || proto === Object.prototype;
  }
  // _.isEmpty: nothing, an empty array or string, a Map or Set without
  // entries, an object without own enumerable keys; numbers and booleans
  // count as empty.
  function isEmpty(v) {
    if (v === null || v === undefined) return true;
    if (typeof v === 'string' || Array.isArray(v)) return v.length === 0;
    if (v instanceof Map || v instanceof Set) return v.size === 0;
    if (typeof v === 'object' || typeof v === 'function') return Object.keys(v).length === 0;
    return true;
  }

  function underscore(str) {
    return str.split('::').map((p) => p.replace(/([A-Z])/g, '_$1').replace(/^_/, '')).join('/').toLowerCase();
  }

  const Utils = {
    SequelizeMethod, Fn, Col, Cast, Literal, Json, Where,
    isPrimitive: (v) => ['string', 'number', 'boolean'].includes(typeof v),
    underscore,
    cloneDeep: (o) => (o === undefined ? o : structuredCloneish(o)),
    generateEnumName: (t, c) => `enum_${t}_${c}`,
  };

  function structuredCloneish(o) {
    if (Array.isArray(o)) return o.map(structuredCloneish);
    if (isPlainObject(o)) {
      const out = {};
      for (const k of Object.keys(o)) out[k] = structuredCloneish(o[k]);
      for (const s of Object.getOwnPropertySymbols(o)) out[s] = structuredCloneish(o[s]);
      return out;
    }
    return o;
  }

  // ---------------------------------------------------------------- DataTypes
  // Each type keeps the instance fields Sequelize's toSql reads (_length,
  // _binary, _unsigned, …); package bridge reads them to describe the type to
  // the dialect, which renders it as Sequelize's dialect would.
  class ABSTRACT {
    toString(options) { return this.toSql(options); }
    toSql() { return this.key; }
    stringify(value) { return value; }
    static toString() { return this.name; }
    static warn() {}
    static extend(oldType) { return new this(oldType.options); }
  }
  Object.defineProperty(ABSTRACT.prototype, '__sqzType', { value: true });

  class STRING extends ABSTRACT {
    constructor(length, binary) {
      super();
      const options = (typeof length === 'object' && length) || { length, binary };
      this.options = options;
      this._binary = options.binary;
      this._length = options.length || 255;
    }
    toSql() { return `VARCHAR(${this._length})${this._binary ? ' BINARY' : ''}`; }
    get BINARY() { this._binary = true; this.options.binary = true; return this; }
    static get BINARY() { return new this().BINARY; }
  }
  class CHAR extends STRING {
    constructor(length, binary) { super((typeof length === 'object' && length) || { length, binary }); }
    toSql() { return `CHAR(${this._length})${this._binary ? ' BINARY' : ''}`; }
  }
  class TEXT extends ABSTRACT {
    constructor(length) {
      super();
      const options = (typeof length === 'object' && length) || { length };
      this.options = options;
      this._length = options.length || '';
    }
    toSql() {
      switch (String(this._length).toLowerCase()) {
        case 'tiny': return 'TINYTEXT';
        case 'medium': return 'MEDIUMTEXT';
        case 'long': return 'LONGTEXT';
        default: return this.key;
      }
    }
  }
  class CITEXT extends ABSTRACT { toSql() { return 'CITEXT'; } }
  class NUMBER extends ABSTRACT {
    constructor(options = {}) {
      super();
      if (typeof options === 'number') options = { length: options };
      this.options = options;
      this._length = options.length;
      this._zerofill = options.zerofill;
      this._decimals = options.decimals;
      this._precision = options.precision;
      this._scale = options.scale;
      this._unsigned = options.unsigned;
    }
    toSql() {
      let result = this.key;
      if (this._length) {
        result += `(${this._length}`;
        if (typeof this._decimals === 'number') result += `,${this._decimals}`;
        result += ')';
      }
      if (this._unsigned) result += ' UNSIGNED';
      if (this._zerofill) result += ' ZEROFILL';
      return result;
    }
    get UNSIGNED() { this._unsigned = true; this.options.unsigned = true; return this; }
    get ZEROFILL() { this._zerofill = true; this.options.zerofill = true; return this; }
    static get UNSIGNED() { return new this().UNSIGNED; }
    static get ZEROFILL() { return new this().ZEROFILL; }
  }
  class INTEGER extends NUMBER {}
  class TINYINT extends INTEGER {}
  class SMALLINT extends INTEGER {}
  class MEDIUMINT extends INTEGER {}
  class BIGINT extends INTEGER {}
  class FLOAT extends NUMBER {
    constructor(length, decimals) { super((typeof length === 'object' && length) || { length, decimals }); }
  }
  class REAL extends NUMBER {
    constructor(length, decimals) { super((typeof length === 'object' && length) || { length, decimals }); }
  }
  class DOUBLE extends NUMBER {
    constructor(length, decimals) { super((typeof length === 'object' && length) || { length, decimals }); }
  }
  class DECIMAL extends NUMBER {
    constructor(precision, scale) { super((typeof precision === 'object' && precision) || { precision, scale }); }
    toSql() {
      if (this._precision || this._scale) {
        return `DECIMAL(${[this._precision, this._scale].filter((x) => x).join(',')})`;
      }
      return 'DECIMAL';
    }
  }
  class BOOLEAN extends ABSTRACT { toSql() { return 'TINYINT(1)'; } }
  class TIME extends ABSTRACT { toSql() { return 'TIME'; } }
  class DATE extends ABSTRACT {
    constructor(length) {
      super();
      const options = (typeof length === 'object' && length) || { length };
      this.options = options;
      this._length = options.length || '';
    }
    toSql() { return 'DATETIME'; }
  }
  class DATEONLY extends ABSTRACT { toSql() { return 'DATE'; } }
  class HSTORE extends ABSTRACT {}
  class JSONTYPE extends ABSTRACT {}
  class JSONB extends JSONTYPE {}
  class NOW extends ABSTRACT {}
  class BLOB extends ABSTRACT {
    constructor(length) {
      super();
      const options = (typeof length === 'object' && length) || { length };
      this.options = options;
      this._length = options.length || '';
    }
    toSql() {
      switch (String(this._length).toLowerCase()) {
        case 'tiny': return 'TINYBLOB';
        case 'medium': return 'MEDIUMBLOB';
        case 'long': return 'LONGBLOB';
        default: return this.key;
      }
    }
  }
  class RANGE extends ABSTRACT {
    constructor(subtype) {
      super();
      const options = isPlainObject(subtype) ? subtype : { subtype };
      if (!options.subtype) options.subtype = new INTEGER();
      if (typeof options.subtype === 'function') options.subtype = new options.subtype();
      this._subtype = options.subtype.key;
      this.options = options;
    }
  }
  class UUID extends ABSTRACT {}
  class UUIDV1 extends ABSTRACT {}
  class UUIDV4 extends ABSTRACT {}
  class VIRTUAL extends ABSTRACT {
    constructor(ReturnType, fields) {
      super();
      if (typeof ReturnType === 'function') ReturnType = new ReturnType();
      this.returnType = ReturnType;
      this.fields = fields;
    }
  }
  class ENUM extends ABSTRACT {
    constructor(...args) {
      super();
      const value = args[0];
      const options = (typeof value === 'object' && !Array.isArray(value) && value) || {
        values: args.reduce((result, element) => result.concat(Array.isArray(element) ? element : [element]), []),
      };
      this.values = options.values;
      this.options = options;
    }
  }
  class ARRAY extends ABSTRACT {
    constructor(type) {
      super();
      const options = isPlainObject(type) ? type : { type };
      this.options = options;
      this.type = typeof options.type === 'function' ? new options.type() : options.type;
    }
    toSql() { return `${this.type.toSql()}[]`; }
    static is(obj, type) { return obj instanceof ARRAY && obj.type instanceof type; }
  }
  class GEOMETRY extends ABSTRACT {
    constructor(type, srid) {
      super();
      const options = isPlainObject(type) ? type : { type, srid };
      this.options = options;
      this.type = options.type;
      this.srid = options.srid;
    }
  }
  class GEOGRAPHY extends ABSTRACT {
    constructor(type, srid) {
      super();
      const options = isPlainObject(type) ? type : { type, srid };
      this.options = options;
      this.type = options.type;
      this.srid = options.srid;
    }
  }
  class CIDR extends ABSTRACT {}
  class INET extends ABSTRACT {}
  class MACADDR extends ABSTRACT {}
  class TSVECTOR extends ABSTRACT {}

  const rawTypes = {
    ABSTRACT, STRING, CHAR, TEXT, NUMBER, TINYINT, SMALLINT, MEDIUMINT, INTEGER, BIGINT, FLOAT, TIME,
    DATE, DATEONLY, BOOLEAN, NOW, BLOB, DECIMAL, NUMERIC: DECIMAL, UUID, UUIDV1, UUIDV4, HSTORE,
    JSON: JSONTYPE, JSONB, VIRTUAL, ARRAY, ENUM, RANGE, REAL, 'DOUBLE PRECISION': DOUBLE, DOUBLE,
    GEOMETRY, GEOGRAPHY, CIDR, INET, MACADDR, CITEXT, TSVECTOR,
  };
  for (const name of Object.keys(rawTypes)) {
    const T = rawTypes[name];
    if (!Object.prototype.hasOwnProperty.call(T, 'key')) {
      T.types = {};
      T.key = T.prototype.key = name;
    }
  }

  // classToInvokable: a type can be used bare, called, or constructed.
  // Sequelize wraps each class in a Proxy; a plain function whose prototype
  // is the class's and whose own prototype chain leads to the class (so
  // static getters such as STRING.BINARY see it as `this`) behaves the same
  // for every use migrations make, and keeps `instanceof` working on
  // engines that do not treat a Proxy of a class as callable there.
  function classToInvokable(Class) {
    const Invokable = function (...args) { return new Class(...args); };
    Object.defineProperty(Invokable, 'name', { value: Class.name });
    Object.defineProperty(Invokable, 'prototype', { value: Class.prototype });
    Object.setPrototypeOf(Invokable, Class);
    return Invokable;
  }
  const DataTypes = {};
  const typeClasses = new Set();
  for (const name of Object.keys(rawTypes)) {
    const invokable = classToInvokable(rawTypes[name]);
    DataTypes[name] = invokable;
    typeClasses.add(invokable);
    typeClasses.add(rawTypes[name]);
  }
  // Dialect namespaces (DataTypes.postgres.JSONB, …) share the same types here:
  // the dialect renders them.
  for (const d of ['postgres', 'mysql', 'mariadb', 'sqlite', 'mssql', 'db2', 'snowflake', 'oracle']) {
    DataTypes[d] = Object.assign({}, DataTypes);
  }

  function isTypeClass(v) {
    return typeof v === 'function' && (typeClasses.has(v) || (v.prototype instanceof ABSTRACT));
  }

  // ---------------------------------------------------------------- Deferrable
  class ABSTRACT_DEFERRABLE { toString(...args) { return this.toSql(...args); } }
  class INITIALLY_DEFERRED extends ABSTRACT_DEFERRABLE { toSql() { return 'DEFERRABLE INITIALLY DEFERRED'; } }
  class INITIALLY_IMMEDIATE extends ABSTRACT_DEFERRABLE { toSql() { return 'DEFERRABLE INITIALLY IMMEDIATE'; } }
  class NOT extends ABSTRACT_DEFERRABLE { toSql() { return 'NOT DEFERRABLE'; } }
  class SET_DEFERRED extends ABSTRACT_DEFERRABLE {
    constructor(constraints) { super(); this.constraints = constraints; }
    toSql(qg) { return qg ? qg.setDeferredQuery(this.constraints) : ''; }
  }
  class SET_IMMEDIATE extends ABSTRACT_DEFERRABLE {
    constructor(constraints) { super(); this.constraints = constraints; }
    toSql(qg) { return qg ? qg.setImmediateQuery(this.constraints) : ''; }
  }
  // The part of Postgres's query generator Deferrable.toSql calls.
  const pgDeferGenerator = {
    setDeferredQuery(columns) {
      return `SET CONSTRAINTS ${columns && columns.length ? columns.map((c) => native.quoteIdentifier(c)).join(', ') : 'ALL'} DEFERRED`;
    },
    setImmediateQuery(columns) {
      return `SET CONSTRAINTS ${columns && columns.length ? columns.map((c) => native.quoteIdentifier(c)).join(', ') : 'ALL'} IMMEDIATE`;
    },
  };
  const Deferrable = {
    INITIALLY_DEFERRED: classToInvokable(INITIALLY_DEFERRED),
    INITIALLY_IMMEDIATE: classToInvokable(INITIALLY_IMMEDIATE),
    NOT: classToInvokable(NOT),
    SET_DEFERRED: classToInvokable(SET_DEFERRED),
    SET_IMMEDIATE: classToInvokable(SET_IMMEDIATE),
  };

  // ---------------------------------------------------------------- errors
  class BaseError extends Error {
    constructor(message) { super(message); this.name = 'SequelizeBaseError'; }
  }
  class DatabaseError extends BaseError {
    constructor(parent, options = {}) {
      super(parent.message);
      this.name = 'SequelizeDatabaseError';
      this.parent = parent;
      this.original = parent;
      this.sql = parent.sql;
      this.parameters = parent.parameters != null ? parent.parameters : {};
      if (options.stack) this.stack = options.stack;
    }
  }
  class ValidationErrorItem {
    constructor(message, type, path, value, instance, validatorKey, fnName, fnArgs) {
      this.message = message || '';
      this.type = null;
      this.path = path || null;
      this.value = value !== undefined ? value : null;
      this.origin = null;
      this.instance = instance || null;
      this.validatorKey = validatorKey || null;
      this.validatorName = fnName || null;
      this.validatorArgs = fnArgs || [];
      const types = { 'notnull violation': 'CORE', 'string violation': 'CORE', 'unique violation': 'DB', 'validation error': 'FUNCTION' };
      if (type) {
        if (['CORE', 'DB', 'FUNCTION'].includes(type)) {
          this.origin = type;
        } else {
          const real = types[String(type).toLowerCase().trim()];
          if (real) { this.origin = real; this.type = type; }
        }
      }
    }
  }
  class ValidationError extends BaseError {
    constructor(message, errors, options = {}) {
      super(message);
      this.name = 'SequelizeValidationError';
      this.message = 'Validation Error';
      this.errors = errors || [];
      if (message) {
        this.message = message;
      } else if (this.errors.length > 0 && this.errors[0].message) {
        this.message = this.errors.map((err) => `${err.type || err.origin}: ${err.message}`).join(',\n');
      }
      if (options.stack) this.stack = options.stack;
    }
    get(path) { return this.errors.filter((e) => e.path === path); }
  }
  class UniqueConstraintError extends ValidationError {
    constructor(options) {
      options = options != null ? options : {};
      options.parent = options.parent != null ? options.parent : { sql: '', name: '', message: '' };
      options.message = options.message || options.parent.message || 'Validation Error';
      options.errors = options.errors != null ? options.errors : [];
      super(options.message, options.errors, { stack: options.stack });
      this.name = 'SequelizeUniqueConstraintError';
      this.fields = options.fields != null ? options.fields : {};
      this.parent = options.parent;
      this.original = options.parent;
      this.sql = options.parent.sql;
    }
  }
  class ForeignKeyConstraintError extends DatabaseError {
    constructor(options) {
      options = options || {};
      options.parent = options.parent || { sql: '', name: '', message: '' };
      super(options.parent, { stack: options.stack });
      this.name = 'SequelizeForeignKeyConstraintError';
      this.message = options.message || options.parent.message || 'Database Error';
      this.fields = options.fields;
      this.table = options.table;
      this.value = options.value;
      this.index = options.index;
      this.reltype = options.reltype;
    }
  }
  class ExclusionConstraintError extends DatabaseError {
    constructor(options) {
      options = options || {};
      options.parent = options.parent || { sql: '', name: '', message: '' };
      super(options.parent, { stack: options.stack });
      this.name = 'SequelizeExclusionConstraintError';
      this.message = options.message || options.parent.message || '';
      this.constraint = options.constraint;
      this.fields = options.fields;
      this.table = options.table;
    }
  }
  class UnknownConstraintError extends DatabaseError {
    constructor(options) {
      options = options || {};
      options.parent = options.parent || { sql: '', name: '', message: '' };
      super(options.parent, { stack: options.stack });
      this.name = 'SequelizeUnknownConstraintError';
      this.message = options.message || 'The specified constraint does not exist';
      this.constraint = options.constraint;
      this.fields = options.fields;
      this.table = options.table;
    }
  }
  class TimeoutError extends DatabaseError {
    constructor(parent, options) { super(parent, options); this.name = 'SequelizeTimeoutError'; }
  }
  class ConnectionError extends BaseError {
    constructor(parent) {
      super(parent ? parent.message : '');
      this.name = 'SequelizeConnectionError';
      this.parent = parent;
      this.original = parent;
    }
  }
  const connectionErrors = {};
  for (const [cls, name] of [['ConnectionRefusedError', 'SequelizeConnectionRefusedError'],
    ['AccessDeniedError', 'SequelizeAccessDeniedError'], ['HostNotFoundError', 'SequelizeHostNotFoundError'],
    ['HostNotReachableError', 'SequelizeHostNotReachableError'], ['InvalidConnectionError', 'SequelizeInvalidConnectionError'],
    ['ConnectionTimedOutError', 'SequelizeConnectionTimedOutError'], ['ConnectionAcquireTimeoutError', 'SequelizeConnectionAcquireTimeoutError']]) {
    connectionErrors[cls] = ({ [cls]: class extends ConnectionError { constructor(parent) { super(parent); this.name = name; } } })[cls];
  }
  function simpleError(cls, name) {
    return ({ [cls]: class extends BaseError { constructor(message) { super(message); this.name = name; } } })[cls];
  }
  const EmptyResultError = simpleError('EmptyResultError', 'SequelizeEmptyResultError');
  const QueryError = simpleError('QueryError', 'SequelizeQueryError');
  const InstanceError = simpleError('InstanceError', 'SequelizeInstanceError');
  const AssociationError = simpleError('AssociationError', 'SequelizeAssociationError');
  const EagerLoadingError = simpleError('EagerLoadingError', 'SequelizeEagerLoadingError');
  const SequelizeScopeError = simpleError('SequelizeScopeError', 'SequelizeScopeError');
  const AsyncQueueError = simpleError('AsyncQueueError', 'SequelizeAsyncQueueError');
  const OptimisticLockError = simpleError('OptimisticLockError', 'SequelizeOptimisticLockError');
  class AggregateError extends BaseError {
    constructor(errors) { super(); this.errors = errors; this.name = 'AggregateError'; }
  }
  class BulkRecordError extends BaseError {
    constructor(error, record) { super(error.message); this.name = 'SequelizeBulkRecordError'; this.errors = error; this.record = record; }
  }

  const errors = {
    Error: BaseError, BaseError, DatabaseError, ValidationError, ValidationErrorItem, UniqueConstraintError,
    ForeignKeyConstraintError, ExclusionConstraintError, UnknownConstraintError, TimeoutError, ConnectionError,
    EmptyResultError, QueryError, InstanceError, AssociationError, EagerLoadingError, SequelizeScopeError,
    AsyncQueueError, OptimisticLockError, AggregateError, BulkRecordError, ...connectionErrors,
  };

  // makeError builds the Sequelize error for a database error reported by
  // Go: the driver error first (what Sequelize keeps as `original`), then the
  // Sequelize wrapper chosen by kind.
  function makeError(info) {
    const original = new Error(info.message);
    if (info.errno !== undefined) original.errno = info.errno;
    if (info.code !== undefined) original.code = info.code;
    if (info.detail) original.detail = info.detail;
    original.sql = info.sql;
    if (info.parameters !== undefined) original.parameters = info.parameters;
    if (info.stack) original.stack = `${original.name}: ${original.message}\n${info.stack}`;
    const stack = info.stack ? null : undefined;
    let err;
    switch (info.kind) {
      case 'unique': {
        let fields;
        let items;
        if (info.fieldValues) {
          // Postgres and MySQL: fields is { column: value }.
          fields = info.fieldValues;
          items = Object.keys(fields).map((field) => new ValidationErrorItem(`${field} must be unique`, 'unique violation', field, fields[field], undefined, 'not_unique'));
        } else {
          fields = info.fields || [];
          items = fields.map((field) => new ValidationErrorItem(`${field} must be unique`, 'unique violation', field, undefined, undefined, 'not_unique'));
        }
        const message = info.sequelizeMessage !== undefined ? info.sequelizeMessage : 'Validation error';
        err = new UniqueConstraintError(info.fieldValues || info.fields ? { message, errors: items, parent: original, fields } : { message, parent: original });
        break;
      }
      case 'foreignKey': {
        const fk = info.foreignKey || {};
        const opts = { parent: original };
        if (info.sequelizeMessage !== undefined) opts.message = info.sequelizeMessage;
        if ('fields' in fk) opts.fields = fk.fields;
        if ('table' in fk) opts.table = fk.table;
        if ('index' in fk) opts.index = fk.index;
        if ('reltype' in fk) opts.reltype = fk.reltype;
        err = new ForeignKeyConstraintError(opts);
        break;
      }
      case 'exclusion':
        err = new ExclusionConstraintError({ parent: original });
        break;
      case 'timeout':
        err = new TimeoutError(original);
        break;
      case 'connection': {
        // Each connection manager's mapping of driver codes to subclasses
        // (SQLite's raises every failure as ConnectionError).
        const byCode = info.dialect === 'sqlite' ? {} : {
          ECONNREFUSED: 'ConnectionRefusedError', ENOTFOUND: 'HostNotFoundError',
          EHOSTUNREACH: 'HostNotReachableError', EINVAL: 'InvalidConnectionError',
        };
        if (info.dialect === 'mysql' || info.dialect === 'mariadb') byCode.ER_ACCESS_DENIED_ERROR = 'AccessDeniedError';
        if (info.dialect === 'mariadb') {
          byCode.ER_ACCESS_DENIED_NO_PASSWORD_ERROR = 'AccessDeniedError';
          byCode.ENETUNREACH = 'HostNotReachableError';
          byCode.EADDRNOTAVAIL = 'HostNotReachableError';
        }
        const Cls = connectionErrors[byCode[info.code]] || ConnectionError;
        err = new Cls(original);
        break;
      }
      case 'unknownConstraint':
        // Postgres reports the server's error as parent; the other dialects
        // throw from removeConstraint's lookup, with no driver error.
        err = new UnknownConstraintError(info.sequelizeMessage !== undefined
          ? { message: info.sequelizeMessage, constraint: info.constraint, fields: undefined, table: info.table, parent: original }
          : { message: info.message, constraint: info.constraint, table: info.table });
        break;
      default:
        err = new DatabaseError(original);
    }
    if (info.stack) err.stack = `${err.name}: ${err.message}\n${info.stack}`;
    void stack;
    return err;
  }

  // ---------------------------------------------------------------- attributes
  // normalizeDataType and normalizeAttribute (src/sequelize.js).
  function normalizeDataType(Type) {
    let type = typeof Type === 'function' ? new Type() : Type;
    if (type instanceof ARRAY) {
      if (!type.type) throw new Error('ARRAY is missing type definition for its values.');
    }
    return type;
  }
  function normalizeAttribute(attribute) {
    if (!isPlainObject(attribute)) attribute = { type: attribute };
    // sqzjs extension: Sequelize 3's references: 'table' with referencesKey
    // (and referencesDeferrable), as Sequelize 3 itself rewrote it.
    if (typeof attribute.references === 'string' && (attribute.referencesKey !== undefined || attribute.referencesDeferrable !== undefined)) {
      attribute.references = { model: attribute.references, key: attribute.referencesKey, deferrable: attribute.referencesDeferrable };
      delete attribute.referencesKey;
      delete attribute.referencesDeferrable;
    }
    if (!attribute.type) return attribute;
    attribute.type = normalizeDataType(attribute.type);
    if (Object.prototype.hasOwnProperty.call(attribute, 'defaultValue')) {
      if (typeof attribute.defaultValue === 'function' && [DataTypes.NOW, DataTypes.UUIDV1, DataTypes.UUIDV4, NOW, UUIDV1, UUIDV4].includes(attribute.defaultValue)) {
        attribute.defaultValue = new attribute.defaultValue();
      }
    }
    if (attribute.type instanceof ENUM) {
      if (attribute.values) {
        attribute.type.values = attribute.type.options.values = attribute.values;
      } else {
        attribute.values = attribute.type.values;
      }
      if (!attribute.values.length) throw new Error('Values for ENUM have not been defined.');
    }
    return attribute;
  }
  // QueryInterface.normalizeAttribute: a bare DataType class means
  // { type, allowNull: true }.
  function qiNormalizeAttribute(dataTypeOrOptions) {
    let attribute;
    if (Object.values(DataTypes).includes(dataTypeOrOptions) || Object.values(rawTypes).includes(dataTypeOrOptions)) {
      attribute = { type: dataTypeOrOptions, allowNull: true };
    } else {
      attribute = dataTypeOrOptions;
    }
    return normalizeAttribute(attribute);
  }
  function shallowAttributes(attributes) {
    const out = {};
    for (const key of Object.keys(attributes || {})) {
      const a = attributes[key];
      out[key] = normalizeAttribute(isPlainObject(a) ? Object.assign({}, a) : a);
    }
    return out;
  }

  // ---------------------------------------------------------------- Transaction
  let transactionCounter = 0;
  class Transaction {
    constructor(sequelize, options) {
      this.sequelize = sequelize;
      this.savepoints = [];
      this._afterCommitHooks = [];
      const generateTransactionId = native.uuid;
      this.options = Object.assign({
        type: sequelize.options.transactionType,
        isolationLevel: sequelize.options.isolationLevel,
        readOnly: false,
      }, options || {});
      this.parent = this.options.transaction;
      if (this.parent) {
        this.id = this.parent.id;
        this.parent.savepoints.push(this);
        this.name = `${this.id}-sp-${this.parent.savepoints.length}`;
      } else {
        this.id = this.name = generateTransactionId();
      }
      delete this.options.transaction;
      transactionCounter++;
    }
    async commit() {
      if (this.finished) {
        throw new Error(`Transaction cannot be committed because it has been finished with state: ${this.finished}`);
      }
      try {
        await native.commit(this);
        this.finished = 'commit';
      } finally {
        this.finished = this.finished || 'commit';
        await this.cleanup();
      }
      for (const hook of this._afterCommitHooks) await hook.call(this, this);
    }
    async rollback() {
      if (this.finished) {
        throw new Error(`Transaction cannot be rolled back because it has been finished with state: ${this.finished}`);
      }
      try {
        await native.rollback(this);
      } finally {
        this.finished = 'rollback';
        await this.cleanup();
      }
    }
    async prepareEnvironment() {
      // setDeferrable: only Postgres's generator has deferConstraintsQuery
      // (SET CONSTRAINTS …); elsewhere it returns undefined and nothing runs.
      let deferSQL;
      const deferrable = this.options.deferrable;
      if (deferrable && this.sequelize.getDialect() === 'postgres') {
        const d = typeof deferrable === 'function' ? new deferrable() : deferrable;
        deferSQL = d.toSql(pgDeferGenerator);
      }
      await native.begin(this, this.parent, Object.assign({}, this.options, { deferSQL }));
    }
    async cleanup() {
      if (this.parent) return;
      await native.release(this);
    }
    afterCommit(fn) {
      if (!fn || typeof fn !== 'function') throw new Error('"fn" must be a function');
      this._afterCommitHooks.push(fn);
    }
    get LOCK() { return Transaction.LOCK; }
    static get TYPES() { return { DEFERRED: 'DEFERRED', IMMEDIATE: 'IMMEDIATE', EXCLUSIVE: 'EXCLUSIVE' }; }
    static get ISOLATION_LEVELS() {
      return { READ_UNCOMMITTED: 'READ UNCOMMITTED', READ_COMMITTED: 'READ COMMITTED', REPEATABLE_READ: 'REPEATABLE READ', SERIALIZABLE: 'SERIALIZABLE' };
    }
    static get LOCK() { return { UPDATE: 'UPDATE', SHARE: 'SHARE', KEY_SHARE: 'KEY SHARE', NO_KEY_UPDATE: 'NO KEY UPDATE' }; }
  }

  // ---------------------------------------------------------------- QueryInterface
  class QueryInterface {
    constructor(sequelize) {
      this.sequelize = sequelize;
      this.queryGenerator = sequelize.getDialect() === 'postgres' ? new PostgresQueryGenerator(sequelize) : new QueryGenerator(sequelize);
    }
    quoteIdentifier(identifier, force) { return this.queryGenerator.quoteIdentifier(identifier, force); }
    quoteIdentifiers(identifiers) { return this.queryGenerator.quoteIdentifiers(identifiers); }
    normalizeAttribute(v) { return qiNormalizeAttribute(v); }

    async createSchema(schema, options) { return native.run('createSchema', options, schema); }
    async dropSchema(schema, options) { return native.run('dropSchema', options, schema); }
    async showAllSchemas(options) { return native.run('showAllSchemas', options); }
    async databaseVersion(options) { return native.run('databaseVersion', options); }
    async createDatabase() { throw new Error('createDatabase is available through sqzjs db:create'); }
    async dropDatabase() { throw new Error('dropDatabase is available through sqzjs db:drop'); }

    async createTable(tableName, attributes, options, model) {
      options = Object.assign({}, options);
      if (options.uniqueKeys) {
        for (const key of Object.keys(options.uniqueKeys)) {
          if (options.uniqueKeys[key].customIndex === undefined) options.uniqueKeys[key].customIndex = true;
        }
      }
      if (model) options.uniqueKeys = options.uniqueKeys || model.uniqueKeys;
      attributes = shallowAttributes(attributes);
      return native.run('createTable', options, tableName, attributes, options);
    }
    async tableExists(tableName, options) { return native.run('tableExists', options, tableName); }
    async dropTable(tableName, options) {
      options = Object.assign({}, options);
      options.cascade = options.cascade || options.force || false;
      await native.run('dropTable', options, tableName, options);
    }
    async dropAllTables(options) {
      options = options || {};
      return native.run('dropAllTables', options, options.skip || []);
    }
    async renameTable(before, after, options) { return native.run('renameTable', options, before, after); }
    async showAllTables(options) { return native.run('showAllTables', options); }
    async describeTable(tableName, options) { return native.run('describeTable', typeof options === 'object' ? options : undefined, tableName, options); }
    async addColumn(table, key, attribute, options) {
      if (!table || !key || !attribute) {
        throw new Error('addColumn takes at least 3 arguments (table, attribute name, attribute definition)');
      }
      options = options || {};
      attribute = normalizeAttribute(isPlainObject(attribute) ? Object.assign({}, attribute) : attribute);
      return native.run('addColumn', options, table, key, attribute, options);
    }
    async removeColumn(tableName, attributeName, options) {
      return native.run('removeColumn', options, tableName, attributeName, options || {});
    }
    async changeColumn(tableName, attributeName, dataTypeOrOptions, options) {
      options = options || {};
      const attribute = qiNormalizeAttribute(isPlainObject(dataTypeOrOptions) ? Object.assign({}, dataTypeOrOptions) : dataTypeOrOptions);
      return native.run('changeColumn', options, tableName, attributeName, attribute, options);
    }
    async renameColumn(tableName, attrNameBefore, attrNameAfter, options) {
      return native.run('renameColumn', options, tableName, attrNameBefore, attrNameAfter, options || {});
    }
    async addIndex(tableName, attributes, options, rawTablename) {
      if (!Array.isArray(attributes)) {
        rawTablename = options;
        options = attributes;
        attributes = options.fields;
      }
      if (!rawTablename) rawTablename = tableName;
      options = structuredCloneish(options || {});
      options.fields = attributes;
      return native.run('addIndex', options, tableName, options, rawTablename);
    }
    async showIndex(tableName, options) { return native.run('showIndex', options, tableName); }
    async getForeignKeysForTables(tableNames, options) {
      if (tableNames.length === 0) return {};
      const result = {};
      for (const t of tableNames) {
        const refs = await this.getForeignKeyReferencesForTable(t, options);
        result[t] = refs.map((r) => r.constraintName).filter((x) => x);
      }
      return result;
    }
    async getForeignKeyReferencesForTable(tableName, options) {
      return native.run('getForeignKeyReferencesForTable', options, tableName);
    }
    async removeIndex(tableName, indexNameOrAttributes, options) {
      options = options || {};
      return native.run('removeIndex', options, tableName, indexNameOrAttributes, options);
    }
    async addConstraint(tableName, options) {
      // sqzjs extension: Sequelize 5's addConstraint(tableName, attributes,
      // options), which Sequelize 6 rejects ("Fields must be specified").
      if (Array.isArray(options)) options = Object.assign({}, arguments[2], { fields: options });
      if (!options.fields) throw new Error('Fields must be specified through options.fields');
      if (!options.type) throw new Error('Constraint type must be specified through options.type');
      options = structuredCloneish(options || {});
      return native.run('addConstraint', options, tableName, options);
    }
    async showConstraint(tableName, constraintName, options) {
      return native.run('showConstraint', options, tableName, constraintName);
    }
    async removeConstraint(tableName, constraintName, options) {
      return native.run('removeConstraint', options, tableName, constraintName);
    }
    async insert(instance, tableName, values, options) {
      options = structuredCloneish(options) || {};
      return native.run('insert', options, tableName, values, options);
    }
    async bulkInsert(tableName, records, options, attributes) {
      options = Object.assign({}, options);
      return native.run('bulkInsert', options, tableName, records, options, attributes);
    }
    async bulkUpdate(tableName, values, identifier, options, attributes) {
      options = options || {};
      return native.run('bulkUpdate', options, tableName, values, identifier, options, attributes);
    }
    async bulkDelete(tableName, where, options, model) {
      options = Object.assign({ limit: null }, options);
      if (typeof where === 'string') {
        throw new Error("Support for `{where: 'raw query'}` has been removed.");
      }
      return native.run('bulkDelete', options, tableName, where, options);
    }
    async select(model, tableName, optionsArg) {
      const options = Object.assign({}, optionsArg);
      return native.run('select', options, tableName, options);
    }
    async rawSelect(tableName, options, attributeSelector) {
      options = Object.assign({ raw: true, plain: true, type: QueryTypes.SELECT }, options);
      if (attributeSelector === undefined) throw new Error('Please pass an attribute selector!');
      const rows = await native.run('select', options, tableName, options);
      if (!options.plain) return rows;
      const row = rows && rows.length ? rows[0] : null;
      const result = row ? row[attributeSelector] : null;
      const dataType = options.dataType;
      if (!dataType || result === null) return result;
      if (dataType instanceof DECIMAL || dataType instanceof FLOAT) return parseFloat(result);
      if (dataType instanceof INTEGER || dataType instanceof BIGINT) return parseInt(result, 10);
      if (dataType instanceof DATE && !(result instanceof Date)) return new Date(result);
      return result;
    }

    // Triggers and functions: the abstract query interface runs what the
    // dialect's query generator writes; only Postgres's writes anything,
    // the others have no such generator method.
    async createTrigger(tableName, triggerName, timingType, fireOnArray, functionName, functionParams, optionsArray, options) {
      const sql = this.queryGenerator.generate('createTrigger', tableName, triggerName, timingType, fireOnArray, functionName, functionParams, optionsArray);
      if (sql) return this.sequelize.query(sql, options || {});
    }
    async dropTrigger(tableName, triggerName, options) {
      const sql = this.queryGenerator.generate('dropTrigger', tableName, triggerName);
      if (sql) return this.sequelize.query(sql, options || {});
    }
    async renameTrigger(tableName, oldTriggerName, newTriggerName, options) {
      const sql = this.queryGenerator.generate('renameTrigger', tableName, oldTriggerName, newTriggerName);
      if (sql) return this.sequelize.query(sql, options || {});
    }
    async createFunction(functionName, params, returnType, language, body, optionsArray, options) {
      const sql = this.queryGenerator.generate('createFunction', functionName, params, returnType, language, body, optionsArray, options);
      if (sql) return this.sequelize.query(sql, options || {});
    }
    async dropFunction(functionName, params, options) {
      const sql = this.queryGenerator.generate('dropFunction', functionName, params);
      if (sql) return this.sequelize.query(sql, options || {});
    }
    async renameFunction(oldFunctionName, params, newFunctionName, options) {
      const sql = this.queryGenerator.generate('renameFunction', oldFunctionName, params, newFunctionName);
      if (sql) return this.sequelize.query(sql, options || {});
    }
  }
  QueryInterface.prototype.upsert = async function () {
    throw native.unsupported('queryInterface.upsert');
  };

  // Postgres's query interface adds the enum methods.
  class PostgresQueryInterface extends QueryInterface {
    async dropEnum(enumName, options) {
      const qg = this.queryGenerator;
      return this.sequelize.query(qg.pgEnumDrop(null, null, qg.pgEscapeAndQuote(enumName)), Object.assign({}, options, { raw: true }));
    }
    async dropAllEnums(options) {
      options = options || {};
      const qg = this.queryGenerator;
      const enums = await this.pgListEnums(null, options);
      return Promise.all(enums.map((result) => this.sequelize.query(qg.pgEnumDrop(null, null, qg.pgEscapeAndQuote(result.enum_name)), Object.assign({}, options, { raw: true }))));
    }
    async pgListEnums(tableName, options) {
      const sql = this.queryGenerator.pgListEnums(tableName);
      return this.sequelize.query(sql, Object.assign({}, options, { plain: false, raw: true, type: QueryTypes.SELECT }));
    }
  }

  // The parts of the query generator migrations reach through
  // queryInterface.queryGenerator.
  class QueryGenerator {
    constructor(sequelize) { this.sequelize = sequelize; this.dialect = sequelize.getDialect(); }
    quoteIdentifier(identifier) { return native.quoteIdentifier(identifier); }
    quoteIdentifiers(identifiers) {
      if (identifiers.includes('.')) {
        const parts = identifiers.split('.');
        return `${this.quoteIdentifier(parts.slice(0, -1).join('->'))}.${this.quoteIdentifier(parts[parts.length - 1])}`;
      }
      return this.quoteIdentifier(identifiers);
    }
    quoteTable(param, alias) {
      let table = native.quoteTable(param);
      if (alias === true) alias = param.as || param.name || param;
      if (alias) table += ` AS ${this.quoteIdentifier(alias)}`;
      return table;
    }
    escape(value) { return native.escape(value); }
    // generate calls the generator method name as the query interface
    // does, failing as Node does where the dialect has none.
    generate(name, ...args) {
      if (typeof this[name] !== 'function') throw new TypeError(`this.queryGenerator.${name} is not a function`);
      return this[name](...args);
    }
    extractTableDetails(tableName, options) {
      options = options || {};
      tableName = tableName || {};
      return {
        schema: tableName.schema || options.schema || this.sequelize.options.schema || 'public',
        tableName: isPlainObject(tableName) ? tableName.tableName : tableName,
        delimiter: tableName.delimiter || options.delimiter || '.',
      };
    }
  }

  // Postgres's query generator: triggers, functions and enum names
  // (src/dialects/postgres/query-generator.js).
  class PostgresQueryGenerator extends QueryGenerator {
    createTrigger(tableName, triggerName, eventType, fireOnSpec, functionName, functionParams, optionsArray) {
      const decodedEventType = this.decodeTriggerEventType(eventType);
      const eventSpec = this.expandTriggerEventSpec(fireOnSpec);
      const expandedOptions = this.expandOptions(optionsArray);
      const paramList = this._expandFunctionParamList(functionParams);
      return `CREATE ${this.triggerEventTypeIsConstraint(eventType)}TRIGGER ${this.quoteIdentifier(triggerName)} ${decodedEventType} ${eventSpec} ON ${this.quoteTable(tableName)}${expandedOptions ? ` ${expandedOptions}` : ''} EXECUTE PROCEDURE ${functionName}(${paramList});`;
    }
    dropTrigger(tableName, triggerName) {
      return `DROP TRIGGER ${this.quoteIdentifier(triggerName)} ON ${this.quoteTable(tableName)} RESTRICT;`;
    }
    renameTrigger(tableName, oldTriggerName, newTriggerName) {
      return `ALTER TRIGGER ${this.quoteIdentifier(oldTriggerName)} ON ${this.quoteTable(tableName)} RENAME TO ${this.quoteIdentifier(newTriggerName)};`;
    }
    createFunction(functionName, params, returnType, language, body, optionsArray, options) {
      if (!functionName || !returnType || !language || !body) throw new Error('createFunction missing some parameters. Did you pass functionName, returnType, language and body?');
      const paramList = this._expandFunctionParamList(params);
      const variableList = options && options.variables ? this._expandFunctionVariableList(options.variables) : '';
      const expandedOptionsArray = this.expandOptions(optionsArray);
      const statement = options && options.force ? 'CREATE OR REPLACE FUNCTION' : 'CREATE FUNCTION';
      return `${statement} ${functionName}(${paramList}) RETURNS ${returnType} AS $func$ ${variableList} BEGIN ${body} END; $func$ language '${language}'${expandedOptionsArray};`;
    }
    dropFunction(functionName, params) {
      if (!functionName) throw new Error('requires functionName');
      return `DROP FUNCTION ${functionName}(${this._expandFunctionParamList(params)}) RESTRICT;`;
    }
    renameFunction(oldFunctionName, params, newFunctionName) {
      return `ALTER FUNCTION ${oldFunctionName}(${this._expandFunctionParamList(params)}) RENAME TO ${newFunctionName};`;
    }
    pgEscapeAndQuote(val) { return this.quoteIdentifier(String(this.escape(val)).split("'").join('')); }
    _expandFunctionParamList(params) {
      if (params === undefined || !Array.isArray(params)) throw new Error('_expandFunctionParamList: function parameters array required, including an empty one for no arguments');
      const paramList = [];
      params.forEach((curParam) => {
        const paramDef = [];
        if (!curParam.type) throw new Error('function or trigger used with a parameter without any type');
        if (curParam.direction) paramDef.push(curParam.direction);
        if (curParam.name) paramDef.push(curParam.name);
        paramDef.push(curParam.type);
        const joined = paramDef.join(' ');
        if (joined) paramList.push(joined);
      });
      return paramList.join(', ');
    }
    _expandFunctionVariableList(variables) {
      if (!Array.isArray(variables)) throw new Error('_expandFunctionVariableList: function variables must be an array');
      return variables.map((variable) => {
        if (!variable.name || !variable.type) throw new Error('function variable must have a name and type');
        let def = `DECLARE ${variable.name} ${variable.type}`;
        if (variable.default) def += ` := ${variable.default}`;
        return `${def};`;
      }).join(' ');
    }
    // _.isEmpty: undefined, null, empty arrays and strings, objects with no
    // own keys; everything else is joined as an array.
    expandOptions(options) { return options === undefined || isEmpty(options) ? '' : options.join(' '); }
    decodeTriggerEventType(eventSpecifier) {
      const decoded = { after: 'AFTER', before: 'BEFORE', instead_of: 'INSTEAD OF', after_constraint: 'AFTER' };
      if (!Object.prototype.hasOwnProperty.call(decoded, eventSpecifier)) throw new Error(`Invalid trigger event specified: ${eventSpecifier}`);
      return decoded[eventSpecifier];
    }
    triggerEventTypeIsConstraint(eventSpecifier) { return eventSpecifier === 'after_constraint' ? 'CONSTRAINT ' : ''; }
    expandTriggerEventSpec(fireOnSpec) {
      if (isEmpty(fireOnSpec)) throw new Error('no table change events specified to trigger on');
      const eventMap = { insert: 'INSERT', update: 'UPDATE', delete: 'DELETE', truncate: 'TRUNCATE' };
      const entries = Array.isArray(fireOnSpec) || typeof fireOnSpec === 'string'
        ? Array.from(fireOnSpec).map((v, i) => [i, v])
        : Object.keys(fireOnSpec).map((k) => [k, fireOnSpec[k]]);
      return entries.map(([fireKey, fireValue]) => {
        if (!eventMap[fireValue]) throw new Error(`parseTriggerEventSpec: undefined trigger event ${fireKey}`);
        return eventMap[fireValue];
      }).join(' OR ');
    }
    pgEnumName(tableName, attr, options) {
      options = options || {};
      const details = this.extractTableDetails(tableName, options);
      let enumName = `"enum_${details.tableName}_${attr}"`;
      if (options.schema !== false && details.schema) enumName = this.quoteIdentifier(details.schema) + details.delimiter + enumName;
      return enumName;
    }
    pgListEnums(tableName, attrName, options) {
      let enumName = '';
      const details = this.extractTableDetails(tableName, options);
      if (details.tableName && attrName) enumName = ` AND t.typname=${this.pgEnumName(details.tableName, attrName, { schema: false }).replace(/"/g, "'")}`;
      return `SELECT t.typname enum_name, array_agg(e.enumlabel ORDER BY enumsortorder) enum_value FROM pg_type t JOIN pg_enum e ON t.oid = e.enumtypid JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = '${details.schema}'${enumName} GROUP BY 1`;
    }
    pgEnumDrop(tableName, attr, enumName) {
      enumName = enumName || this.pgEnumName(tableName, attr);
      return `DROP TYPE IF EXISTS ${enumName}; `;
    }
  }

  // ---------------------------------------------------------------- hook types and the model manager
  // (what every Sequelize instance needs; the rest of the hooks and models
  // is the model layer, loaded lazily: see loadModelLayer)
  const hookTypes = {
    beforeValidate: { params: 2 }, afterValidate: { params: 2 }, validationFailed: { params: 3 },
    beforeCreate: { params: 2 }, afterCreate: { params: 2 }, beforeDestroy: { params: 2 }, afterDestroy: { params: 2 },
    beforeRestore: { params: 2 }, afterRestore: { params: 2 }, beforeUpdate: { params: 2 }, afterUpdate: { params: 2 },
    beforeSave: { params: 2, proxies: ['beforeUpdate', 'beforeCreate'] },
    afterSave: { params: 2, proxies: ['afterUpdate', 'afterCreate'] },
    beforeUpsert: { params: 2 }, afterUpsert: { params: 2 }, beforeBulkCreate: { params: 2 }, afterBulkCreate: { params: 2 },
    beforeBulkDestroy: { params: 1 }, afterBulkDestroy: { params: 1 }, beforeBulkRestore: { params: 1 },
    afterBulkRestore: { params: 1 }, beforeBulkUpdate: { params: 1 }, afterBulkUpdate: { params: 1 },
    beforeFind: { params: 1 }, beforeFindAfterExpandIncludeAll: { params: 1 }, beforeFindAfterOptions: { params: 1 },
    afterFind: { params: 2 }, beforeCount: { params: 1 },
    beforeDefine: { params: 2, sync: true, noModel: true }, afterDefine: { params: 1, sync: true, noModel: true },
    beforeInit: { params: 2, sync: true, noModel: true }, afterInit: { params: 1, sync: true, noModel: true },
    beforeAssociate: { params: 2, sync: true }, afterAssociate: { params: 2, sync: true },
    beforeConnect: { params: 1, noModel: true }, afterConnect: { params: 2, noModel: true },
    beforeDisconnect: { params: 1, noModel: true }, afterDisconnect: { params: 1, noModel: true },
    beforePoolAcquire: { params: 1, noModel: true }, afterPoolAcquire: { params: 2, noModel: true },
    beforeSync: { params: 1 }, afterSync: { params: 1 }, beforeBulkSync: { params: 1 }, afterBulkSync: { params: 1 },
    beforeQuery: { params: 2 }, afterQuery: { params: 2 },
  };

  class ModelManager {
    constructor(sequelize) {
      this.models = [];
      this.sequelize = sequelize;
    }
    addModel(model) {
      this.models.push(model);
      this.sequelize.models[model.name] = model;
      return model;
    }
    removeModel(modelToRemove) {
      this.models = this.models.filter((model) => model.name !== modelToRemove.name);
      delete this.sequelize.models[modelToRemove.name];
    }
    getModel(against, options) {
      options = Object(options || {});
      if (options.attribute === undefined) options.attribute = 'name'; // _.defaults
      return this.models.find((model) => model[options.attribute] === against);
    }
    findModel(callback) { return this.models.find(callback); }
    get all() { return this.models; }
  }

  // ---------------------------------------------------------------- Sequelize
  class Sequelize {
    constructor(database, username, password, options) {
      let config;
      if (arguments.length === 1 && typeof database === 'object') {
        options = database;
        config = Object.assign({}, options);
      } else if (arguments.length === 1 && typeof database === 'string' || arguments.length === 2 && typeof username === 'object') {
        options = username || {};
        config = Object.assign({ url: database }, options);
      } else {
        options = options || {};
        config = { database, username, password };
      }
      this.options = Object.assign({
        dialect: null, host: 'localhost', protocol: 'tcp', define: {}, query: {}, sync: {},
        timezone: '+00:00', standardConformingStrings: true, logging: console.log, omitNull: false,
        native: false, replication: false, ssl: undefined, pool: {}, quoteIdentifiers: true,
        hooks: {}, retry: { max: 5, match: ['SQLITE_BUSY: database is locked'] },
        transactionType: Transaction.TYPES.DEFERRED, isolationLevel: null, databaseVersion: 0,
        typeValidation: false, benchmark: false, minifyAliases: false, logQueryParameters: false,
      }, options || {});
      if (!this.options.dialect) throw new Error('Dialect needs to be explicitly supplied as of v4.0.0');
      if (this.options.dialect === 'postgresql') this.options.dialect = 'postgres';
      this.config = {
        database: config.database || this.options.database,
        username: config.username || this.options.username,
        password: config.password || this.options.password || null,
        host: config.host || this.options.host,
        port: config.port || this.options.port,
        pool: this.options.pool,
        protocol: this.options.protocol,
        native: this.options.native,
        ssl: this.options.ssl,
        replication: this.options.replication,
        dialectModule: this.options.dialectModule,
        dialectModulePath: this.options.dialectModulePath,
        keepDefaultTimezone: this.options.keepDefaultTimezone,
        dialectOptions: this.options.dialectOptions,
      };
      // Sequelize's constructor: this.models, the model manager and the
      // instance's hooks (which need the model layer only when there are
      // some: _setupHooks is one of its lazy names).
      this.models = {};
      this.modelManager = new ModelManager(this);
      const { hooks } = this.options;
      if (hooks && Object.keys(hooks).length) this._setupHooks(hooks);
      else this.options.hooks = {};
      this.connectionManager = {};
      this.dialect = { name: this.options.dialect, supports: {} };
      this.queryInterface = this.options.dialect === 'postgres' ? new PostgresQueryInterface(this) : new QueryInterface(this);
      native.attach(this);
    }
    getDialect() { return this.options.dialect; }
    getDatabaseName() { return this.config.database; }
    getQueryInterface() { return this.queryInterface; }
    escape(value) { return native.escape(value); }
    random() { return ['postgres', 'sqlite'].includes(this.getDialect()) ? fn('RANDOM') : fn('RAND'); }
    async authenticate(options) {
      await this.query('SELECT 1+1 AS result', Object.assign({ raw: true, plain: true }, options));
    }
    async validate(options) { return this.authenticate(options); }
    async databaseVersion(options) { return this.queryInterface.databaseVersion(options); }
    async createSchema(schema, options) { return this.queryInterface.createSchema(schema, options); }
    async showAllSchemas(options) { return this.queryInterface.showAllSchemas(options); }
    async dropSchema(schema, options) { return this.queryInterface.dropSchema(schema, options); }
    async close() {}
    async sync() { throw native.unsupported('sequelize.sync'); }
    log(...args) {
      let options = args[args.length - 1];
      if (typeof options === 'object' && options !== null && !Array.isArray(options)) {
        args.pop();
      } else {
        options = this.options;
      }
      const logging = options.logging !== undefined ? options.logging : this.options.logging;
      if (!logging) return;
      const fnLog = logging === true ? console.log : logging;
      fnLog(...args);
    }
    normalizeDataType(Type) { return normalizeDataType(Type); }
    normalizeAttribute(attribute) { return normalizeAttribute(attribute); }

    async query(sql, options) {
      options = Object.assign({}, this.options.query, options);
      if (typeof sql === 'object' && sql !== null && !(sql instanceof SequelizeMethod)) {
        if (sql.values !== undefined) {
          if (options.replacements !== undefined) {
            throw new Error('Both `sql.values` and `options.replacements` cannot be set at the same time');
          }
          options.replacements = sql.values;
        }
        if (sql.bind !== undefined) {
          if (options.bind !== undefined) {
            throw new Error('Both `sql.bind` and `options.bind` cannot be set at the same time');
          }
          options.bind = sql.bind;
        }
        if (sql.query !== undefined) sql = sql.query;
      }
      if (sql instanceof Literal) sql = sql.val;
      if (typeof sql !== 'string') throw new Error(`Invalid SQL string provided: ${sql}`);
      if (options.replacements && options.bind) {
        throw new Error('Both `replacements` and `bind` cannot be set at the same time');
      }
      if (options.model || options.instance) throw native.unsupported('sequelize.query with a model');
      if (!options.type) options.type = options.nest || options.plain ? QueryTypes.SELECT : QueryTypes.RAW;
      if (options.transaction && options.transaction.finished && !options.completesTransaction) {
        const error = new Error(`${options.transaction.finished} has been called on this transaction(${options.transaction.id}), you can no longer use it. (The rejected query is attached as the 'sql' property of this error)`);
        error.sql = sql;
        throw error;
      }
      return native.run('query', options, sql, options);
    }

    async transaction(options, autoCallback) {
      if (typeof options === 'function') {
        autoCallback = options;
        options = undefined;
      }
      const transaction = new Transaction(this, options);
      if (!autoCallback) {
        await transaction.prepareEnvironment();
        return transaction;
      }
      try {
        await transaction.prepareEnvironment();
        const result = await autoCallback(transaction);
        await transaction.commit();
        return await result;
      } catch (err) {
        try {
          if (!transaction.finished) {
            await transaction.rollback();
          } else {
            await transaction.cleanup();
          }
        } catch (err0) {
          // Sequelize ignores a failing rollback and rethrows the cause.
        }
        throw err;
      }
    }

    static fn(fnName, ...args) { return new Fn(fnName, args); }
    static col(col) { return new Col(col); }
    static cast(val, type) { return new Cast(val, type); }
    static literal(val) { return new Literal(val); }
    static and(...args) { return { [Op.and]: args }; }
    static or(...args) { return { [Op.or]: args }; }
    static json(conditionsOrPath, value) { return new Json(conditionsOrPath, value); }
    static where(attr, comparator, logic) { return new Where(attr, comparator, logic); }
    static useCLS() { return this; }
    static get version() { return '6.37.8'; }
  }
  const fn = Sequelize.fn;
  for (const name of ['fn', 'col', 'cast', 'literal', 'and', 'or', 'json', 'where']) {
    Sequelize.prototype[name] = Sequelize[name];
  }
  Object.assign(Sequelize, DataTypes);
  Sequelize.DataTypes = DataTypes;
  Sequelize.Op = Op;
  Sequelize.QueryTypes = QueryTypes;
  Sequelize.TableHints = TableHints;
  Sequelize.IndexHints = IndexHints;
  Sequelize.Transaction = Transaction;
  Sequelize.Deferrable = Deferrable;
  Sequelize.Utils = Utils;
  Sequelize.QueryInterface = QueryInterface;
  Sequelize.options = { hooks: {} };
  Object.assign(Sequelize, errors);
  Sequelize.ValidationErrorItem = ValidationErrorItem;
  // Non-enumerable, as installOnSequelize (model.js) leaves it.
  Object.defineProperty(Sequelize.prototype, 'Sequelize', { value: Sequelize, writable: true, configurable: true });
  Sequelize.prototype.QueryTypes = QueryTypes;
  Sequelize.prototype.Op = Op;
  Sequelize.Sequelize = Sequelize;
  Sequelize.default = Sequelize;

  // ---------------------------------------------------------------- sqzjs extension: Bluebird methods
  // Sequelize ≤ 5 returned Bluebird promises, and migrations written for it
  // call Bluebird's methods on what queryInterface and sequelize methods
  // return (.spread, .tap, .map, .each, .return, .catch(predicate, fn) …),
  // which Sequelize 6's native promises do not have (calling them throws).
  // Those methods return a Promise subclass that has them; awaiting, .then,
  // .catch(fn) and .finally behave as native promises do.
  const bluebirdMatches = (err, filters) => filters.some((f) => {
    if (f === Error || (typeof f === 'function' && f.prototype instanceof Error)) return err instanceof f;
    if (typeof f === 'function') return !!f(err);
    if (f && typeof f === 'object') return Object.keys(f).every((k) => err != null && err[k] == f[k]); // eslint-disable-line eqeqeq
    return false;
  });
  class BluebirdPromise extends Promise {
    static map(items, mapper, options) {
      return BluebirdPromise.resolve(items).then((list) => {
        list = Array.from(list);
        const limit = options && options.concurrency > 0 ? options.concurrency : Infinity;
        if (limit >= list.length) return BluebirdPromise.all(list.map((v, i) => BluebirdPromise.resolve(v).then((x) => mapper(x, i, list.length))));
        const out = new Array(list.length);
        let next = 0;
        const worker = async () => {
          while (next < list.length) {
            const i = next++;
            out[i] = await mapper(await list[i], i, list.length);
          }
        };
        return BluebirdPromise.all(Array.from({ length: limit }, worker)).then(() => out);
      });
    }
    static mapSeries(items, mapper) {
      return BluebirdPromise.resolve(items).then(async (list) => {
        list = Array.from(list);
        const out = [];
        for (let i = 0; i < list.length; i++) out.push(await mapper(await list[i], i, list.length));
        return out;
      });
    }
    static each(items, iterator) {
      return BluebirdPromise.resolve(items).then(async (list) => {
        list = Array.from(list);
        for (let i = 0; i < list.length; i++) await iterator(await list[i], i, list.length);
        return list;
      });
    }
    static filter(items, predicate) {
      return BluebirdPromise.map(items, (v, i, n) => BluebirdPromise.resolve(predicate(v, i, n)).then((keep) => [keep, v]))
        .then((pairs) => pairs.filter((p) => p[0]).map((p) => p[1]));
    }
    static reduce(items, reducer, initial) {
      return BluebirdPromise.resolve(items).then(async (list) => {
        list = Array.from(list);
        let i = 0;
        let acc = initial;
        if (arguments.length < 3) acc = await list[i++];
        else acc = await acc;
        for (; i < list.length; i++) acc = await reducer(acc, await list[i], i, list.length);
        return acc;
      });
    }
    static props(obj) {
      return BluebirdPromise.resolve(obj).then((o) => {
        const entries = o instanceof Map ? Array.from(o.entries()) : Object.keys(o).map((k) => [k, o[k]]);
        return BluebirdPromise.all(entries.map((e) => e[1])).then((values) => {
          if (o instanceof Map) return new Map(entries.map((e, i) => [e[0], values[i]]));
          const out = {};
          entries.forEach((e, i) => { out[e[0]] = values[i]; });
          return out;
        });
      });
    }
    static join(...args) {
      const fn = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      return BluebirdPromise.all(args).then((values) => (fn ? fn(...values) : values));
    }
    static delay(ms, value) { return new BluebirdPromise((resolve) => setTimeout(() => resolve(value), ms)); }
    static try(fn) { return new BluebirdPromise((resolve) => resolve(fn())); }
    static attempt(fn) { return BluebirdPromise.try(fn); }
    static method(fn) { return function (...args) { return BluebirdPromise.try(() => fn.apply(this, args)); }; }
    static fromCallback(fn) {
      return new BluebirdPromise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));
    }
    spread(fn) { return this.then((v) => BluebirdPromise.all(v)).then((a) => fn(...a)); }
    tap(fn) { return this.then((v) => BluebirdPromise.resolve(fn(v)).then(() => v)); }
    tapCatch(...args) {
      const fn = args.pop();
      return super.catch((e) => {
        if (args.length && !bluebirdMatches(e, args)) throw e;
        return BluebirdPromise.resolve(fn(e)).then(() => { throw e; });
      });
    }
    catch(...args) {
      if (args.length <= 1) return super.catch(args[0]);
      const fn = args.pop();
      return super.catch((e) => {
        if (bluebirdMatches(e, args)) return fn(e);
        throw e;
      });
    }
    caught(...args) { return this.catch(...args); }
    error(fn) { return this.catch((e) => e instanceof Error && e.isOperational === true, fn); }
    map(fn, options) { return this.then((v) => BluebirdPromise.map(v, fn, options)); }
    mapSeries(fn) { return this.then((v) => BluebirdPromise.mapSeries(v, fn)); }
    each(fn) { return this.then((v) => BluebirdPromise.each(v, fn)); }
    filter(fn) { return this.then((v) => BluebirdPromise.filter(v, fn)); }
    reduce(fn, initial) { return this.then((v) => (arguments.length < 2 ? BluebirdPromise.reduce(v, fn) : BluebirdPromise.reduce(v, fn, initial))); }
    all() { return this.then((v) => BluebirdPromise.all(v)); }
    props() { return this.then((v) => BluebirdPromise.props(v)); }
    get(key) { return this.then((v) => v[key]); }
    call(name, ...args) { return this.then((v) => v[name](...args)); }
    return(value) { return this.then(() => value); }
    thenReturn(value) { return this.then(() => value); }
    throw(reason) { return this.then(() => { throw reason; }); }
    thenThrow(reason) { return this.then(() => { throw reason; }); }
    lastly(fn) { return this.finally(fn); }
    delay(ms) { return this.then((v) => BluebirdPromise.delay(ms, v)); }
    asCallback(cb) {
      if (typeof cb === 'function') this.then((v) => cb(null, v), (e) => cb(e));
      return this;
    }
    nodeify(cb) { return this.asCallback(cb); }
    done(onFulfilled, onRejected) {
      this.then(onFulfilled, onRejected).catch((e) => setTimeout(() => { throw e; }, 0));
    }
    reflect() {
      return this.then(
        (value) => ({ isFulfilled: () => true, isRejected: () => false, value: () => value, reason: () => undefined }),
        (reason) => ({ isFulfilled: () => false, isRejected: () => true, value: () => undefined, reason: () => reason }),
      );
    }
  }
  // The methods of queryInterface and of the Sequelize instance that
  // return a promise return a BluebirdPromise.
  for (const proto of [QueryInterface.prototype, Sequelize.prototype]) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const f = Object.getOwnPropertyDescriptor(proto, name).value;
      if (typeof f !== 'function' || name === 'constructor') continue;
      const wrapped = {
        [name](...args) {
          const result = f.apply(this, args);
          return result instanceof Promise && !(result instanceof BluebirdPromise) ? BluebirdPromise.resolve(result) : result;
        },
      }[name];
      Object.defineProperty(proto, name, { value: wrapped, writable: true, configurable: true });
    }
  }
  Sequelize.Promise = BluebirdPromise; // Sequelize ≤ 5's Sequelize.Promise
  // ---------------------------------------------------------------- end of the Bluebird extension
  // App models (define, Model.init, associations, hooks): bridge/js/model*.js
  // and associations.js, loaded with the prelude's internals the first time
  // a run reaches for them. Most runs never do, and the layer is most of the
  // start-up's parsing and compiling; until then, the names it installs on
  // Sequelize and its prototype are accessors that load it.
  const modelLayer = {
    Op, DataTypes, QueryTypes, errors, Utils, Transaction, underscore, hookTypes,
  };
  const hookNames = ['_setupHooks', 'runHooks', 'runHooksSync', 'addHook', 'removeHook', 'hasHook', 'hasHooks',
    ...Object.keys(hookTypes)];
  // [target, names, enumerable], in the order installOnSequelize adds them.
  const lazyModelNames = [
    [Sequelize.prototype, ['define', 'model', 'isDefined'], true],
    [Sequelize, hookNames, false], [Sequelize.prototype, hookNames, false],
    [Sequelize, ['Model'], true],
  ];
  let modelLayerLoaded = false;
  function loadModelLayer() {
    if (modelLayerLoaded) return;
    modelLayerLoaded = true;
    for (const [target, names] of lazyModelNames) for (const name of names) delete target[name];
    native.loadModelLayer(modelLayer);
    modelLayer.installOnSequelize(Sequelize);
  }
  for (const [target, names, enumerable] of lazyModelNames) {
    for (const name of names) {
      Object.defineProperty(target, name, {
        get() { loadModelLayer(); return target[name]; },
        set(value) { loadModelLayer(); this[name] = value; },
        enumerable, configurable: true,
      });
    }
  }

  return {
    Sequelize, DataTypes, Op, QueryTypes, Transaction, Utils, errors, makeError, isTypeClass,
    isPlainObject, ABSTRACT, SequelizeMethod,
  };
})
