'use strict';

const db = require('../models');

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    await queryInterface.addColumn('authors', 'bookCount', {
      type: Sequelize.INTEGER,
      allowNull: false,
      defaultValue: 0
    });
    const authors = await db.Author.findAll({
      include: [{ model: db.Book, as: 'books', attributes: ['id'] }],
      order: [['id', 'ASC']]
    });
    for (const author of authors) {
      await db.Author.update(
        { bookCount: author.books.length },
        { where: { id: author.id }, silent: true }
      );
    }
  },

  async down (queryInterface, Sequelize) {
    await queryInterface.removeColumn('authors', 'bookCount');
  }
};
