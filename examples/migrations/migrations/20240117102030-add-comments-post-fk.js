'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    await queryInterface.addConstraint('comments', {
      fields: ['postId'],
      type: 'foreign key',
      name: 'comments_postId_posts_fk',
      references: {
        table: 'posts',
        field: 'id'
      },
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE'
    });
  },

  async down (queryInterface, Sequelize) {
    await queryInterface.removeConstraint('comments', 'comments_postId_posts_fk');
    // MySQL/MariaDB keep the index they created for the foreign key.
    if (['mysql', 'mariadb'].includes(queryInterface.sequelize.getDialect())) {
      await queryInterface.removeIndex('comments', 'comments_postId_posts_fk');
    }
  }
};
