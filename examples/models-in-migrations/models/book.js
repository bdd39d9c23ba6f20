'use strict';
const {
  Model
} = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Book extends Model {
    /**
     * Helper method for defining associations.
     * This method is not a part of Sequelize lifecycle.
     * The `models/index` file will call this method automatically.
     */
    static associate(models) {
      Book.belongsTo(models.Author, { foreignKey: 'authorId', as: 'author' });
      Book.belongsToMany(models.Genre, { through: models.BookGenre, foreignKey: 'bookId', otherKey: 'genreId', as: 'genres' });
    }

    get label() {
      return `${this.title} (${this.publishedYear})`;
    }
  }
  Book.init({
    title: {
      type: DataTypes.STRING,
      allowNull: false,
      validate: { notEmpty: true }
    },
    slug: DataTypes.STRING,
    publishedYear: DataTypes.INTEGER,
    authorId: DataTypes.INTEGER
  }, {
    sequelize,
    modelName: 'Book',
    tableName: 'books',
    hooks: {
      beforeUpdate(book) {
        if (book.changed('title') || !book.slug) {
          book.slug = book.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
        }
      }
    }
  });
  return Book;
};
