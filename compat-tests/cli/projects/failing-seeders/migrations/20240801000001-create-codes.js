'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('codes', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      code: { type: Sequelize.STRING(20), allowNull: false, unique: true },
      teamId: { type: Sequelize.INTEGER, allowNull: true }
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('codes');
  }
};
