'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    await queryInterface.createTable('genres', {
      id: {
        allowNull: false,
        autoIncrement: true,
        primaryKey: true,
        type: Sequelize.INTEGER
      },
      name: {
        type: Sequelize.STRING,
        allowNull: false,
        unique: true
      }
    });
    await queryInterface.createTable('book_genres', {
      bookId: {
        type: Sequelize.INTEGER,
        primaryKey: true,
        references: { model: 'books', key: 'id' },
        onDelete: 'CASCADE'
      },
      genreId: {
        type: Sequelize.INTEGER,
        primaryKey: true,
        references: { model: 'genres', key: 'id' },
        onDelete: 'CASCADE'
      }
    });
  },
  async down (queryInterface, Sequelize) {
    await queryInterface.dropTable('book_genres');
    await queryInterface.dropTable('genres');
  }
};
