// Command record-cli plays compat-tests/cli scenarios with real sequelize-cli
// (Node, from compat-tests/oracle) and writes what it printed, its exit codes
// and the schema after every step into each scenario file. Only a developer
// re-recording runs it; the Go tests read the checked-in recordings.
//
// Usage (from the repository root):
//
//	go run ./compat-tests/cmd/record-cli [-dialects sqlite,postgres,mysql,mariadb] \
//	    [-node-dir compat-tests/oracle] [-j 4] [-timeout 2m] [-v] [scenario files or dirs…]
//
// Without arguments every *.txtar under compat-tests/cli/scenarios is
// recorded. For each scenario and each dialect in both its dialects list and
// -dialects, the recorder copies the project to a temporary directory, links
// the oracle's node_modules into it, creates a fresh database on the server
// dialects (SQZJS_TEST_POSTGRES_DSN / SQZJS_TEST_MYSQL_DSN, the defaults of
// compat-tests/schemadump/freshdb), runs each step as
// `node compat-tests/oracle/node_modules/.bin/sequelize-cli <step> [--env test]`
// and rewrites that dialect's sections (see compat-tests/cli/scenario for the
// format and the normalisation). A scenario with a clock: header runs under
// that fixed time: `node --require <fake-date.js> …/sequelize-cli`, where
// the preload replaces Date so that Date.now() and new Date() return it
// (generated file names, seeders' timestamps). A dialect whose run failed keeps its old
// sections and makes the exit status 1.
//
// Imports: the standard library, compat-tests/cli/scenario and
// compat-tests/schemadump/freshdb; never sqzjs's product packages.
//
// Imports: compat-tests/cli/scenario, compat-tests/schemadump/freshdb and the
// standard library; never the product packages (it runs Node).
package main
