package schemadump

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

func pgIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// pgSession makes the text forms deterministic and leaves the dumped schema's
// name out of everything PostgreSQL prints for objects in the search path.
var pgSession = []string{
	"SET TIME ZONE 'UTC'",
	"SET DateStyle TO 'ISO, MDY'",
	"SET IntervalStyle TO 'postgres'",
	"SET bytea_output TO 'hex'",
	"SET extra_float_digits TO 1",
}

// dumpPostgres writes, for one schema: extensions, enum types, tables (with
// comment, columns, constraints, indexes, triggers), views, sequences and
// functions, each sorted by name; then the rows of every table.
func dumpPostgres(ctx context.Context, conn *sql.Conn, schema string, w *writer) (err error) {
	var nsOID int64
	var quoted string
	err = conn.QueryRowContext(ctx, `SELECT oid, quote_ident(nspname) FROM pg_namespace WHERE nspname = $1`, schema).Scan(&nsOID, &quoted)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("schema %q does not exist", schema)
	}
	if err != nil {
		return err
	}
	for _, s := range append(pgSession, "SET search_path TO "+pgIdent(schema)) {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	defer func() {
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), "RESET ALL"); rerr != nil && err == nil {
			err = rerr
		}
	}()
	// pg_get_indexdef, pg_get_triggerdef and pg_get_functiondef always
	// qualify the object they are on; drop the dumped schema's name there.
	unqualify := strings.NewReplacer(
		" ON "+quoted+".", " ON ",
		" ON ONLY "+quoted+".", " ON ONLY ",
		"FUNCTION "+quoted+".", "FUNCTION ",
		"PROCEDURE "+quoted+".", "PROCEDURE ",
	)

	exts, err := queryStrings(ctx, conn, `SELECT extname FROM pg_extension WHERE extnamespace = $1 ORDER BY extname COLLATE "C"`, nsOID)
	if err != nil {
		return err
	}
	for _, e := range exts {
		w.line(0, "extension %s", name(*e[0]))
	}

	enums, err := queryStrings(ctx, conn, `
		SELECT t.typname, string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
		FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
		WHERE t.typnamespace = $1
		GROUP BY t.typname ORDER BY t.typname COLLATE "C"`, nsOID)
	if err != nil {
		return err
	}
	for _, e := range enums {
		w.line(0, "enum %s (%s)", name(*e[0]), *e[1])
	}

	rels, err := queryStrings(ctx, conn, `
		SELECT c.oid::text, c.relname, c.relkind::text, obj_description(c.oid, 'pg_class'),
			CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END
		FROM pg_class c
		WHERE c.relnamespace = $1 AND c.relkind IN ('r', 'p', 'f', 'v', 'm')
		ORDER BY c.relkind IN ('v', 'm'), c.relname COLLATE "C"`, nsOID)
	if err != nil {
		return err
	}
	var tables []pgTable
	for _, r := range rels {
		oid, relName, kind, comment, viewDef := *r[0], *r[1], *r[2], r[3], r[4]
		switch kind {
		case "v", "m":
			word := "view"
			if kind == "m" {
				word = "materialized view"
			}
			w.line(0, "%s %s", word, name(relName))
			if comment != nil {
				w.line(2, "comment %s", lit(*comment))
			}
			w.block(2, str(viewDef))
			continue
		}
		t, err := dumpPgTable(ctx, conn, oid, relName, comment, unqualify, w)
		if err != nil {
			return fmt.Errorf("table %s: %w", relName, err)
		}
		tables = append(tables, t)
	}

	seqs, err := queryStrings(ctx, conn, `
		SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart::text, s.seqincrement::text,
			s.seqmin::text, s.seqmax::text, s.seqcache::text, s.seqcycle::text,
			(SELECT quote_ident(tc.relname) || '.' || quote_ident(a.attname)
			 FROM pg_depend d
			 JOIN pg_class tc ON tc.oid = d.refobjid
			 JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
			 WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			   AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
			 LIMIT 1),
			ps.last_value::text
		FROM pg_sequence s
		JOIN pg_class c ON c.oid = s.seqrelid
		LEFT JOIN pg_sequences ps ON ps.schemaname = $2 AND ps.sequencename = c.relname
		WHERE c.relnamespace = $1
		ORDER BY c.relname COLLATE "C"`, nsOID, schema)
	if err != nil {
		return err
	}
	for _, s := range seqs {
		cycle := "no cycle"
		if str(s[7]) == "true" {
			cycle = "cycle"
		}
		owned := ""
		if s[8] != nil {
			owned = " owned by " + *s[8]
		}
		last := "none"
		if s[9] != nil {
			last = *s[9]
		}
		w.line(0, "sequence %s %s start %s increment %s min %s max %s cache %s %s%s last_value %s",
			name(*s[0]), *s[1], *s[2], *s[3], *s[4], *s[5], *s[6], cycle, owned, last)
	}

	funcs, err := queryStrings(ctx, conn, `
		SELECT p.oid::regprocedure::text, pg_get_functiondef(p.oid)
		FROM pg_proc p
		WHERE p.pronamespace = $1 AND p.prokind IN ('f', 'p')
		  AND NOT EXISTS (SELECT 1 FROM pg_depend d
		                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
		ORDER BY p.oid::regprocedure::text COLLATE "C"`, nsOID)
	if err != nil {
		return err
	}
	for _, f := range funcs {
		w.line(0, "function %s", *f[0])
		w.block(2, unqualify.Replace(*f[1]))
	}

	for _, t := range tables {
		w.WriteByte('\n')
		if err := dumpPgRows(ctx, conn, schema, t, w); err != nil {
			return fmt.Errorf("rows of %s: %w", t.name, err)
		}
	}
	return nil
}

