package schemadump

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// sqliteTypeOrder is the order object kinds appear in: what holds data first.
var sqliteTypeOrder = []string{"table", "view", "index", "trigger"}

func sqliteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// dumpSQLite writes every sqlite_master entry (type, name, tbl_name and the
// sql text verbatim; sqlite_sequence's own entry is left out) sorted by type
// then name, then the rows of every table, sqlite_sequence included.
func dumpSQLite(ctx context.Context, conn *sql.Conn, w *writer) error {
	entries, err := queryStrings(ctx, conn,
		`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name <> 'sqlite_sequence'`)
	if err != nil {
		return err
	}
	rank := func(t string) int {
		if i := slices.Index(sqliteTypeOrder, t); i >= 0 {
			return i
		}
		return len(sqliteTypeOrder)
	}
	slices.SortFunc(entries, func(a, b []*string) int {
		if ra, rb := rank(*a[0]), rank(*b[0]); ra != rb {
			return ra - rb
		}
		if c := strings.Compare(*a[0], *b[0]); c != 0 {
			return c
		}
		return strings.Compare(*a[1], *b[1])
	})
	var tables []string
	for _, e := range entries {
		typ, objName, tblName, text := *e[0], *e[1], *e[2], e[3]
		if typ == "table" {
			tables = append(tables, objName)
		}
		if tblName == objName {
			w.line(0, "%s %s", typ, name(objName))
		} else {
			w.line(0, "%s %s on %s", typ, name(objName), name(tblName))
		}
		if text == nil {
			w.line(2, "(no sql: created by SQLite)")
		} else {
			w.block(2, *text)
		}
	}
	var hasSeq int
	if err := conn.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'`).Scan(&hasSeq); err != nil {
		return err
	}
	if hasSeq > 0 {
		tables = append(tables, "sqlite_sequence")
		slices.Sort(tables)
	}
	for _, t := range tables {
		w.WriteByte('\n')
		if err := dumpSQLiteRows(ctx, conn, t, w); err != nil {
			return fmt.Errorf("rows of %s: %w", t, err)
		}
	}
	return nil
}

// dumpSQLiteRows writes a table's rows, each value with its storage class:
// null, integer 1, real 1.5, text 'x', blob x'00ff'.
func dumpSQLiteRows(ctx context.Context, conn *sql.Conn, table string, w *writer) error {
	info, err := queryStrings(ctx, conn, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return err
	}
	if len(info) == 0 {
		// A virtual table or similar: nothing to read column by column.
		w.line(0, "rows %s: not readable", name(table))
		return nil
	}
	cols := make([]string, len(info))
	sel := make([]string, 0, 2*len(info))
	order := make([]string, len(info))
	for i, r := range info {
		cols[i] = *r[0]
		c := sqliteIdent(cols[i])
		sel = append(sel, "typeof("+c+")",
			"CASE typeof("+c+") WHEN 'blob' THEN hex("+c+") WHEN 'text' THEN "+c+" ELSE quote("+c+") END")
		order[i] = c + " COLLATE BINARY"
	}
	rows, err := queryStrings(ctx, conn, "SELECT "+strings.Join(sel, ", ")+" FROM "+sqliteIdent(table)+
		" ORDER BY "+strings.Join(order, ", "))
	if err != nil {
		return err
	}
	w.rowsHeader(table, cols, len(rows))
	for _, r := range rows {
		vals := make([]string, len(cols))
		for i := range cols {
			typ, v := str(r[2*i]), str(r[2*i+1])
			switch typ {
			case "null":
				vals[i] = "null"
			case "text":
				vals[i] = "text " + lit(v)
			case "blob":
				b, err := hex.DecodeString(v)
				if err != nil {
					return err
				}
				vals[i] = "blob " + hexLit(b)
			default: // integer, real: quote() gives SQLite's own spelling
				vals[i] = typ + " " + v
			}
		}
		w.line(2, "%s", strings.Join(vals, ", "))
	}
	return nil
}
