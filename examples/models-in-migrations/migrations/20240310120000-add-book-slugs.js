'use strict';

const { Book } = require('../models');

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    await queryInterface.addColumn('books', 'slug', { type: Sequelize.STRING });
    // Book's beforeUpdate hook derives the slug from the title.
    const books = await Book.findAll({ where: { slug: null }, order: [['id', 'ASC']] });
    for (const book of books) {
      await book.update({ slug: null }, { silent: true });
    }
    await queryInterface.addIndex('books', ['slug'], { unique: true });
  },

  async down (queryInterface, Sequelize) {
    await queryInterface.removeIndex('books', ['slug']);
    await queryInterface.removeColumn('books', 'slug');
  }
};
