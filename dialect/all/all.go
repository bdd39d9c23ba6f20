package all

import (
	"fmt"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/mysql"
	"github.com/sqzjs/sqzjs/dialect/postgres"
	"github.com/sqzjs/sqzjs/dialect/sqlite"
)

// New returns the dialect cfg.Dialect names, configured by cfg. "postgresql"
// is accepted for "postgres", as Sequelize accepts it.
func New(cfg dialect.Config) (dialect.Dialect, error) {
	switch cfg.Dialect {
	case dialect.SQLite:
		return sqlite.New(cfg)
	case dialect.MySQL, dialect.MariaDB:
		return mysql.New(cfg)
	case dialect.Postgres, "postgresql":
		cfg.Dialect = dialect.Postgres
		return postgres.New(cfg)
	case "":
		return nil, fmt.Errorf("Dialect needs to be explicitly supplied as of v4.0.0")
	}
	return nil, fmt.Errorf("The dialect %s is not supported. Supported dialects: mssql, mariadb, mysql, oracle, postgres, db2 and sqlite.", cfg.Dialect)
}
