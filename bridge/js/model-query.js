// The model side of Sequelize's QueryInterface and Query classes for sqzjs's
// app-model layer: what Model.findAll/create/update/destroy hand to the
// database and how the dialects' results become instances. The SQL itself
// is rendered in Go: each call describes the model query in a plan (the
// include tree with its join keys, the attribute types for typed escaping,
// the RETURNING list…) passed to native.run after the Sequelize options.
//
// The file is one function expression: (native, lib) => void; it sets
// lib.modelQuery.
(function (native, lib) {
  'use strict';

  const { Op, DataTypes, QueryTypes, errors, Utils, hasOwn, isPlainObject, cloneDeep, withLogging, attributeTypes,
    modelAttributesMap, removeNullValuesFromHash, tableNameKey, getPath } = lib;
  const { SequelizeMethod, Col, Literal } = Utils;

  const validOrderOptions = ['ASC', 'DESC', 'ASC NULLS LAST', 'DESC NULLS LAST', 'ASC NULLS FIRST', 'DESC NULLS FIRST', 'NULLS FIRST', 'NULLS LAST'];

  // queryOptions is what sequelize.query does to the options before a
  // model query runs.
  function queryOptions(sequelize, options) {
    options = Object.assign({}, sequelize.options.query, options);
    if (options.instance && !options.model) options.model = options.instance.constructor;
    if (!options.instance && !options.model) options.raw = true;
    if (options.mapToModel) options.fieldMap = getPath(options, 'model.fieldAttributeMap', {});
    withLogging(sequelize, options);
    if (options.transaction && options.transaction.finished && !options.completesTransaction) {
      const error = new Error(`${options.transaction.finished} has been called on this transaction(${options.transaction.id}), you can no longer use it. (The rejected query is attached as the 'sql' property of this error)`);
      throw error;
    }
    return options;
  }

  function dialectName(sequelize) {
    return lib.sessionDialect(sequelize);
  }

  // ---------------------------------------------------------------- select plans
  // resolveOrder does queryGenerator.quote's model and association
  // resolution for one order entry: associations at the front become the
  // quoted "a->b". prefix, attribute names become field names.
  function resolveOrder(collection, parent, sequelize) {
    collection = collection.slice();
    collection.forEach((item, index) => {
      const previous = collection[index - 1];
      let previousAssociation;
      let previousModel;
      if (!previous && parent !== undefined) {
        previousModel = parent;
      } else if (previous && previous instanceof lib.Association) {
        previousAssociation = previous;
        previousModel = previous.target;
      }
      if (previousModel && previousModel.prototype instanceof lib.Model) {
        let model;
        let as;
        if (typeof item === 'function' && item.prototype instanceof lib.Model) {
          model = item;
        } else if (isPlainObject(item) && item.model && item.model.prototype instanceof lib.Model) {
          model = item.model;
          as = item.as;
        }
        if (model) {
          if (!as && previousAssociation && previousAssociation.through && previousAssociation.through.model === model) {
            item = new lib.Association(previousModel, model, { as: model.name });
          } else {
            item = previousModel.getAssociationForAlias(model, as);
            if (!item) item = previousModel.getAssociationForAlias(model, model.name);
          }
          if (!(item instanceof lib.Association)) throw new Error(`Unable to find a valid association for model, '${model.name}'`);
        }
      }
      if (typeof item === 'string') {
        const orderIndex = validOrderOptions.indexOf(item.toUpperCase());
        if (index > 0 && orderIndex !== -1) {
          item = validOrderOptions[orderIndex];
        } else if (previousModel && previousModel.prototype instanceof lib.Model) {
          if (previousModel.associations !== undefined && previousModel.associations[item]) {
            item = previousModel.associations[item];
          } else if (previousModel.rawAttributes !== undefined && previousModel.rawAttributes[item] && item !== previousModel.rawAttributes[item].field) {
            item = previousModel.rawAttributes[item].field;
          }
        }
      }
      collection[index] = item;
    });
    let i = 0;
    const tableNames = [];
    for (i = 0; i < collection.length - 1; i++) {
      const item = collection[i];
      if (typeof item === 'string' || (item && item._modelAttribute) || item instanceof SequelizeMethod) break;
      if (item instanceof lib.Association) tableNames[i] = item.as;
    }
    const rest = collection.slice(i).map((item) => {
      if (item && item._modelAttribute) {
        return new Literal(`${native.quoteTable(item.Model.name)}.${native.quoteIdentifier(item.fieldName)}`);
      }
      if (item instanceof lib.Association || (typeof item === 'function' && item.prototype instanceof lib.Model)) {
        throw new Error(`Unknown structure passed to order / group: ${item.as || item.name}`);
      }
      return item;
    });
    if (i > 0) return [new Literal(`${native.quoteIdentifier(tableNames.join('->'))}.`), ...rest];
    return rest;
  }

  function orderPlan(options, model, subQuery) {
    const main = [];
    const sub = [];
    if (Array.isArray(options.order)) {
      for (let order of options.order) {
        if (!Array.isArray(order)) order = [order];
        if (subQuery && Array.isArray(order) && order[0] && !(order[0] instanceof lib.Association) &&
          !(typeof order[0] === 'function' && order[0].prototype instanceof lib.Model) &&
          !(order[0].model && typeof order[0].model === 'function' && order[0].model.prototype instanceof lib.Model) &&
          !(typeof order[0] === 'string' && model && model.associations !== undefined && model.associations[order[0]])) {
          sub.push(resolveOrder(order, model, model.sequelize));
        }
        if (options.attributes && model) {
          const aliased = options.attributes.find((attr) => Array.isArray(attr) && attr[1] && (attr[0] === order[0] || attr[1] === order[0]));
          if (aliased) {
            order = order.slice();
            order[0] = new Col(aliased[1]);
          }
        }
        main.push(resolveOrder(order, model, model.sequelize));
      }
    } else if (options.order instanceof SequelizeMethod) {
      if (subQuery) sub.push(options.order);
      main.push(options.order);
    } else {
      throw new Error('Order must be type of array or instance of a valid sequelize method.');
    }
    return { main, sub };
  }

  function includePlan(include, topOptions) {
    const association = include.association;
    const model = include.model;
    const p = {
      as: include.as,
      table: model.getTableName(),
      modelName: model.name,
      attributeNames: Object.keys(model.rawAttributes),
      attributes: include.attributes ? include.attributes.slice() : [],
      required: !!include.required,
      right: !!include.right,
      or: !!include.or,
      subQuery: !!include.subQuery,
      subQueryFilter: !!include.subQueryFilter,
      parentSubQuery: !!(include.parent && include.parent.subQuery),
      parentIsTop: !!include.parent && !include.parent.association && include.parent.model && include.parent.model.name === topOptions.model.name,
      whereTypes: attributeTypes(model),
    };
    if (include.where !== undefined) p.where = include.where;
    if (include.on !== undefined) p.on = include.on;
    const left = association.source;
    const right = model;
    if (association.associationType === 'BelongsTo') {
      p.assoc = {
        type: 'BelongsTo',
        attrLeft: association.identifier,
        fieldLeft: association.identifierField,
        fieldRight: right.rawAttributes[association.targetIdentifier || right.primaryKeyAttribute].field,
      };
    } else if (association.associationType === 'BelongsToMany') {
      p.assoc = {
        type: 'BelongsToMany',
        identifierField: association.identifierField,
        foreignIdentifierField: association.foreignIdentifierField,
        targetKeyField: association.targetKeyField,
        sourceKey: association.sourceKey,
        sourceKeyField: association.sourceKeyField,
      };
      const through = include.through;
      p.through = {
        table: through.model.getTableName(),
        as: through.as,
        attributes: (through.attributes || []).slice(),
        whereTypes: attributeTypes(through.model),
      };
      if (through.where !== undefined) p.through.where = through.where;
    } else {
      p.assoc = {
        type: association.associationType,
        attrLeft: association.sourceKeyAttribute || left.primaryKeyAttribute,
        fieldLeft: left.rawAttributes[association.sourceKeyAttribute || left.primaryKeyAttribute].field,
        fieldRight: association.identifierField,
      };
    }
    p.includes = (include.include || []).filter((c) => !c.separate && !c._pseudo).map((c) => includePlan(c, topOptions));
    if (p.subQueryFilter && topOptions.subQuery) {
      // _generateSubQueryFilter: a required multi-row include of a limited
      // query filters the main rows with a correlated subquery.
      const requiredChildren = (include.include || []).some((c) => c.required && !c._pseudo);
      if (include.through || !p.parentIsTop || requiredChildren) {
        throw native.unsupported('a required belongsToMany or nested include in a limited query (Sequelize\'s subquery filter)');
      }
      const isBelongsTo = association.associationType === 'BelongsTo';
      p.filter = {
        sourceField: isBelongsTo ? association.identifierField : association.sourceKeyField || include.parent.model.primaryKeyField,
        targetField: isBelongsTo ? association.sourceKeyField || model.primaryKeyField : association.identifierField,
      };
    }
    return p;
  }

  function collectModels(include, prefix, out) {
    for (const inc of include || []) {
      const key = prefix ? `${prefix}.${inc.as}` : inc.as;
      out[key] = inc.model;
      if (inc.include) collectModels(inc.include, key, out);
    }
    return out;
  }
  function parseEntry(model) {
    const fields = {};
    for (const key of Object.keys(model.rawAttributes)) {
      const a = model.rawAttributes[key];
      if (a.field) fields[key] = a.field;
    }
    return { table: tableNameKey(model.getTableName()).replace(/`/g, ''), fields };
  }

  // selectPlan describes queryGenerator.selectQuery(tableName, options,
  // model) for Go.
  function selectPlan(sequelize, options, model) {
    if (sequelize.options.minifyAliases) throw native.unsupported('the minifyAliases option');
    if (options.groupedLimit) throw native.unsupported('include.separate with a limit');
    const limit = options.limit;
    const subQuery = options.subQuery === undefined ? !!(limit && options.hasMultiAssociation) : !!options.subQuery;
    const plan = {
      tableAs: options.tableAs || (model ? model.name : undefined),
      modelName: model ? model.name : undefined,
      subQuery,
      includeIgnoreAttributes: options.includeIgnoreAttributes !== false,
      raw: !!options.raw,
      hasInclude: !!(options.include && options.include.length),
    };
    if (options.model) plan.attributeNames = Object.keys(options.model.rawAttributes);
    let attributes = options.attributes && options.attributes.slice();
    if (subQuery && attributes) {
      for (const keyAtt of model.primaryKeyAttributes) {
        if (!attributes.some((attr) => keyAtt === attr || keyAtt === attr[0] || keyAtt === attr[1])) {
          attributes.push(model.rawAttributes[keyAtt].field ? [keyAtt, model.rawAttributes[keyAtt].field] : keyAtt);
        }
      }
    }
    if (attributes) plan.attributes = attributes;
    if (options.include) {
      plan.includes = options.include.filter((inc) => !inc.separate).map((inc) => includePlan(inc, Object.assign({}, options, { subQuery })));
    }
    if (hasOwn(options, 'where')) {
      plan.hasWhere = true;
      plan.where = options.where;
    }
    if (model) plan.whereTypes = attributeTypes(model);
    if (options.group) {
      const groups = Array.isArray(options.group) ? options.group : [options.group];
      plan.group = groups.map((g) => (Array.isArray(g) ? g[0] : g));
      plan.groupIsArray = Array.isArray(options.group);
    }
    if (hasOwn(options, 'having')) {
      plan.hasHaving = true;
      plan.having = options.having;
    }
    if (options.order) {
      const o = orderPlan(options, model, subQuery);
      plan.order = o.main;
      plan.subOrder = o.sub;
    }
    if (options.limit !== undefined && options.limit !== null) plan.limit = options.limit;
    if (options.offset !== undefined && options.offset !== null) plan.offset = options.offset;
    if (options.lock) {
      plan.lock = typeof options.lock === 'object' ? options.lock.level : options.lock;
      if (typeof options.lock === 'object' && options.lock.of && options.lock.of.prototype instanceof lib.Model) plan.lockOf = options.lock.of.name;
      plan.skipLocked = !!options.skipLocked;
    }
    if (dialectName(sequelize) === 'sqlite' && !options.raw && options.model) {
      const prefixes = { '': parseEntry(options.model) };
      const models = collectModels(options.include, '', {});
      for (const key of Object.keys(models)) prefixes[key] = parseEntry(models[key]);
      plan.parse = { tableNames: (options.tableNames || []).map((t) => String(t).replace(/`/g, '')), prefixes };
    }
    return plan;
  }

  // ---------------------------------------------------------------- results
  // handleSelectQuery (abstract query).
  function handleSelectQuery(results, options) {
    let result = null;
    if (options.fieldMap) {
      const fieldMap = options.fieldMap;
      results = results.map((row) => {
        for (const field of Object.keys(fieldMap)) {
          const name = fieldMap[field];
          if (row[field] !== undefined && name !== field) {
            row[name] = row[field];
            delete row[field];
          }
        }
        return row;
      });
    }
    if (options.raw) {
      result = results.map((row) => {
        let o = {};
        for (const key in row) {
          if (hasOwn(row, key)) o[key] = row[key];
        }
        if (options.nest) o = nestObject(o);
        return o;
      });
    } else if (options.hasJoin === true) {
      results = groupJoinData(results, { model: options.model, includeMap: options.includeMap, includeNames: options.includeNames }, { checkExisting: options.hasMultiAssociation });
      result = options.model.bulkBuild(results, {
        isNewRecord: false,
        include: options.include,
        includeNames: options.includeNames,
        includeMap: options.includeMap,
        includeValidated: true,
        attributes: options.originalAttributes || options.attributes,
        raw: true,
      });
    } else {
      result = options.model.bulkBuild(results, {
        isNewRecord: false,
        raw: true,
        attributes: options.originalAttributes || options.attributes,
      });
    }
    if (options.plain) result = result.length === 0 ? null : result[0];
    return result;
  }
  function nestObject(o) {
    const out = {};
    for (const key of Object.keys(o)) {
      const parts = key.split('.');
      let cur = out;
      for (let i = 0; i < parts.length - 1; i++) {
        if (cur[parts[i]] === null || typeof cur[parts[i]] !== 'object') cur[parts[i]] = {};
        cur = cur[parts[i]];
      }
      cur[parts[parts.length - 1]] = o[key];
    }
    return out;
  }

  // _groupJoinData (abstract query): rows with "a.b" keys grouped into
  // nested values, duplicates of multi-association joins merged.
  function groupJoinData(rows, includeOptions, options) {
    if (!rows.length) return [];
    const checkExisting = options.checkExisting;
    const results = checkExisting ? [] : new Array(rows.length);
    const resultMap = {};
    const includeMap = {};
    let keys;
    let keyLength;
    let $current;
    let previousPiece;
    let key;
    const keyPrefixString = (k) => k.substr(0, k.lastIndexOf('.'));
    const removeKeyPrefix = (k) => {
      const index = k.lastIndexOf('.');
      return k.substr(index === -1 ? 0 : index + 1);
    };
    const keyPrefixMemo = {};
    const keyPrefix = (k) => {
      if (!hasOwn(keyPrefixMemo, k)) {
        const prefixString = keyPrefixString(k);
        if (!hasOwn(keyPrefixMemo, prefixString)) keyPrefixMemo[prefixString] = prefixString ? prefixString.split('.') : [];
        keyPrefixMemo[k] = keyPrefixMemo[prefixString];
      }
      return keyPrefixMemo[k];
    };
    const lastKeyPrefix = (k) => {
      const prefix = keyPrefix(k);
      return !prefix.length ? '' : prefix[prefix.length - 1];
    };
    const buildIncludeMap = (piece) => {
      if (hasOwn($current.includeMap, piece)) {
        includeMap[key] = $current = $current.includeMap[piece];
        previousPiece = previousPiece ? `${previousPiece}.${piece}` : piece;
        includeMap[previousPiece] = $current;
      }
    };
    const stringify = (obj) => (lib.isBuffer(obj) ? obj.toString('hex') : obj);
    const getUniqueKeyAttributes = (model) => {
      const uk = Object.keys(model.uniqueKeys)[0];
      const fields = uk ? model.uniqueKeys[uk].fields : [];
      return fields.map((field) => Object.keys(model.rawAttributes).find((k) => model.rawAttributes[k].field === field));
    };
    const hashOf = (row, prefixParts, topHash) => {
      let $parent = null;
      let parentHash = null;
      let itemHash;
      const length = prefixParts.length;
      if (!length) return { itemHash: topHash, parentHash: null };
      for (let i = 0; i < length; i++) {
        const prefix = $parent ? `${$parent}.${prefixParts[i]}` : prefixParts[i];
        const primaryKeyAttributes = includeMap[prefix].model.primaryKeyAttributes;
        const $length = primaryKeyAttributes.length;
        itemHash = prefix;
        if ($length === 1) {
          itemHash += stringify(row[`${prefix}.${primaryKeyAttributes[0]}`]);
        } else if ($length > 1) {
          for (let $i = 0; $i < $length; $i++) itemHash += stringify(row[`${prefix}.${primaryKeyAttributes[$i]}`]);
        } else if (!lib.isEmpty(includeMap[prefix].model.uniqueKeys)) {
          const uniqueKeyAttributes = getUniqueKeyAttributes(includeMap[prefix].model);
          for (let $i = 0; $i < uniqueKeyAttributes.length; $i++) itemHash += row[`${prefix}.${uniqueKeyAttributes[$i]}`];
        }
        if (!parentHash) parentHash = topHash;
        itemHash = parentHash + itemHash;
        $parent = prefix;
        if (i < length - 1) parentHash = itemHash;
      }
      return { itemHash, parentHash };
    };
    for (let rowsI = 0; rowsI < rows.length; rowsI++) {
      const row = rows[rowsI];
      if (rowsI === 0) {
        keys = Object.keys(row).map((k, i) => [k, i]).sort((a, b) => (a[0].split('.').length - b[0].split('.').length) || (a[1] - b[1])).map((x) => x[0]);
        keyLength = keys.length;
      }
      let topExists = false;
      let topHash = '';
      if (checkExisting) {
        const pks = includeOptions.model.primaryKeyAttributes;
        if (pks.length === 1) {
          topHash = stringify(row[pks[0]]);
        } else if (pks.length > 1) {
          for (const pk of pks) topHash += stringify(row[pk]);
        } else if (!lib.isEmpty(includeOptions.model.uniqueKeys)) {
          for (const uk of getUniqueKeyAttributes(includeOptions.model)) topHash += row[uk];
        }
      }
      const topValues = {};
      let values = topValues;
      let $prevKeyPrefix;
      let prevKey;
      const flush = () => {
        const { itemHash, parentHash } = hashOf(row, $prevKeyPrefix, topHash);
        if (itemHash === topHash) {
          if (!resultMap[itemHash]) {
            resultMap[itemHash] = values;
          } else {
            topExists = true;
          }
        } else if (!resultMap[itemHash]) {
          const $parent = resultMap[parentHash];
          const $lastKeyPrefix = lastKeyPrefix(prevKey);
          if (includeMap[prevKey].association.isSingleAssociation) {
            if ($parent) $parent[$lastKeyPrefix] = resultMap[itemHash] = values;
          } else {
            if (!$parent[$lastKeyPrefix]) $parent[$lastKeyPrefix] = [];
            $parent[$lastKeyPrefix].push(resultMap[itemHash] = values);
          }
        }
      };
      for (let keyI = 0; keyI < keyLength; keyI++) {
        key = keys[keyI];
        const $keyPrefix = keyPrefix(key);
        if (rowsI === 0 && !hasOwn(includeMap, key)) {
          if (!$keyPrefix.length) {
            includeMap[key] = includeMap[''] = includeOptions;
          } else {
            $current = includeOptions;
            previousPiece = undefined;
            $keyPrefix.forEach(buildIncludeMap);
          }
        }
        if ($prevKeyPrefix !== undefined && $prevKeyPrefix !== $keyPrefix) {
          if (checkExisting) {
            flush();
            values = {};
          } else {
            let cur = topValues;
            const length = $keyPrefix.length;
            for (let i = 0; i < length; i++) {
              if (i === length - 1) values = cur[$keyPrefix[i]] = {};
              cur = cur[$keyPrefix[i]] || {};
            }
          }
        }
        values[removeKeyPrefix(key)] = row[key];
        prevKey = key;
        $prevKeyPrefix = $keyPrefix;
      }
      if (checkExisting) {
        flush();
        if (!topExists) results.push(topValues);
      } else {
        results[rowsI] = topValues;
      }
    }
    return results;
  }

  // mariadb's handleJsonSelectQuery: JSON attributes read as strings.
  function mariadbJson(rows, model) {
    if (!model || !model.fieldRawAttributesMap) return;
    for (const field of Object.keys(model.fieldRawAttributesMap)) {
      const modelField = model.fieldRawAttributesMap[field];
      if (modelField.type instanceof DataTypes.JSON) {
        for (const row of rows) {
          if (row[modelField.fieldName] && typeof row[modelField.fieldName] === 'string') {
            row[modelField.fieldName] = JSON.parse(row[modelField.fieldName]);
          }
        }
      }
    }
  }

  function copyReturned(instance, model, row) {
    for (const key in row) {
      if (hasOwn(row, key)) {
        const attr = Object.values(model.rawAttributes).find((a) => a.fieldName === key || a.field === key);
        instance.dataValues[(attr && attr.fieldName) || key] = row[key];
      }
    }
  }

  function returningFields(modelAttributes, options) {
    if (Array.isArray(options.returning)) return options.returning.slice();
    const out = [];
    for (const key of Object.keys(modelAttributes || {})) {
      const a = modelAttributes[key];
      if (!(a.type instanceof DataTypes.VIRTUAL)) out.push(a.field);
    }
    return out;
  }
  const supportsReturning = (sequelize) => dialectName(sequelize) === 'postgres';

  // run is native.run for a model query; a unique violation is completed as
  // the dialects' formatError completes it when the query has a model and
  // an instance (messages from the model's unique keys, the instance and,
  // on SQLite, its values).
  async function run(model, instance, method, options, ...args) {
    try {
      return await native.run(method, options, ...args);
    } catch (err) {
      if (model && err instanceof errors.UniqueConstraintError) completeUniqueError(err, model, instance);
      throw err;
    }
  }
  function uniqueMessage(model, field) {
    for (const key of Object.keys(model.uniqueKeys || {})) {
      const uk = model.uniqueKeys[key];
      if (uk.fields.includes(String(field).replace(/"/g, '')) && uk.msg) return uk.msg;
    }
    return `${field} must be unique`;
  }
  function completeUniqueError(err, model, instance) {
    const dialect = dialectName(model.sequelize);
    for (const item of err.errors || []) {
      item.message = uniqueMessage(model, item.path);
      if (instance) item.instance = instance;
      if (dialect === 'sqlite') {
        const v = instance ? instance[item.path] : undefined;
        item.value = v !== undefined ? v : null;
      }
    }
    let fields = err.fields;
    if (dialect === 'mysql' || dialect === 'mariadb') return;
    if (fields && !Array.isArray(fields)) fields = Object.keys(fields);
    for (const key of Object.keys(model.uniqueKeys || {})) {
      const uk = model.uniqueKeys[key];
      if (lib.isEqual(uk.fields, fields) && !!uk.msg) {
        err.message = uk.msg;
        break;
      }
    }
  }

  // ---------------------------------------------------------------- operations
  const modelQuery = {
    async select(model, tableName, optionsArg) {
      const sequelize = model.sequelize;
      let options = Object.assign({}, optionsArg, { type: QueryTypes.SELECT, model });
      const plan = selectPlan(sequelize, options, model);
      options = queryOptions(sequelize, options);
      let rows = await native.run('select', options, tableName, options, plan);
      if (dialectName(sequelize) === 'mariadb' && !options.raw) mariadbJson(rows, options.model);
      return handleSelectQuery(rows, options);
    },

    async rawSelect(model, tableName, options, attributeSelector) {
      options = cloneDeep(options);
      options = lib.defaults(options, { raw: true, plain: true, type: QueryTypes.SELECT });
      const plan = selectPlan(model.sequelize, options, model);
      options = queryOptions(model.sequelize, options);
      const rows = await native.run('select', options, tableName, options, plan);
      const data = handleSelectQuery(rows, options);
      if (!options.plain) return data;
      const result = data ? data[attributeSelector] : null;
      if (!options || !options.dataType) return result;
      const dataType = options.dataType;
      if (dataType instanceof DataTypes.DECIMAL || dataType instanceof DataTypes.FLOAT) {
        if (result !== null) return parseFloat(result);
      }
      if (dataType instanceof DataTypes.INTEGER || dataType instanceof DataTypes.BIGINT) {
        if (result !== null) return parseInt(result, 10);
      }
      if (dataType instanceof DataTypes.DATE) {
        if (result !== null && !(result instanceof Date)) return new Date(result);
      }
      return result;
    },

    // queryInterface.insert(instance, …) and the dialect's handling of an
    // INSERT with an instance.
    async insert(instance, tableName, values, options) {
      const model = instance.constructor;
      const sequelize = model.sequelize;
      options = cloneDeep(options);
      options.hasTrigger = model.options.hasTrigger;
      values = removeNullValuesFromHash(values, sequelize.options.omitNull);
      const plan = { attributes: modelAttributesMap(model.rawAttributes) };
      if (supportsReturning(sequelize) && options.returning) plan.returning = returningFields(model.rawAttributes, options);
      options.type = QueryTypes.INSERT;
      options.instance = instance;
      options = queryOptions(sequelize, options);
      const out = await run(model, instance, 'insert', options, tableName, values, options, plan);
      const dialect = dialectName(sequelize);
      if (dialect === 'postgres') {
        const rows = Array.isArray(out[0]) ? out[0] : [];
        if (out[1] === 0) throw new errors.EmptyResultError();
        if (rows[0]) copyReturned(instance, model, rows[0]);
        out[0] = instance;
      } else {
        // handleInsertQuery: the driver's insert id goes to the
        // autoIncrement attribute (through its setter).
        instance[model.autoIncrementAttribute] = out[0];
        out[0] = instance;
      }
      out[0].isNewRecord = false;
      return out;
    },

    // queryInterface.upsert with Model.upsert's options: an INSERT that
    // updates the changed columns on a conflict with the conflict keys
    // (the given conflictFields, else a unique key or index of an updated
    // column, else the primary key; MySQL names the primary key).
    async upsert(model, tableName, insertValues, updateValues, options) {
      const sequelize = model.sequelize;
      const instance = options.instance;
      const dialect = dialectName(sequelize);
      options = Object.assign({}, options);
      options.type = QueryTypes.UPSERT;
      options.updateOnDuplicate = Object.keys(updateValues);
      const primaryKeys = Object.values(model.primaryKeys).map((item) => item.field);
      if (dialect === 'mysql' || dialect === 'mariadb') {
        options.upsertKeys = primaryKeys;
      } else {
        options.upsertKeys = options.conflictFields || [];
        if (options.upsertKeys.length === 0) {
          const uniqueKeys = Object.values(model.uniqueKeys).filter((c) => c.fields.length > 0).map((c) => c.fields);
          const indexKeys = Object.values(model._indexes).filter((c) => c.unique && c.fields.length > 0).map((c) => c.fields);
          for (const field of options.updateOnDuplicate) {
            const uniqueKey = uniqueKeys.find((fields) => fields.includes(field));
            if (uniqueKey) {
              options.upsertKeys = uniqueKey;
              break;
            }
            const indexKey = indexKeys.find((fields) => fields.includes(field));
            if (indexKey) {
              options.upsertKeys = indexKey;
              break;
            }
          }
          if (options.upsertKeys.length === 0 || lib.intersection(options.updateOnDuplicate, primaryKeys).length) {
            options.upsertKeys = primaryKeys;
          }
          options.upsertKeys = lib.uniq(options.upsertKeys);
        }
      }
      const values = removeNullValuesFromHash(insertValues, sequelize.options.omitNull);
      const plan = { attributes: modelAttributesMap(model.rawAttributes), upsert: true };
      if (supportsReturning(sequelize) && options.returning) plan.returning = returningFields(model.rawAttributes, options);
      options = queryOptions(sequelize, options);
      const out = await run(model, instance, 'insert', options, tableName, values, options, plan);
      switch (dialect) {
        case 'postgres': {
          const rows = Array.isArray(out[0]) ? out[0] : [];
          if (rows[0]) copyReturned(instance, model, rows[0]);
          return [instance, null];
        }
        case 'sqlite':
          instance[model.autoIncrementAttribute] = out[0];
          return [instance, null];
        case 'mysql':
          if (out[0] !== undefined) instance[model.autoIncrementAttribute] = out[0];
          return [instance, out[1]];
        default:
          return [instance, out[1]];
      }
    },

    // queryInterface.update(instance, …): [instance, affected rows].
    async update(instance, tableName, values, where, options) {
      const model = instance.constructor;
      const sequelize = model.sequelize;
      options = Object.assign({}, options);
      options.hasTrigger = model.options.hasTrigger;
      values = removeNullValuesFromHash(values, options.omitNull !== undefined ? options.omitNull : sequelize.options.omitNull, options);
      const plan = { attributes: modelAttributesMap(model.rawAttributes) };
      if (supportsReturning(sequelize) && options.returning) plan.returning = returningFields(model.rawAttributes, options);
      options.type = QueryTypes.UPDATE;
      options.instance = instance;
      options = queryOptions(sequelize, options);
      const out = await run(model, instance, 'bulkUpdate', options, tableName, values, where, options, undefined, plan);
      if (Array.isArray(out)) {
        if (out[0]) copyReturned(instance, model, out[0]);
        return [instance, out.length];
      }
      return [instance, out];
    },

    async bulkInsert(model, tableName, records, options, attributes) {
      const sequelize = model.sequelize;
      options = Object.assign({}, options);
      options.type = QueryTypes.INSERT;
      const plan = {};
      if (supportsReturning(sequelize) && options.returning) plan.returning = returningFields(attributes, options);
      if (model.autoIncrementAttribute && model.autoIncrementAttribute === model.primaryKeyAttribute && model.rawAttributes[model.primaryKeyAttribute]) {
        plan.idField = model.rawAttributes[model.primaryKeyAttribute].field;
      }
      options = queryOptions(sequelize, options);
      return await run(model, null, 'bulkInsert', options, tableName, records, options, attributes, plan);
    },

    async bulkUpdate(model, tableName, values, where, options, attributes) {
      const sequelize = model.sequelize;
      options = cloneDeep(options);
      if (typeof where === 'object') where = cloneDeep(where);
      values = removeNullValuesFromHash(values, options.omitNull !== undefined ? options.omitNull : sequelize.options.omitNull, options);
      const plan = { attributes: modelAttributesMap(attributes) };
      if (options.model) plan.whereTypes = attributeTypes(options.model);
      if (supportsReturning(sequelize) && options.returning) {
        plan.returning = returningFields(attributes, options);
        options.mapToModel = true;
      }
      options.type = QueryTypes.BULKUPDATE;
      options.model = options.model || model;
      options = queryOptions(sequelize, options);
      const out = await run(model, null, 'bulkUpdate', options, tableName, values, where, options, attributes, plan);
      if (Array.isArray(out)) return handleSelectQuery(out, options);
      return out;
    },

    async bulkDelete(model, tableName, where, options) {
      const sequelize = model.sequelize;
      options = Object.assign({ limit: null }, options);
      if (typeof where === 'object') where = cloneDeep(where);
      const plan = { whereTypes: attributeTypes(model), type: options.type || QueryTypes.BULKDELETE };
      options = queryOptions(sequelize, options);
      return await native.run('bulkDelete', options, tableName, where, options, plan);
    },

    // queryInterface.delete(instance, …).
    async delete(instance, tableName, where, options) {
      const model = instance.constructor;
      const sequelize = model.sequelize;
      options = Object.assign({}, options);
      const cascades = [];
      for (const key of Object.keys(model.associations || {})) {
        const association = model.associations[key];
        if (association.options && association.options.onDelete && association.options.onDelete.toLowerCase() === 'cascade' && association.options.useHooks === true) {
          cascades.push(association.accessors.get);
        }
      }
      for (const cascade of cascades) {
        let instances = await instance[cascade](options);
        if (!instances) continue;
        if (!Array.isArray(instances)) instances = [instances];
        for (const inst of instances) await inst.destroy(options);
      }
      options.instance = instance;
      const plan = { whereTypes: attributeTypes(model), type: QueryTypes.DELETE, deleteOptions: true };
      const runOptions = queryOptions(sequelize, Object.assign({}, options, { limit: undefined }));
      runOptions.type = options.type;
      const out = await native.run('bulkDelete', runOptions, tableName, where, Object.assign({}, runOptions, { limit: undefined }), plan);
      if (dialectName(sequelize) === 'postgres') return out;
      return instance;
    },

    async increment() {
      throw native.unsupported('Model.increment / Model.decrement');
    },
  };

  Object.assign(lib, { modelQuery, handleSelectQuery, groupJoinData, selectPlan });
  void Op; void isPlainObject;
})
