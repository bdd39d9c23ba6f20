package sqlgen

import (
	"strings"
	"time"

	"github.com/sqzjs/sqzjs/dialect"
)

// Flavor is what a dialect tells the shared renderers about itself: the
// `supports` table of its Sequelize dialect plus the few hooks where its
// query generator overrides the abstract one.
type Flavor struct {
	Name dialect.Name
	// Tick is the identifier quote character.
	Tick byte
	// Schemas: the dialect has real schemas, so a table object renders as
	// two identifiers ("s"."t") instead of one (`s.t`).
	Schemas bool
	// BackslashEscapes: string literals escape \0 \n \r \b \t \\ ' " \x1a
	// with backslashes (MySQL) instead of doubling quotes.
	BackslashEscapes bool
	// BooleanAsInt renders booleans as 1/0 (SQLite).
	BooleanAsInt bool
	// Timezone is the configured Sequelize timezone ("+00:00" by default).
	Timezone string

	// Operators overrides entries of the shared operator map (MySQL and
	// SQLite render Op.regexp as REGEXP).
	Operators map[string]string

	// Index support (Sequelize's supports.index).
	IndexCollate, IndexLength, IndexParser, IndexType, IndexOperator, IndexWhere, IndexConcurrently bool
	// IndexUsing: 0 no USING, 1 before ON (MySQL), 2 after the table (Postgres).
	IndexUsing int
	// IndexViaAlter: ALTER TABLE t ADD INDEX (MySQL) instead of CREATE INDEX.
	IndexViaAlter bool

	// Inserts.
	IgnoreDuplicates    string // " OR IGNORE", " IGNORE"
	OnConflictDoNothing string // " ON CONFLICT DO NOTHING"
	UpdateOnDuplicate   string // " ON CONFLICT DO UPDATE SET", " ON DUPLICATE KEY UPDATE"
	BulkDefault         bool   // DEFAULT for null auto-increment values in bulk inserts
	ReturnValues        bool   // RETURNING
	DefaultKeyword      bool   // supports DEFAULT in VALUES
	DefaultValues       string // " DEFAULT VALUES" or " VALUES ()" for an empty insert

	// FormatDate renders a Date for an SQL literal (before quoting). typ is
	// the attribute's type when the value is escaped with one (MySQL keeps
	// milliseconds only for DATE(n)); tz "" means the process time zone.
	FormatDate func(t time.Time, tz string, typ *dialect.DataType) (string, error)
	// DeferrableConstraints: the dialect renders a constraint's deferrable
	// option (Postgres); elsewhere Sequelize appends "undefined".
	DeferrableConstraints bool
	// Cast adjusts a Sequelize.cast type (MySQL/SQLite map timestamp to
	// datetime).
	CastType func(string) string

	// InlineValues makes Insert and Update escape their values into the
	// SQL instead of binding them (Sequelize's bindParam: false, which
	// Postgres's prependSearchPath forces).
	InlineValues bool

	// EscapeTyped, when set, renders a value with a dialect's own
	// DataType.stringify (Postgres ARRAY, RANGE, HSTORE…) before the shared
	// typed escaping is tried; handled reports whether it did.
	EscapeTyped func(f Flavor, v any, t *dialect.DataType) (sql string, handled bool, err error)
	// FormatTyped, when set, renders a bound value with a dialect's own
	// DataType.bindParam, which may wrap the placeholder (Postgres RANGE
	// casts it); bind adds a value and returns its placeholder. handled
	// reports whether it did.
	FormatTyped func(f Flavor, v any, t *dialect.DataType, bind func(any) string) (sql string, handled bool, err error)
}

