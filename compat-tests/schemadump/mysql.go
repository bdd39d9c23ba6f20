package schemadump

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

func myIdent(s string) string {
	return "`" + strings.ReplaceAll(s, "`", "``") + "`"
}

var (
	// autoIncrementOption is the AUTO_INCREMENT=n table option of SHOW CREATE
	// TABLE (the next id, not part of the schema a migration writes).
	autoIncrementOption = regexp.MustCompile(` AUTO_INCREMENT=\d+`)
	// definerClause is the DEFINER=`user`@`host` of views, triggers and routines.
	definerClause = regexp.MustCompile(" DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`")
)

// Numeric column types (values written bare, rows ordered by value) and
// binary ones (values written as x'…').
var (
	myNumeric = []string{"tinyint", "smallint", "mediumint", "int", "integer", "bigint",
		"decimal", "numeric", "float", "double", "real", "year"}
	myBinary = []string{"binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "bit",
		"geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
		"multipolygon", "geometrycollection"}
)

// dumpMySQL writes, for one database: every table as SHOW CREATE TABLE
// (without the AUTO_INCREMENT=n option), views, triggers and routines (without
// DEFINER and without the database name), sorted by name; then the rows of
// every table.
func dumpMySQL(ctx context.Context, conn *sql.Conn, database string, w *writer) (err error) {
	if database == "" {
		var cur sql.NullString
		if err := conn.QueryRowContext(ctx, "SELECT DATABASE()").Scan(&cur); err != nil {
			return err
		}
		if !cur.Valid {
			return errors.New("the connection has no current database; name one in Options.Database")
		}
		database = cur.String
	}
	if _, err := conn.ExecContext(ctx, "SET time_zone = '+00:00'"); err != nil {
		return err
	}
	defer func() {
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), "SET time_zone = DEFAULT"); rerr != nil && err == nil {
			err = rerr
		}
	}()
	unqualify := strings.NewReplacer(myIdent(database)+".", "")

	objs, err := queryStrings(ctx, conn,
		"SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", database)
	if err != nil {
		return err
	}
	slices.SortFunc(objs, func(a, b []*string) int {
		av, bv := *a[1] == "VIEW", *b[1] == "VIEW"
		if av != bv {
			if av {
				return 1
			}
			return -1
		}
		return strings.Compare(*a[0], *b[0])
	})
	var tables []string
	for _, o := range objs {
		objName, typ := *o[0], *o[1]
		qualified := myIdent(database) + "." + myIdent(objName)
		if typ == "VIEW" {
			text, err := showCreate(ctx, conn, "SHOW CREATE VIEW "+qualified, "Create View")
			if err != nil {
				return err
			}
			w.line(0, "view %s", name(objName))
			w.block(2, unqualify.Replace(definerClause.ReplaceAllString(text, "")))
			continue
		}
		text, err := showCreate(ctx, conn, "SHOW CREATE TABLE "+qualified, "Create Table")
		if err != nil {
			return err
		}
		tables = append(tables, objName)
		w.line(0, "table %s", name(objName))
		w.block(2, autoIncrementOption.ReplaceAllString(text, ""))
	}

	trg, err := queryStrings(ctx, conn, `SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, EVENT_OBJECT_TABLE,
		ACTION_ORIENTATION, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?`, database)
	if err != nil {
		return err
	}
	slices.SortFunc(trg, func(a, b []*string) int { return strings.Compare(*a[0], *b[0]) })
	for _, t := range trg {
		w.line(0, "trigger %s %s %s on %s for each %s", name(*t[0]), *t[1], *t[2], name(*t[3]), strings.ToLower(str(t[4])))
		w.block(2, unqualify.Replace(str(t[5])))
	}

	routines, err := queryStrings(ctx, conn,
		"SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?", database)
	if err != nil {
		return err
	}
	slices.SortFunc(routines, func(a, b []*string) int {
		if c := strings.Compare(*a[1], *b[1]); c != 0 {
			return c
		}
		return strings.Compare(*a[0], *b[0])
	})
	for _, r := range routines {
		kind := *r[1] // FUNCTION or PROCEDURE
		column := "Create Function"
		if kind == "PROCEDURE" {
			column = "Create Procedure"
		}
		text, err := showCreate(ctx, conn, "SHOW CREATE "+kind+" "+myIdent(database)+"."+myIdent(*r[0]), column)
		if err != nil {
			return err
		}
		w.line(0, "%s %s", strings.ToLower(kind), name(*r[0]))
		w.block(2, unqualify.Replace(definerClause.ReplaceAllString(text, "")))
	}

	for _, t := range tables {
		w.WriteByte('\n')
		if err := dumpMySQLRows(ctx, conn, database, t, w); err != nil {
			return fmt.Errorf("rows of %s: %w", t, err)
		}
	}
	return nil
}

// showCreate runs a SHOW CREATE statement and returns the named column.
func showCreate(ctx context.Context, conn *sql.Conn, query, column string) (string, error) {
	rows, err := conn.QueryContext(ctx, query)
	if err != nil {
		return "", fmt.Errorf("%s: %w", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	at := slices.Index(cols, column)
	if at < 0 {
		return "", fmt.Errorf("%s: no column %q in %v", query, column, cols)
	}
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return "", fmt.Errorf("%s: %w", query, err)
		}
		return "", fmt.Errorf("%s: no row", query)
	}
	vals := make([]sql.NullString, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return "", err
	}
	if !vals[at].Valid {
		return "", fmt.Errorf("%s: %q is NULL (missing privileges?)", query, column)
	}
	return vals[at].String, rows.Close()
}

// dumpMySQLRows writes a table's rows: numbers bare, binary values as x'…',
// everything else quoted. Rows are ordered by every column: numbers by value,
// the rest by their bytes (so case-insensitive collations cannot leave ties).
func dumpMySQLRows(ctx context.Context, conn *sql.Conn, database, table string, w *writer) error {
	info, err := queryStrings(ctx, conn, `SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS
		WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`, database, table)
	if err != nil {
		return err
	}
	cols := make([]string, len(info))
	types := make([]string, len(info))
	sel := make([]string, len(info))
	order := make([]string, len(info))
	for i, r := range info {
		cols[i], types[i] = *r[0], strings.ToLower(*r[1])
		q := myIdent(cols[i])
		sel[i] = q
		if slices.Contains(myNumeric, types[i]) {
			order[i] = q
		} else {
			order[i] = "CAST(" + q + " AS BINARY)"
		}
	}
	rows, err := queryStrings(ctx, conn, "SELECT "+strings.Join(sel, ", ")+" FROM "+
		myIdent(database)+"."+myIdent(table)+" ORDER BY "+strings.Join(order, ", "))
	if err != nil {
		return err
	}
	w.rowsHeader(table, cols, len(rows))
	for _, r := range rows {
		vals := make([]string, len(r))
		for i, v := range r {
			switch {
			case v == nil:
				vals[i] = "null"
			case slices.Contains(myNumeric, types[i]):
				vals[i] = *v
			case slices.Contains(myBinary, types[i]):
				vals[i] = hexLit([]byte(*v))
			default:
				vals[i] = lit(*v)
			}
		}
		w.line(2, "%s", strings.Join(vals, ", "))
	}
	return nil
}
