// .sequelizerc-style options naming the database by URL, from the
// environment (sqlite when DATABASE_URL is not set).
const path = require('path');

module.exports = {
  url: process.env.DATABASE_URL || 'sqlite://' + path.resolve('db', 'development.sqlite')
};
