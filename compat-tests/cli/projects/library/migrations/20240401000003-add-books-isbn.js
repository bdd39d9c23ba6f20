'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('books', 'isbn', { type: Sequelize.STRING(13), allowNull: true });
  },

  async down(queryInterface) {
    await queryInterface.removeColumn('books', 'isbn');
  }
};
