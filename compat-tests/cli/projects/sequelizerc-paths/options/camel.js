// An options file for --options-path written as a module, with camelCase keys.
const path = require('path');

module.exports = {
  config: path.resolve('database', 'config.js'),
  migrationsPath: path.resolve('database', 'migrations')
};
