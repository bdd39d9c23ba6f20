// Command record runs compat-tests cases through real Sequelize v6 (Node, in
// compat-tests/oracle) against fresh databases and writes what happened into
// each case file's dialect sections. `make oracle` runs it; `make test` never
// does.
//
// Usage (from the repository root):
//
//	go run ./compat-tests/cmd/record [-dialects sqlite,postgres,mysql,mariadb] \
//	    [-node-dir compat-tests/oracle] [-j 4] [-timeout 2m] [-v] [case files or dirs…]
//
// Without arguments every *.txtar under compat-tests/cases is recorded. For
// each case and each dialect in both its options.json list and -dialects, the
// recorder creates a fresh database (a file in a temporary directory for
// sqlite; CREATE DATABASE with a random name on the server named by
// SQZJS_TEST_POSTGRES_DSN or SQZJS_TEST_MYSQL_DSN, default
// postgres://postgres@127.0.0.1:5432/test and mysql://root@127.0.0.1:3306/test,
// for the others; mysql and mariadb share the MySQL server), runs
// `node run-case.js` against it with TZ=UTC, dumps the schema with
// compat-tests/schemadump, drops the database, and rewrites that dialect's
// .sql, .result/.error and .schema sections. Other sections are left as they
// were; a dialect whose run failed keeps its old sections.
//
// up() rejecting is a recorded fact (the .error section), not a failure. The
// exit status is 1 when a run could not be recorded (Node crashed, a database
// could not be created, …) or the oracle is not installed, 2 for bad usage.
//
// Imports: the standard library, compat-tests/casefile, compat-tests/schemadump
// (and its freshdb); never sqzjs's product packages.
package main
