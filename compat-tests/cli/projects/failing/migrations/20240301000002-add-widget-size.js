'use strict';

// Fails midway: the column is added, then a query names a column that does
// not exist. sequelize-cli does not record the migration, and the column
// stays (no transaction).
/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('widgets', 'size', { type: Sequelize.INTEGER });
    await queryInterface.sequelize.query('SELECT weight FROM widgets');
  },

  async down(queryInterface) {
    await queryInterface.removeColumn('widgets', 'size');
  }
};
