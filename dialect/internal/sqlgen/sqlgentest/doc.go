// Package sqlgentest checks a dialect's sqlgen.Flavor against what real
// Sequelize computed for the same inputs (testdata/sequelize.json, recorded
// by compat-tests/oracle/sqlgen-fixtures.js from testdata/inputs.json):
// generated names, number text, literal escaping, the where compiler and
// replacement injection. Each dialect's tests call Check with its flavor.
//
// Imports: dialect, sqlgen, the standard library (testing).
package sqlgentest
