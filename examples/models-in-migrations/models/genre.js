'use strict';
module.exports = (sequelize, DataTypes) => {
  const Genre = sequelize.define('Genre', {
    name: { type: DataTypes.STRING, allowNull: false, unique: true }
  }, {
    tableName: 'genres',
    timestamps: false
  });
  Genre.associate = function (models) {
    Genre.belongsToMany(models.Book, { through: models.BookGenre, foreignKey: 'genreId', otherKey: 'bookId', as: 'books' });
  };
  return Genre;
};
