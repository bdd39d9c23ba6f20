package mysql

import (
	"fmt"
	"sync/atomic"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
)

// Dialect is Sequelize's mysql dialect (Sequelize + mysql2) or its mariadb
// dialect (Sequelize + the mariadb connector 2.x): one query generator and
// query interface, two drivers whose results and errors differ.
type Dialect struct {
	name dialect.Name
	cfg  dialect.Config
	tz   string
	f    sqlgen.Flavor

	// versionLogged: the mysql dialect asks the server for its version
	// (SELECT VERSION(), run but not logged) the first time Sequelize acquires a
	// connection, once per Sequelize instance; Open starts a new instance.
	versionLogged atomic.Bool
}

var _ dialect.Dialect = (*Dialect)(nil)

// New returns the mysql or mariadb dialect for cfg.
func New(cfg dialect.Config) (*Dialect, error) {
	name := cfg.Dialect
	if name == "" {
		name = dialect.MySQL
	}
	if name != dialect.MySQL && name != dialect.MariaDB {
		return nil, fmt.Errorf("mysql: dialect %q is neither mysql nor mariadb", name)
	}
	tz := cfg.Timezone
	if tz == "" {
		tz = "+00:00"
	}
	if _, err := sqlgen.InZone(timeZero, tz); err != nil {
		return nil, err
	}
	return &Dialect{name: name, cfg: cfg, tz: tz, f: flavor(name, tz)}, nil
}

// Name is "mysql" or "mariadb".
func (d *Dialect) Name() dialect.Name { return d.name }

// QuoteIdentifier quotes with backticks, removing any inside.
func (d *Dialect) QuoteIdentifier(name string) string { return d.f.QuoteIdentifier(name) }

// QuoteTable quotes a table: `schema.table` as one name on mysql,
// `schema`.`table` on mariadb (which supports schemas).
func (d *Dialect) QuoteTable(t dialect.TableRef) string { return d.f.QuoteTable(t) }

// Escape renders v as a MySQL literal.
func (d *Dialect) Escape(v any) (string, error) { return d.f.Escape(v, nil) }
