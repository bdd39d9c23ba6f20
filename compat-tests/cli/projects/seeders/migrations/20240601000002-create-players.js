'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('players', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      teamId: {
        type: Sequelize.INTEGER,
        references: { model: 'teams', key: 'id' },
        onDelete: 'CASCADE'
      },
      nickname: { type: Sequelize.STRING, allowNull: false },
      bio: { type: Sequelize.TEXT, allowNull: true },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false }
    });
  },

  async down(queryInterface) {
    await queryInterface.dropTable('players');
  }
};
