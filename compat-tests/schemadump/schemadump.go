package schemadump

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Options selects what to dump.
type Options struct {
	// Schema is the PostgreSQL schema to dump (default "public"). Its name
	// is left out of the dump, so a dump of a test schema equals a dump of
	// public with the same objects.
	Schema string
	// Database is the MySQL/MariaDB database to dump (default: the
	// connection's current database, SELECT DATABASE()).
	Database string
}

// Dump returns the normalized schema and data of the database db is
// connected to, for dialect "sqlite", "postgres", "mysql" or "mariadb" (the
// last two dump the same way). The text is deterministic: objects sorted by
// name (byte order), rows sorted by all their columns. It ends with a newline.
//
// Dump holds one connection of db for its duration and sets session options on
// it (postgres: search_path, TimeZone and output styles; mysql: time_zone),
// resetting them before giving the connection back.
func Dump(ctx context.Context, db *sql.DB, dialect string, opts Options) (string, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return "", fmt.Errorf("schemadump: %s: %w", dialect, err)
	}
	defer conn.Close()
	var w writer
	switch dialect {
	case "sqlite":
		err = dumpSQLite(ctx, conn, &w)
	case "postgres":
		schema := opts.Schema
		if schema == "" {
			schema = "public"
		}
		err = dumpPostgres(ctx, conn, schema, &w)
	case "mysql", "mariadb":
		err = dumpMySQL(ctx, conn, opts.Database, &w)
	default:
		return "", fmt.Errorf("schemadump: unknown dialect %q", dialect)
	}
	if err != nil {
		return "", fmt.Errorf("schemadump: %s: %w", dialect, err)
	}
	return w.String(), nil
}

// writer builds the dump text.
type writer struct {
	strings.Builder
}

// line writes one line: indent spaces, then the formatted text.
func (w *writer) line(indent int, format string, args ...any) {
	w.WriteString(strings.Repeat(" ", indent))
	fmt.Fprintf(w, format, args...)
	w.WriteByte('\n')
}

// block writes text (SQL, possibly spanning lines) with every non-empty line
// indented.
func (w *writer) block(indent int, text string) {
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if strings.TrimSpace(l) == "" {
			w.WriteByte('\n')
			continue
		}
		w.WriteString(strings.Repeat(" ", indent))
		w.WriteString(strings.TrimRight(l, " \t\r"))
		w.WriteByte('\n')
	}
}

// name renders an object name in the dump: double-quoted, inner quotes doubled.
func name(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// names renders a list of names: ("a", "b").
func names(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = name(s)
	}
	return "(" + strings.Join(q, ", ") + ")"
}

// lit renders a text value as a SQL string literal: 'it”s'. A value holding
// control characters is written as an escape string instead, so that every
// row stays on one line: e'a\nb' (\\ for a backslash, \' for a quote, \n, \r,
// \t, and \xHH for other control characters).
func lit(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			plain = false
			break
		}
	}
	if plain {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	var b strings.Builder
	b.WriteString("e'")
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\'':
			b.WriteString(`\'`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// hexLit renders bytes as x'00ff'.
func hexLit(b []byte) string {
	return fmt.Sprintf("x'%x'", b)
}

// rowsHeader writes the line that opens a table's rows.
func (w *writer) rowsHeader(table string, columns []string, count int) {
	w.line(0, "rows %s %s: %d", name(table), names(columns), count)
}

// queryStrings runs a query whose columns are all text (or NULL) and returns
// its rows; NULL becomes nil.
func queryStrings(ctx context.Context, conn *sql.Conn, query string, args ...any) ([][]*string, error) {
	rows, err := conn.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%w\nquery: %s", err, query)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out [][]*string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]*string, len(cols))
		for i, v := range vals {
			if v.Valid {
				row[i] = &v.String
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%w\nquery: %s", err, query)
	}
	return out, nil
}

// str dereferences a nullable string ("" for NULL).
func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
