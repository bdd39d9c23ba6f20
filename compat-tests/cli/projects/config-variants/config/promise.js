// A promise for the configuration.
module.exports = Promise.resolve({
  development: { dialect: 'sqlite', storage: 'db/development.sqlite' },
  test: { use_env_variable: 'DATABASE_URL' }
});
