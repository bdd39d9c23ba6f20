// Package sqlite is Sequelize's SQLite dialect for sqzjs, on the embedded,
// pure-Go SQLite of modernc.org/sqlite (no cgo).
//
// It reproduces what Sequelize v6's SQLite query interface emits and leaves,
// statement by statement, including the table rebuilds of changeColumn,
// removeColumn, renameColumn, addConstraint and removeConstraint, which are
// planned from describeTable exactly as Sequelize plans them. One deliberate
// difference: a rebuild runs with foreign keys switched off and checked
// afterwards, so dropping a parent table never cascade-deletes child rows
// (Sequelize's rebuilds do).
//
// It talks to SQLite through the C API as compiled to Go
// (modernc.org/sqlite/lib), not database/sql; see conn.go for why.
//
// Imports: package dialect, dialect/internal/sqlgen, modernc.org/sqlite/lib,
// modernc.org/libc, internal/lazyre and the standard library. Never goja,
// jsrt or bridge.
package sqlite
