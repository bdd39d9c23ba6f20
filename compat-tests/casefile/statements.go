package casefile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Statement is one SQL statement of a run, in execution order.
type Statement struct {
	// SQL is the statement text exactly as Sequelize produced it (UUIDs
	// masked, see [MaskUUIDs]); it may span several lines.
	SQL string `json:"sql"`
	// Bind holds the statement's bind parameters (options.bind of the
	// query, encoded by compat-tests/oracle/serialize.js) as compact JSON; nil
	// when the statement had none.
	Bind json.RawMessage `json:"bind"`
	// Unlogged marks a statement Sequelize sent to the driver without logging
	// it: connection set-up (postgres SET client_min_messages/TIME ZONE and the
	// type-OID query, mysql/mariadb SET time_zone, sqlite PRAGMA FOREIGN_KEYS)
	// and sqlite's PRAGMA table_info before some SELECTs.
	Unlogged bool `json:"unlogged,omitempty"`
}

// Line prefixes of the statement format.
const (
	prefixLogged   = "> "
	prefixUnlogged = "! "
	prefixCont     = "| "
	prefixBind     = "= "
)

// FormatStatements renders statements one after another: the first line of
// each with "> " (or "! " when Unlogged), every further line of its SQL with
// "| ", then, if it has bind parameters, one line "= <compact JSON>". An empty
// line of SQL is written as the bare prefix character. Example:
//
//	> CREATE TABLE IF NOT EXISTS "t" ("id"   SERIAL , PRIMARY KEY ("id"));
//	! SET client_min_messages TO warning;SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE;
//	> SELECT 1
//	| FROM "t"
//	> UPDATE "t" SET "name"=$1 WHERE "id" = $2
//	= ["z",1]
func FormatStatements(stmts []Statement) string {
	var b strings.Builder
	line := func(prefix, text string) {
		if text == "" {
			b.WriteString(strings.TrimSuffix(prefix, " "))
		} else {
			b.WriteString(prefix)
			b.WriteString(text)
		}
		b.WriteByte('\n')
	}
	for _, st := range stmts {
		first := prefixLogged
		if st.Unlogged {
			first = prefixUnlogged
		}
		for i, l := range strings.Split(st.SQL, "\n") {
			if i == 0 {
				line(first, l)
			} else {
				line(prefixCont, l)
			}
		}
		if st.Bind != nil {
			var c bytes.Buffer
			if err := json.Compact(&c, st.Bind); err != nil {
				// Not JSON: write it as is so the mistake shows in the diff
				// and fails ParseStatements.
				c.Reset()
				c.Write(st.Bind)
			}
			line(prefixBind, c.String())
		}
	}
	return b.String()
}

// StatementError is returned by [ParseStatements]; Line counts from 1 in the
// text given.
type StatementError struct {
	Line int
	Msg  string
}

func (e *StatementError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// ParseStatements parses text written by [FormatStatements]. Bind JSON is
// validated and compacted. Any other line, a continuation or bind line
// without a statement, a second bind line, or a bind line of null is a
// [*StatementError].
func ParseStatements(text string) ([]Statement, error) {
	stmts := []Statement{}
	if text == "" {
		return stmts, nil
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	var cur *Statement
	cut := func(l, prefix string) (string, bool) {
		if l == strings.TrimSuffix(prefix, " ") {
			return "", true
		}
		return strings.CutPrefix(l, prefix)
	}
	for i, l := range lines {
		n := i + 1
		if rest, ok := cut(l, prefixLogged); ok {
			stmts = append(stmts, Statement{SQL: rest})
			cur = &stmts[len(stmts)-1]
			continue
		}
		if rest, ok := cut(l, prefixUnlogged); ok {
			stmts = append(stmts, Statement{SQL: rest, Unlogged: true})
			cur = &stmts[len(stmts)-1]
			continue
		}
		if rest, ok := cut(l, prefixCont); ok {
			if cur == nil {
				return nil, &StatementError{n, "continuation line before any statement"}
			}
			if cur.Bind != nil {
				return nil, &StatementError{n, "continuation line after the statement's bind line"}
			}
			cur.SQL += "\n" + rest
			continue
		}
		if rest, ok := strings.CutPrefix(l, prefixBind); ok {
			if cur == nil {
				return nil, &StatementError{n, "bind line before any statement"}
			}
			if cur.Bind != nil {
				return nil, &StatementError{n, "second bind line for one statement"}
			}
			var c bytes.Buffer
			if err := json.Compact(&c, []byte(rest)); err != nil {
				return nil, &StatementError{n, fmt.Sprintf("bind is not JSON: %v", err)}
			}
			if c.String() == "null" {
				return nil, &StatementError{n, "bind line holds null (leave the line out instead)"}
			}
			cur.Bind = c.Bytes()
			continue
		}
		return nil, &StatementError{n, fmt.Sprintf(`want a line starting with "> ", "! ", "| " or "= ", got %q`, l)}
	}
	return stmts, nil
}
