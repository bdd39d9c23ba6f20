'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('teams', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      name: { type: Sequelize.STRING(80), allowNull: false },
      rank: { type: Sequelize.INTEGER },
      rating: { type: Sequelize.DECIMAL(6, 2) },
      active: { type: Sequelize.BOOLEAN, allowNull: false, defaultValue: true },
      settings: { type: Sequelize.TEXT },
      foundedOn: { type: Sequelize.DATEONLY },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false }
    });
  },

  async down(queryInterface) {
    await queryInterface.dropTable('teams');
  }
};
