// A configuration handed to a callback (a function of one parameter).
module.exports = (done) => {
  setTimeout(() => done(null, {
    development: { dialect: 'sqlite', storage: 'db/development.sqlite' },
    test: { use_env_variable: 'DATABASE_URL' }
  }), 5);
};
