// Command sqlite-replay runs the statements of a replay file (package
// bench/replayfile) on an SQLite database in one process, one after
// another on one connection, through the same SQLite engine sqzjs embeds
// (modernc.org/sqlite/lib) and with the connection set-up Sequelize's SQLite
// dialect does (PRAGMA FOREIGN_KEYS=ON). It is the physical limit `make
// bench` compares sqzjs with: the database's own cost for the same SQL.
//
//	sqlite-replay DB-FILE REPLAY-FILE
//
// Imports: bench/replayfile, modernc.org/sqlite/lib, modernc.org/libc and
// the standard library; nothing else of sqzjs.
package main
