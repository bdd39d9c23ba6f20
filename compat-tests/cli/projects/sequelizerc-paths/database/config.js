// A JavaScript configuration: the environment decides where the data lives.
module.exports = {
  development: {
    dialect: 'sqlite',
    storage: 'database/dev.sqlite'
  },
  test: {
    use_env_variable: 'DATABASE_URL'
  }
};
