'use strict';

// up works; down throws a plain Error before touching the database.
/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('gadgets', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      label: { type: Sequelize.STRING, allowNull: true }
    });
  },

  async down() {
    throw new Error('gadgets cannot be dropped: archive them first');
  }
};
