'use strict';

// Inserts a code the first seeder already inserted: a unique violation.
module.exports = {
  async up(queryInterface) {
    await queryInterface.bulkInsert('codes', [{ code: 'C' }, { code: 'A' }]);
  },
  async down(queryInterface) {
    await queryInterface.bulkDelete('codes', { code: 'C' }, {});
  }
};
