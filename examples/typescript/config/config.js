module.exports = {
  development: {
    dialect: 'sqlite',
    storage: 'db/development.sqlite',
    logging: false,
  },
  test: {
    use_env_variable: 'DATABASE_URL',
    logging: false,
  },
};
