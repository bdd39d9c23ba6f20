// Package scenario reads, writes and plays sequelize-cli transcripts: a
// scenario is a project folder and a list of sequelize-cli command lines
// ("steps"); a recording is what real sequelize-cli printed for each step
// (stdout, stderr, exit code) and the database it left behind (a
// compat-tests/schemadump dump), per dialect.
//
// compat-tests/cmd/record-cli plays scenarios with real sequelize-cli (Node)
// and writes the recordings; compat-tests/cli's tests play the same scenarios
// with sqzjs's CLI in-process and compare. Both go through [Play], so the
// project copy, the database, the environment, the normalisation and the
// schema dump are the same on both sides; only the thing that runs a step
// differs.
//
// # File format
//
// A scenario is a txtar archive, compat-tests/cli/scenarios/<name>.txtar:
//
//	free-text comment: what the scenario is about
//	-- scenario --
//	project: examples/migrations
//	dialects: sqlite postgres mysql mariadb
//	sqlite-storage: db/development.sqlite
//	files: sequelize-meta.json
//	db:migrate --to 20240110141203-create-posts.js
//	db:migrate:status
//	-- sqlite/1.stdout --
//
//	<teaser>
//
//	Loaded configuration file "config/config.json".
//	...
//	-- sqlite/1.stderr --
//	-- sqlite/1.exit --
//	0
//	-- sqlite/1.schema --
//	table "SequelizeMeta"
//	...
//	-- sqlite/2.stdout --
//	...
//
// The scenario section holds "key: value" header lines, then one
// sequelize-cli command line per line (the steps, numbered from 1; words
// split like a shell would, with '…' and "…" quoting). Blank lines and lines
// starting with # are ignored. Keys:
//
//   - project (required): the project folder, relative to the repository root.
//   - dialects: the dialects the scenario runs on (default: all four).
//   - sqlite-storage: the SQLite file the project's development config names,
//     relative to the project (default db/development.sqlite); it is the
//     database dumped on sqlite.
//   - files: project files (space separated) whose content is part of the
//     recording, e.g. a JSON migration storage. A glob pattern records every
//     file it matches (generated files: "migrations/*.js"), a folder ending
//     in "/" records its listing (sub-folders with a final "/",
//     node_modules left out).
//   - clock: an RFC 3339 time (2024-01-02T03:04:05Z) both tools run under:
//     the recorder preloads a fake Date into Node (node --require), the
//     tests set sqzjs's State.Now. File names of the generators and
//     seeders' new Date() are then the same on both sides.
//
// Per dialect and step n the recording has <dialect>/<n>.stdout,
// <dialect>/<n>.stderr, <dialect>/<n>.exit (the exit code), <dialect>/<n>.schema
// (the schema dump after the step; "(no database file)" when the SQLite file
// does not exist) and, when the scenario lists files, <dialect>/<n>.files
// ("== path ==" then the content, or "== path == (missing)"). Output that does
// not end in a newline gets one plus the line [NoNewline].
//
// # How a step runs
//
// The project is copied to a temporary directory. On sqlite the project's own
// configuration is used (the development environment). On the server
// dialects a fresh database is created and every step gets "--env test"
// appended, with DATABASE_URL pointing at the database (postgres://,
// mysql:// or mariadb:// by dialect): projects name it with
// "use_env_variable": "DATABASE_URL" in their test environment.
// SCRATCH_DATABASE_URL names a second database on the same server that does
// not exist (the fresh name plus "_scratch", normalised to
// "<database>_scratch"), for db:create and db:drop; Play drops it at the
// end. A step word "$DATABASE_URL" or "$SCRATCH_DATABASE_URL" is replaced by
// that URL (for --url); on sqlite "$DATABASE_URL" is "sqlite://" and the
// absolute path of the sqlite-storage file. Steps run
// with TZ=UTC, NO_COLOR=1 and FORCE_COLOR=0, and without NODE_ENV.
//
// # Normalisation
//
// Exactly what changes from run to run: the teaser line "Sequelize CLI
// [Node: …, CLI: …, ORM: …]" becomes "<teaser>", durations in umzug's
// "== name: migrated (0.021s)" lines become "(<duration>)", the temporary
// project path becomes "<project>", the random database name "<database>"
// and the connection id in the mariadb connector's error messages
// "(conn=3258, " becomes "(conn=<id>, ". Nothing else is changed.
//
// Imports: the standard library and compat-tests/schemadump (with freshdb);
// never sqzjs's product packages.
package scenario
