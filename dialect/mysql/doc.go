// Package mysql is Sequelize's mysql dialect (Sequelize with mysql2) and its
// mariadb dialect (Sequelize with the mariadb connector 2.x) for sqzjs, on
// github.com/go-sql-driver/mysql. The two share Sequelize's query generator
// and query interface (the mariadb generator differs only in schemas and
// showAllTables) and differ in what their drivers return: ResultSetHeader
// or OkPacket, [rows, rows] or [rows, meta], DECIMAL as a string or a
// number, error codes and messages ("(conn=…, no: …, SQLState: …) …\nsql:
// … - parameters:[…]" on mariadb), prepared statements (mysql2 executes a
// query with parameters) or client-side substitution (the connector).
//
// Exec reproduces the query interface statement by statement, including
// the lookups Sequelize makes (removeColumn's foreign keys,
// removeConstraint's INFORMATION_SCHEMA query, renameColumn's
// describeTable) and the version query mysql logs on its first connection.
//
// go-sql-driver keeps less than the Node drivers hand Sequelize, so wire.go
// watches the protocol below it: OK packets (info, serverStatus,
// warningStatus, session state), the server's connection id, and MariaDB's
// extended column metadata (JSON columns), which both Node drivers ask for.
// It also asks for IGNORE_SPACE and SESSION_TRACK as they do. Under TLS the
// stream cannot be read; results then carry what the driver reports.
//
// Imports: package dialect, dialect/internal/sqlgen, go-sql-driver/mysql
// internal/lazyre and the standard library. Never goja, jsrt or bridge.
package mysql
