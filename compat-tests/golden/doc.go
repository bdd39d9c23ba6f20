// Package golden holds the main compatibility test (golden_test.go): every
// case in compat-tests/cases is run through sqzjs on every dialect whose
// server answers, and its statements, resolved value or error, and schema
// are compared with what real Sequelize recorded; deliberate differences are
// listed in compat-tests/known_differences.json. The package has no code of
// its own.
//
// Imports (tests): bridge, jsrt, dialect, dialect/all, compat-tests/casefile,
// compat-tests/schemadump, goja and the standard library.
package golden
