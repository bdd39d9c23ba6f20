'use strict';
const Promise = require('bluebird');
const _ = require('lodash');

const tables = {
  stores: (S) => ({
    id: { type: S.INTEGER, primaryKey: true, autoIncrement: true },
    regionId: { type: S.UUID, allowNull: false, references: { model: 'regions', key: 'id' }, onDelete: 'RESTRICT' },
    name: { type: S.STRING, allowNull: false },
    openedOn: { type: S.DATEONLY },
  }),
  storeHours: (S) => ({
    id: { type: S.INTEGER, primaryKey: true, autoIncrement: true },
    storeId: { type: S.INTEGER, allowNull: false, references: { model: 'stores', key: 'id' }, onDelete: 'CASCADE' },
    weekday: { type: S.INTEGER, allowNull: false },
    opens: { type: S.TIME },
    closes: { type: S.TIME },
  }),
};

module.exports = {
  async up(queryInterface, Sequelize) {
    // Bluebird's Promise.map with a concurrency of 1 keeps the order (stores
    // before storeHours, which references it).
    await Promise.map(_.toPairs(tables), ([name, columns]) => queryInterface.createTable(name, columns(Sequelize)), { concurrency: 1 });
    const described = await Promise.props(_.mapValues(tables, (columns, name) => queryInterface.describeTable(name)));
    if (!_.has(described, 'storeHours.weekday')) throw new Error('storeHours was not created');
    await queryInterface.addIndex('storeHours', ['storeId', 'weekday'], { unique: true });
  },

  async down(queryInterface) {
    await Promise.each(_.reverse(_.keys(tables)), (name) => queryInterface.dropTable(name));
  },
};
