'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    await queryInterface.renameColumn('tags', 'label', 'name');
  },

  async down (queryInterface, Sequelize) {
    await queryInterface.renameColumn('tags', 'name', 'label');
  }
};
