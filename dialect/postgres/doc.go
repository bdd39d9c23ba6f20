// Package postgres is Sequelize's PostgreSQL dialect for sqzjs, on pgx's
// low-level connection (github.com/jackc/pgx/v5/pgconn).
//
// It reproduces what Sequelize v6's postgres query interface sends and
// resolves with, statement by statement: enum types created in DO blocks
// after Sequelize's pgListEnums query and followed by its type-OID refresh,
// SERIAL folding, COMMENT ON statements appended to the same query string,
// "public". qualification only where Sequelize adds it, changeColumn's
// several ALTER COLUMN statements in one simple-protocol query, and pg's
// result shapes ([rows, Result], rowCount, BIGINT and NUMERIC as strings,
// DATE as a string, arrays, ranges, hstore…) with Sequelize's type parsers
// over pg's.
//
// conn.go explains why pgconn rather than database/sql or pgx.Conn.
//
// A Dialect serves one Sequelize instance and remembers what that instance
// learns on its first connection (Sequelize's options.databaseVersion: until
// then createSchema has no IF NOT EXISTS); the Connector it opens holds the
// type OIDs Sequelize's parsers are registered for (the type-OID query on the
// first connection, refreshed after enum DDL), so values of types created
// later are parsed by pg's defaults until the next refresh, as in Sequelize.
//
// Not reproduced: dialectOptions binary, keepAlive and stream (pg options
// that change the wire format or the socket), per-query searchPath (the Raw
// operation does not carry it), and transaction deferrable (the Begin
// operation does not carry it).
//
// Imports: package dialect, dialect/internal/sqlgen, pgx's pgconn and the
// standard library (and internal/lazyre). Never goja, jsrt or bridge.
package postgres
