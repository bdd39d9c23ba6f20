'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    const teams = await queryInterface.sequelize.query(
      'SELECT id, name FROM teams WHERE name IN (:names) ORDER BY id',
      { type: Sequelize.QueryTypes.SELECT, replacements: { names: ['Team 01', 'Team 02'] } }
    );
    const players = [];
    for (const team of teams) {
      for (const nickname of ['ace', 'bolt', 'comet']) {
        players.push({
          teamId: team.id,
          nickname: `${nickname}-${team.id}`,
          bio: nickname === 'bolt' ? null : `Plays for ${team.name}`,
          createdAt: new Date(),
          updatedAt: new Date()
        });
      }
    }
    await queryInterface.bulkInsert('players', players);
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.bulkDelete('players', { nickname: { [Sequelize.Op.like]: '%-%' } });
  }
};
