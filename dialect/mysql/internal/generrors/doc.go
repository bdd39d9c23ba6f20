// Command generrors writes errcodes.go: the mariadb connector's collation
// table (for its column metadata objects) and the server error number →
// error name tables that the two Node drivers put in err.code (mysql2 3.24.6's,
// taken from MySQL 8.0.33, and the mariadb connector 2.5.6's, from MariaDB
// 10.5). The same number can name different errors on the two servers
// (4161 is ER_INSTALL_COMPONENT_SET_UNUSED_VALUE for mysql2 and
// ER_UNKNOWN_DATA_TYPE for the mariadb connector), so each dialect uses its
// driver's table.
//
// Run from dialect/mysql with the oracle's node_modules installed:
//
//	go run ./internal/generrors
//
// Imports: the standard library only; it reads the oracle's node_modules
// and is never linked into sqzjs.
package main
