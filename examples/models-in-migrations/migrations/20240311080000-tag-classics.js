'use strict';

const { Book, Genre, BookGenre, sequelize } = require('../models');
const { Op } = require('sequelize');

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    const [novel, classic] = await Promise.all([
      Genre.findOne({ where: { name: 'novel' } }),
      Genre.findOne({ where: { name: 'classic' } })
    ]);
    const all = await Book.findAll({ attributes: ['id', 'title', 'publishedYear'], order: [['id', 'ASC']] });
    await novel.addBooks(all);
    const old = all.filter((book) => book.publishedYear < 1900);
    await classic.addBooks(old);
    const tagged = await Genre.findAll({
      include: [{ model: Book, as: 'books', attributes: ['title'], through: { attributes: [] } }],
      order: [['name', 'ASC'], [{ model: Book, as: 'books' }, 'title', 'ASC']]
    });
    for (const genre of tagged) {
      console.log(`${genre.name}: ${genre.books.map((b) => b.title).join(', ')}`);
    }
    const counts = await BookGenre.count({ group: ['genreId'] });
    console.log(`tagged: ${JSON.stringify(counts)}`);
  },

  async down (queryInterface, Sequelize) {
    const classic = await Genre.findOne({ where: { name: 'classic' } });
    await BookGenre.destroy({ where: { genreId: classic.id } });
    await BookGenre.destroy({ where: { genreId: { [Op.ne]: classic.id } } });
    await sequelize.close();
  }
};
