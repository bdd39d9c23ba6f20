'use strict';

module.exports = {
  up: (queryInterface, Sequelize) => {
    // Different tables, so the two indexes can be built side by side.
    return Promise.all([
      queryInterface.addIndex('posts', ['slug'], {
        name: 'posts_slug_unique',
        unique: true
      }),
      queryInterface.addIndex('users', ['role', 'isActive'])
    ]);
  },

  down: (queryInterface, Sequelize) => {
    return Promise.all([
      queryInterface.removeIndex('posts', 'posts_slug_unique'),
      queryInterface.removeIndex('users', ['role', 'isActive'])
    ]);
  }
};
