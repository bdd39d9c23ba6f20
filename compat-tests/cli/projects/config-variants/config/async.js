// A configuration computed by an async function (sequelize-cli awaits it).
module.exports = async () => ({
  development: { dialect: 'sqlite', storage: 'db/development.sqlite' },
  test: { use_env_variable: 'DATABASE_URL' }
});
