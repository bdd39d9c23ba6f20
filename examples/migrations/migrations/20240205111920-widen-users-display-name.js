'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    // Display names are optional now, and 60 characters was too short.
    await queryInterface.changeColumn('users', 'displayName', {
      type: Sequelize.STRING(120),
      allowNull: true
    });
  },

  async down (queryInterface, Sequelize) {
    await queryInterface.changeColumn('users', 'displayName', {
      type: Sequelize.STRING(60),
      allowNull: false
    });
  }
};
