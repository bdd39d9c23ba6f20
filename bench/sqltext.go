package bench

import (
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sqzjs/sqzjs/bench/replayfile"
)

// SetupStatements are the statements a connection runs when Sequelize (and
// sqzjs) open it, which the capture does not see: they start every replay.
func SetupStatements(dialectName string) []string {
	switch dialectName {
	case "postgres":
		return []string{
			"SET client_min_messages TO warning;SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE;",
			// The type OIDs Sequelize's parsers are keyed by, read by the
			// first connection (dialect/postgres oidQuery).
			"WITH ranges AS (  SELECT pg_range.rngtypid, pg_type.typname AS rngtypname,         pg_type.typarray AS rngtyparray, pg_range.rngsubtype    FROM pg_range LEFT OUTER JOIN pg_type ON pg_type.oid = pg_range.rngtypid)SELECT pg_type.typname, pg_type.typtype, pg_type.oid, pg_type.typarray,       ranges.rngtypname, ranges.rngtypid, ranges.rngtyparray  FROM pg_type LEFT OUTER JOIN ranges ON pg_type.oid = ranges.rngsubtype WHERE (pg_type.typtype IN('b', 'e'));",
		}
	case "mysql", "mariadb":
		return []string{"SET time_zone = '+00:00'"}
	case "sqlite":
		return []string{"PRAGMA FOREIGN_KEYS=ON"}
	}
	return nil
}

// Script renders statements as a script for the database's command-line
// client, in one process and one session: `psql -f` (flavor "postgres"),
// `mariadb` ("mysql") or `sqlite3` ("sqlite"). Bind parameters are inlined
// as literals. Each statement is sent as one query, as sqzjs sends it:
// psql gets the semicolons inside a statement as `\;`, mariadb a delimiter
// that never occurs in SQL.
func Script(flavor string, setup []string, stmts []replayfile.Statement) (string, error) {
	var b strings.Builder
	if flavor == "mysql" {
		b.WriteString("DELIMITER " + mysqlDelimiter + "\n")
	}
	all := make([]replayfile.Statement, 0, len(setup)+len(stmts))
	for _, s := range setup {
		all = append(all, replayfile.Statement{SQL: s})
	}
	all = append(all, stmts...)
	for _, s := range all {
		text, err := render(flavor, s)
		if err != nil {
			return "", err
		}
		b.WriteString(text)
		switch flavor {
		case "mysql":
			b.WriteString(mysqlDelimiter + "\n")
		default:
			b.WriteString(";\n")
		}
	}
	return b.String(), nil
}

const mysqlDelimiter = "$$sqzjs_bench$$"

// render inlines s's parameters and, for psql, escapes the semicolons
// between the statements of one string; the final semicolon is dropped.
func render(flavor string, s replayfile.Statement) (string, error) {
	var b strings.Builder
	sql := s.SQL
	next := 0 // the next positional (?) parameter
	var err error
	param := func(idx int) {
		if idx < 1 || idx > len(s.Params) {
			err = fmt.Errorf("bench: no value for parameter %d of %.200s", idx, sql)
			return
		}
		b.WriteString(literal(flavor, s.Params[idx-1].Value()))
	}
	backslash := flavor == "mysql"
	for i := 0; i < len(sql); i++ {
		c := sql[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			j := i + 1
			for j < len(sql) {
				if backslash && sql[j] == '\\' {
					j += 2
					continue
				}
				if sql[j] == c {
					if j+1 < len(sql) && sql[j+1] == c { // doubled quote
						j += 2
						continue
					}
					break
				}
				j++
			}
			j = min(j, len(sql)-1)
			b.WriteString(sql[i : j+1])
			i = j
		case c == '-' && strings.HasPrefix(sql[i:], "--"):
			j := strings.IndexByte(sql[i:], '\n')
			if j < 0 {
				j = len(sql) - i - 1
			}
			b.WriteString(sql[i : i+j+1])
			i += j
		case c == '/' && strings.HasPrefix(sql[i:], "/*"):
			j := strings.Index(sql[i:], "*/")
			if j < 0 {
				j = len(sql) - i - 2
			}
			b.WriteString(sql[i : i+j+2])
			i += j + 1
		case (c == '$' || (c == '?' && flavor != "mysql")) && i+1 < len(sql) && sql[i+1] >= '0' && sql[i+1] <= '9' && len(s.Params) > 0:
			j := i + 1
			for j < len(sql) && sql[j] >= '0' && sql[j] <= '9' {
				j++
			}
			idx, _ := strconv.Atoi(sql[i+1 : j])
			param(idx)
			i = j - 1
		case c == '?' && flavor != "postgres" && len(s.Params) > 0:
			next++
			param(next)
		case c == ';' && flavor == "postgres" && strings.TrimSpace(sql[i+1:]) != "":
			b.WriteString(`\;`)
		default:
			b.WriteByte(c)
		}
	}
	if err != nil {
		return "", err
	}
	out := strings.TrimRight(strings.TrimSpace(b.String()), ";")
	return out, nil
}

// literal renders v as the flavor's SQL literal.
func literal(flavor string, v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		if flavor == "mysql" {
			r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\x00", `\0`, "\n", `\n`, "\r", `\r`, "\x1a", `\Z`)
			return "'" + r.Replace(x) + "'"
		}
		return "'" + strings.ReplaceAll(x, "'", "''") + "'"
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		if flavor == "postgres" {
			return strconv.FormatBool(x)
		}
		if x {
			return "1"
		}
		return "0"
	case time.Time:
		switch flavor {
		case "sqlite":
			return strconv.FormatInt(x.UnixMilli(), 10)
		case "mysql":
			return "'" + x.UTC().Format("2006-01-02 15:04:05.000") + "'"
		}
		return "'" + x.Format(time.RFC3339Nano) + "'"
	case []byte:
		if flavor == "postgres" {
			return `'\x` + hex.EncodeToString(x) + `'::bytea`
		}
		return "X'" + hex.EncodeToString(x) + "'"
	}
	return fmt.Sprint(v)
}
