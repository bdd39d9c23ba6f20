// Package cli is the sqzjs command line: sequelize-cli's command tree
// (db:migrate, db:migrate:status, db:migrate:undo, db:migrate:undo:all,
// db:migrate:schema:timestamps:add;
// db:seed, db:seed:undo, db:seed:all, db:seed:undo:all with the none, json
// and sequelize seeder storages; init, init:config, init:migrations,
// init:models, init:seeders; migration:generate, seed:generate and
// model:generate with their :create aliases, writing the files recorded
// from sequelize-cli (templates/, see templates.go); db:create and db:drop),
// its options as core/yargs.js and the command builders declare them, .sequelizerc and --options-path, config/config.js|json with
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
// # Where sqzjs differs from sequelize-cli on purpose
//
//   - The "Sequelize CLI [Node: …, CLI: …, ORM: …]" line reads
//     "sqzjs <version> (sequelize-cli 6.6.5 compatible)".
//   - An error from a script is followed by "    at …" lines naming the
//     user's file, line and column (a syntax error included); errors of a
//     migration without a line (no up, no promise) name the file.
//   - With --debug the error's stack lists sqzjs's frames (the user's
//     functions at the failing call, goja's natives), not Node's, umzug's
//     and Sequelize's; its first line is Node's (a query's error: "Error").
//   - Unknown commands and options get `Unknown command "x". Did you mean
//     "y"?` / `Unknown argument "--x". Did you mean "--y"?` after the help
//     (yargs: "Did you mean y?" / "Unknown argument: x"), and a positional
//     after the command `Unknown argument "x". cmd takes no positional
//     arguments.`.
//   - Passwords are masked everywhere: a percent-encoded one in "Parsed
//     url", any URL password and the configured password in messages.
//   - A meta table that has createdAt gets timestamps on insert even without
//     migrationTimestamps (what ensureCurrentMetaSchema intends;
//     sequelize-cli 6.6.5 flips the switch too late and fails).
//   - config/config.js is looked for next to config/config.json
//     (sequelize-cli replaces the first ".json" of the whole path).
//   - Warnings about unsafe patterns (a statement not awaited) are printed
//     on stderr as "WARNING: …".
//   - The help names the program "sqzjs"; --version prints sqzjs's
//     version. (A command without an implementation would be marked
//     " (not yet)"; none is left.)
//   - db:seed:undo with nothing to undo prints "No seeders found." and
//     exits 0 at once; sequelize-cli 6.6.5 returns without process.exit
//     there, so on PostgreSQL and MySQL its open connection pool keeps
//     Node running until the pool lets go.
//   - A required option (--name, --attributes) is looked for on the
//     command line only, before .sequelizerc is read (yargs also accepts
//     one from .sequelizerc).
//
// Imports: migrate, bridge, jsrt, dialect and dialect/all (for the name →
// dialect table), internal/lazyre, goja and the standard library.
package cli
