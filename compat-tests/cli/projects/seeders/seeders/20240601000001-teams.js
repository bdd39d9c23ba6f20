'use strict';

// Many rows with dates (fixed and new Date(), which the scenarios run
// under a fixed clock), JSON text, DECIMAL, DATEONLY, booleans, NULL and a
// Sequelize.literal.
const fixed = new Date('2024-06-01T08:30:15.250Z');

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    const rows = [];
    for (let i = 1; i <= 24; i++) {
      rows.push({
        name: `Team ${String(i).padStart(2, '0')}`,
        rank: i % 5 === 0 ? null : i,
        rating: (i * 7.25).toFixed(2),
        active: i % 3 !== 0,
        settings: JSON.stringify({ colors: ['red', 'blue'].slice(0, (i % 2) + 1), lead: i === 1, note: "it's \"quoted\"" }),
        foundedOn: `19${String(70 + i)}-0${(i % 9) + 1}-1${i % 10}`,
        createdAt: i % 2 ? fixed : new Date(),
        updatedAt: new Date()
      });
    }
    rows.push({
      name: 'Literal',
      rank: Sequelize.literal('40 + 2'),
      rating: null,
      active: false,
      settings: null,
      foundedOn: null,
      createdAt: fixed,
      updatedAt: fixed
    });
    await queryInterface.bulkInsert('teams', rows, {});
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.bulkDelete('teams', null, {});
  }
};
