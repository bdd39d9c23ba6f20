'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.bulkInsert('codes', [{ code: 'A' }, { code: 'B' }]);
  },
  async down(queryInterface) {
    await queryInterface.bulkDelete('codes', null, {});
  }
};
