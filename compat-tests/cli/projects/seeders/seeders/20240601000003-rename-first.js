'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface) {
    await queryInterface.bulkUpdate('teams', { name: 'First team' }, { name: 'Team 01' });
  },

  async down(queryInterface) {
    await queryInterface.bulkUpdate('teams', { name: 'Team 01' }, { name: 'First team' });
  }
};
