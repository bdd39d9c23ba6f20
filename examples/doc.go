// Package examples holds sqzjs's example projects, each an ordinary
// sequelize-cli folder that runs unchanged under real sequelize-cli and under
// sqzjs: migrations (the README's SQLite example), typescript, esm,
// bluebird-lodash, legacy-v5 and models-in-migrations.
//
// Its only Go code is the test (examples_test.go) that runs each project with
// sqzjs on every dialect and compares the database after each step with the
// recording real sequelize-cli left (record.sh). It may import the product's
// packages (internal/cli) and compat-tests' schemadump, freshdb and scenario;
// nothing imports it.
package examples
