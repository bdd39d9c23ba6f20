'use strict';

module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.createTable('notes', {
    id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    body: { type: Sequelize.TEXT, allowNull: false },
    pinned: { type: Sequelize.BOOLEAN, allowNull: false, defaultValue: false }
  }),
  down: (queryInterface) => queryInterface.dropTable('notes')
};
