// Associations for sqzjs's app-model layer: Sequelize 6's BelongsTo, HasOne,
// HasMany and BelongsToMany (src/associations), with the foreign keys they
// add to models, the accessors they mix into instances and the queries those
// accessors run.
//
// The file is one function expression: (native, lib) => void.
(function (native, lib) {
  'use strict';

  const { Op, errors, hasOwn, isPlainObject, isObject, cloneDeep, mergeDefaults, camelize, singularize, upperFirst,
    lowerFirst, combineTableNames, getPath, isEqual, Model } = lib;

  function checkNamingCollision(association) {
    if (hasOwn(association.source.rawAttributes, association.as)) {
      throw new Error(`Naming collision between attribute '${association.as}' and association '${association.as}' on model ${association.source.name}. To remedy this, change either foreignKey or as in your association definition`);
    }
  }
  function addForeignKeyConstraints(newAttribute, source, target, options, key) {
    if (options.foreignKeyConstraint || options.onDelete || options.onUpdate) {
      const primaryKeys = Object.keys(source.primaryKeys).map((pk) => source.rawAttributes[pk].field || pk);
      if (primaryKeys.length === 1 || !primaryKeys.includes(key)) {
        newAttribute.references = { model: source.getTableName(), key: key || primaryKeys[0] };
        newAttribute.onDelete = options.onDelete;
        newAttribute.onUpdate = options.onUpdate;
      }
    }
  }
  function mixinMethods(association, obj, methods, aliases) {
    aliases = aliases || {};
    for (const method of methods) {
      if (!hasOwn(obj, association.accessors[method])) {
        const realMethod = aliases[method] || method;
        obj[association.accessors[method]] = function (...args) {
          return association[realMethod](this, ...args);
        };
      }
    }
  }

  // scopedTarget applies the scope and schema options of an accessor.
  function scopedTarget(target, options) {
    if (hasOwn(options, 'scope')) target = options.scope ? target.scope(options.scope) : target.unscoped();
    if (hasOwn(options, 'schema')) target = target.schema(options.schema, options.schemaDelimiter);
    return target;
  }
  // byKey maps each source instance's key to its associated instance (or
  // null), as single associations' get does for several instances.
  function byKey(instances, results, sourceKey, targetKey) {
    const result = {};
    for (const i of instances) result[i.get(sourceKey, { raw: true })] = null;
    for (const i of results) result[i.get(targetKey, { raw: true })] = i;
    return result;
  }

  class Association {
    constructor(source, target, options = {}) {
      this.source = source;
      this.target = target;
      this.options = options;
      this.scope = options.scope;
      this.isSelfAssociation = this.source === this.target;
      this.as = options.as;
      this.associationType = '';
      if (source.hasAlias(options.as)) {
        throw new errors.AssociationError(`You have used the alias ${options.as} in two separate associations. Aliased associations must have unique aliases.`);
      }
    }
    toInstanceArray(input) {
      if (!Array.isArray(input)) input = [input];
      return input.map((element) => {
        if (element instanceof this.target) return element;
        const tmpInstance = {};
        tmpInstance[this.target.primaryKeyAttribute] = element;
        return this.target.build(tmpInstance, { isNewRecord: false });
      });
    }
    // _nameSingle sets as and options.name of BelongsTo and HasOne from the
    // as option or the target's singular name.
    _nameSingle() {
      if (this.as) {
        this.isAliased = true;
        this.options.name = { singular: this.as };
      } else {
        this.as = this.target.options.name.singular;
        this.options.name = this.target.options.name;
      }
    }
    // _readForeignKeyOption reads the foreignKey option (a name or an
    // attribute definition) into foreignKey and foreignKeyAttribute.
    _readForeignKeyOption() {
      this.foreignKeyAttribute = {};
      if (isObject(this.options.foreignKey)) {
        this.foreignKeyAttribute = this.options.foreignKey;
        this.foreignKey = this.foreignKeyAttribute.name || this.foreignKeyAttribute.fieldName;
      } else if (this.options.foreignKey) {
        this.foreignKey = this.options.foreignKey;
      }
    }
    // _singleAccessors names get, set and create after options.name.singular.
    _singleAccessors() {
      const singular = upperFirst(this.options.name.singular);
      this.accessors = { get: `get${singular}`, set: `set${singular}`, create: `create${singular}` };
    }
    // _foreignKeyAttributes is the attribute the foreign key adds: keyType
    // or the given type, nullable, with the foreignKey option's definition.
    _foreignKeyAttributes(type) {
      return {
        [this.foreignKey]: Object.assign({
          type: this.options.keyType || type,
          allowNull: true,
        }, this.foreignKeyAttribute),
      };
    }
    // _addForeignKey adds the foreign key (of the given type) to holder, the
    // model that stores it, referencing keyField of the referenced model;
    // with constraints, onDelete (SET NULL if nullable, else notNullOnDelete)
    // and onUpdate (CASCADE) default into constraintOptions.
    _addForeignKey(holder, referenced, type, keyField, notNullOnDelete, constraintOptions) {
      const newAttributes = this._foreignKeyAttributes(type);
      if (this.options.constraints !== false) {
        const attribute = holder.rawAttributes[this.foreignKey] || newAttributes[this.foreignKey];
        constraintOptions.onDelete = constraintOptions.onDelete || (attribute.allowNull ? 'SET NULL' : notNullOnDelete);
        constraintOptions.onUpdate = constraintOptions.onUpdate || 'CASCADE';
      }
      addForeignKeyConstraints(newAttributes[this.foreignKey], referenced, holder, constraintOptions, keyField);
      mergeDefaults(holder.rawAttributes, newAttributes);
      holder.refreshAttributes();
      this.identifierField = holder.rawAttributes[this.foreignKey].field || this.foreignKey;
    }
    // verifyAssociationAlias tells whether alias (a name, or { singular,
    // plural }) names this association: multi associations go by plural.
    verifyAssociationAlias(alias) {
      if (typeof alias === 'string') return this.as === alias;
      const name = alias && (this.isMultiAssociation ? alias.plural : alias.singular);
      if (name) return this.as === name;
      return !this.isAliased;
    }
  }

  class BelongsTo extends Association {
    constructor(source, target, options) {
      super(source, target, options);
      this.associationType = 'BelongsTo';
      this.isSingleAssociation = true;
      this._nameSingle();
      this._readForeignKeyOption();
      if (!this.foreignKey) this.foreignKey = camelize([this.as, this.target.primaryKeyAttribute].join('_'));
      this.identifier = this.foreignKey;
      if (this.source.rawAttributes[this.identifier]) {
        this.identifierField = this.source.rawAttributes[this.identifier].field || this.identifier;
      }
      if (this.options.targetKey && !this.target.rawAttributes[this.options.targetKey]) {
        throw new Error(`Unknown attribute "${this.options.targetKey}" passed as targetKey, define this attribute on model "${this.target.name}" first`);
      }
      this.targetKey = this.options.targetKey || this.target.primaryKeyAttribute;
      this.targetKeyField = this.target.rawAttributes[this.targetKey].field || this.targetKey;
      this.targetKeyIsPrimary = this.targetKey === this.target.primaryKeyAttribute;
      this.targetIdentifier = this.targetKey;
      this.associationAccessor = this.as;
      this.options.useHooks = options.useHooks;
      this._singleAccessors();
    }
    _injectAttributes() {
      this._addForeignKey(this.source, this.target, this.target.rawAttributes[this.targetKey].type, this.targetKeyField,
        'NO ACTION', this.options);
      checkNamingCollision(this);
      return this;
    }
    mixin(obj) {
      mixinMethods(this, obj, ['get', 'set', 'create']);
    }
    async get(instances, options) {
      const where = {};
      let Target = this.target;
      let instance;
      options = cloneDeep(options);
      Target = scopedTarget(Target, options);
      if (!Array.isArray(instances)) {
        instance = instances;
        instances = undefined;
      }
      if (instances) {
        where[this.targetKey] = { [Op.in]: instances.map((i) => i.get(this.foreignKey)) };
      } else {
        if (this.targetKeyIsPrimary && !options.where) return Target.findByPk(instance.get(this.foreignKey), options);
        where[this.targetKey] = instance.get(this.foreignKey);
        options.limit = null;
      }
      options.where = options.where ? { [Op.and]: [where, options.where] } : where;
      if (instances) return byKey(instances, await Target.findAll(options), this.foreignKey, this.targetKey);
      return Target.findOne(options);
    }
    async set(sourceInstance, associatedInstance, options = {}) {
      let value = associatedInstance;
      if (associatedInstance instanceof this.target) value = associatedInstance[this.targetKey];
      sourceInstance.set(this.foreignKey, value);
      if (options.save === false) return undefined;
      options = Object.assign({ fields: [this.foreignKey], allowNull: [this.foreignKey], association: true }, options);
      return await sourceInstance.save(options);
    }
    async create(sourceInstance, values, options) {
      values = values || {};
      options = options || {};
      const newAssociatedObject = await this.target.create(values, options);
      await sourceInstance[this.accessors.set](newAssociatedObject, options);
      return newAssociatedObject;
    }
  }

  class HasOne extends Association {
    constructor(source, target, options) {
      super(source, target, options);
      this.associationType = 'HasOne';
      this.isSingleAssociation = true;
      this._nameSingle();
      this._readForeignKeyOption();
      if (!this.foreignKey) {
        this.foreignKey = camelize([singularize(this.options.as || this.source.name), this.source.primaryKeyAttribute].join('_'));
      }
      if (this.options.sourceKey && !this.source.rawAttributes[this.options.sourceKey]) {
        throw new Error(`Unknown attribute "${this.options.sourceKey}" passed as sourceKey, define this attribute on model "${this.source.name}" first`);
      }
      this.sourceKey = this.sourceKeyAttribute = this.options.sourceKey || this.source.primaryKeyAttribute;
      this.sourceKeyField = this.source.rawAttributes[this.sourceKey].field || this.sourceKey;
      this.sourceKeyIsPrimary = this.sourceKey === this.source.primaryKeyAttribute;
      this.associationAccessor = this.as;
      this.options.useHooks = options.useHooks;
      if (this.target.rawAttributes[this.foreignKey]) {
        this.identifierField = this.target.rawAttributes[this.foreignKey].field || this.foreignKey;
      }
      this._singleAccessors();
    }
    _injectAttributes() {
      this._addForeignKey(this.target, this.source, this.source.rawAttributes[this.sourceKey].type, this.sourceKeyField,
        'CASCADE', this.options);
      checkNamingCollision(this);
      return this;
    }
    mixin(obj) {
      mixinMethods(this, obj, ['get', 'set', 'create']);
    }
    async get(instances, options) {
      const where = {};
      let Target = this.target;
      let instance;
      options = cloneDeep(options);
      Target = scopedTarget(Target, options);
      if (!Array.isArray(instances)) {
        instance = instances;
        instances = undefined;
      }
      if (instances) {
        where[this.foreignKey] = { [Op.in]: instances.map((i) => i.get(this.sourceKey)) };
      } else {
        where[this.foreignKey] = instance.get(this.sourceKey);
      }
      if (this.scope) Object.assign(where, this.scope);
      options.where = options.where ? { [Op.and]: [where, options.where] } : where;
      if (instances) return byKey(instances, await Target.findAll(options), this.sourceKey, this.foreignKey);
      return Target.findOne(options);
    }
    async set(sourceInstance, associatedInstance, options) {
      options = Object.assign({}, options, { scope: false });
      const oldInstance = await sourceInstance[this.accessors.get](options);
      const alreadyAssociated = oldInstance && associatedInstance && this.target.primaryKeyAttributes.every((attribute) => oldInstance.get(attribute, { raw: true }) === (associatedInstance.get ? associatedInstance.get(attribute, { raw: true }) : associatedInstance));
      if (oldInstance && !alreadyAssociated) {
        oldInstance[this.foreignKey] = null;
        await oldInstance.save(Object.assign({}, options, { fields: [this.foreignKey], allowNull: [this.foreignKey], association: true }));
      }
      if (associatedInstance && !alreadyAssociated) {
        if (!(associatedInstance instanceof this.target)) {
          const tmpInstance = {};
          tmpInstance[this.target.primaryKeyAttribute] = associatedInstance;
          associatedInstance = this.target.build(tmpInstance, { isNewRecord: false });
        }
        Object.assign(associatedInstance, this.scope);
        associatedInstance.set(this.foreignKey, sourceInstance.get(this.sourceKeyAttribute));
        return associatedInstance.save(options);
      }
      return null;
    }
    async create(sourceInstance, values, options) {
      values = values || {};
      options = options || {};
      if (this.scope) {
        for (const attribute of Object.keys(this.scope)) {
          values[attribute] = this.scope[attribute];
          if (options.fields) options.fields.push(attribute);
        }
      }
      values[this.foreignKey] = sourceInstance.get(this.sourceKeyAttribute);
      if (options.fields) options.fields.push(this.foreignKey);
      return await this.target.create(values, options);
    }
  }

  class HasMany extends Association {
    constructor(source, target, options) {
      super(source, target, options);
      this.associationType = 'HasMany';
      this.targetAssociation = null;
      this.sequelize = source.sequelize;
      this.isMultiAssociation = true;
      if (this.options.through) throw new Error('N:M associations are not supported with hasMany. Use belongsToMany instead');
      if (this.isSelfAssociation) this.targetAssociation = this;
      if (this.as) {
        this.isAliased = true;
        if (isPlainObject(this.as)) {
          this.options.name = this.as;
          this.as = this.as.plural;
        } else {
          this.options.name = { plural: this.as, singular: singularize(this.as) };
        }
      } else {
        this.as = this.target.options.name.plural;
        this.options.name = this.target.options.name;
      }
      this._readForeignKeyOption();
      if (!this.foreignKey) {
        this.foreignKey = camelize([this.source.options.name.singular, this.source.primaryKeyAttribute].join('_'));
      }
      if (this.target.rawAttributes[this.foreignKey]) {
        this.identifierField = this.target.rawAttributes[this.foreignKey].field || this.foreignKey;
        this.foreignKeyField = this.target.rawAttributes[this.foreignKey].field || this.foreignKey;
      }
      this.sourceKey = this.options.sourceKey || this.source.primaryKeyAttribute;
      if (this.source.rawAttributes[this.sourceKey]) {
        this.sourceKeyAttribute = this.sourceKey;
        this.sourceKeyField = this.source.rawAttributes[this.sourceKey].field || this.sourceKey;
      } else {
        this.sourceKeyAttribute = this.source.primaryKeyAttribute;
        this.sourceKeyField = this.source.primaryKeyField;
      }
      const plural = upperFirst(this.options.name.plural);
      const singular = upperFirst(this.options.name.singular);
      this.associationAccessor = this.as;
      this.accessors = {
        get: `get${plural}`, set: `set${plural}`, addMultiple: `add${plural}`, add: `add${singular}`,
        create: `create${singular}`, remove: `remove${singular}`, removeMultiple: `remove${plural}`,
        hasSingle: `has${singular}`, hasAll: `has${plural}`, count: `count${plural}`,
      };
    }
    _injectAttributes() {
      // The onDelete/onUpdate defaults go into a copy: HasMany's options keep
      // what the caller gave.
      this._addForeignKey(this.target, this.source, this.source.rawAttributes[this.sourceKeyAttribute].type,
        this.sourceKeyField, 'CASCADE', Object.assign({}, this.options));
      this.source.refreshAttributes();
      this.foreignKeyField = this.target.rawAttributes[this.foreignKey].field || this.foreignKey;
      this.sourceKeyField = this.source.rawAttributes[this.sourceKey].field || this.sourceKey;
      checkNamingCollision(this);
      return this;
    }
    mixin(obj) {
      mixinMethods(this, obj, ['get', 'count', 'hasSingle', 'hasAll', 'set', 'add', 'addMultiple', 'remove', 'removeMultiple', 'create'],
        { hasSingle: 'has', hasAll: 'has', addMultiple: 'add', removeMultiple: 'remove' });
    }
    async get(instances, options = {}) {
      const where = {};
      let M = this.target;
      let instance;
      let values;
      if (!Array.isArray(instances)) {
        instance = instances;
        instances = undefined;
      }
      options = Object.assign({}, options);
      if (this.scope) Object.assign(where, this.scope);
      if (instances) {
        values = instances.map((i) => i.get(this.sourceKey, { raw: true }));
        if (options.limit && instances.length > 1) {
          options.groupedLimit = { limit: options.limit, on: this, values };
          delete options.limit;
        } else {
          where[this.foreignKey] = { [Op.in]: values };
          delete options.groupedLimit;
        }
      } else {
        where[this.foreignKey] = instance.get(this.sourceKey, { raw: true });
      }
      options.where = options.where ? { [Op.and]: [where, options.where] } : where;
      M = scopedTarget(M, options);
      const results = await M.findAll(options);
      if (instance) return results;
      const result = {};
      for (const i of instances) result[i.get(this.sourceKey, { raw: true })] = [];
      for (const i of results) result[i.get(this.foreignKey, { raw: true })].push(i);
      return result;
    }
    async count(instance, options) {
      options = cloneDeep(options);
      options.attributes = [[this.sequelize.fn('COUNT', this.sequelize.col(`${this.target.name}.${this.target.primaryKeyField}`)), 'count']];
      options.raw = true;
      options.plain = true;
      const result = await this.get(instance, options);
      return parseInt(result.count, 10);
    }
    async has(sourceInstance, targetInstances, options) {
      const where = {};
      if (!Array.isArray(targetInstances)) targetInstances = [targetInstances];
      options = Object.assign({}, options, { scope: false, attributes: [this.target.primaryKeyAttribute], raw: true });
      where[Op.or] = targetInstances.map((instance) => {
        if (instance instanceof this.target) return instance.where();
        return { [this.target.primaryKeyAttribute]: instance };
      });
      options.where = { [Op.and]: [where, options.where] };
      const associatedObjects = await this.get(sourceInstance, options);
      return associatedObjects.length === targetInstances.length;
    }
    async set(sourceInstance, targetInstances, options) {
      targetInstances = targetInstances === null ? [] : this.toInstanceArray(targetInstances);
      const oldAssociations = await this.get(sourceInstance, Object.assign({}, options, { scope: false, raw: true }));
      const promises = [];
      const pk = this.target.primaryKeyAttribute;
      const obsoleteAssociations = oldAssociations.filter((old) => !targetInstances.find((obj) => obj[pk] === old[pk]));
      const unassociatedObjects = targetInstances.filter((obj) => !oldAssociations.find((old) => obj[pk] === old[pk]));
      if (obsoleteAssociations.length > 0) {
        const update = { [this.foreignKey]: null };
        const updateWhere = { [pk]: obsoleteAssociations.map((a) => a[pk]) };
        promises.push(this.target.unscoped().update(update, Object.assign({}, options, { where: updateWhere })));
      }
      if (unassociatedObjects.length > 0) {
        const update = { [this.foreignKey]: sourceInstance.get(this.sourceKey) };
        Object.assign(update, this.scope);
        const updateWhere = { [pk]: unassociatedObjects.map((o) => o[pk]) };
        promises.push(this.target.unscoped().update(update, Object.assign({}, options, { where: updateWhere })));
      }
      await Promise.all(promises);
      return sourceInstance;
    }
    async add(sourceInstance, targetInstances, options = {}) {
      if (!targetInstances) return undefined;
      targetInstances = this.toInstanceArray(targetInstances);
      const update = Object.assign({ [this.foreignKey]: sourceInstance.get(this.sourceKey) }, this.scope);
      const where = { [this.target.primaryKeyAttribute]: targetInstances.map((o) => o.get(this.target.primaryKeyAttribute)) };
      await this.target.unscoped().update(update, Object.assign({}, options, { where }));
      return sourceInstance;
    }
    async remove(sourceInstance, targetInstances, options = {}) {
      const update = { [this.foreignKey]: null };
      targetInstances = this.toInstanceArray(targetInstances);
      const where = {
        [this.foreignKey]: sourceInstance.get(this.sourceKey),
        [this.target.primaryKeyAttribute]: targetInstances.map((t) => t.get(this.target.primaryKeyAttribute)),
      };
      await this.target.unscoped().update(update, Object.assign({}, options, { where }));
      return this;
    }
    async create(sourceInstance, values, options = {}) {
      if (Array.isArray(options)) options = { fields: options };
      if (values === undefined) values = {};
      if (this.scope) {
        for (const attribute of Object.keys(this.scope)) {
          values[attribute] = this.scope[attribute];
          if (options.fields) options.fields.push(attribute);
        }
      }
      values[this.foreignKey] = sourceInstance.get(this.sourceKey);
      if (options.fields) options.fields.push(this.foreignKey);
      return await this.target.create(values, options);
    }
  }

  class BelongsToMany extends Association {
    constructor(source, target, options) {
      super(source, target, options);
      if (this.options.through === undefined || this.options.through === true || this.options.through === null) {
        throw new errors.AssociationError(`${source.name}.belongsToMany(${target.name}) requires through option, pass either a string or a model`);
      }
      if (!this.options.through.model) this.options.through = { model: options.through };
      this.associationType = 'BelongsToMany';
      this.targetAssociation = null;
      this.sequelize = source.sequelize;
      this.through = Object.assign({}, this.options.through);
      this.isMultiAssociation = true;
      this.doubleLinked = false;
      if (!this.as && this.isSelfAssociation) throw new errors.AssociationError("'as' must be defined for many-to-many self-associations");
      if (this.as) {
        this.isAliased = true;
        if (isPlainObject(this.as)) {
          this.options.name = this.as;
          this.as = this.as.plural;
        } else {
          this.options.name = { plural: this.as, singular: singularize(this.as) };
        }
      } else {
        this.as = this.target.options.name.plural;
        this.options.name = this.target.options.name;
      }
      this.combinedTableName = combineTableNames(this.source.tableName, this.isSelfAssociation ? this.as || this.target.tableName : this.target.tableName);
      if (this.isSelfAssociation) this.targetAssociation = this;
      for (const association of Object.values(this.target.associations)) {
        if (association.associationType !== 'BelongsToMany') continue;
        if (association.target !== this.source) continue;
        if (this.options.through.model === association.options.through.model) {
          this.paired = association;
          association.paired = this;
        }
      }
      this.sourceKey = this.options.sourceKey || this.source.primaryKeyAttribute;
      this.sourceKeyField = this.source.rawAttributes[this.sourceKey].field || this.sourceKey;
      if (this.options.targetKey) {
        this.targetKey = this.options.targetKey;
        this.targetKeyField = this.target.rawAttributes[this.targetKey].field || this.targetKey;
      } else {
        this.targetKeyDefault = true;
        this.targetKey = this.target.primaryKeyAttribute;
        this.targetKeyField = this.target.rawAttributes[this.targetKey].field || this.targetKey;
      }
      this._createForeignAndOtherKeys();
      if (typeof this.through.model === 'string') {
        if (!this.sequelize.isDefined(this.through.model)) {
          this.through.model = this.sequelize.define(this.through.model, {}, Object.assign(this.options, {
            tableName: this.through.model,
            indexes: [],
            paranoid: this.through.paranoid ? this.through.paranoid : false,
            validate: {},
          }));
        } else {
          this.through.model = this.sequelize.model(this.through.model);
        }
      }
      for (const k of ['timestamps', 'createdAt', 'updatedAt', 'deletedAt', 'paranoid']) {
        if (k in this.through.model.options) this.options[k] = this.through.model.options[k];
      }
      if (this.paired) {
        let needInjectPaired = false;
        if (this.targetKeyDefault) {
          this.targetKey = this.paired.sourceKey;
          this.targetKeyField = this.paired.sourceKeyField;
          this._createForeignAndOtherKeys();
        }
        if (this.paired.targetKeyDefault) {
          if (this.paired.targetKey !== this.sourceKey) {
            delete this.through.model.rawAttributes[this.paired.otherKey];
            this.paired.targetKey = this.sourceKey;
            this.paired.targetKeyField = this.sourceKeyField;
            this.paired._createForeignAndOtherKeys();
            needInjectPaired = true;
          }
        }
        if (this.otherKeyDefault) this.otherKey = this.paired.foreignKey;
        if (this.paired.otherKeyDefault) {
          if (this.paired.otherKey !== this.foreignKey) {
            delete this.through.model.rawAttributes[this.paired.otherKey];
            this.paired.otherKey = this.foreignKey;
            needInjectPaired = true;
          }
        }
        if (needInjectPaired) this.paired._injectAttributes();
      }
      if (this.through) this.throughModel = this.through.model;
      this.options.tableName = this.combinedName = this.through.model === Object(this.through.model) ? this.through.model.tableName : this.through.model;
      this.associationAccessor = this.as;
      const plural = upperFirst(this.options.name.plural);
      const singular = upperFirst(this.options.name.singular);
      this.accessors = {
        get: `get${plural}`, set: `set${plural}`, addMultiple: `add${plural}`, add: `add${singular}`,
        create: `create${singular}`, remove: `remove${singular}`, removeMultiple: `remove${plural}`,
        hasSingle: `has${singular}`, hasAll: `has${plural}`, count: `count${plural}`,
      };
    }
    _createForeignAndOtherKeys() {
      if (isObject(this.options.foreignKey)) {
        this.foreignKeyAttribute = this.options.foreignKey;
        this.foreignKey = this.foreignKeyAttribute.name || this.foreignKeyAttribute.fieldName;
      } else {
        this.foreignKeyAttribute = {};
        this.foreignKey = this.options.foreignKey || camelize([this.source.options.name.singular, this.sourceKey].join('_'));
      }
      if (isObject(this.options.otherKey)) {
        this.otherKeyAttribute = this.options.otherKey;
        this.otherKey = this.otherKeyAttribute.name || this.otherKeyAttribute.fieldName;
      } else {
        if (!this.options.otherKey) this.otherKeyDefault = true;
        this.otherKeyAttribute = {};
        this.otherKey = this.options.otherKey || camelize([this.isSelfAssociation ? singularize(this.as) : this.target.options.name.singular, this.targetKey].join('_'));
      }
    }
    _injectAttributes() {
      this.identifier = this.foreignKey;
      this.foreignIdentifier = this.otherKey;
      const throughAttrs = this.through.model.rawAttributes;
      for (const attributeName of Object.keys(throughAttrs)) {
        const attribute = throughAttrs[attributeName];
        if (attribute.primaryKey === true && attribute._autoGenerated === true) {
          if ([this.foreignKey, this.otherKey].includes(attributeName)) {
            attribute.primaryKey = false;
          } else {
            delete throughAttrs[attributeName];
          }
          this.primaryKeyDeleted = true;
        }
      }
      const sourceKey = this.source.rawAttributes[this.sourceKey];
      const targetKey = this.target.rawAttributes[this.targetKey];
      const sourceAttribute = Object.assign({ type: sourceKey.type }, this.foreignKeyAttribute);
      const targetAttribute = Object.assign({ type: targetKey.type }, this.otherKeyAttribute);
      if (this.primaryKeyDeleted === true) {
        targetAttribute.primaryKey = sourceAttribute.primaryKey = true;
      } else if (this.through.unique !== false) {
        let uniqueKey;
        if (typeof this.options.uniqueKey === 'string' && this.options.uniqueKey !== '') {
          uniqueKey = this.options.uniqueKey;
        } else {
          uniqueKey = [this.through.model.tableName, this.foreignKey, this.otherKey, 'unique'].join('_');
        }
        targetAttribute.unique = sourceAttribute.unique = uniqueKey;
      }
      if (!throughAttrs[this.foreignKey]) throughAttrs[this.foreignKey] = { _autoGenerated: true };
      if (!throughAttrs[this.otherKey]) throughAttrs[this.otherKey] = { _autoGenerated: true };
      if (this.options.constraints !== false) {
        sourceAttribute.references = { model: this.source.getTableName(), key: this.sourceKeyField };
        sourceAttribute.onDelete = this.options.onDelete || throughAttrs[this.foreignKey].onDelete;
        sourceAttribute.onUpdate = this.options.onUpdate || throughAttrs[this.foreignKey].onUpdate;
        if (!sourceAttribute.onDelete) sourceAttribute.onDelete = 'CASCADE';
        if (!sourceAttribute.onUpdate) sourceAttribute.onUpdate = 'CASCADE';
        targetAttribute.references = { model: this.target.getTableName(), key: this.targetKeyField };
        targetAttribute.onDelete = throughAttrs[this.otherKey].onDelete || this.options.onDelete;
        targetAttribute.onUpdate = throughAttrs[this.otherKey].onUpdate || this.options.onUpdate;
        if (!targetAttribute.onDelete) targetAttribute.onDelete = 'CASCADE';
        if (!targetAttribute.onUpdate) targetAttribute.onUpdate = 'CASCADE';
      }
      Object.assign(throughAttrs[this.foreignKey], sourceAttribute);
      Object.assign(throughAttrs[this.otherKey], targetAttribute);
      this.through.model.refreshAttributes();
      this.identifierField = throughAttrs[this.foreignKey].field || this.foreignKey;
      this.foreignIdentifierField = throughAttrs[this.otherKey].field || this.otherKey;
      if (this.paired && !this.paired.foreignIdentifierField) {
        this.paired.foreignIdentifierField = throughAttrs[this.paired.otherKey].field || this.paired.otherKey;
      }
      this.toSource = new BelongsTo(this.through.model, this.source, { foreignKey: this.foreignKey });
      this.manyFromSource = new HasMany(this.source, this.through.model, { foreignKey: this.foreignKey });
      this.oneFromSource = new HasOne(this.source, this.through.model, { foreignKey: this.foreignKey, sourceKey: this.sourceKey, as: this.through.model.name });
      this.toTarget = new BelongsTo(this.through.model, this.target, { foreignKey: this.otherKey });
      this.manyFromTarget = new HasMany(this.target, this.through.model, { foreignKey: this.otherKey });
      this.oneFromTarget = new HasOne(this.target, this.through.model, { foreignKey: this.otherKey, sourceKey: this.targetKey, as: this.through.model.name });
      if (this.paired && this.paired.otherKeyDefault) {
        this.paired.toTarget = new BelongsTo(this.paired.through.model, this.paired.target, { foreignKey: this.paired.otherKey });
        this.paired.oneFromTarget = new HasOne(this.paired.target, this.paired.through.model, { foreignKey: this.paired.otherKey, sourceKey: this.paired.targetKey, as: this.paired.through.model.name });
      }
      checkNamingCollision(this);
      return this;
    }
    mixin(obj) {
      mixinMethods(this, obj, ['get', 'count', 'hasSingle', 'hasAll', 'set', 'add', 'addMultiple', 'remove', 'removeMultiple', 'create'],
        { hasSingle: 'has', hasAll: 'has', addMultiple: 'add', removeMultiple: 'remove' });
    }
    async get(instance, options) {
      options = cloneDeep(options) || {};
      const through = this.through;
      let scopeWhere;
      let throughWhere;
      if (this.scope) scopeWhere = Object.assign({}, this.scope);
      options.where = { [Op.and]: [scopeWhere, options.where] };
      if (Object(through.model) === through.model) {
        throughWhere = {};
        throughWhere[this.foreignKey] = instance.get(this.sourceKey);
        if (through.scope) Object.assign(throughWhere, through.scope);
        if (options.through && options.through.where) throughWhere = { [Op.and]: [throughWhere, options.through.where] };
        options.include = options.include || [];
        options.include.push({
          association: this.oneFromTarget,
          attributes: options.joinTableAttributes,
          required: true,
          paranoid: getPath(options.through || {}, 'paranoid', true),
          where: throughWhere,
        });
      }
      let M = this.target;
      M = scopedTarget(M, options);
      return M.findAll(options);
    }
    async count(instance, options) {
      const sequelize = this.target.sequelize;
      options = cloneDeep(options);
      options.attributes = [[sequelize.fn('COUNT', sequelize.col([this.target.name, this.targetKeyField].join('.'))), 'count']];
      options.joinTableAttributes = [];
      options.raw = true;
      options.plain = true;
      const result = await this.get(instance, options);
      return parseInt(result.count, 10);
    }
    async has(sourceInstance, instances, options) {
      if (!Array.isArray(instances)) instances = [instances];
      options = Object.assign({ raw: true }, options, { scope: false, attributes: [this.targetKey], joinTableAttributes: [] });
      const instancePrimaryKeys = instances.map((instance) => {
        if (instance instanceof this.target) return instance.where();
        return { [this.targetKey]: instance };
      });
      options.where = { [Op.and]: [{ [Op.or]: instancePrimaryKeys }, options.where] };
      const associatedObjects = await this.get(sourceInstance, options);
      return instancePrimaryKeys.filter((a) => !associatedObjects.some((b) => isEqual(a[this.targetKey], b[this.targetKey]))).length === 0;
    }
    async set(sourceInstance, newAssociatedObjects, options) {
      options = options || {};
      const sourceKey = this.sourceKey;
      const targetKey = this.targetKey;
      const identifier = this.identifier;
      const foreignIdentifier = this.foreignIdentifier;
      newAssociatedObjects = newAssociatedObjects === null ? [] : this.toInstanceArray(newAssociatedObjects);
      const where = Object.assign({ [identifier]: sourceInstance.get(sourceKey) }, this.through.scope);
      const updateAssociations = (currentRows) => {
        const obsoleteAssociations = [];
        const promises = [];
        const defaultAttributes = options.through || {};
        const unassociatedObjects = newAssociatedObjects.filter((obj) => !currentRows.some((row) => row[foreignIdentifier] === obj.get(targetKey)));
        for (const currentRow of currentRows) {
          const newObj = newAssociatedObjects.find((obj) => currentRow[foreignIdentifier] === obj.get(targetKey));
          if (!newObj) {
            obsoleteAssociations.push(currentRow);
          } else {
            let throughAttributes = newObj[this.through.model.name];
            if (throughAttributes instanceof this.through.model) throughAttributes = {};
            const attributes = Object.assign({}, defaultAttributes, throughAttributes);
            if (Object.keys(attributes).length) {
              promises.push(this.through.model.update(attributes, Object.assign(options, {
                where: { [identifier]: sourceInstance.get(sourceKey), [foreignIdentifier]: newObj.get(targetKey) },
              })));
            }
          }
        }
        if (obsoleteAssociations.length > 0) {
          promises.push(this.through.model.destroy(Object.assign({}, options, {
            where: Object.assign({
              [identifier]: sourceInstance.get(sourceKey),
              [foreignIdentifier]: obsoleteAssociations.map((o) => o[foreignIdentifier]),
            }, this.through.scope),
          })));
        }
        if (unassociatedObjects.length > 0) {
          const bulk = unassociatedObjects.map((o) => Object.assign({}, defaultAttributes, o[this.through.model.name], {
            [identifier]: sourceInstance.get(sourceKey),
            [foreignIdentifier]: o.get(targetKey),
          }, this.through.scope));
          promises.push(this.through.model.bulkCreate(bulk, Object.assign({ validate: true }, options)));
        }
        return Promise.all(promises);
      };
      try {
        const currentRows = await this.through.model.findAll(Object.assign({}, options, { where, raw: true }));
        return await updateAssociations(currentRows);
      } catch (error) {
        if (error instanceof errors.EmptyResultError) return updateAssociations([]);
        throw error;
      }
    }
    async add(sourceInstance, newInstances, options) {
      if (!newInstances) return undefined;
      options = Object.assign({}, options);
      const association = this;
      const sourceKey = association.sourceKey;
      const targetKey = association.targetKey;
      const identifier = association.identifier;
      const foreignIdentifier = association.foreignIdentifier;
      const defaultAttributes = options.through || {};
      newInstances = association.toInstanceArray(newInstances);
      const where = Object.assign({
        [identifier]: sourceInstance.get(sourceKey),
        [foreignIdentifier]: newInstances.map((i) => i.get(targetKey)),
      }, association.through.scope);
      const updateAssociations = (currentRows) => {
        const promises = [];
        const unassociatedObjects = [];
        const changedAssociations = [];
        for (const obj of newInstances) {
          const existingAssociation = currentRows && currentRows.find((current) => current[foreignIdentifier] === obj.get(targetKey));
          if (!existingAssociation) {
            unassociatedObjects.push(obj);
          } else {
            const throughAttributes = obj[association.through.model.name];
            const attributes = Object.assign({}, defaultAttributes, throughAttributes);
            if (Object.keys(attributes).some((attribute) => attributes[attribute] !== existingAssociation[attribute])) {
              changedAssociations.push(obj);
            }
          }
        }
        if (unassociatedObjects.length > 0) {
          const bulk = unassociatedObjects.map((o) => {
            const throughAttributes = o[association.through.model.name];
            const attributes = Object.assign({}, defaultAttributes, throughAttributes);
            attributes[identifier] = sourceInstance.get(sourceKey);
            attributes[foreignIdentifier] = o.get(targetKey);
            Object.assign(attributes, association.through.scope);
            return attributes;
          });
          promises.push(association.through.model.bulkCreate(bulk, Object.assign({ validate: true }, options)));
        }
        for (const assoc of changedAssociations) {
          let throughAttributes = assoc[association.through.model.name];
          const attributes = Object.assign({}, defaultAttributes, throughAttributes);
          if (throughAttributes instanceof association.through.model) throughAttributes = {};
          promises.push(association.through.model.update(attributes, Object.assign(options, {
            where: { [identifier]: sourceInstance.get(sourceKey), [foreignIdentifier]: assoc.get(targetKey) },
          })));
        }
        return Promise.all(promises);
      };
      try {
        const currentRows = await association.through.model.findAll(Object.assign({}, options, { where, raw: true }));
        const [associations] = await updateAssociations(currentRows);
        return associations;
      } catch (error) {
        if (error instanceof errors.EmptyResultError) return updateAssociations();
        throw error;
      }
    }
    remove(sourceInstance, oldAssociatedObjects, options) {
      options = options || {};
      oldAssociatedObjects = this.toInstanceArray(oldAssociatedObjects);
      const where = {
        [this.identifier]: sourceInstance.get(this.sourceKey),
        [this.foreignIdentifier]: oldAssociatedObjects.map((o) => o.get(this.targetKey)),
      };
      return this.through.model.destroy(Object.assign({}, options, { where }));
    }
    async create(sourceInstance, values, options) {
      options = options || {};
      values = values || {};
      if (Array.isArray(options)) options = { fields: options };
      if (this.scope) {
        Object.assign(values, this.scope);
        if (options.fields) options.fields = options.fields.concat(Object.keys(this.scope));
      }
      const newAssociatedObject = await this.target.create(values, options);
      const rest = Object.assign({}, options);
      delete rest.fields;
      await sourceInstance[this.accessors.add](newAssociatedObject, rest);
      return newAssociatedObject;
    }
  }

  // ---------------------------------------------------------------- Model mixin
  function isModel(model, sequelize) {
    return model && model.prototype && model.prototype instanceof sequelize.Sequelize.Model;
  }
  const Mixin = {
    hasMany(target, options = {}) {
      if (!isModel(target, this.sequelize)) throw new Error(`${this.name}.hasMany called with something that's not a subclass of Sequelize.Model`);
      const source = this;
      options.hooks = options.hooks === undefined ? false : Boolean(options.hooks);
      options.useHooks = options.hooks;
      const sourceOptions = Object.assign({}, source.options);
      delete sourceOptions.hooks;
      Object.assign(options, sourceOptions);
      if (options.useHooks) this.runHooks('beforeAssociate', { source, target, type: HasMany }, options);
      const association = new HasMany(source, target, options);
      source.associations[association.associationAccessor] = association;
      association._injectAttributes();
      association.mixin(source.prototype);
      if (options.useHooks) this.runHooks('afterAssociate', { source, target, type: HasMany, association }, options);
      return association;
    },
    belongsToMany(target, options = {}) {
      if (!isModel(target, this.sequelize)) throw new Error(`${this.name}.belongsToMany called with something that's not a subclass of Sequelize.Model`);
      const source = this;
      options.hooks = options.hooks === undefined ? false : Boolean(options.hooks);
      options.useHooks = options.hooks;
      options.timestamps = options.timestamps === undefined ? this.sequelize.options.timestamps : options.timestamps;
      const sourceOptions = Object.assign({}, source.options);
      for (const k of ['hooks', 'timestamps', 'scopes', 'defaultScope']) delete sourceOptions[k];
      Object.assign(options, sourceOptions);
      if (options.useHooks) this.runHooks('beforeAssociate', { source, target, type: BelongsToMany }, options);
      const association = new BelongsToMany(source, target, options);
      source.associations[association.associationAccessor] = association;
      association._injectAttributes();
      association.mixin(source.prototype);
      if (options.useHooks) this.runHooks('afterAssociate', { source, target, type: BelongsToMany, association }, options);
      return association;
    },
    getAssociations(target) {
      return Object.values(this.associations).filter((association) => association.target.name === target.name);
    },
    getAssociationForAlias(target, alias) {
      return this.getAssociations(target).find((association) => association.verifyAssociationAlias(alias)) || null;
    },
  };
  function singleLinked(Type) {
    return function (target, options = {}) {
      const source = this;
      if (!isModel(target, source.sequelize)) {
        throw new Error(`${source.name}.${lowerFirst(Type.name)} called with something that's not a subclass of Sequelize.Model`);
      }
      options.hooks = options.hooks === undefined ? false : Boolean(options.hooks);
      options.useHooks = options.hooks;
      if (options.useHooks) source.runHooks('beforeAssociate', { source, target, type: Type }, options);
      const association = new Type(source, target, Object.assign(options, source.options));
      source.associations[association.associationAccessor] = association;
      association._injectAttributes();
      association.mixin(source.prototype);
      if (options.useHooks) source.runHooks('afterAssociate', { source, target, type: Type, association }, options);
      return association;
    };
  }
  Mixin.hasOne = singleLinked(HasOne);
  Mixin.belongsTo = singleLinked(BelongsTo);
  for (const name of Object.keys(Mixin)) {
    Object.defineProperty(Model, name, { value: Mixin[name], writable: true, configurable: true, enumerable: false });
  }

  Object.assign(lib, { Association, BelongsTo, HasOne, HasMany, BelongsToMany });
  void native; void getPath;
})
