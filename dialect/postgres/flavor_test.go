package postgres

import (
	"testing"

	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen/sqlgentest"
)

// TestFlavorMatchesSequelize compares the Postgres flavor's escaping, where
// compiler, replacements and generated names with Sequelize's own outputs
// for the same inputs (recorded by compat-tests/oracle/sqlgen-fixtures.js).
func TestFlavorMatchesSequelize(t *testing.T) {
	sqlgentest.Check(t, flavor(), "postgres")
}
