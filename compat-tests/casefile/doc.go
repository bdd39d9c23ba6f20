// Package casefile reads and writes compat-tests case files: one txtar archive
// per case, holding the JavaScript a case runs (input.js), its options
// (options.json) and, per dialect, what real Sequelize v6 did with it as
// recorded by compat-tests/cmd/record (<dialect>.sql, .result, .error,
// .schema).
//
// The same package serves the recorder, which writes the dialect sections, and
// the Go tests that run the same input.js through sqzjs and compare: both sides
// build a [Recording] with [RecordingFromRun] from one JSON document shape
// (the one compat-tests/oracle/run-case.js prints) and mask what changes from
// run to run with [MaskUUIDs] and [MaskNames] (UUIDs, the random database name,
// the sqlite file path), so the comparison is byte for byte.
//
// File layout (sections in this order; only input.js is required):
//
//	optional free-text comment
//	-- input.js --
//	module.exports = { async up(queryInterface, Sequelize) { … } };
//	-- options.json --
//	{"dialects": ["sqlite", "postgres"], "sequelize": {"timezone": "+02:00"}, "note": "why"}
//	-- sqlite.sql --
//	> CREATE TABLE IF NOT EXISTS `t` (`id` INTEGER PRIMARY KEY AUTOINCREMENT);
//	-- sqlite.result --
//	{ … indented JSON … }
//	-- sqlite.schema --
//	… schemadump output …
//	(then postgres.*, mysql.*, mariadb.*)
//
// Statement lines (see [FormatStatements]): "> " starts a statement Sequelize
// logged, "! " starts a statement Sequelize sent to the driver without logging
// it (connection set-up and similar), "| " continues the SQL on a new line, and
// "= " gives the statement's bind parameters as compact JSON.
//
// Imports: the standard library only. It never imports sqzjs's product
// packages (jsrt, bridge, migrate, dialect).
package casefile
