package mysql

import (
	"testing"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen/sqlgentest"
)

// TestFlavorMatchesSequelize compares the mysql and mariadb flavors'
// escaping, where compiler, replacements and generated names with
// Sequelize's own outputs for the same inputs.
func TestFlavorMatchesSequelize(t *testing.T) {
	t.Run("mysql", func(t *testing.T) { sqlgentest.Check(t, flavor(dialect.MySQL, "+00:00"), "mysql") })
	t.Run("mariadb", func(t *testing.T) { sqlgentest.Check(t, flavor(dialect.MariaDB, "+00:00"), "mariadb") })
}
