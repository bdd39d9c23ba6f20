'use strict';

module.exports = {
  up: function (queryInterface, Sequelize) {
    return queryInterface
      .createTable('projectTypes', {
        id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },
        code: { type: Sequelize.STRING(16), allowNull: false, unique: true },
        label: { type: Sequelize.STRING, allowNull: false },
      })
      // Bluebird's .tap and .return on what queryInterface returns.
      .tap(function () {
        return queryInterface.bulkInsert('projectTypes', [
          { code: 'internal', label: 'Internal' },
          { code: 'client', label: 'Client work' },
        ]);
      })
      .return('projectTypes');
  },

  down: function (queryInterface) {
    return queryInterface.dropTable('projectTypes');
  },
};
