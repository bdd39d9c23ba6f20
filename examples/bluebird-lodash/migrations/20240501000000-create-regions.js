'use strict';
const Promise = require('bluebird');

module.exports = {
  up: (queryInterface, Sequelize) =>
    queryInterface
      .createTable('regions', {
        id: { type: Sequelize.UUID, primaryKey: true },
        code: { type: Sequelize.STRING(8), allowNull: false },
        name: { type: Sequelize.STRING, allowNull: false },
        sortOrder: { type: Sequelize.INTEGER, allowNull: false, defaultValue: 0 },
      })
      // Bluebird's Promise.each: one index after the other.
      .then(() => Promise.each(['code', 'sortOrder'], (column) => queryInterface.addIndex('regions', [column], { unique: column === 'code' }))),

  down: (queryInterface) => queryInterface.dropTable('regions'),
};
