// sqzjs's app-model layer: Sequelize 6's Model (define/init, instances,
// finders, create/update/destroy, hooks, validation) on top of the bridge's
// natives. The behaviour follows Sequelize 6.37.8's src/model.js,
// src/instance-validator.js, src/hooks.js and the parts of its query
// classes that turn rows into instances; the SQL is rendered by the Go
// dialects (native.run with a plan describing the model query).
//
// The file is one function expression: (native, lib) => void; it adds
// Model, the model-aware query helpers and the Sequelize additions to lib.
(function (native, lib) {
  'use strict';

  const {
    Op, DataTypes, QueryTypes, errors, Utils, hasOwn, isPlainObject, cloneDeep, lodashCloneDeep, defaults,
    utilsDefaults, merge, isEqual, intersection, difference, uniq, union, without, pick, omitBy, mapValues, isEmpty,
    getComplexKeys, isWhereEmpty, underscoredIf, pluralize, singularize, validator, isBuffer, getPath, flattenDepth,
  } = lib;
  const { SequelizeMethod, Fn, Col, Literal, Cast } = Utils;

  // ---------------------------------------------------------------- Utils
  function mapFinderOptions(options, Model) {
    if (options.attributes && Array.isArray(options.attributes)) {
      options.attributes = Model._injectDependentVirtualAttributes(options.attributes);
      options.attributes = options.attributes.filter((v) => !Model._virtualAttributes.has(v));
    }
    mapOptionFieldNames(options, Model);
    return options;
  }
  function mapOptionFieldNames(options, Model) {
    if (Array.isArray(options.attributes)) {
      options.attributes = options.attributes.map((attr) => {
        if (typeof attr !== 'string') return attr;
        if (Model.rawAttributes[attr] && attr !== Model.rawAttributes[attr].field) {
          return [Model.rawAttributes[attr].field, attr];
        }
        return attr;
      });
    }
    if (options.where && isPlainObject(options.where)) {
      options.where = mapWhereFieldNames(options.where, Model);
    }
    return options;
  }
  function mapWhereFieldNames(attributes, Model) {
    if (attributes) {
      attributes = cloneDeep(attributes);
      getComplexKeys(attributes).forEach((attribute) => {
        const rawAttribute = Model.rawAttributes[attribute];
        if (rawAttribute && rawAttribute.field !== rawAttribute.fieldName) {
          attributes[rawAttribute.field] = attributes[attribute];
          delete attributes[attribute];
        }
        if (isPlainObject(attributes[attribute]) && !(rawAttribute && (rawAttribute.type instanceof DataTypes.HSTORE || rawAttribute.type instanceof DataTypes.JSON))) {
          attributes[attribute] = mapOptionFieldNames({ where: attributes[attribute] }, Model).where;
        }
        if (Array.isArray(attributes[attribute])) {
          attributes[attribute].forEach((where, index) => {
            if (isPlainObject(where)) attributes[attribute][index] = mapWhereFieldNames(where, Model);
          });
        }
      });
    }
    return attributes;
  }
  function mapValueFieldNames(dataValues, fields, Model) {
    const values = {};
    for (const attr of fields) {
      if (dataValues[attr] !== undefined && !Model._virtualAttributes.has(attr)) {
        if (Model.rawAttributes[attr] && Model.rawAttributes[attr].field && Model.rawAttributes[attr].field !== attr) {
          values[Model.rawAttributes[attr].field] = dataValues[attr];
        } else {
          values[attr] = dataValues[attr];
        }
      }
    }
    return values;
  }
  const nowDialects = new Set(['mariadb', 'mysql', 'postgres', 'sqlite', 'mssql', 'db2', 'oracle']);
  function now(dialect) {
    const d = new Date();
    if (!nowDialects.has(dialect)) d.setMilliseconds(0);
    return d;
  }
  function uuidv1() {
    // A time-based UUID (RFC 4122 version 1) with a random node, as uuid's v1.
    const ms = Date.now();
    const t = BigInt(ms) * 10000n + 0x01B21DD213814000n;
    const hex = (n, w) => n.toString(16).padStart(w, '0');
    const low = t & 0xffffffffn;
    const mid = (t >> 32n) & 0xffffn;
    const hi = ((t >> 48n) & 0x0fffn) | 0x1000n;
    const r = native.uuid().replace(/-/g, '');
    const clock = (parseInt(r.slice(0, 4), 16) & 0x3fff) | 0x8000;
    return `${hex(low, 8)}-${hex(mid, 4)}-${hex(hi, 4)}-${clock.toString(16)}-${r.slice(4, 16)}`;
  }
  function toDefaultValue(value, dialect) {
    if (typeof value === 'function') {
      const tmp = value();
      if (tmp instanceof DataTypes.ABSTRACT) return tmp.toSql();
      return tmp;
    }
    if (value instanceof DataTypes.UUIDV1) return uuidv1();
    if (value instanceof DataTypes.UUIDV4) return native.uuid();
    if (value instanceof DataTypes.NOW) return now(dialect);
    if (Array.isArray(value)) return value.slice();
    if (isPlainObject(value)) return Object.assign({}, value);
    return value;
  }
  function removeNullValuesFromHash(hash, omitNull, options) {
    let result = hash;
    options = options || {};
    options.allowNull = options.allowNull || [];
    if (omitNull) {
      const out = {};
      for (const key of Object.keys(hash)) {
        const val = hash[key];
        if (options.allowNull.includes(key) || key.endsWith('Id') || (val !== null && val !== undefined)) out[key] = val;
      }
      result = out;
    }
    return result;
  }

  // Type behaviour Sequelize keeps on its (dialect-specific) DataType
  // classes: _sanitize (applied by instance.set) and _isChanged.
  function momentDate(value) {
    const d = value instanceof Date ? value : new Date(value);
    if (isNaN(d.getTime())) return 'Invalid date';
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  }
  function typeSanitizer(type, dialect) {
    if (type instanceof DataTypes.BOOLEAN) {
      return function (value) {
        if (value !== null && value !== undefined) {
          if (isBuffer(value) && value.length === 1) value = value[0];
          if (typeof value === 'string') {
            if (dialect === 'postgres') return ['true', 't'].includes(value) ? true : ['false', 'f'].includes(value) ? false : value;
            return value === 'true' ? true : value === 'false' ? false : value;
          }
          if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : value;
        }
        return value;
      };
    }
    if (type instanceof DataTypes.DATE) {
      return function (value, options) {
        if ((!options || !options.raw) && !(value instanceof Date) && !!value) {
          if (dialect === 'postgres') {
            if (value === Infinity || value === -Infinity) return value;
            if (typeof value === 'string') {
              const lower = value.toLowerCase();
              if (lower === 'infinity') return Infinity;
              if (lower === '-infinity') return -Infinity;
            }
          }
          return new Date(value);
        }
        return value;
      };
    }
    if (type instanceof DataTypes.DATEONLY) {
      return function (value, options) {
        if ((!options || !options.raw) && !!value) return momentDate(value);
        return value;
      };
    }
    return undefined;
  }
  function typeIsChanged(type) {
    if (type instanceof DataTypes.DATE) {
      return function (value, originalValue) {
        if (originalValue && !!value && (value === originalValue || (value instanceof Date && originalValue instanceof Date && value.getTime() === originalValue.getTime()))) return false;
        if (!originalValue && !value && originalValue === value) return false;
        return true;
      };
    }
    if (type instanceof DataTypes.DATEONLY) {
      return function (value, originalValue) {
        if (originalValue && !!value && originalValue === value) return false;
        if (!originalValue && !value && originalValue === value) return false;
        return true;
      };
    }
    return undefined;
  }

  // dialectType is the extend() step of sequelize.normalizeDataType: a
  // model's attribute type is a new instance of the dialect's class; sqzjs
  // marks it so that Go renders its values as the dialect's class does.
  function dialectType(type) {
    if (!type || typeof type !== 'object' || type.__sqzDialect || !(type instanceof DataTypes.ABSTRACT)) return type;
    const t = Object.assign(Object.create(Object.getPrototypeOf(type)), type);
    if (type instanceof DataTypes.ARRAY && type.type) t.type = dialectType(type.type);
    Object.defineProperty(t, '__sqzDialect', { value: true });
    return t;
  }

  function warn(message) {
    // Sequelize's logger.warn: console.warn(`(sequelize) Warning: ${message}`).
    console.warn(`(sequelize) Warning: ${message}`);
  }

  // ---------------------------------------------------------------- hooks
  const { hookTypes } = lib;
  const getProxiedHooks = (hookType) => (hookTypes[hookType].proxies ? hookTypes[hookType].proxies.concat(hookType) : [hookType]);
  function getHooks(hooked, hookType) {
    return ((hooked.options && hooked.options.hooks) || {})[hookType] || [];
  }
  const Hooks = {
    _setupHooks(hooks) {
      this.options.hooks = {};
      for (const hookName of Object.keys(hooks || {})) {
        let hooksArray = hooks[hookName];
        if (!Array.isArray(hooksArray)) hooksArray = [hooksArray];
        hooksArray.forEach((hookFn) => this.addHook(hookName, hookFn));
      }
    },
    async runHooks(hooks, ...hookArgs) {
      if (!hooks) throw new Error('runHooks requires at least 1 argument');
      let hookType;
      if (typeof hooks === 'string') {
        hookType = hooks;
        hooks = getHooks(this, hookType);
        if (this.sequelize) hooks = hooks.concat(getHooks(this.sequelize, hookType));
      }
      if (!Array.isArray(hooks)) hooks = [hooks];
      if (hookTypes[hookType] && hookTypes[hookType].sync) {
        for (let hook of hooks) {
          if (typeof hook === 'object') hook = hook.fn;
          hook.apply(this, hookArgs);
        }
        return;
      }
      for (let hook of hooks) {
        if (typeof hook === 'object') hook = hook.fn;
        await hook.apply(this, hookArgs);
      }
    },
    runHooksSync(hookType, ...hookArgs) {
      let hooks = getHooks(this, hookType);
      if (this.sequelize) hooks = hooks.concat(getHooks(this.sequelize, hookType));
      for (let hook of hooks) {
        if (typeof hook === 'object') hook = hook.fn;
        hook.apply(this, hookArgs);
      }
    },
    addHook(hookType, name, fn) {
      if (typeof name === 'function') {
        fn = name;
        name = null;
      }
      if (!hookTypes[hookType]) throw new TypeError(`Cannot read properties of undefined (reading 'proxies')`);
      for (const type of getProxiedHooks(hookType)) {
        const hooks = getHooks(this, type);
        hooks.push(name ? { name, fn } : fn);
        this.options.hooks[type] = hooks;
      }
      return this;
    },
    removeHook(hookType, name) {
      const isReference = typeof name === 'function';
      if (!this.hasHook(hookType)) return this;
      for (const type of getProxiedHooks(hookType)) {
        this.options.hooks[type] = this.options.hooks[type].filter((hook) => {
          if (isReference && typeof hook === 'function') return hook !== name;
          if (!isReference && typeof hook === 'object') return hook.name !== name;
          return true;
        });
      }
      return this;
    },
    hasHook(hookType) {
      return this.options.hooks[hookType] && !!this.options.hooks[hookType].length;
    },
  };
  Hooks.hasHooks = Hooks.hasHook;
  // runHooks for sync hook types returns nothing and runs synchronously.
  function runHooksMaybeSync(target, hookType, ...args) {
    if (hookTypes[hookType] && hookTypes[hookType].sync) {
      target.runHooksSync(hookType, ...args);
      return undefined;
    }
    return target.runHooks(hookType, ...args);
  }
  function applyHooks(target, isModel) {
    for (const name of Object.keys(Hooks)) {
      Object.defineProperty(target, name, { value: Hooks[name], writable: true, configurable: true, enumerable: false });
    }
    for (const hook of Object.keys(hookTypes)) {
      if (isModel && hookTypes[hook].noModel) continue;
      Object.defineProperty(target, hook, {
        value: function (name, callback) { return this.addHook(hook, name, callback); },
        writable: true, configurable: true, enumerable: false,
      });
    }
  }

  // ---------------------------------------------------------------- query plumbing
  // queryOptions are the options a model query hands sequelize.query:
  // Sequelize fills `logging` from the instance that runs the query.
  function withLogging(sequelize, options) {
    if (options.logging === undefined) {
      options.logging = hasOwn(sequelize.options, 'logging') ? sequelize.options.logging : console.log;
    }
    return options;
  }
  function dialectOf(model) {
    return sessionDialect(model.sequelize);
  }
  // sessionDialect is the dialect model queries run on: every Sequelize
  // instance shares the run's connection, whatever dialect its options
  // name.
  function sessionDialect(sequelize) {
    return native.dialectName() || sequelize.options.dialect;
  }
  // attributeTypes maps attribute names and fields to DataTypes, as
  // Sequelize's _findField looks them up for typed escaping.
  function attributeTypes(model) {
    const out = {};
    for (const field of Object.keys(model.fieldRawAttributesMap || {})) {
      const a = model.fieldRawAttributesMap[field];
      if (a && a.type) out[field] = a.type;
    }
    for (const name of Object.keys(model.rawAttributes)) {
      const a = model.rawAttributes[name];
      if (a && a.type) out[name] = a.type;
    }
    return out;
  }
  function modelAttributesMap(attributes) {
    const out = {};
    for (const key of Object.keys(attributes || {})) {
      const a = attributes[key];
      out[key] = a;
      if (a && a.field) out[a.field] = a;
    }
    return out;
  }

  // ---------------------------------------------------------------- Model
  const validQueryKeywords = new Set(['where', 'attributes', 'paranoid', 'include', 'order', 'limit', 'offset',
    'transaction', 'lock', 'raw', 'logging', 'benchmark', 'having', 'searchPath', 'rejectOnEmpty', 'plain', 'scope',
    'group', 'through', 'defaults', 'distinct', 'primary', 'exception', 'type', 'hooks', 'force', 'name']);
  const nonCascadingOptions = ['include', 'attributes', 'originalAttributes', 'order', 'where', 'limit', 'offset', 'plain', 'group', 'having'];

  class Model {
    static get queryInterface() { return this.sequelize.getQueryInterface(); }
    static get queryGenerator() { return this.queryInterface.queryGenerator; }
    get sequelize() { return this.constructor.sequelize; }

    constructor(values = {}, options = {}) {
      if (!this.constructor._overwrittenAttributesChecked) {
        this.constructor._overwrittenAttributesChecked = true;
        setTimeout(() => {
          const overwritten = [];
          for (const key of Object.keys(this.constructor._attributeManipulation)) {
            if (hasOwn(this, key)) overwritten.push(key);
          }
          if (overwritten.length > 0) {
            warn(`Model ${JSON.stringify(this.constructor.name)} is declaring public class fields for attribute(s): ${overwritten.map((attr) => JSON.stringify(attr)).join(', ')}.\nThese class fields are shadowing Sequelize's attribute getters & setters.\nSee https://sequelize.org/main/manual/model-basics.html#caveat-with-public-class-fields`);
          }
        }, 0);
      }
      options = Object.assign({
        isNewRecord: true,
        _schema: this.constructor._schema,
        _schemaDelimiter: this.constructor._schemaDelimiter,
      }, options);
      if (options.attributes) {
        options.attributes = options.attributes.map((attribute) => (Array.isArray(attribute) ? attribute[1] : attribute));
      }
      if (!options.includeValidated) {
        this.constructor._conformIncludes(options, this.constructor);
        if (options.include) {
          this.constructor._expandIncludeAll(options);
          this.constructor._validateIncludedElements(options);
        }
      }
      this.dataValues = {};
      this._previousDataValues = {};
      this.uniqno = 1;
      this._changed = new Set();
      this._options = options;
      this.isNewRecord = options.isNewRecord;
      this._initValues(values, options);
    }

    _initValues(values, options) {
      let defaultsValues;
      values = Object.assign({}, values);
      const M = this.constructor;
      const dialect = this.sequelize.options.dialect;
      if (options.isNewRecord) {
        defaultsValues = {};
        if (M._hasDefaultValues) {
          defaultsValues = mapValues(M._defaultValues, (valueFn) => {
            const value = valueFn();
            return value && value instanceof SequelizeMethod ? value : lodashCloneDeep(value);
          });
        }
        if (M.primaryKeyAttributes.length) {
          M.primaryKeyAttributes.forEach((pk) => {
            if (!hasOwn(defaultsValues, pk)) defaultsValues[pk] = null;
          });
        }
        for (const ts of ['createdAt', 'updatedAt', 'deletedAt']) {
          const attr = M._timestampAttributes[ts];
          if (attr && defaultsValues[attr]) {
            this.dataValues[attr] = toDefaultValue(defaultsValues[attr], dialect);
            delete defaultsValues[attr];
          }
        }
        for (const key in defaultsValues) {
          if (values[key] === undefined) {
            this.set(key, toDefaultValue(defaultsValues[key], dialect), { raw: true });
            delete values[key];
          }
        }
      }
      this.set(values, options);
    }

    static _paranoidClause(model, options = {}) {
      if (options.include) {
        for (const include of options.include) this._paranoidClause(include.model, include);
      }
      if (!model.options.timestamps || !model.options.paranoid || options.paranoid === false) return options;
      const deletedAtCol = model._timestampAttributes.deletedAt;
      const deletedAtAttribute = model.rawAttributes[deletedAtCol];
      const deletedAtObject = {};
      let deletedAtDefaultValue = hasOwn(deletedAtAttribute, 'defaultValue') ? deletedAtAttribute.defaultValue : null;
      deletedAtDefaultValue = deletedAtDefaultValue || { [Op.eq]: null };
      deletedAtObject[deletedAtAttribute.field || deletedAtCol] = deletedAtDefaultValue;
      if (isWhereEmpty(options.where)) {
        options.where = deletedAtObject;
      } else {
        options.where = { [Op.and]: [deletedAtObject, options.where] };
      }
      return options;
    }

    static _addDefaultAttributes() {
      const tail = {};
      let head = {};
      if (!Object.values(this.rawAttributes).some((a) => a && a.primaryKey)) {
        if ('id' in this.rawAttributes) {
          throw new Error(`A column called 'id' was added to the attributes of '${this.tableName}' but not marked with 'primaryKey: true'`);
        }
        head = { id: { type: new DataTypes.INTEGER(), allowNull: false, primaryKey: true, autoIncrement: true, _autoGenerated: true } };
      }
      if (this._timestampAttributes.createdAt) {
        tail[this._timestampAttributes.createdAt] = { type: DataTypes.DATE, allowNull: false, _autoGenerated: true };
      }
      if (this._timestampAttributes.updatedAt) {
        tail[this._timestampAttributes.updatedAt] = { type: DataTypes.DATE, allowNull: false, _autoGenerated: true };
      }
      if (this._timestampAttributes.deletedAt) {
        tail[this._timestampAttributes.deletedAt] = { type: DataTypes.DATE, _autoGenerated: true };
      }
      if (this._versionAttribute) {
        tail[this._versionAttribute] = { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0, _autoGenerated: true };
      }
      const newRawAttributes = Object.assign({}, head, this.rawAttributes);
      for (const attr of Object.keys(tail)) {
        if (newRawAttributes[attr] === undefined) newRawAttributes[attr] = tail[attr];
      }
      this.rawAttributes = newRawAttributes;
      if (!Object.keys(this.primaryKeys).length) this.primaryKeys.id = this.rawAttributes.id;
    }

    static getAttributes() { return this.rawAttributes; }

    static _findAutoIncrementAttribute() {
      this.autoIncrementAttribute = null;
      for (const name of Object.keys(this.rawAttributes)) {
        const definition = this.rawAttributes[name];
        if (definition && definition.autoIncrement) {
          if (this.autoIncrementAttribute) throw new Error('Invalid Instance definition. Only one autoincrement field allowed.');
          this.autoIncrementAttribute = name;
        }
      }
    }

    static _conformIncludes(options, self) {
      if (!options.include) return;
      if (!Array.isArray(options.include)) {
        options.include = [options.include];
      } else if (!options.include.length) {
        delete options.include;
        return;
      }
      options.include = options.include.map((include) => this._conformInclude(include, self));
    }
    static _transformStringAssociation(include, self) {
      if (self && typeof include === 'string') {
        if (!hasOwn(self.associations, include)) {
          throw new Error(`Association with alias "${include}" does not exist on ${self.name}`);
        }
        return self.associations[include];
      }
      return include;
    }
    static _conformInclude(include, self) {
      if (include) {
        let model;
        if (include._pseudo) return include;
        include = this._transformStringAssociation(include, self);
        if (include instanceof lib.Association) {
          if (self && include.target.name === self.name) {
            model = include.source;
          } else {
            model = include.target;
          }
          return { model, association: include, as: include.as };
        }
        if (include.prototype && include.prototype instanceof Model) return { model: include };
        if (isPlainObject(include)) {
          if (include.association) {
            include.association = this._transformStringAssociation(include.association, self);
            if (self && include.association.target.name === self.name) {
              model = include.association.source;
            } else {
              model = include.association.target;
            }
            if (!include.model) include.model = model;
            if (!include.as) include.as = include.association.as;
            this._conformIncludes(include, model);
            return include;
          }
          if (include.model) {
            this._conformIncludes(include, include.model);
            return include;
          }
          if (include.all) {
            this._conformIncludes(include);
            return include;
          }
        }
      }
      throw new Error('Include unexpected. Element has to be either a Model, an Association or an object.');
    }
    static _expandIncludeAllElement(includes, include) {
      let all = include.all;
      delete include.all;
      if (all !== true) {
        if (!Array.isArray(all)) all = [all];
        const validTypes = { BelongsTo: true, HasOne: true, HasMany: true, One: ['BelongsTo', 'HasOne'], Has: ['HasOne', 'HasMany'], Many: ['HasMany'] };
        for (let i = 0; i < all.length; i++) {
          const type = all[i];
          if (type === 'All') {
            all = true;
            break;
          }
          const types = validTypes[type];
          if (!types) {
            throw new errors.EagerLoadingError(`include all '${type}' is not valid - must be BelongsTo, HasOne, HasMany, One, Has, Many or All`);
          }
          if (types !== true) {
            all.splice(i, 1);
            i--;
            for (let j = 0; j < types.length; j++) {
              if (!all.includes(types[j])) {
                all.unshift(types[j]);
                i++;
              }
            }
          }
        }
      }
      const nested = include.nested;
      if (nested) {
        delete include.nested;
        if (!include.include) {
          include.include = [];
        } else if (!Array.isArray(include.include)) {
          include.include = [include.include];
        }
      }
      const used = [];
      (function addAllIncludes(parent, includes2) {
        for (const association of Object.values(parent.associations)) {
          if (all !== true && !all.includes(association.associationType)) continue;
          const model = association.target;
          const as = association.options.as;
          if (includes2.some((inc) => inc.model === model && (!as || inc.as === as))) continue;
          if (nested && used.includes(model)) continue;
          used.push(parent);
          const thisInclude = cloneDeep(include);
          thisInclude.model = model;
          if (as) thisInclude.as = as;
          includes2.push(thisInclude);
          if (nested) {
            addAllIncludes(model, thisInclude.include);
            if (thisInclude.include.length === 0) delete thisInclude.include;
          }
        }
        used.pop();
      })(this, includes);
    }
    static _validateIncludedElements(options, tableNames) {
      if (!options.model) options.model = this;
      tableNames = tableNames || {};
      options.includeNames = [];
      options.includeMap = {};
      options.hasSingleAssociation = false;
      options.hasMultiAssociation = false;
      if (!options.parent) {
        options.topModel = options.model;
        options.topLimit = options.limit;
      }
      options.include = options.include.map((include) => {
        include = this._conformInclude(include);
        include.parent = options;
        include.topLimit = options.topLimit;
        this._validateIncludedElement.call(options.model, include, tableNames, options);
        if (include.duplicating === undefined) include.duplicating = include.association.isMultiAssociation;
        include.hasDuplicating = include.hasDuplicating || include.duplicating;
        include.hasRequired = include.hasRequired || include.required;
        options.hasDuplicating = options.hasDuplicating || include.hasDuplicating;
        options.hasRequired = options.hasRequired || include.required;
        options.hasWhere = options.hasWhere || include.hasWhere || !!include.where;
        return include;
      });
      for (const include of options.include) {
        include.hasParentWhere = options.hasParentWhere || !!options.where;
        include.hasParentRequired = options.hasParentRequired || !!options.required;
        if (include.subQuery !== false && options.hasDuplicating && options.topLimit) {
          if (include.duplicating) {
            include.subQuery = include.subQuery || false;
            include.subQueryFilter = include.hasRequired;
          } else {
            include.subQuery = include.hasRequired;
            include.subQueryFilter = false;
          }
        } else {
          include.subQuery = include.subQuery || false;
          if (include.duplicating) {
            include.subQueryFilter = include.subQuery;
          } else {
            include.subQueryFilter = false;
            include.subQuery = include.subQuery || (include.hasParentRequired && include.hasRequired && !include.separate);
          }
        }
        options.includeMap[include.as] = include;
        options.includeNames.push(include.as);
        if (options.topModel === options.model && options.subQuery === undefined && options.topLimit) {
          if (include.subQuery) {
            options.subQuery = include.subQuery;
          } else if (include.hasDuplicating) {
            options.subQuery = true;
          }
        }
        options.hasIncludeWhere = options.hasIncludeWhere || include.hasIncludeWhere || !!include.where;
        options.hasIncludeRequired = options.hasIncludeRequired || include.hasIncludeRequired || !!include.required;
        if (include.association.isMultiAssociation || include.hasMultiAssociation) options.hasMultiAssociation = true;
        if (include.association.isSingleAssociation || include.hasSingleAssociation) options.hasSingleAssociation = true;
      }
      if (options.topModel === options.model && options.subQuery === undefined) options.subQuery = false;
      return options;
    }
    static _validateIncludedElement(include, tableNames, options) {
      tableNames[tableNameKey(include.model.getTableName())] = true;
      if (include.attributes && !options.raw) {
        include.model._expandAttributes(include);
        include.originalAttributes = include.model._injectDependentVirtualAttributes(include.attributes);
        include = mapFinderOptions(include, include.model);
        if (include.attributes.length) {
          for (const key of Object.keys(include.model.primaryKeys)) {
            const attr = include.model.primaryKeys[key];
            if (!include.attributes.some((includeAttr) => {
              if (attr.field !== key) {
                return Array.isArray(includeAttr) && includeAttr[0] === attr.field && includeAttr[1] === key;
              }
              return includeAttr === key;
            })) {
              include.attributes.unshift(key);
            }
          }
        }
      } else {
        include = mapFinderOptions(include, include.model);
      }
      if (include._pseudo) {
        if (!include.attributes) include.attributes = Object.keys(include.model.tableAttributes);
        return mapFinderOptions(include, include.model);
      }
      const association = include.association || this._getIncludedAssociation(include.model, include.as);
      include.association = association;
      include.as = association.as;
      if (include.association.through && Object(include.association.through.model) === include.association.through.model) {
        if (!include.include) include.include = [];
        const through = include.association.through;
        include.through = defaults(include.through || {}, {
          model: through.model,
          as: through.model.name,
          association: { isSingleAssociation: true },
          _pseudo: true,
          parent: include,
        });
        if (through.scope) {
          include.through.where = include.through.where ? { [Op.and]: [include.through.where, through.scope] } : through.scope;
        }
        include.include.push(include.through);
        tableNames[tableNameKey(through.model.getTableName())] = true;
      }
      let model;
      if (include.model.scoped === true) {
        model = include.model;
      } else {
        model = include.association.target.name === include.model.name ? include.association.target : include.association.source;
      }
      model._injectScope(include);
      if (!include.attributes) include.attributes = Object.keys(include.model.tableAttributes);
      include = mapFinderOptions(include, include.model);
      if (include.required === undefined) include.required = !!include.where;
      if (include.association.scope) {
        include.where = include.where ? { [Op.and]: [include.where, include.association.scope] } : include.association.scope;
      }
      if (include.limit && include.separate === undefined) include.separate = true;
      if (include.separate === true) {
        if (!(include.association instanceof lib.HasMany)) throw new Error('Only HasMany associations support include.separate');
        include.duplicating = false;
        if (options.attributes && options.attributes.length && !flattenDepth(options.attributes, 2).includes(association.sourceKey)) {
          options.attributes.push(association.sourceKey);
        }
        if (include.attributes && include.attributes.length && !flattenDepth(include.attributes, 2).includes(association.foreignKey)) {
          include.attributes.push(association.foreignKey);
        }
      }
      if (hasOwn(include, 'include')) this._validateIncludedElements.call(include.model, include, tableNames);
      return include;
    }
    static _getIncludedAssociation(targetModel, targetAlias) {
      const associations = this.getAssociations(targetModel);
      let association = null;
      if (associations.length === 0) {
        throw new errors.EagerLoadingError(`${targetModel.name} is not associated to ${this.name}!`);
      }
      if (associations.length === 1) {
        association = this.getAssociationForAlias(targetModel, targetAlias);
        if (association) return association;
        if (targetAlias) {
          const existingAliases = this.getAssociations(targetModel).map((a) => a.as);
          throw new errors.EagerLoadingError(`${targetModel.name} is associated to ${this.name} using an alias. You've included an alias (${targetAlias}), but it does not match the alias(es) defined in your association (${existingAliases.join(', ')}).`);
        }
        throw new errors.EagerLoadingError(`${targetModel.name} is associated to ${this.name} using an alias. You must use the 'as' keyword to specify the alias within your include statement.`);
      }
      association = this.getAssociationForAlias(targetModel, targetAlias);
      if (!association) {
        throw new errors.EagerLoadingError(`${targetModel.name} is associated to ${this.name} multiple times. To identify the correct association, you must use the 'as' keyword to specify the alias of the association you want to include.`);
      }
      return association;
    }
    static _expandIncludeAll(options) {
      const includes = options.include;
      if (!includes) return;
      for (let index = 0; index < includes.length; index++) {
        const include = includes[index];
        if (include.all) {
          includes.splice(index, 1);
          index--;
          this._expandIncludeAllElement(includes, include);
        }
      }
      includes.forEach((include) => { this._expandIncludeAll.call(include.model, include); });
    }
    static _conformIndex(index) {
      if (!index.fields) throw new Error('Missing "fields" property for index definition');
      index = defaults(index, { type: '', parser: null });
      if (index.type && index.type.toLowerCase() === 'unique') {
        index.unique = true;
        delete index.type;
      }
      return index;
    }
    static _uniqIncludes(options) {
      if (!options.include) return;
      const groups = new Map();
      for (const include of options.include) {
        const key = `${include.model && include.model.name}-${include.as}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(include);
      }
      options.include = Array.from(groups.values()).map((includes) => this._assignOptions(...includes));
    }
    static _baseMerge(...args) {
      const customizer = args.pop();
      const target = args[0];
      for (const src of args.slice(1)) {
        if (src == null) continue;
        for (const key of Object.keys(src)) {
          const value = customizer(target[key], src[key], key, target, src);
          target[key] = value === undefined ? src[key] : value;
        }
      }
      this._conformIncludes(target, this);
      this._uniqIncludes(target);
      return target;
    }
    static _mergeFunction(objValue, srcValue, key) {
      if (Array.isArray(objValue) && Array.isArray(srcValue)) return union(objValue, srcValue);
      if (['where', 'having'].includes(key)) {
        if (this.options && this.options.whereMergeStrategy === 'and') return combineWheresWithAnd(objValue, srcValue);
        if (srcValue instanceof SequelizeMethod) srcValue = { [Op.and]: srcValue };
        if (isPlainObject(objValue) && isPlainObject(srcValue)) return Object.assign(objValue, srcValue);
      } else if (key === 'attributes' && isPlainObject(objValue) && isPlainObject(srcValue)) {
        for (const k of Object.keys(srcValue)) {
          objValue[k] = Array.isArray(objValue[k]) && Array.isArray(srcValue[k]) ? union(objValue[k], srcValue[k]) : srcValue[k];
        }
        return objValue;
      }
      if (srcValue) return cloneDeep(srcValue, true);
      return srcValue === undefined ? objValue : srcValue;
    }
    static _assignOptions(...args) {
      return this._baseMerge(...args, this._mergeFunction.bind(this));
    }
    static _defaultsOptions(target, opts) {
      return this._baseMerge(target, opts, (srcValue, objValue, key) => this._mergeFunction(objValue, srcValue, key));
    }

    static init(attributes, options = {}) {
      if (!options.sequelize) throw new Error('No Sequelize instance passed');
      this.sequelize = options.sequelize;
      const globalOptions = this.sequelize.options;
      options = merge(lodashCloneDeep(globalOptions.define), options);
      if (!options.modelName) options.modelName = this.name;
      options = merge({
        name: { plural: pluralize(options.modelName), singular: singularize(options.modelName) },
        indexes: [],
        omitNull: globalOptions.omitNull,
        schema: globalOptions.schema,
      }, options);
      runHooksMaybeSync(this.sequelize, 'beforeDefine', attributes, options);
      if (options.modelName !== this.name) Object.defineProperty(this, 'name', { value: options.modelName });
      delete options.modelName;
      this.options = Object.assign({
        timestamps: true, validate: {}, freezeTableName: false, underscored: false, paranoid: false,
        rejectOnEmpty: false, whereCollection: null, schema: null, schemaDelimiter: '', defaultScope: {}, scopes: {},
        indexes: [], whereMergeStrategy: 'overwrite',
      }, options);
      if (this.sequelize.isDefined(this.name)) {
        this.sequelize.modelManager.removeModel(this.sequelize.modelManager.getModel(this.name));
      }
      this.associations = {};
      this._setupHooks(options.hooks);
      this.underscored = this.options.underscored;
      if (!this.options.tableName) {
        this.tableName = this.options.freezeTableName ? this.name : underscoredIf(pluralize(this.name), this.underscored);
      } else {
        this.tableName = this.options.tableName;
      }
      this._schema = this.options.schema;
      this._schemaDelimiter = this.options.schemaDelimiter;
      for (const validatorType of Object.keys(options.validate || {})) {
        const v = options.validate[validatorType];
        if (hasOwn(attributes, validatorType)) {
          throw new Error(`A model validator function must not have the same name as a field. Model: ${this.name}, field/validation name: ${validatorType}`);
        }
        if (typeof v !== 'function') {
          throw new Error(`Members of the validate option must be functions. Model: ${this.name}, error with validate member ${validatorType}`);
        }
      }
      if (!['and', 'overwrite'].includes(this.options && this.options.whereMergeStrategy)) {
        throw new Error(`Invalid value ${this.options && this.options.whereMergeStrategy} for whereMergeStrategy. Allowed values are 'and' and 'overwrite'.`);
      }
      this.rawAttributes = mapValues(attributes, (attribute, name) => {
        attribute = this.sequelize.normalizeAttribute(attribute);
        if (attribute.type === undefined) throw new Error(`Unrecognized datatype for attribute "${this.name}.${name}"`);
        if (attribute.allowNull !== false && getPath(attribute, 'validate.notNull')) {
          throw new Error(`Invalid definition for "${this.name}.${name}", "notNull" validator is only allowed with "allowNull:false"`);
        }
        const refModel = attribute.references && attribute.references.model;
        if (refModel && refModel.prototype instanceof Model) {
          attribute.references.model = refModel.getTableName();
        }
        return attribute;
      });
      const tableName = this.getTableName();
      this._indexes = this.options.indexes.map((index) => nameIndex(this._conformIndex(index), tableName));
      this.primaryKeys = {};
      this._readOnlyAttributes = new Set();
      this._timestampAttributes = {};
      if (this.options.timestamps) {
        for (const key of ['createdAt', 'updatedAt', 'deletedAt']) {
          if (!['undefined', 'string', 'boolean'].includes(typeof this.options[key])) {
            throw new Error(`Value for "${key}" option must be a string or a boolean, got ${typeof this.options[key]}`);
          }
          if (this.options[key] === '') throw new Error(`Value for "${key}" option cannot be an empty string`);
        }
        if (this.options.createdAt !== false) {
          this._timestampAttributes.createdAt = typeof this.options.createdAt === 'string' ? this.options.createdAt : 'createdAt';
          this._readOnlyAttributes.add(this._timestampAttributes.createdAt);
        }
        if (this.options.updatedAt !== false) {
          this._timestampAttributes.updatedAt = typeof this.options.updatedAt === 'string' ? this.options.updatedAt : 'updatedAt';
          this._readOnlyAttributes.add(this._timestampAttributes.updatedAt);
        }
        if (this.options.paranoid && this.options.deletedAt !== false) {
          this._timestampAttributes.deletedAt = typeof this.options.deletedAt === 'string' ? this.options.deletedAt : 'deletedAt';
          this._readOnlyAttributes.add(this._timestampAttributes.deletedAt);
        }
      }
      if (this.options.version) {
        this._versionAttribute = typeof this.options.version === 'string' ? this.options.version : 'version';
        this._readOnlyAttributes.add(this._versionAttribute);
      }
      this._hasReadOnlyAttributes = this._readOnlyAttributes.size > 0;
      this._addDefaultAttributes();
      this.refreshAttributes();
      this._findAutoIncrementAttribute();
      this._scope = this.options.defaultScope;
      this._scopeNames = ['defaultScope'];
      this.sequelize.modelManager.addModel(this);
      runHooksMaybeSync(this.sequelize, 'afterDefine', this);
      return this;
    }

    static refreshAttributes() {
      const attributeManipulation = {};
      const dialect = sessionDialect(this.sequelize);
      this.prototype._customGetters = {};
      this.prototype._customSetters = {};
      for (const type of ['get', 'set']) {
        const opt = `${type}terMethods`;
        const funcs = Object.assign({}, this.options[opt]);
        const custom = type === 'get' ? this.prototype._customGetters : this.prototype._customSetters;
        for (const attribute of Object.keys(funcs)) {
          custom[attribute] = funcs[attribute];
          if (type === 'get') funcs[attribute] = function () { return this.get(attribute); };
          if (type === 'set') funcs[attribute] = function (value) { return this.set(attribute, value); };
        }
        for (const attribute of Object.keys(this.rawAttributes)) {
          const options = this.rawAttributes[attribute];
          if (hasOwn(options, type)) custom[attribute] = options[type];
          if (type === 'get') funcs[attribute] = function () { return this.get(attribute); };
          if (type === 'set') funcs[attribute] = function (value) { return this.set(attribute, value); };
        }
        for (const name of Object.keys(funcs)) {
          if (!attributeManipulation[name]) attributeManipulation[name] = { configurable: true };
          attributeManipulation[name][type] = funcs[name];
        }
      }
      this._dataTypeChanges = {};
      this._dataTypeSanitizers = {};
      this._hasBooleanAttributes = false;
      this._hasDateAttributes = false;
      this._jsonAttributes = new Set();
      this._virtualAttributes = new Set();
      this._defaultValues = {};
      this.prototype.validators = {};
      this.fieldRawAttributesMap = {};
      this.primaryKeys = {};
      this.uniqueKeys = {};
      for (const name of Object.keys(this.rawAttributes)) {
        const definition = this.rawAttributes[name];
        definition.type = dialectType(this.sequelize.normalizeDataType(definition.type));
        definition.Model = this;
        definition.fieldName = name;
        definition._modelAttribute = true;
        if (definition.field === undefined) definition.field = underscoredIf(name, this.underscored);
        if (definition.primaryKey === true) this.primaryKeys[name] = definition;
        this.fieldRawAttributesMap[definition.field] = definition;
        const sanitize = typeSanitizer(definition.type, dialect);
        if (sanitize) this._dataTypeSanitizers[name] = sanitize;
        const isChanged = typeIsChanged(definition.type);
        if (isChanged) this._dataTypeChanges[name] = isChanged;
        if (definition.type instanceof DataTypes.BOOLEAN) {
          this._hasBooleanAttributes = true;
        } else if (definition.type instanceof DataTypes.DATE || definition.type instanceof DataTypes.DATEONLY) {
          this._hasDateAttributes = true;
        } else if (definition.type instanceof DataTypes.JSON) {
          this._jsonAttributes.add(name);
        } else if (definition.type instanceof DataTypes.VIRTUAL) {
          this._virtualAttributes.add(name);
        }
        if (hasOwn(definition, 'defaultValue')) {
          this._defaultValues[name] = () => toDefaultValue(definition.defaultValue, this.sequelize.options.dialect);
        }
        if (hasOwn(definition, 'unique') && definition.unique) {
          let idxName;
          if (typeof definition.unique === 'object' && hasOwn(definition.unique, 'name')) {
            idxName = definition.unique.name;
          } else if (typeof definition.unique === 'string') {
            idxName = definition.unique;
          } else {
            idxName = `${this.tableName}_${name}_unique`;
          }
          const idx = this.uniqueKeys[idxName] || { fields: [] };
          idx.fields.push(definition.field);
          idx.msg = idx.msg || definition.unique.msg || null;
          idx.name = idxName || false;
          idx.column = name;
          idx.customIndex = definition.unique !== true;
          this.uniqueKeys[idxName] = idx;
        }
        if (hasOwn(definition, 'validate')) this.prototype.validators[name] = definition.validate;
        if (definition.index === true && definition.type instanceof DataTypes.JSONB) {
          this._indexes.push(nameIndex(this._conformIndex({ fields: [definition.field || name], using: 'gin' }), this.getTableName()));
          delete definition.index;
        }
      }
      this.fieldAttributeMap = {};
      for (const key of Object.keys(this.fieldRawAttributesMap)) {
        const value = this.fieldRawAttributesMap[key];
        if (key !== value.fieldName) this.fieldAttributeMap[key] = value.fieldName;
      }
      this._hasJsonAttributes = !!this._jsonAttributes.size;
      this._hasVirtualAttributes = !!this._virtualAttributes.size;
      this._hasDefaultValues = !isEmpty(this._defaultValues);
      this.tableAttributes = omitBy(this.rawAttributes, (_a, key) => this._virtualAttributes.has(key));
      this.prototype._hasCustomGetters = Object.keys(this.prototype._customGetters).length;
      this.prototype._hasCustomSetters = Object.keys(this.prototype._customSetters).length;
      for (const key of Object.keys(attributeManipulation)) {
        if (hasOwn(Model.prototype, key)) {
          this.sequelize.log(`Not overriding built-in method from model attribute: ${key}`);
          continue;
        }
        Object.defineProperty(this.prototype, key, attributeManipulation[key]);
      }
      this.prototype.rawAttributes = this.rawAttributes;
      this.prototype._isAttribute = (key) => hasOwn(this.prototype.rawAttributes, key);
      this.primaryKeyAttributes = Object.keys(this.primaryKeys);
      this.primaryKeyAttribute = this.primaryKeyAttributes[0];
      if (this.primaryKeyAttribute) {
        this.primaryKeyField = this.rawAttributes[this.primaryKeyAttribute].field || this.primaryKeyAttribute;
      }
      this._hasPrimaryKeys = this.primaryKeyAttributes.length > 0;
      this._isPrimaryKey = (key) => this.primaryKeyAttributes.includes(key);
      this._attributeManipulation = attributeManipulation;
    }

    static removeAttribute(attribute) {
      delete this.rawAttributes[attribute];
      this.refreshAttributes();
    }

    static async sync(options) {
      options = Object.assign({}, this.options, options);
      options.hooks = options.hooks === undefined ? true : !!options.hooks;
      const attributes = this.tableAttributes;
      if (options.hooks) await this.runHooks('beforeSync', options);
      const tableName = this.getTableName(options);
      let tableExists;
      if (options.force) {
        await this.drop(options);
        tableExists = false;
      } else {
        tableExists = await this.queryInterface.tableExists(tableName, options);
      }
      if (!tableExists) {
        await this.queryInterface.createTable(tableName, attributes, options, this);
      } else if (options.alter) {
        throw native.unsupported('Model.sync({ alter })');
      }
      const existingIndexes = await this.queryInterface.showIndex(tableName, options);
      const missingIndexes = this._indexes.filter((item1) => !existingIndexes.some((item2) => item1.name === item2.name));
      for (const index of missingIndexes) {
        await this.queryInterface.addIndex(tableName, Object.assign({}, options, index));
      }
      if (options.hooks) await this.runHooks('afterSync', options);
      return this;
    }
    static async drop(options) {
      return await this.queryInterface.dropTable(this.getTableName(options), options);
    }
    static async dropSchema(schema) {
      return await this.queryInterface.dropSchema(schema);
    }
    static schema(schema, options) {
      const clone = class extends this {};
      Object.defineProperty(clone, 'name', { value: this.name });
      clone._schema = schema;
      if (options) {
        if (typeof options === 'string') {
          clone._schemaDelimiter = options;
        } else if (options.schemaDelimiter) {
          clone._schemaDelimiter = options.schemaDelimiter;
        }
      }
      return clone;
    }
    static getTableName() {
      return addSchema(this);
    }
    static unscoped() { return this.scope(); }
    static addScope(name, scope, options) {
      options = Object.assign({ override: false }, options);
      if ((name === 'defaultScope' && Object.keys(this.options.defaultScope).length > 0 || name in this.options.scopes) && options.override === false) {
        throw new Error(`The scope ${name} already exists. Pass { override: true } as options to silence this error`);
      }
      if (name === 'defaultScope') {
        this.options.defaultScope = this._scope = scope;
      } else {
        this.options.scopes[name] = scope;
      }
    }
    static scope(option) {
      const self = class extends this {};
      let scope;
      let scopeName;
      Object.defineProperty(self, 'name', { value: this.name });
      self._scope = {};
      self._scopeNames = [];
      self.scoped = true;
      if (!option) return self;
      const options = [].concat(...Array.from(arguments).map((a) => (Array.isArray(a) ? a : [a])));
      for (const option2 of options) {
        scope = null;
        scopeName = null;
        if (isPlainObject(option2)) {
          if (option2.method) {
            if (Array.isArray(option2.method) && !!self.options.scopes[option2.method[0]]) {
              scopeName = option2.method[0];
              scope = self.options.scopes[scopeName].apply(self, option2.method.slice(1));
            } else if (self.options.scopes[option2.method]) {
              scopeName = option2.method;
              scope = self.options.scopes[scopeName].apply(self);
            }
          } else {
            scope = option2;
          }
        } else if (option2 === 'defaultScope' && isPlainObject(self.options.defaultScope)) {
          scope = self.options.defaultScope;
        } else {
          scopeName = option2;
          scope = self.options.scopes[scopeName];
          if (typeof scope === 'function') scope = scope();
        }
        if (scope) {
          this._conformIncludes(scope, this);
          this._assignOptions(self._scope, cloneDeep(scope));
          self._scopeNames.push(scopeName ? scopeName : 'defaultScope');
        } else {
          throw new errors.SequelizeScopeError(`Invalid scope ${scopeName} called.`);
        }
      }
      return self;
    }

    static async findAll(options) {
      if (options !== undefined && !isPlainObject(options)) {
        throw new errors.QueryError('The argument passed to findAll must be an options object, use findByPk if you wish to pass a single primary key value');
      }
      if (options !== undefined && options.attributes) {
        if (!Array.isArray(options.attributes) && !isPlainObject(options.attributes)) {
          throw new errors.QueryError('The attributes option must be an array of column names or an object');
        }
      }
      this.warnOnInvalidOptions(options, Object.keys(this.rawAttributes));
      const tableNames = {};
      tableNames[tableNameKey(this.getTableName(options))] = true;
      options = cloneDeep(options);
      defaults(options, { hooks: true });
      options.rejectOnEmpty = hasOwn(options, 'rejectOnEmpty') ? options.rejectOnEmpty : this.options.rejectOnEmpty;
      this._injectScope(options);
      if (options.hooks) await this.runHooks('beforeFind', options);
      this._conformIncludes(options, this);
      this._expandAttributes(options);
      this._expandIncludeAll(options);
      if (options.hooks) await this.runHooks('beforeFindAfterExpandIncludeAll', options);
      options.originalAttributes = this._injectDependentVirtualAttributes(options.attributes);
      if (options.include) {
        options.hasJoin = true;
        this._validateIncludedElements(options, tableNames);
        if (options.attributes && !options.raw && this.primaryKeyAttribute && !options.attributes.includes(this.primaryKeyAttribute) && (!options.group || !options.hasSingleAssociation || options.hasMultiAssociation)) {
          options.attributes = [this.primaryKeyAttribute].concat(options.attributes);
        }
      }
      if (!options.attributes) {
        options.attributes = Object.keys(this.rawAttributes);
        options.originalAttributes = this._injectDependentVirtualAttributes(options.attributes);
      }
      this.options.whereCollection = options.where || null;
      mapFinderOptions(options, this);
      options = this._paranoidClause(this, options);
      if (options.hooks) await this.runHooks('beforeFindAfterOptions', options);
      const selectOptions = Object.assign({}, options, { tableNames: Object.keys(tableNames) });
      const results = await lib.modelQuery.select(this, this.getTableName(selectOptions), selectOptions);
      if (options.hooks) await this.runHooks('afterFind', results, options);
      if (isEmpty(results) && options.rejectOnEmpty) {
        if (typeof options.rejectOnEmpty === 'function') throw new options.rejectOnEmpty();
        if (typeof options.rejectOnEmpty === 'object') throw options.rejectOnEmpty;
        throw new errors.EmptyResultError();
      }
      return await Model._findSeparate(results, options);
    }
    static warnOnInvalidOptions(options, validColumnNames) {
      if (!isPlainObject(options)) return;
      const unrecognizedOptions = Object.keys(options).filter((k) => !validQueryKeywords.has(k));
      const unexpectedModelAttributes = intersection(unrecognizedOptions, validColumnNames);
      if (!options.where && unexpectedModelAttributes.length > 0) {
        warn(`Model attributes (${unexpectedModelAttributes.join(', ')}) passed into finder method options of model ${this.name}, but the options.where object is empty. Did you forget to use options.where?`);
      }
    }
    static _injectDependentVirtualAttributes(attributes) {
      if (!this._hasVirtualAttributes) return attributes;
      if (!attributes || !Array.isArray(attributes)) return attributes;
      for (const attribute of attributes) {
        if (this._virtualAttributes.has(attribute) && this.rawAttributes[attribute].type.fields) {
          attributes = attributes.concat(this.rawAttributes[attribute].type.fields);
        }
      }
      return uniq(attributes);
    }
    static async _findSeparate(results, options) {
      if (!options.include || options.raw || !results) return results;
      const original = results;
      if (options.plain) results = [results];
      if (!results.length) return original;
      await Promise.all(options.include.map(async (include) => {
        if (!include.separate) {
          const nested = results.reduce((memo, result) => {
            let associations = result.get(include.association.as);
            if (!associations) return memo;
            if (!Array.isArray(associations)) associations = [associations];
            for (const a of associations) memo.push(a);
            return memo;
          }, []);
          const rest = Object.assign({}, options);
          for (const k of ['include', 'attributes', 'order', 'where', 'limit', 'offset', 'plain', 'scope']) delete rest[k];
          return await Model._findSeparate(nested, Object.assign(rest, { include: include.include || [] }));
        }
        const base = Object.assign({}, options);
        for (const k of nonCascadingOptions) delete base[k];
        const inc = Object.assign({}, include);
        for (const k of ['parent', 'association', 'as', 'originalAttributes']) delete inc[k];
        const map = await include.association.get(results, Object.assign(base, inc));
        for (const result of results) {
          result.set(include.association.as, map[result.get(include.association.sourceKey)], { raw: true });
        }
      }));
      return original;
    }
    static async findByPk(param, options) {
      if ([null, undefined].includes(param)) return null;
      options = cloneDeep(options) || {};
      if (typeof param === 'number' || typeof param === 'bigint' || typeof param === 'string' || isBuffer(param)) {
        options.where = { [this.primaryKeyAttribute]: param };
      } else {
        throw new Error(`Argument passed to findByPk is invalid: ${param}`);
      }
      return await this.findOne(options);
    }
    static async findOne(options) {
      if (options !== undefined && !isPlainObject(options)) {
        throw new Error('The argument passed to findOne must be an options object, use findByPk if you wish to pass a single primary key value');
      }
      options = cloneDeep(options);
      if (options.limit === undefined) {
        const uniqueSingleColumns = Object.values(this.uniqueKeys).filter((c) => c.fields.length === 1).map((c) => c.column);
        const where = options.where;
        const hit = where && (isPlainObject(where) || Array.isArray(where)) && Object.keys(where).some((key) => {
          const value = where[key];
          return (key === this.primaryKeyAttribute || uniqueSingleColumns.includes(key)) && (Utils.isPrimitive(value) || isBuffer(value));
        });
        if (!options.where || !hit) options.limit = 1;
      }
      return await this.findAll(defaults(options, { plain: true }));
    }
    static async aggregate(attribute, aggregateFunction, options) {
      options = cloneDeep(options);
      const prevAttributes = options.attributes;
      this._injectScope(options);
      options.attributes = prevAttributes;
      this._conformIncludes(options, this);
      if (options.include) {
        this._expandIncludeAll(options);
        this._validateIncludedElements(options);
      }
      const attrOptions = this.rawAttributes[attribute];
      const field = (attrOptions && attrOptions.field) || attribute;
      let aggregateColumn = this.sequelize.col(field);
      if (options.distinct) aggregateColumn = this.sequelize.fn('DISTINCT', aggregateColumn);
      let { group } = options;
      if (Array.isArray(group) && Array.isArray(group[0])) group = [].concat(...group);
      const seen = new Set();
      const ident = (a) => (Array.isArray(a) ? a[1] : a);
      const arrays = [options.attributes, group, [[this.sequelize.fn(aggregateFunction, aggregateColumn), aggregateFunction]]];
      options.attributes = [].concat(...arrays.filter((a) => Array.isArray(a)))
        .filter((a) => {
          const k = ident(a);
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
      if (!options.dataType) {
        options.dataType = attrOptions ? attrOptions.type : new DataTypes.FLOAT();
      } else {
        options.dataType = this.sequelize.normalizeDataType(options.dataType);
      }
      mapOptionFieldNames(options, this);
      options = this._paranoidClause(this, options);
      return await lib.modelQuery.rawSelect(this, this.getTableName(options), options, aggregateFunction);
    }
    static async count(options) {
      options = cloneDeep(options);
      options = defaults(options, { hooks: true });
      options.raw = true;
      if (options.hooks) await this.runHooks('beforeCount', options);
      let col = options.col || '*';
      if (options.include) col = `${this.name}.${options.col || this.primaryKeyField}`;
      if (options.distinct && col === '*') col = this.primaryKeyField;
      options.plain = !options.group;
      options.dataType = new DataTypes.INTEGER();
      options.includeIgnoreAttributes = false;
      options.limit = null;
      options.offset = null;
      options.order = null;
      const result = await this.aggregate(col, 'count', options);
      if (Array.isArray(result)) {
        return result.map((item) => Object.assign({}, item, { count: Number(item.count) }));
      }
      return result;
    }
    static async findAndCountAll(options) {
      if (options !== undefined && !isPlainObject(options)) {
        throw new Error('The argument passed to findAndCountAll must be an options object, use findByPk if you wish to pass a single primary key value');
      }
      const countOptions = cloneDeep(options);
      if (countOptions.attributes) countOptions.attributes = undefined;
      const [count, rows] = await Promise.all([this.count(countOptions), this.findAll(options)]);
      return { count, rows: count === 0 ? [] : rows };
    }
    static async max(field, options) { return await this.aggregate(field, 'max', options); }
    static async min(field, options) { return await this.aggregate(field, 'min', options); }
    static async sum(field, options) { return await this.aggregate(field, 'sum', options); }

    static build(values, options) {
      if (Array.isArray(values)) return this.bulkBuild(values, options);
      return new this(values, options);
    }
    static bulkBuild(valueSets, options) {
      options = Object.assign({ isNewRecord: true }, options);
      if (!options.includeValidated) {
        this._conformIncludes(options, this);
        if (options.include) {
          this._expandIncludeAll(options);
          this._validateIncludedElements(options);
        }
      }
      if (options.attributes) {
        options.attributes = options.attributes.map((attribute) => (Array.isArray(attribute) ? attribute[1] : attribute));
      }
      return valueSets.map((values) => this.build(values, options));
    }
    static async create(values, options) {
      options = cloneDeep(options || {});
      return await this.build(values, {
        isNewRecord: true,
        attributes: options.fields,
        include: options.include,
        raw: options.raw,
        silent: options.silent,
      }).save(options);
    }
    static async findOrBuild(options) {
      if (!options || !options.where || arguments.length > 1) {
        throw new Error('Missing where attribute in the options parameter passed to findOrBuild. Please note that the API has changed, and is now options only (an object with where, defaults keys, transaction etc.)');
      }
      let values;
      let instance = await this.findOne(options);
      if (instance === null) {
        values = Object.assign({}, options.defaults);
        if (isPlainObject(options.where)) values = utilsDefaults(values, options.where);
        instance = this.build(values, options);
        return [instance, true];
      }
      return [instance, false];
    }
    static async findOrCreate(options) {
      if (!options || !options.where || arguments.length > 1) {
        throw new Error('Missing where attribute in the options parameter passed to findOrCreate. Please note that the API has changed, and is now options only (an object with where, defaults keys, transaction etc.)');
      }
      options = Object.assign({}, options);
      if (options.defaults) {
        const unknownDefaults = Object.keys(options.defaults).filter((name) => !this.rawAttributes[name]);
        if (unknownDefaults.length) warn(`Unknown attributes (${unknownDefaults}) passed to defaults option of findOrCreate`);
      }
      const internalTransaction = !options.transaction;
      let values;
      let transaction;
      try {
        const t = await this.sequelize.transaction(options);
        transaction = t;
        options.transaction = t;
        const found = await this.findOne(utilsDefaults({ transaction }, options));
        if (found !== null) return [found, false];
        values = Object.assign({}, options.defaults);
        if (isPlainObject(options.where)) values = utilsDefaults(values, options.where);
        options.exception = true;
        options.returning = true;
        try {
          const created = await this.create(values, options);
          if (created.get(this.primaryKeyAttribute, { raw: true }) === null) throw new errors.UniqueConstraintError();
          return [created, true];
        } catch (err) {
          if (!(err instanceof errors.UniqueConstraintError)) throw err;
          const otherCreated = await this.findOne(utilsDefaults({ transaction: internalTransaction ? null : transaction }, options));
          if (otherCreated === null) throw err;
          return [otherCreated, false];
        }
      } finally {
        if (internalTransaction && transaction) await transaction.commit();
      }
    }
    static async findCreateFind(options) {
      if (!options || !options.where) throw new Error('Missing where attribute in the options parameter passed to findCreateFind.');
      let values = Object.assign({}, options.defaults);
      if (isPlainObject(options.where)) values = utilsDefaults(values, options.where);
      const found = await this.findOne(options);
      if (found) return [found, false];
      try {
        const createOptions = Object.assign({}, options);
        if (sessionDialect(this.sequelize) === 'postgres' && options.transaction) createOptions.ignoreDuplicates = true;
        const created = await this.create(values, createOptions);
        return [created, true];
      } catch (err) {
        if (!(err instanceof errors.UniqueConstraintError || err instanceof errors.EmptyResultError)) throw err;
        const foundAgain = await this.findOne(options);
        return [foundAgain, false];
      }
    }
    static async upsert(values, options) {
      options = Object.assign({ hooks: true, returning: true, validate: true }, cloneDeep(options));
      const createdAtAttr = this._timestampAttributes.createdAt;
      const updatedAtAttr = this._timestampAttributes.updatedAt;
      const hasPrimary = this.primaryKeyField in values || this.primaryKeyAttribute in values;
      const instance = this.build(values);
      options.model = this;
      options.instance = instance;
      const changed = Array.from(instance._changed);
      if (!options.fields) options.fields = changed;
      if (options.validate) await instance.validate(options);
      const updatedDataValues = pick(instance.dataValues, changed);
      const insertValues = mapValueFieldNames(instance.dataValues, Object.keys(instance.rawAttributes), this);
      const updateValues = mapValueFieldNames(updatedDataValues, options.fields, this);
      const nowDate = now(this.sequelize.options.dialect);
      if (createdAtAttr && !insertValues[createdAtAttr]) {
        const field = this.rawAttributes[createdAtAttr].field || createdAtAttr;
        insertValues[field] = this._getDefaultTimestamp(createdAtAttr) || nowDate;
      }
      if (updatedAtAttr && !insertValues[updatedAtAttr]) {
        const field = this.rawAttributes[updatedAtAttr].field || updatedAtAttr;
        insertValues[field] = updateValues[field] = this._getDefaultTimestamp(updatedAtAttr) || nowDate;
      }
      if (!hasPrimary && this.primaryKeyAttribute && !this.rawAttributes[this.primaryKeyAttribute].defaultValue) {
        delete insertValues[this.primaryKeyField];
        delete updateValues[this.primaryKeyField];
      }
      if (options.hooks) await this.runHooks('beforeUpsert', values, options);
      const result = await lib.modelQuery.upsert(this, this.getTableName(options), insertValues, updateValues, options);
      const [record] = result;
      record.isNewRecord = false;
      if (options.hooks) {
        await this.runHooks('afterUpsert', result, options);
        return result;
      }
      return result;
    }

    static async bulkCreate(records, options = {}) {
      if (!records.length) return [];
      const dialect = sessionDialect(this.sequelize);
      const nowDate = now(this.sequelize.options.dialect);
      options = cloneDeep(options);
      options.model = this;
      if (!options.includeValidated) {
        this._conformIncludes(options, this);
        if (options.include) {
          this._expandIncludeAll(options);
          this._validateIncludedElements(options);
        }
      }
      const instances = records.map((values) => this.build(values, { isNewRecord: true, include: options.include }));
      const recursiveBulkCreate = async (instances2, options2) => {
        options2 = Object.assign({ validate: false, hooks: true, individualHooks: false, ignoreDuplicates: false }, options2);
        if (options2.returning === undefined) options2.returning = !options2.association;
        if (options2.updateOnDuplicate && !['mysql', 'mariadb', 'sqlite', 'postgres'].includes(dialect)) {
          throw new Error(`${dialect} does not support the updateOnDuplicate option.`);
        }
        const model = options2.model;
        options2.fields = options2.fields || Object.keys(model.rawAttributes);
        const createdAtAttr = model._timestampAttributes.createdAt;
        const updatedAtAttr = model._timestampAttributes.updatedAt;
        if (options2.updateOnDuplicate !== undefined) {
          if (Array.isArray(options2.updateOnDuplicate) && options2.updateOnDuplicate.length) {
            options2.updateOnDuplicate = intersection(without(Object.keys(model.tableAttributes), createdAtAttr), options2.updateOnDuplicate);
          } else {
            throw new Error('updateOnDuplicate option only supports non-empty array.');
          }
        }
        if (options2.hooks) await model.runHooks('beforeBulkCreate', instances2, options2);
        if (options2.validate) {
          const errs = [];
          const validateOptions = Object.assign({}, options2);
          validateOptions.hooks = options2.individualHooks;
          await Promise.all(instances2.map(async (instance) => {
            try {
              await instance.validate(validateOptions);
            } catch (err) {
              errs.push(new errors.BulkRecordError(err, instance));
            }
          }));
          delete options2.skip;
          if (errs.length) throw new errors.AggregateError(errs);
        }
        if (options2.individualHooks) {
          await Promise.all(instances2.map(async (instance) => {
            const individualOptions = Object.assign({}, options2, { validate: false, hooks: true });
            delete individualOptions.fields;
            delete individualOptions.individualHooks;
            delete individualOptions.ignoreDuplicates;
            await instance.save(individualOptions);
          }));
        } else {
          if (options2.include && options2.include.length) {
            await Promise.all(options2.include.filter((include) => include.association instanceof lib.BelongsTo).map(async (include) => {
              const associationInstances = [];
              const associationInstanceIndexToInstanceMap = [];
              for (const instance of instances2) {
                const associationInstance = instance.get(include.as);
                if (associationInstance) {
                  associationInstances.push(associationInstance);
                  associationInstanceIndexToInstanceMap.push(instance);
                }
              }
              if (!associationInstances.length) return;
              const includeOptions = defaults(Object.assign({}, cloneDeep(include), { association: undefined }), { transaction: options2.transaction, logging: options2.logging });
              delete includeOptions.association;
              const created = await recursiveBulkCreate(associationInstances, includeOptions);
              for (const idx in created) {
                const associationInstance = created[idx];
                const instance = associationInstanceIndexToInstanceMap[idx];
                await include.association.set(instance, associationInstance, { save: false, logging: options2.logging });
              }
            }));
          }
          records = instances2.map((instance) => {
            const values = instance.dataValues;
            if (createdAtAttr && !values[createdAtAttr]) {
              values[createdAtAttr] = nowDate;
              if (!options2.fields.includes(createdAtAttr)) options2.fields.push(createdAtAttr);
            }
            if (updatedAtAttr && !values[updatedAtAttr]) {
              values[updatedAtAttr] = nowDate;
              if (!options2.fields.includes(updatedAtAttr)) options2.fields.push(updatedAtAttr);
            }
            const out = mapValueFieldNames(values, options2.fields, model);
            for (const key of model._virtualAttributes) delete out[key];
            return out;
          });
          const fieldMappedAttributes = {};
          for (const attr in model.tableAttributes) {
            fieldMappedAttributes[model.rawAttributes[attr].field || attr] = model.rawAttributes[attr];
          }
          if (options2.updateOnDuplicate) {
            options2.updateOnDuplicate = options2.updateOnDuplicate.map((attr) => model.rawAttributes[attr].field || attr);
            if (options2.conflictAttributes) {
              options2.upsertKeys = options2.conflictAttributes.map((attrName) => model.rawAttributes[attrName].field || attrName);
            } else {
              const upsertKeys = [];
              for (const i of model._indexes) {
                if (i.unique && !i.where) upsertKeys.push(...i.fields);
              }
              const firstUniqueKey = Object.values(model.uniqueKeys).find((c) => c.fields.length > 0);
              if (firstUniqueKey && firstUniqueKey.fields) upsertKeys.push(...firstUniqueKey.fields);
              options2.upsertKeys = upsertKeys.length > 0 ? upsertKeys : Object.values(model.primaryKeys).map((x) => x.field);
            }
          }
          if (options2.returning && Array.isArray(options2.returning)) {
            options2.returning = options2.returning.map((attr) => getPath(model.rawAttributes, `${attr}.field`, attr));
          }
          const results = await lib.modelQuery.bulkInsert(model, model.getTableName(options2), records, options2, fieldMappedAttributes);
          if (Array.isArray(results)) {
            results.forEach((result, i) => {
              const instance = instances2[i];
              for (const key in result) {
                if (!instance || (key === model.primaryKeyAttribute && instance.get(model.primaryKeyAttribute) && ['mysql', 'mariadb', 'sqlite'].includes(dialect))) continue;
                if (hasOwn(result, key)) {
                  const record = result[key];
                  const attr = Object.values(model.rawAttributes).find((attribute) => attribute.fieldName === key || attribute.field === key);
                  instance.dataValues[(attr && attr.fieldName) || key] = record;
                }
              }
            });
          }
        }
        if (options2.include && options2.include.length) {
          await Promise.all(options2.include.filter((include) => !(include.association instanceof lib.BelongsTo || (include.parent && include.parent.association instanceof lib.BelongsToMany))).map(async (include) => {
            const associationInstances = [];
            const associationInstanceIndexToInstanceMap = [];
            for (const instance of instances2) {
              let associated = instance.get(include.as);
              if (!Array.isArray(associated)) associated = [associated];
              for (const associationInstance of associated) {
                if (associationInstance) {
                  if (!(include.association instanceof lib.BelongsToMany)) {
                    associationInstance.set(include.association.foreignKey, instance.get(include.association.sourceKey || instance.constructor.primaryKeyAttribute, { raw: true }), { raw: true });
                    Object.assign(associationInstance, include.association.scope);
                  }
                  associationInstances.push(associationInstance);
                  associationInstanceIndexToInstanceMap.push(instance);
                }
              }
            }
            if (!associationInstances.length) return;
            const includeOptions = defaults(Object.assign({}, cloneDeep(include)), { transaction: options2.transaction, logging: options2.logging });
            delete includeOptions.association;
            const created = await recursiveBulkCreate(associationInstances, includeOptions);
            if (include.association instanceof lib.BelongsToMany) {
              const valueSets = [];
              for (const idx in created) {
                const associationInstance = created[idx];
                const instance = associationInstanceIndexToInstanceMap[idx];
                const values = Object.assign({
                  [include.association.foreignKey]: instance.get(instance.constructor.primaryKeyAttribute, { raw: true }),
                  [include.association.otherKey]: associationInstance.get(associationInstance.constructor.primaryKeyAttribute, { raw: true }),
                }, include.association.through.scope);
                valueSets.push(values);
              }
              const throughOptions = defaults(Object.assign({}, cloneDeep(include)), { transaction: options2.transaction, logging: options2.logging });
              delete throughOptions.association;
              delete throughOptions.attributes;
              throughOptions.model = include.association.throughModel;
              const throughInstances = include.association.throughModel.bulkBuild(valueSets, throughOptions);
              await recursiveBulkCreate(throughInstances, throughOptions);
            }
          }));
        }
        instances2.forEach((instance) => {
          for (const attr in model.rawAttributes) {
            if (model.rawAttributes[attr].field && instance.dataValues[model.rawAttributes[attr].field] !== undefined && model.rawAttributes[attr].field !== attr) {
              instance.dataValues[attr] = instance.dataValues[model.rawAttributes[attr].field];
              delete instance.dataValues[model.rawAttributes[attr].field];
            }
            instance._previousDataValues[attr] = instance.dataValues[attr];
            instance.changed(attr, false);
          }
          instance.isNewRecord = false;
        });
        if (options2.hooks) await model.runHooks('afterBulkCreate', instances2, options2);
        return instances2;
      };
      return await recursiveBulkCreate(instances, options);
    }

    static async truncate(options) {
      options = cloneDeep(options) || {};
      options.truncate = true;
      return await this.destroy(options);
    }
    static async destroy(options) {
      options = cloneDeep(options);
      this._injectScope(options);
      if (!options || !(options.where || options.truncate)) {
        throw new Error('Missing where or truncate attribute in the options parameter of model.destroy.');
      }
      if (!options.truncate && !isPlainObject(options.where) && !Array.isArray(options.where) && !(options.where instanceof SequelizeMethod)) {
        throw new Error('Expected plain object, array or sequelize method in the options.where parameter of model.destroy.');
      }
      options = defaults(options, { hooks: true, individualHooks: false, force: false, cascade: false, restartIdentity: false });
      options.type = QueryTypes.BULKDELETE;
      mapOptionFieldNames(options, this);
      options.model = this;
      if (options.hooks) await this.runHooks('beforeBulkDestroy', options);
      let instances;
      if (options.individualHooks) {
        instances = await this.findAll({ where: options.where, transaction: options.transaction, logging: options.logging, benchmark: options.benchmark });
        await Promise.all(instances.map((instance) => this.runHooks('beforeDestroy', instance, options)));
      }
      let result;
      if (this._timestampAttributes.deletedAt && !options.force) {
        options.type = QueryTypes.BULKUPDATE;
        const attrValueHash = {};
        const deletedAtAttribute = this.rawAttributes[this._timestampAttributes.deletedAt];
        const field = this.rawAttributes[this._timestampAttributes.deletedAt].field;
        const where = { [field]: hasOwn(deletedAtAttribute, 'defaultValue') ? deletedAtAttribute.defaultValue : null };
        attrValueHash[field] = now(this.sequelize.options.dialect);
        result = await lib.modelQuery.bulkUpdate(this, this.getTableName(options), attrValueHash, Object.assign(where, options.where), options, this.rawAttributes);
      } else {
        result = await lib.modelQuery.bulkDelete(this, this.getTableName(options), options.where, options);
      }
      if (options.individualHooks) {
        await Promise.all(instances.map((instance) => this.runHooks('afterDestroy', instance, options)));
      }
      if (options.hooks) await this.runHooks('afterBulkDestroy', options);
      return result;
    }
    static async restore(options) {
      if (!this._timestampAttributes.deletedAt) throw new Error('Model is not paranoid');
      options = Object.assign({ hooks: true, individualHooks: false }, options);
      options.type = QueryTypes.RAW;
      options.model = this;
      mapOptionFieldNames(options, this);
      if (options.hooks) await this.runHooks('beforeBulkRestore', options);
      let instances;
      if (options.individualHooks) {
        instances = await this.findAll({ where: options.where, transaction: options.transaction, logging: options.logging, benchmark: options.benchmark, paranoid: false });
        await Promise.all(instances.map((instance) => this.runHooks('beforeRestore', instance, options)));
      }
      const attrValueHash = {};
      const deletedAtCol = this._timestampAttributes.deletedAt;
      const deletedAtAttribute = this.rawAttributes[deletedAtCol];
      const deletedAtDefaultValue = hasOwn(deletedAtAttribute, 'defaultValue') ? deletedAtAttribute.defaultValue : null;
      attrValueHash[deletedAtAttribute.field || deletedAtCol] = deletedAtDefaultValue;
      options.omitNull = false;
      const result = await lib.modelQuery.bulkUpdate(this, this.getTableName(options), attrValueHash, options.where, options, this.rawAttributes);
      if (options.individualHooks) {
        await Promise.all(instances.map((instance) => this.runHooks('afterRestore', instance, options)));
      }
      if (options.hooks) await this.runHooks('afterBulkRestore', options);
      return result;
    }
    static async update(values, options) {
      options = cloneDeep(options);
      this._injectScope(options);
      this._optionsMustContainWhere(options);
      options = this._paranoidClause(this, defaults(options, {
        validate: true, hooks: true, individualHooks: false, returning: false, force: false, sideEffects: true,
      }));
      options.type = QueryTypes.BULKUPDATE;
      values = omitBy(values, (value) => value === undefined);
      if (options.fields && options.fields instanceof Array) {
        for (const key of Object.keys(values)) {
          if (!options.fields.includes(key)) delete values[key];
        }
      } else {
        const updatedAtAttr = this._timestampAttributes.updatedAt;
        options.fields = intersection(Object.keys(values), Object.keys(this.tableAttributes));
        if (updatedAtAttr && !options.fields.includes(updatedAtAttr)) options.fields.push(updatedAtAttr);
      }
      if (this._timestampAttributes.updatedAt && !options.silent) {
        values[this._timestampAttributes.updatedAt] = this._getDefaultTimestamp(this._timestampAttributes.updatedAt) || now(this.sequelize.options.dialect);
      }
      options.model = this;
      let valuesUse;
      if (options.validate) {
        const build = this.build(values);
        build.set(this._timestampAttributes.updatedAt, values[this._timestampAttributes.updatedAt], { raw: true });
        if (options.sideEffects) {
          Object.assign(values, pick(build.get(), build.changed() || []));
          options.fields = union(options.fields, Object.keys(values));
        }
        options.skip = difference(Object.keys(this.rawAttributes), Object.keys(values));
        const attributes = await build.validate(options);
        options.skip = undefined;
        if (attributes && attributes.dataValues) values = pick(attributes.dataValues, Object.keys(values));
      }
      if (options.hooks) {
        options.attributes = values;
        await this.runHooks('beforeBulkUpdate', options);
        values = options.attributes;
        delete options.attributes;
      }
      valuesUse = values;
      let instances;
      let updateDoneRowByRow = false;
      if (options.individualHooks) {
        instances = await this.findAll({ where: options.where, transaction: options.transaction, logging: options.logging, benchmark: options.benchmark, paranoid: options.paranoid });
        if (instances.length) {
          let changedValues;
          let different = false;
          instances = await Promise.all(instances.map(async (instance) => {
            Object.assign(instance.dataValues, values);
            for (const attr of Object.keys(valuesUse)) {
              const newValue = valuesUse[attr];
              if (newValue !== instance._previousDataValues[attr]) instance.setDataValue(attr, newValue);
            }
            await this.runHooks('beforeUpdate', instance, options);
            if (!different) {
              const thisChangedValues = {};
              for (const attr of Object.keys(instance.dataValues)) {
                const newValue = instance.dataValues[attr];
                if (newValue !== instance._previousDataValues[attr]) thisChangedValues[attr] = newValue;
              }
              if (!changedValues) {
                changedValues = thisChangedValues;
              } else {
                different = !isEqual(changedValues, thisChangedValues);
              }
            }
            return instance;
          }));
          if (!different) {
            const keys = Object.keys(changedValues);
            if (keys.length) {
              valuesUse = changedValues;
              options.fields = union(options.fields, keys);
            }
          } else {
            instances = await Promise.all(instances.map(async (instance) => {
              const individualOptions = Object.assign({}, options, { hooks: false, validate: false });
              delete individualOptions.individualHooks;
              return instance.save(individualOptions);
            }));
            updateDoneRowByRow = true;
          }
        }
      }
      let result;
      if (updateDoneRowByRow) {
        result = [instances.length, instances];
      } else if (isEmpty(valuesUse) || (Object.keys(valuesUse).length === 1 && valuesUse[this._timestampAttributes.updatedAt])) {
        result = [0];
      } else {
        valuesUse = mapValueFieldNames(valuesUse, options.fields, this);
        options = mapOptionFieldNames(options, this);
        options.hasTrigger = this.options ? this.options.hasTrigger : false;
        const affectedRows = await lib.modelQuery.bulkUpdate(this, this.getTableName(options), valuesUse, options.where, options, this.tableAttributes);
        if (options.returning) {
          result = [affectedRows.length, affectedRows];
          instances = affectedRows;
        } else {
          result = [affectedRows];
        }
      }
      if (options.individualHooks) {
        await Promise.all(instances.map((instance) => this.runHooks('afterUpdate', instance, options)));
        result[1] = instances;
      }
      if (options.hooks) {
        options.attributes = values;
        await this.runHooks('afterBulkUpdate', options);
        delete options.attributes;
      }
      return result;
    }
    static async describe(schema, options) {
      return await this.queryInterface.describeTable(this.tableName, Object.assign({ schema: schema || this._schema || undefined }, options));
    }
    static _getDefaultTimestamp(attr) {
      if (!!this.rawAttributes[attr] && !!this.rawAttributes[attr].defaultValue) {
        return toDefaultValue(this.rawAttributes[attr].defaultValue, this.sequelize.options.dialect);
      }
      return undefined;
    }
    static _expandAttributes(options) {
      if (!isPlainObject(options.attributes)) return;
      let attributes = Object.keys(this.rawAttributes);
      if (options.attributes.exclude) attributes = attributes.filter((elem) => !options.attributes.exclude.includes(elem));
      if (options.attributes.include) attributes = attributes.concat(options.attributes.include);
      options.attributes = attributes;
    }
    static _injectScope(options) {
      const scope = cloneDeep(this._scope);
      this._defaultsOptions(options, scope);
    }
    static hasAlias(alias) { return hasOwn(this.associations, alias); }
    static async increment(fields, options) {
      options = options || {};
      if (typeof fields === 'string') fields = [fields];
      if (Array.isArray(fields)) {
        fields = fields.map((f) => (this.rawAttributes[f] && this.rawAttributes[f].field && this.rawAttributes[f].field !== f ? this.rawAttributes[f].field : f));
      } else if (fields && typeof fields === 'object') {
        fields = Object.keys(fields).reduce((rawFields, f) => {
          if (this.rawAttributes[f] && this.rawAttributes[f].field && this.rawAttributes[f].field !== f) {
            rawFields[this.rawAttributes[f].field] = fields[f];
          } else {
            rawFields[f] = fields[f];
          }
          return rawFields;
        }, {});
      }
      this._injectScope(options);
      this._optionsMustContainWhere(options);
      options = utilsDefaults({}, options, { by: 1, where: {}, increment: true });
      const isSubtraction = !options.increment;
      mapOptionFieldNames(options, this);
      const where = Object.assign({}, options.where);
      let incrementAmountsByField = {};
      if (Array.isArray(fields)) {
        for (const field of fields) incrementAmountsByField[field] = options.by;
      } else {
        incrementAmountsByField = fields;
      }
      if (this._versionAttribute) incrementAmountsByField[this._versionAttribute] = isSubtraction ? -1 : 1;
      const extraAttributesToBeUpdated = {};
      const updatedAtAttr = this._timestampAttributes.updatedAt;
      if (!options.silent && updatedAtAttr && !incrementAmountsByField[updatedAtAttr]) {
        const attrName = this.rawAttributes[updatedAtAttr].field || updatedAtAttr;
        extraAttributesToBeUpdated[attrName] = this._getDefaultTimestamp(updatedAtAttr) || now(this.sequelize.options.dialect);
      }
      const affectedRows = await lib.modelQuery.increment(this, this.getTableName(options), where, incrementAmountsByField, extraAttributesToBeUpdated, options, isSubtraction ? '-' : '+');
      if (options.returning) return [affectedRows, affectedRows.length];
      return [affectedRows];
    }
    static async decrement(fields, options) {
      return this.increment(fields, Object.assign({ by: 1 }, options, { increment: false }));
    }
    static _optionsMustContainWhere(options) {
      if (!(options && options.where)) {
        const e = new Error('Missing where attribute in the options parameter');
        e.name = 'AssertionError';
        e.code = 'ERR_ASSERTION';
        throw e;
      }
      if (!(isPlainObject(options.where) || Array.isArray(options.where) || options.where instanceof SequelizeMethod)) {
        const e = new Error('Expected plain object, array or sequelize method in the options.where parameter');
        e.name = 'AssertionError';
        e.code = 'ERR_ASSERTION';
        throw e;
      }
    }

    where(checkVersion) {
      const where = this.constructor.primaryKeyAttributes.reduce((result, attribute) => {
        result[attribute] = this.get(attribute, { raw: true });
        return result;
      }, {});
      if (Object.keys(where).length === 0) return this.constructor.options.whereCollection;
      const versionAttr = this.constructor._versionAttribute;
      if (checkVersion && versionAttr) where[versionAttr] = this.get(versionAttr, { raw: true });
      return mapWhereFieldNames(where, this.constructor);
    }
    toString() { return `[object SequelizeInstance:${this.constructor.name}]`; }
    getDataValue(key) { return this.dataValues[key]; }
    setDataValue(key, value) {
      const originalValue = this._previousDataValues[key];
      if (!isEqual(value, originalValue)) this.changed(key, true);
      this.dataValues[key] = value;
    }
    get(key, options) {
      if (options === undefined && typeof key === 'object') {
        options = key;
        key = undefined;
      }
      options = options || {};
      if (key) {
        if (hasOwn(this._customGetters, key) && !options.raw) return this._customGetters[key].call(this, key, options);
        if (options.plain && this._options.include && this._options.includeNames.includes(key)) {
          if (Array.isArray(this.dataValues[key])) return this.dataValues[key].map((instance) => instance.get(options));
          if (this.dataValues[key] instanceof Model) return this.dataValues[key].get(options);
          return this.dataValues[key];
        }
        return this.dataValues[key];
      }
      if (this._hasCustomGetters || (options.plain && this._options.include) || options.clone) {
        const values = {};
        let k;
        if (this._hasCustomGetters) {
          for (k in this._customGetters) {
            if (this._options.attributes && !this._options.attributes.includes(k)) continue;
            if (hasOwn(this._customGetters, k)) values[k] = this.get(k, options);
          }
        }
        for (k in this.dataValues) {
          if (!hasOwn(values, k) && hasOwn(this.dataValues, k)) values[k] = this.get(k, options);
        }
        return values;
      }
      return this.dataValues;
    }
    set(key, value, options) {
      let values;
      let originalValue;
      if (typeof key === 'object' && key !== null) {
        values = key;
        options = value || {};
        if (options.reset) {
          this.dataValues = {};
          for (const key2 in values) this.changed(key2, false);
        }
        if (options.raw && !(this._options && this._options.include) && !(options && options.attributes) && !this.constructor._hasDateAttributes && !this.constructor._hasBooleanAttributes) {
          if (Object.keys(this.dataValues).length) {
            Object.assign(this.dataValues, values);
          } else {
            this.dataValues = values;
          }
          this._previousDataValues = Object.assign({}, this.dataValues);
        } else {
          if (options.attributes) {
            const setKeys = (data) => {
              for (const k of data) {
                if (values[k] === undefined) continue;
                this.set(k, values[k], options);
              }
            };
            setKeys(options.attributes);
            if (this.constructor._hasVirtualAttributes) setKeys(this.constructor._virtualAttributes);
            if (this._options.includeNames) setKeys(this._options.includeNames);
          } else {
            for (const key2 in values) this.set(key2, values[key2], options);
          }
          if (options.raw) this._previousDataValues = Object.assign({}, this.dataValues);
        }
        return this;
      }
      if (!options) options = {};
      if (!options.raw) originalValue = this.dataValues[key];
      if (!options.raw && this._customSetters[key]) {
        this._customSetters[key].call(this, value, key);
        const newValue = this.dataValues[key];
        if (!isEqual(newValue, originalValue)) {
          this._previousDataValues[key] = originalValue;
          this.changed(key, true);
        }
      } else {
        if (this._options && this._options.include && this._options.includeNames.includes(key)) {
          this._setInclude(key, value, options);
          return this;
        }
        if (!options.raw) {
          if (!this._isAttribute(key)) {
            if (key.includes('.') && this.constructor._jsonAttributes.has(key.split('.')[0])) {
              const parts = key.split('.');
              let cur = this.dataValues;
              let previous = cur;
              for (const p of parts) previous = previous == null ? undefined : previous[p];
              if (!isEqual(previous, value)) {
                for (let i = 0; i < parts.length - 1; i++) {
                  if (cur[parts[i]] === null || typeof cur[parts[i]] !== 'object') cur[parts[i]] = {};
                  cur = cur[parts[i]];
                }
                cur[parts[parts.length - 1]] = value;
                this.changed(parts[0], true);
              }
            }
            return this;
          }
          if (this.constructor._hasPrimaryKeys && originalValue && this.constructor._isPrimaryKey(key)) return this;
          if (!this.isNewRecord && this.constructor._hasReadOnlyAttributes && this.constructor._readOnlyAttributes.has(key)) return this;
        }
        if (!(value instanceof SequelizeMethod) && hasOwn(this.constructor._dataTypeSanitizers, key)) {
          value = this.constructor._dataTypeSanitizers[key].call(this, value, options);
        }
        if (!options.raw && (value instanceof SequelizeMethod ||
          (!(value instanceof SequelizeMethod) && this.constructor._dataTypeChanges[key] && this.constructor._dataTypeChanges[key].call(this, value, originalValue, options)) ||
          (!this.constructor._dataTypeChanges[key] && !isEqual(value, originalValue)))) {
          this._previousDataValues[key] = originalValue;
          this.changed(key, true);
        }
        this.dataValues[key] = value;
      }
      return this;
    }
    setAttributes(updates) { return this.set(updates); }
    changed(key, value) {
      if (key === undefined) {
        if (this._changed.size > 0) return Array.from(this._changed);
        return false;
      }
      if (value === true) {
        this._changed.add(key);
        return this;
      }
      if (value === false) {
        this._changed.delete(key);
        return this;
      }
      return this._changed.has(key);
    }
    previous(key) {
      if (key) return this._previousDataValues[key];
      const out = {};
      for (const k of Object.keys(this._previousDataValues)) {
        if (this.changed(k)) out[k] = this._previousDataValues[k];
      }
      return out;
    }
    _setInclude(key, value, options) {
      if (!Array.isArray(value)) value = [value];
      if (value[0] instanceof Model) value = value.map((instance) => instance.dataValues);
      const include = this._options.includeMap[key];
      const association = include.association;
      const accessor = key;
      const primaryKeyAttribute = include.model.primaryKeyAttribute;
      const childOptions = {
        isNewRecord: this.isNewRecord,
        include: include.include,
        includeNames: include.includeNames,
        includeMap: include.includeMap,
        includeValidated: true,
        raw: options.raw,
        attributes: include.originalAttributes,
      };
      let isEmptyValue;
      if (include.originalAttributes === undefined || include.originalAttributes.length) {
        if (association.isSingleAssociation) {
          if (Array.isArray(value)) value = value[0];
          isEmptyValue = (value && value[primaryKeyAttribute] === null) || value === null;
          this[accessor] = this.dataValues[accessor] = isEmptyValue ? null : include.model.build(value, childOptions);
        } else {
          isEmptyValue = value[0] && value[0][primaryKeyAttribute] === null;
          this[accessor] = this.dataValues[accessor] = isEmptyValue ? [] : include.model.bulkBuild(value, childOptions);
        }
      }
    }

    async save(options) {
      if (arguments.length > 1) throw new Error('The second argument was removed in favor of the options object.');
      options = cloneDeep(options);
      options = defaults(options, { hooks: true, validate: true });
      const M = this.constructor;
      if (!options.fields) {
        if (this.isNewRecord) {
          options.fields = Object.keys(M.rawAttributes);
        } else {
          options.fields = intersection(this.changed() || [], Object.keys(M.rawAttributes));
        }
        options.defaultFields = options.fields;
      }
      if (options.returning === undefined) {
        if (options.association) {
          options.returning = false;
        } else if (this.isNewRecord) {
          options.returning = true;
        }
      }
      const primaryKeyName = M.primaryKeyAttribute;
      const primaryKeyAttribute = primaryKeyName && M.rawAttributes[primaryKeyName];
      const createdAtAttr = M._timestampAttributes.createdAt;
      const versionAttr = M._versionAttribute;
      const hook = this.isNewRecord ? 'Create' : 'Update';
      const wasNewRecord = this.isNewRecord;
      const nowDate = now(this.sequelize.options.dialect);
      let updatedAtAttr = M._timestampAttributes.updatedAt;
      if (updatedAtAttr && options.fields.length > 0 && !options.fields.includes(updatedAtAttr)) options.fields.push(updatedAtAttr);
      if (versionAttr && options.fields.length > 0 && !options.fields.includes(versionAttr)) options.fields.push(versionAttr);
      if (options.silent === true && !(this.isNewRecord && this.get(updatedAtAttr, { raw: true }))) {
        for (let i = options.fields.length - 1; i >= 0; i--) {
          if (options.fields[i] === updatedAtAttr) options.fields.splice(i, 1);
        }
        updatedAtAttr = false;
      }
      if (this.isNewRecord === true) {
        if (createdAtAttr && !options.fields.includes(createdAtAttr)) options.fields.push(createdAtAttr);
        if (primaryKeyAttribute && primaryKeyAttribute.defaultValue && !options.fields.includes(primaryKeyName)) {
          options.fields.unshift(primaryKeyName);
        }
      }
      if (this.isNewRecord === false) {
        if (primaryKeyName && this.get(primaryKeyName, { raw: true }) === undefined) {
          throw new Error('You attempted to save an instance with no primary key, this is not allowed since it would result in a global update');
        }
      }
      if (updatedAtAttr && !options.silent && options.fields.includes(updatedAtAttr)) {
        this.dataValues[updatedAtAttr] = M._getDefaultTimestamp(updatedAtAttr) || nowDate;
      }
      if (this.isNewRecord && createdAtAttr && !this.dataValues[createdAtAttr]) {
        this.dataValues[createdAtAttr] = M._getDefaultTimestamp(createdAtAttr) || nowDate;
      }
      if (options.validate) await this.validate(options);
      if (options.hooks) {
        const beforeHookValues = pick(this.dataValues, options.fields);
        let ignoreChanged = difference(this.changed() || [], options.fields);
        let hookChanged;
        let afterHookValues;
        if (updatedAtAttr && options.fields.includes(updatedAtAttr)) ignoreChanged = without(ignoreChanged, updatedAtAttr);
        await M.runHooks(`before${hook}`, this, options);
        if (options.defaultFields && !this.isNewRecord) {
          afterHookValues = pick(this.dataValues, difference(this.changed() || [], ignoreChanged));
          hookChanged = [];
          for (const key of Object.keys(afterHookValues)) {
            if (afterHookValues[key] !== beforeHookValues[key]) hookChanged.push(key);
          }
          options.fields = uniq(options.fields.concat(hookChanged));
        }
        if (hookChanged) {
          if (options.validate) {
            options.skip = difference(Object.keys(M.rawAttributes), hookChanged);
            await this.validate(options);
            delete options.skip;
          }
        }
      }
      if (options.fields.length && this.isNewRecord && this._options.include && this._options.include.length) {
        await Promise.all(this._options.include.filter((include) => include.association instanceof lib.BelongsTo).map(async (include) => {
          const instance = this.get(include.as);
          if (!instance) return;
          const includeOptions = defaults(Object.assign({}, cloneDeep(include)), { transaction: options.transaction, logging: options.logging, parentRecord: this });
          delete includeOptions.association;
          await instance.save(includeOptions);
          await this[include.association.accessors.set](instance, { save: false, logging: options.logging });
        }));
      }
      const realFields = options.fields.filter((field) => !M._virtualAttributes.has(field));
      if (!realFields.length) return this;
      if (!this.changed() && !this.isNewRecord) return this;
      const versionFieldName = getPath(M.rawAttributes, `${versionAttr}.field`) || versionAttr;
      const values = mapValueFieldNames(this.dataValues, options.fields, M);
      let result;
      let rowsUpdated;
      let where;
      if (this.isNewRecord) {
        [result, rowsUpdated] = await lib.modelQuery.insert(this, M.getTableName(options), values, options);
      } else {
        where = this.where(true);
        if (versionAttr) values[versionFieldName] = parseInt(values[versionFieldName], 10) + 1;
        [result, rowsUpdated] = await lib.modelQuery.update(this, M.getTableName(options), values, where, options);
      }
      if (versionAttr) {
        if (rowsUpdated < 1) {
          throw new errors.OptimisticLockError({ modelName: M.name, values, where });
        } else {
          result.dataValues[versionAttr] = values[versionFieldName];
        }
      }
      for (const attr of Object.keys(M.rawAttributes)) {
        if (M.rawAttributes[attr].field && values[M.rawAttributes[attr].field] !== undefined && M.rawAttributes[attr].field !== attr) {
          values[attr] = values[M.rawAttributes[attr].field];
          delete values[M.rawAttributes[attr].field];
        }
      }
      Object.assign(values, result.dataValues);
      Object.assign(result.dataValues, values);
      if (wasNewRecord && this._options.include && this._options.include.length) {
        await Promise.all(this._options.include.filter((include) => !(include.association instanceof lib.BelongsTo || (include.parent && include.parent.association instanceof lib.BelongsToMany))).map(async (include) => {
          let instances = this.get(include.as);
          if (!instances) return;
          if (!Array.isArray(instances)) instances = [instances];
          const includeOptions = defaults(Object.assign({}, cloneDeep(include)), { transaction: options.transaction, logging: options.logging, parentRecord: this });
          delete includeOptions.association;
          await Promise.all(instances.map(async (instance) => {
            if (include.association instanceof lib.BelongsToMany) {
              await instance.save(includeOptions);
              const values0 = Object.assign({
                [include.association.foreignKey]: this.get(M.primaryKeyAttribute, { raw: true }),
                [include.association.otherKey]: instance.get(instance.constructor.primaryKeyAttribute, { raw: true }),
              }, include.association.through.scope);
              await include.association.throughModel.create(values0, includeOptions);
            } else {
              instance.set(include.association.foreignKey, this.get(include.association.sourceKey || M.primaryKeyAttribute, { raw: true }), { raw: true });
              Object.assign(instance, include.association.scope);
              await instance.save(includeOptions);
            }
          }));
        }));
      }
      if (options.hooks) await M.runHooks(`after${hook}`, result, options);
      for (const field of options.fields) {
        result._previousDataValues[field] = result.dataValues[field];
        this.changed(field, false);
      }
      this.isNewRecord = false;
      return result;
    }
    async reload(options) {
      options = utilsDefaults({ where: this.where() }, options, { include: this._options.include || undefined });
      const reloaded = await this.constructor.findOne(options);
      if (!reloaded) {
        throw new errors.InstanceError('Instance could not be reloaded because it does not exist anymore (find call returned null)');
      }
      this._options = reloaded._options;
      this.set(reloaded.dataValues, { raw: true, reset: !options.attributes });
      return this;
    }
    async validate(options) {
      return new InstanceValidator(this, options).validate();
    }
    async update(values, options) {
      values = omitBy(values, (value) => value === undefined);
      const changedBefore = this.changed() || [];
      options = options || {};
      if (Array.isArray(options)) options = { fields: options };
      options = cloneDeep(options);
      const setOptions = cloneDeep(options);
      setOptions.attributes = options.fields;
      this.set(values, setOptions);
      const sideEffects = without(this.changed() || [], ...changedBefore);
      const fields = union(Object.keys(values), sideEffects);
      if (!options.fields) {
        options.fields = intersection(fields, this.changed() || []);
        options.defaultFields = options.fields;
      }
      return await this.save(options);
    }
    async destroy(options) {
      options = Object.assign({ hooks: true, force: false }, options);
      const M = this.constructor;
      if (options.hooks) await M.runHooks('beforeDestroy', this, options);
      const where = this.where(true);
      let result;
      if (M._timestampAttributes.deletedAt && options.force === false) {
        const attributeName = M._timestampAttributes.deletedAt;
        const attribute = M.rawAttributes[attributeName];
        const defaultValue = hasOwn(attribute, 'defaultValue') ? attribute.defaultValue : null;
        const currentValue = this.getDataValue(attributeName);
        const undefinedOrNull = currentValue == null && defaultValue == null;
        if (undefinedOrNull || isEqual(currentValue, defaultValue)) this.setDataValue(attributeName, new Date());
        result = await this.save(Object.assign({}, options, { hooks: false }));
      } else {
        result = await lib.modelQuery.delete(this, M.getTableName(options), where, Object.assign({ type: QueryTypes.DELETE, limit: null }, options));
      }
      if (options.hooks) await M.runHooks('afterDestroy', this, options);
      return result;
    }
    isSoftDeleted() {
      const M = this.constructor;
      if (!M._timestampAttributes.deletedAt) throw new Error('Model is not paranoid');
      const deletedAtAttribute = M.rawAttributes[M._timestampAttributes.deletedAt];
      const defaultValue = hasOwn(deletedAtAttribute, 'defaultValue') ? deletedAtAttribute.defaultValue : null;
      const deletedAt = this.get(M._timestampAttributes.deletedAt) || null;
      return deletedAt !== defaultValue;
    }
    async restore(options) {
      const M = this.constructor;
      if (!M._timestampAttributes.deletedAt) throw new Error('Model is not paranoid');
      options = Object.assign({ hooks: true, force: false }, options);
      if (options.hooks) await M.runHooks('beforeRestore', this, options);
      const deletedAtCol = M._timestampAttributes.deletedAt;
      const deletedAtAttribute = M.rawAttributes[deletedAtCol];
      const deletedAtDefaultValue = hasOwn(deletedAtAttribute, 'defaultValue') ? deletedAtAttribute.defaultValue : null;
      this.setDataValue(deletedAtCol, deletedAtDefaultValue);
      const result = await this.save(Object.assign({}, options, { hooks: false, omitNull: false }));
      if (options.hooks) {
        await M.runHooks('afterRestore', this, options);
        return result;
      }
      return result;
    }
    async increment(fields, options) {
      const identifier = this.where();
      options = cloneDeep(options);
      options.where = Object.assign({}, options.where, identifier);
      options.instance = this;
      await this.constructor.increment(fields, options);
      return this;
    }
    async decrement(fields, options) {
      return this.increment(fields, Object.assign({ by: 1 }, options, { increment: false }));
    }
    equals(other) {
      if (!other || !other.constructor) return false;
      if (!(other instanceof this.constructor)) return false;
      return this.constructor.primaryKeyAttributes.every((attribute) => this.get(attribute, { raw: true }) === other.get(attribute, { raw: true }));
    }
    equalsOneOf(others) { return others.some((other) => this.equals(other)); }
    setValidators(attribute, validators) { this.validators[attribute] = validators; }
    toJSON() { return lodashCloneDeep(this.get({ plain: true })); }
  }
  applyHooks(Model, true);

  function unpackAnd(where) {
    if (!lib.isObject(where)) return where;
    const keys = getComplexKeys(where);
    if (keys.length === 0) return undefined;
    if (keys.length !== 1 || keys[0] !== Op.and) return where;
    return where[Op.and];
  }
  function combineWheresWithAnd(whereA, whereB) {
    const unpackedA = unpackAnd(whereA);
    if (unpackedA === undefined) return whereB;
    const unpackedB = unpackAnd(whereB);
    if (unpackedB === undefined) return whereA;
    return { [Op.and]: [].concat(unpackedA, unpackedB) };
  }

  // Utils.nameIndex.
  function nameIndex(index, tableName) {
    if (tableName.tableName) tableName = tableName.tableName;
    if (!hasOwn(index, 'name')) {
      const fields = index.fields.map((field) => (typeof field === 'string' ? field : field.name || field.attribute));
      index.name = lib.underscore(`${tableName}_${fields.join('_')}`);
    }
    return index;
  }

  // queryGenerator.addSchema: the table of a model.
  function addSchema(param) {
    if (!param._schema) return param.tableName || param;
    return {
      tableName: param.tableName || param,
      table: param.tableName || param,
      name: param.name || param,
      schema: param._schema,
      delimiter: param._schemaDelimiter || '.',
      toString() { return native.quoteTable(this); },
    };
  }
  // Object.keys turns a table object into its quoted name; SQLite's
  // query strips the backticks.
  function tableNameKey(t) {
    return typeof t === 'string' ? t : String(t);
  }

  // ---------------------------------------------------------------- InstanceValidator
  class InstanceValidator {
    constructor(modelInstance, options) {
      options = Object.assign({ hooks: true }, options);
      if (options.fields && !options.skip) {
        options.skip = difference(Object.keys(modelInstance.constructor.rawAttributes), options.fields);
      } else {
        options.skip = options.skip || [];
      }
      this.options = options;
      this.modelInstance = modelInstance;
      this.validator = validator;
      this.errors = [];
      this.inProgress = false;
    }
    async _validate() {
      if (this.inProgress) throw new Error('Validations already in progress.');
      this.inProgress = true;
      await Promise.all([this._perAttributeValidators(), this._customValidators()]);
      if (this.errors.length) throw new errors.ValidationError(null, this.errors);
    }
    async validate() {
      return await (this.options.hooks ? this._validateAndRunHooks() : this._validate());
    }
    async _validateAndRunHooks() {
      const M = this.modelInstance.constructor;
      await M.runHooks('beforeValidate', this.modelInstance, this.options);
      try {
        await this._validate();
      } catch (error) {
        const newError = await M.runHooks('validationFailed', this.modelInstance, this.options, error);
        throw newError || error;
      }
      await M.runHooks('afterValidate', this.modelInstance, this.options);
      return this.modelInstance;
    }
    async _perAttributeValidators() {
      const validators = [];
      const rawAttributes = this.modelInstance.rawAttributes;
      for (const field in rawAttributes) {
        const rawAttribute = rawAttributes[field];
        if (this.options.skip.includes(field)) continue;
        const value = this.modelInstance.dataValues[field];
        if (value instanceof SequelizeMethod) continue;
        if (!rawAttribute._autoGenerated && !rawAttribute.autoIncrement) this._validateSchema(rawAttribute, field, value);
        if (hasOwn(this.modelInstance.validators, field)) {
          validators.push(this._singleAttrValidate(value, field, rawAttribute.allowNull));
        }
      }
      return await Promise.all(validators);
    }
    async _customValidators() {
      const validators = [];
      const v = this.modelInstance.constructor.options.validate || {};
      for (const validatorType of Object.keys(v)) {
        if (this.options.skip.includes(validatorType)) continue;
        const valprom = this._invokeCustomValidator(v[validatorType], validatorType).catch(() => {});
        validators.push(valprom);
      }
      return await Promise.all(validators);
    }
    async _singleAttrValidate(value, field, allowNull) {
      if ((value === null || value === undefined) && !allowNull) return undefined;
      const validators = [];
      const attrValidators = this.modelInstance.validators[field];
      for (const validatorType in attrValidators) {
        let test = attrValidators[validatorType];
        if (['isUrl', 'isURL', 'isEmail'].includes(validatorType)) {
          if (typeof test === 'object' && test !== null && test.msg) {
            test = { msg: test.msg };
          } else if (test === true) {
            test = {};
          }
        }
        if (typeof test === 'function') {
          validators.push(this._invokeCustomValidator(test, validatorType, true, value, field));
          continue;
        }
        if (value === null || value === undefined) continue;
        const validatorPromise = this._invokeBuiltinValidator(value, test, validatorType, field);
        validatorPromise.catch(() => {});
        validators.push(validatorPromise);
      }
      return Promise.all(validators.map((vp) => vp.catch((rejection) => {
        const isBuiltIn = !!rejection.validatorName;
        this._pushError(isBuiltIn, field, rejection, value, rejection.validatorName, rejection.validatorArgs);
      })));
    }
    async _invokeCustomValidator(validator2, validatorType, optAttrDefined, optValue, optField) {
      let isAsync = false;
      const validatorArity = validator2.length;
      let asyncArity = 1;
      let errorKey = validatorType;
      let invokeArgs;
      if (optAttrDefined) {
        asyncArity = 2;
        invokeArgs = optValue;
        errorKey = optField;
      }
      if (validatorArity === asyncArity) isAsync = true;
      if (isAsync) {
        try {
          await new Promise((resolve, reject) => {
            const cb = (err) => (err ? reject(err) : resolve());
            if (optAttrDefined) {
              validator2.call(this.modelInstance, invokeArgs, cb);
            } else {
              validator2.call(this.modelInstance, cb);
            }
          });
          return undefined;
        } catch (e) {
          return this._pushError(false, errorKey, e, optValue, validatorType);
        }
      }
      try {
        return await validator2.call(this.modelInstance, invokeArgs);
      } catch (e) {
        return this._pushError(false, errorKey, e, optValue, validatorType);
      }
    }
    async _invokeBuiltinValidator(value, test, validatorType, field) {
      const valueString = String(value);
      if (typeof validator[validatorType] !== 'function') throw new Error(`Invalid validator function: ${validatorType}`);
      const validatorArgs = this._extractValidatorArgs(test, validatorType, field);
      if (!validator[validatorType](valueString, ...validatorArgs)) {
        throw Object.assign(new Error(test.msg || `Validation ${validatorType} on ${field} failed`), { validatorName: validatorType, validatorArgs });
      }
    }
    _extractValidatorArgs(test, validatorType, field) {
      let validatorArgs = test.args || test;
      const isLocalizedValidator = typeof validatorArgs !== 'string' && ['isAlpha', 'isAlphanumeric', 'isMobilePhone'].includes(validatorType);
      if (!Array.isArray(validatorArgs)) {
        if (validatorType === 'isImmutable') {
          validatorArgs = [validatorArgs, field, this.modelInstance];
        } else if (isLocalizedValidator || validatorType === 'isIP') {
          validatorArgs = [];
        } else {
          validatorArgs = [validatorArgs];
        }
      } else {
        validatorArgs = validatorArgs.slice(0);
      }
      return validatorArgs;
    }
    _validateSchema(rawAttribute, field, value) {
      const M = this.modelInstance.constructor;
      if (rawAttribute.allowNull === false && (value === null || value === undefined)) {
        const association = Object.values(M.associations).find((a) => a instanceof lib.BelongsTo && a.foreignKey === rawAttribute.fieldName);
        if (!association || !this.modelInstance.get(association.associationAccessor)) {
          const validators = this.modelInstance.validators[field];
          const errMsg = getPath(validators || {}, 'notNull.msg', `${M.name}.${field} cannot be null`);
          this.errors.push(new errors.ValidationErrorItem(errMsg, 'notNull Violation', field, value, this.modelInstance, 'is_null'));
        }
      }
      if (rawAttribute.type instanceof DataTypes.STRING || rawAttribute.type instanceof DataTypes.TEXT || rawAttribute.type instanceof DataTypes.CITEXT) {
        if (Array.isArray(value) || (lib.isObject(value) && !(value instanceof SequelizeMethod) && !isBuffer(value))) {
          this.errors.push(new errors.ValidationErrorItem(`${field} cannot be an array or an object`, 'string violation', field, value, this.modelInstance, 'not_a_string'));
        }
      }
    }
    _pushError(isBuiltin, errorKey, rawError, value, fnName, fnArgs) {
      const message = rawError.message || rawError || 'Validation error';
      const error = new errors.ValidationErrorItem(message, 'Validation error', errorKey, value, this.modelInstance, fnName, isBuiltin ? fnName : undefined, isBuiltin ? fnArgs : undefined);
      error.original = rawError;
      this.errors.push(error);
    }
  }

  // ---------------------------------------------------------------- Sequelize additions
  function installOnSequelize(Sequelize) {
    const proto = Sequelize.prototype;
    proto.define = function define(modelName, attributes, options = {}) {
      options.modelName = modelName;
      options.sequelize = this;
      const model = class extends Model {};
      model.init(attributes, options);
      return model;
    };
    proto.model = function model(modelName) {
      if (!this.isDefined(modelName)) throw new Error(`${modelName} has not been defined`);
      return this.modelManager.getModel(modelName);
    };
    proto.isDefined = function isDefined(modelName) {
      return !!this.modelManager.models.find((model) => model.name === modelName);
    };
    applyHooks(Sequelize, false);
    applyHooks(proto, false);
    Sequelize.Model = Model;
    // sequelize.Sequelize is the class itself (isModel reads
    // sequelize.Sequelize.Model), not a wrapper of it.
    Object.defineProperty(proto, 'Sequelize', { value: Sequelize, writable: true, configurable: true });
  }

  Object.assign(lib, {
    Model, Hooks, InstanceValidator, installOnSequelize, mapFinderOptions,
    mapOptionFieldNames, mapWhereFieldNames, mapValueFieldNames, toDefaultValue, now, removeNullValuesFromHash,
    withLogging, dialectOf, sessionDialect, attributeTypes, modelAttributesMap, addSchema, tableNameKey, warn, runHooksMaybeSync,
  });
  void Fn; void Col; void Literal; void Cast; void merge;
})
