'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.bulkInsert('codes', [{ code: 'Z' }]);
  },
  async down() {
    throw new Error('code Z is kept on purpose');
  }
};
