// Package freshdb makes a fresh, randomly named database for one test or one
// recording, and drops it afterwards: a file in a given directory for SQLite,
// CREATE DATABASE on the server named by a DSN for PostgreSQL and
// MySQL/MariaDB.
//
// It is used by compat-tests/cmd/record (each case × dialect runs in its own
// database), by the schemadump tests, and by the Go tests that compare sqzjs
// with the recordings. [Create] reads no environment: callers pass the server
// DSN, usually found with [ServerDSN]. [ForTest] is the one-line form for
// tests: it reads the DSN variables and skips (or, with CI=true, fails) when
// no server is configured.
//
// Imports: the standard library and the three database drivers (pgx stdlib,
// go-sql-driver/mysql, modernc.org/sqlite); never sqzjs's product packages.
package freshdb
