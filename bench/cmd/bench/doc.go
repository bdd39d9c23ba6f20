// Command bench is `make bench`: it times sqzjs against real sequelize-cli
// and against a raw replay of the same SQL, on every dialect, and writes
// bench/RESULTS.md.
//
// For each dialect (sqlite; postgres; mysql and mariadb, both on the MariaDB
// server) and each folder size N it generates a migration folder (package
// bench), captures the statements sqzjs sends for it (checked against what
// the binary logs), and then, on a fresh database each time, runs in turn
// `sqzjs db:migrate`, `sequelize-cli db:migrate` and the replay of the
// captured statements by the database's own client (psql, mariadb, and for
// SQLite a small Go program on the SQLite engine sqzjs embeds, plus the
// sqlite3 shell when it is installed). After the migrations it times
// `db:migrate:status` with nothing pending for both CLIs. One warm-up round,
// then -runs measured rounds; each tool's runs are interleaved with the
// others' so that load changes hit them alike. Wall time includes process
// start; peak RSS is the process's (wait4 rusage), not the server's.
//
// Every sample is also written to bench/results.json (-json); the next run
// reads that file first and adds a section comparing its ratios with the
// previous run's (-compare), which is how a second run shows whether the
// figures reproduce.
//
// Imports: package bench, bench/replayfile, the database drivers it opens
// fresh databases with (pgx stdlib, go-sql-driver/mysql) and the standard
// library; it runs sqzjs, sequelize-cli and the replayers as processes.
package main
