package mysql

import (
	"time"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// flavor is what the shared SQL writer needs to know about Sequelize's
// mysql and mariadb dialects (their `supports` tables and the generator
// hooks they override). The two differ only in schemas (mariadb renders
// `schema`.`table`) and in how dates are written (mysql drops milliseconds
// unless the DATE type has a precision).
func flavor(name dialect.Name, tz string) sqlgen.Flavor {
	return sqlgen.Flavor{
		Name:              name,
		Tick:              '`',
		Schemas:           name == dialect.MariaDB,
		BackslashEscapes:  true,
		Timezone:          tz,
		Operators:         map[string]string{"regexp": "REGEXP", "notRegexp": "NOT REGEXP"},
		IndexLength:       true,
		IndexParser:       true,
		IndexType:         true,
		IndexUsing:        1,
		IndexViaAlter:     true,
		IgnoreDuplicates:  " IGNORE",
		UpdateOnDuplicate: " ON DUPLICATE KEY UPDATE",
		DefaultKeyword:    true,
		DefaultValues:     " VALUES ()",
		FormatDate:        dateFormatter(name),
		CastType:          castType,
	}
}

// dateFormatter is the dialect's DATE stringify: the wall time in the
// configured zone, "YYYY-MM-DD HH:mm:ss" on mysql unless the type has a
// length (DATETIME(n)), always with ".SSS" on mariadb. A value escaped with
// a typed attribute (bulkInsert's and bulkUpdate's attributes argument) goes
// through the type as given, which Sequelize does not swap for the
// dialect's: the abstract DATE's "YYYY-MM-DD HH:mm:ss.SSS Z".
func dateFormatter(name dialect.Name) func(time.Time, string, *dialect.DataType) (string, error) {
	return func(t time.Time, tz string, typ *dialect.DataType) (string, error) {
		if typ != nil && !typ.Dialect {
			return sqlgen.MomentDate(t, tz)
		}
		z, err := sqlgen.InZone(t, tz)
		if err != nil {
			return "", err
		}
		if name == dialect.MariaDB || typ != nil && typ.Length != "" {
			return z.Format("2006-01-02 15:04:05.000"), nil
		}
		return z.Format("2006-01-02 15:04:05"), nil
	}
}

var (
	timestampRE = lazyre.MustCompile(`(?i)timestamp`)
	decimalRE   = lazyre.MustCompile(`(?i)double precision|boolean|integer`)
	textRE      = lazyre.MustCompile(`(?i)text`)
)

// castType is the mysql handleSequelizeMethod rewrite of Sequelize.cast
// types.
func castType(t string) string {
	switch {
	case timestampRE().MatchString(t):
		return "datetime"
	case decimalRE().MatchString(t):
		return "decimal"
	case textRE().MatchString(t):
		return "char"
	}
	return t
}
