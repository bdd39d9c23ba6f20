'use strict';
module.exports = (sequelize, DataTypes) => {
  return sequelize.define('BookGenre', {
    bookId: { type: DataTypes.INTEGER, primaryKey: true },
    genreId: { type: DataTypes.INTEGER, primaryKey: true }
  }, {
    tableName: 'book_genres',
    timestamps: false
  });
};
