// Package cli is the sqzjs command line: sequelize-cli's command tree
// (db:migrate, db:migrate:status, db:migrate:undo, db:migrate:undo:all, and
// the names of the commands still to come), its options as core/yargs.js
// declares them, .sequelizerc and --options-path, config/config.js|json with
// --env/NODE_ENV, --url, url and use_env_variable, the storage keys
// (migrationStorage, …), and the console output and exit codes users know
// from sequelize-cli 6.6.5.
//
// Everything the program needs from the process comes through [State]
// (k6's GlobalState pattern): the file system, the working directory, the
// environment, the arguments, stdout/stderr, file writing and the clock.
// [Main] is the whole program and returns the exit code, so tests run it
// in-process. Together with cmd/sqzjs this is the only package that may
// touch os.*.
//
// Imports: migrate, bridge, jsrt, dialect and dialect/all (for the name →
// dialect table), goja and the standard library.
package cli