type pgColumn struct {
	name, typeName, category string
}

type pgTable struct {
	name    string
	columns []pgColumn
}

func dumpPgTable(ctx context.Context, conn *sql.Conn, oid, relName string, comment *string, unqualify *strings.Replacer, w *writer) (pgTable, error) {
	t := pgTable{name: relName}
	w.line(0, "table %s", name(relName))
	if comment != nil {
		w.line(2, "comment %s", lit(*comment))
	}
	cols, err := queryStrings(ctx, conn, `
		SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::text,
			pg_get_expr(d.adbin, d.adrelid), col_description(a.attrelid, a.attnum),
			a.attidentity::text, a.attgenerated::text,
			CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END,
			t.typcategory::text, t.typname
		FROM pg_attribute a
		JOIN pg_type t ON t.oid = a.atttypid
		LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
		LEFT JOIN pg_collation co ON co.oid = a.attcollation
		WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped
		ORDER BY a.attnum`, oid)
	if err != nil {
		return t, err
	}
	for _, c := range cols {
		var b strings.Builder
		fmt.Fprintf(&b, "column %s %s", name(*c[0]), *c[1])
		if coll := c[7]; coll != nil {
			fmt.Fprintf(&b, " collate %s", name(*coll))
		}
		if str(c[2]) == "true" {
			b.WriteString(" not null")
		}
		switch str(c[5]) {
		case "a":
			b.WriteString(" generated always as identity")
		case "d":
			b.WriteString(" generated by default as identity")
		}
		if def := c[3]; def != nil {
			if str(c[6]) == "s" {
				fmt.Fprintf(&b, " generated always as (%s) stored", *def)
			} else {
				fmt.Fprintf(&b, " default %s", *def)
			}
		}
		if cm := c[4]; cm != nil {
			fmt.Fprintf(&b, " comment %s", lit(*cm))
		}
		w.line(2, "%s", b.String())
		t.columns = append(t.columns, pgColumn{name: *c[0], typeName: *c[9], category: *c[8]})
	}
	// NOT NULL constraints (contype 'n', PostgreSQL 18+) are shown on columns.
	cons, err := queryStrings(ctx, conn, `
		SELECT conname, pg_get_constraintdef(oid, true) FROM pg_constraint
		WHERE conrelid = $1::oid AND contype <> 'n' ORDER BY conname COLLATE "C"`, oid)
	if err != nil {
		return t, err
	}
	for _, c := range cons {
		w.line(2, "constraint %s %s", name(*c[0]), *c[1])
	}
	idx, err := queryStrings(ctx, conn, `
		SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
		WHERE x.indrelid = $1::oid ORDER BY i.relname COLLATE "C"`, oid)
	if err != nil {
		return t, err
	}
	for _, i := range idx {
		w.line(2, "index %s %s", name(*i[0]), unqualify.Replace(*i[1]))
	}
	trg, err := queryStrings(ctx, conn, `
		SELECT tgname, pg_get_triggerdef(oid, true) FROM pg_trigger
		WHERE tgrelid = $1::oid AND NOT tgisinternal ORDER BY tgname COLLATE "C"`, oid)
	if err != nil {
		return t, err
	}
	for _, tr := range trg {
		w.line(2, "trigger %s %s", name(*tr[0]), unqualify.Replace(*tr[1]))
	}
	return t, nil
}

// dumpPgRows writes a table's rows. Values are PostgreSQL's text output:
// numbers and booleans bare, bytea as x'…', everything else quoted. Rows are
// ordered by every column: numbers, booleans and date/times by value, other
// types by their text in byte order (json has no ordering of its own).
func dumpPgRows(ctx context.Context, conn *sql.Conn, schema string, t pgTable, w *writer) error {
	cols := make([]string, len(t.columns))
	sel := make([]string, len(t.columns))
	order := make([]string, len(t.columns))
	for i, c := range t.columns {
		cols[i] = c.name
		q := pgIdent(c.name)
		sel[i] = q + "::text"
		switch c.category {
		case "N", "B", "D":
			order[i] = q
		default:
			order[i] = q + `::text COLLATE "C"`
		}
	}
	query := "SELECT " + strings.Join(sel, ", ") + " FROM " + pgIdent(schema) + "." + pgIdent(t.name)
	if len(order) > 0 {
		query += " ORDER BY " + strings.Join(order, ", ")
	}
	rows, err := queryStrings(ctx, conn, query)
	if err != nil {
		return err
	}
	w.rowsHeader(t.name, cols, len(rows))
	for _, r := range rows {
		vals := make([]string, len(r))
		for i, v := range r {
			c := t.columns[i]
			switch {
			case v == nil:
				vals[i] = "null"
			case c.category == "N" || c.category == "B":
				vals[i] = *v
			case c.typeName == "bytea" && strings.HasPrefix(*v, `\x`):
				b, err := hex.DecodeString((*v)[2:])
				if err != nil {
					return err
				}
				vals[i] = hexLit(b)
			default:
				vals[i] = lit(*v)
			}
		}
		w.line(2, "%s", strings.Join(vals, ", "))
	}
	return nil
}
