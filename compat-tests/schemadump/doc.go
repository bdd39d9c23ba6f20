// Package schemadump writes one normalized, sorted text dump of a database's
// schema and data, the same way for the recordings of real Sequelize (made by
// compat-tests/cmd/record) and for the databases sqzjs leaves behind in the Go
// tests, so the two can be compared as text and read in a diff.
//
// What a dump shows, per dialect:
//
//   - sqlite: every sqlite_master entry (type, name, tbl_name, sql verbatim),
//     sorted by type (table, view, index, trigger) then name, without
//     sqlite_sequence's own entry; then the rows of every table, including
//     sqlite_sequence, each value with its storage class (null, integer 1,
//     real 1.5, text 'x', blob x'00ff').
//   - postgres (one schema, default public, its name left out): extensions,
//     enum types with their ordered labels, tables with their comment,
//     columns in ordinal order (format_type, not null, identity, default,
//     collation, comment), constraints (pg_get_constraintdef: pk, unique,
//     check, fk with ON UPDATE/ON DELETE and DEFERRABLE), indexes
//     (pg_get_indexdef), triggers; views; sequences with their owner and
//     last_value; functions; then the rows of every table.
//   - mysql and mariadb (one database): SHOW CREATE TABLE per table without
//     the AUTO_INCREMENT=n table option; views, triggers and routines without
//     DEFINER and without the database name; then the rows of every table.
//
// Rows are ordered by all their columns, so the dump does not depend on
// physical order; SequelizeMeta and SequelizeData rows are part of it.
// Example (sqlite):
//
//	table "SequelizeMeta"
//	  CREATE TABLE `SequelizeMeta` (`name` VARCHAR(255) NOT NULL UNIQUE PRIMARY KEY)
//	index "sqlite_autoindex_SequelizeMeta_1" on "SequelizeMeta"
//	  (no sql: created by SQLite)
//
//	rows "SequelizeMeta" ("name"): 1
//	  text '20200101000000-create-user.js'
//
// Imports: the standard library only (callers open the *sql.DB with the
// pgx, go-sql-driver/mysql or modernc.org/sqlite driver); never sqzjs's
// product packages.
package schemadump
