'use strict';

// The catalogue the app started with (fixed timestamps, so every run leaves
// the same rows).
const at = new Date('2024-03-01T09:30:00Z');

const authors = [
  { id: 1, name: 'Jane Austen', country: 'GB' },
  { id: 2, name: 'Fyodor Dostoevsky', country: 'RU' },
  { id: 3, name: 'Toni Morrison', country: 'US' }
];

const books = [
  { id: 1, title: 'Pride and Prejudice', publishedYear: 1813, authorId: 1 },
  { id: 2, title: 'Emma', publishedYear: 1815, authorId: 1 },
  { id: 3, title: 'Crime and Punishment', publishedYear: 1866, authorId: 2 },
  { id: 4, title: 'Beloved', publishedYear: 1987, authorId: 3 },
  { id: 5, title: 'Song of Solomon', publishedYear: 1977, authorId: 3 },
  { id: 6, title: 'Notes from Underground', publishedYear: 1864, authorId: 2 }
];

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    await queryInterface.bulkInsert('authors', authors.map((a) => ({ ...a, createdAt: at, updatedAt: at })));
    await queryInterface.bulkInsert('books', books.map((b) => ({ ...b, createdAt: at, updatedAt: at })));
    await queryInterface.bulkInsert('genres', [{ name: 'novel' }, { name: 'classic' }]);
  },

  async down (queryInterface, Sequelize) {
    await queryInterface.bulkDelete('genres', null, {});
    await queryInterface.bulkDelete('books', { id: books.map((b) => b.id) });
    await queryInterface.bulkDelete('authors', { id: authors.map((a) => a.id) });
  }
};