var baseOperators = map[string]string{
	"eq": "=", "ne": "!=", "gte": ">=", "gt": ">", "lte": "<=", "lt": "<",
	"not": "IS NOT", "is": "IS", "in": "IN", "notIn": "NOT IN",
	"like": "LIKE", "notLike": "NOT LIKE", "iLike": "ILIKE", "notILike": "NOT ILIKE",
	"startsWith": "LIKE", "endsWith": "LIKE", "substring": "LIKE",
	"regexp": "~", "notRegexp": "!~", "iRegexp": "~*", "notIRegexp": "!~*",
	"between": "BETWEEN", "notBetween": "NOT BETWEEN",
	"overlap": "&&", "contains": "@>", "contained": "<@", "adjacent": "-|-",
	"strictLeft": "<<", "strictRight": ">>", "noExtendRight": "&<", "noExtendLeft": "&>",
	"any": "ANY", "all": "ALL", "and": " AND ", "or": " OR ", "col": "COL",
	"placeholder": "$$PLACEHOLDER$$", "match": "@@",
}

// Operator returns the SQL for an operator name, and whether it exists.
func (f Flavor) Operator(op string) (string, bool) {
	if s, ok := f.Operators[op]; ok {
		return s, true
	}
	s, ok := baseOperators[op]
	return s, ok
}

func (f Flavor) op(op string) string { s, _ := f.Operator(op); return s }

// QuoteIdentifier quotes one identifier; inner quote characters are removed,
// not doubled, as Sequelize does. "*" is never quoted.
func (f Flavor) QuoteIdentifier(id string) string {
	if id == "*" {
		return id
	}
	t := string(f.Tick)
	return t + strings.ReplaceAll(id, t, "") + t
}

// QuoteIdentifiers quotes a dotted name: "a.b.c" becomes "a->b"."c".
func (f Flavor) QuoteIdentifiers(ids string) string {
	if strings.Contains(ids, ".") {
		parts := strings.Split(ids, ".")
		head := strings.Join(parts[:len(parts)-1], "->")
		return f.QuoteIdentifier(head) + "." + f.QuoteIdentifier(parts[len(parts)-1])
	}
	return f.QuoteIdentifier(ids)
}

// QuoteTable quotes a table reference as queryGenerator.quoteTable does.
func (f Flavor) QuoteTable(t dialect.TableRef) string {
	if !t.Object && t.Schema == "" {
		return f.QuoteIdentifier(t.Name)
	}
	if f.Schemas {
		s := ""
		if t.Schema != "" {
			s = f.QuoteIdentifier(t.Schema) + "."
		}
		return s + f.QuoteIdentifier(t.Name)
	}
	name := t.Name
	if t.Schema != "" {
		d := t.Delimiter
		if d == "" {
			d = "."
		}
		name = t.Schema + d + name
	}
	return f.QuoteIdentifier(name)
}

// QuoteTableAs quotes a table with an alias: `t` AS `alias`.
func (f Flavor) QuoteTableAs(t dialect.TableRef, alias string) string {
	return f.QuoteTable(t) + " AS " + f.QuoteIdentifier(alias)
}

// QuoteTableForStringOps quotes a table the way addIndex, addConstraint and
// removeConstraint do: a string goes through quoteIdentifiers (dots split),
// an object through quoteTable.
func (f Flavor) QuoteTableForStringOps(t dialect.TableRef) string {
	if !t.Object && t.Schema == "" {
		return f.QuoteIdentifiers(t.Name)
	}
	return f.QuoteTable(t)
}

// JoinFragments joins SQL fragments with single spaces, skipping empty ones,
// with no space before ; , ) and none after ( (Utils.joinSQLFragments).
func JoinFragments(parts ...string) string {
	var b strings.Builder
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	b.Grow(n) // one allocation, even for a bulkInsert's megabytes of VALUES
	skipLeading := true
	for _, p := range parts {
		if p == "" {
			continue
		}
		tp := strings.TrimSpace(p)
		if skipLeading || strings.HasPrefix(p, ";") || strings.HasPrefix(p, ",") || strings.HasPrefix(p, ")") {
			b.WriteString(tp)
		} else {
			b.WriteString(" ")
			b.WriteString(tp)
		}
		skipLeading = strings.HasSuffix(p, "(")
	}
	return b.String()
}
