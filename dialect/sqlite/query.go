package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
)

// Query types (Sequelize's QueryTypes).
const (
	typeRaw             = "RAW"
	typeSelect          = "SELECT"
	typeInsert          = "INSERT"
	typeUpdate          = "UPDATE"
	typeBulkUpdate      = "BULKUPDATE"
	typeBulkDelete      = "BULKDELETE"
	typeDelete          = "DELETE"
	typeUpsert          = "UPSERT"
	typeVersion         = "VERSION"
	typeShowTables      = "SHOWTABLES"
	typeShowIndexes     = "SHOWINDEXES"
	typeDescribe        = "DESCRIBE"
	typeForeignKeys     = "FOREIGNKEYS"
	typeShowConstraints = "SHOWCONSTRAINTS"
)

// qopts are the sequelize.query options that change how a statement runs or
// what it resolves with.
type qopts struct {
	Type  string // "" means RAW
	Bind  any    // []any or *dialect.Object
	Plain bool
	Nest  bool
}

// statement is node-sqlite3's Statement object as Sequelize returns it in
// metadata: empty for queries read with all(), { lastID, changes } after
// run().
func statement(run bool, res dialect.ExecResult) *dialect.Object {
	o := &dialect.Object{Class: "Statement"}
	if run {
		o.Set(dialect.Key{Name: "lastID"}, float64(res.LastInsertID))
		o.Set(dialect.Key{Name: "changes"}, float64(res.RowsAffected))
	}
	return o
}

// rowObjects converts driver rows into plain objects as node-sqlite3 gives
// them: numbers, strings, Buffers and null; a later duplicate column name
// wins.
func rowObjects(r *dialect.Rows) []any {
	out := make([]any, 0, len(r.Values))
	for _, vals := range r.Values {
		o := &dialect.Object{}
		for i, c := range r.Columns {
			o.Set(dialect.Key{Name: c}, jsValue(vals[i]))
		}
		out = append(out, o)
	}
	return out
}

func jsValue(v any) any {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case int:
		return float64(x)
	}
	return v
}

// query runs sql as Sequelize's SQLite Query.run does and shapes the result
// as its _handleQueryResponse does.
func (d *Dialect) query(ctx context.Context, q dialect.Querier, sql string, o qopts) (any, error) {
	sql = strings.TrimSpace(sql)
	if o.Type == "" {
		o.Type = typeRaw
	}
	var args []any
	if o.Bind != nil {
		var err error
		if sql, args, err = bindArgs(sql, o.Bind); err != nil {
			return nil, err
		}
	}
	if strings.HasPrefix(sql, "-- ") {
		// Sequelize logs it and resolves with undefined without running it.
		if _, err := q.Exec(ctx, sql); err != nil {
			return nil, err
		}
		return dialect.Undefined{}, nil
	}
	run := o.Type == typeInsert || o.Type == typeUpdate || o.Type == typeUpsert || o.Type == typeBulkUpdate ||
		o.Type == typeBulkDelete || lowerHasPrefix(sql, "insert into") || strings.Contains(strings.ToLower(sql), "create temporary table")

	var results any = dialect.Undefined{}
	var meta *dialect.Object
	var execRes dialect.ExecResult
	if run {
		res, err := q.Exec(ctx, sql, args...)
		if err != nil {
			return nil, err
		}
		execRes = res
		meta = statement(true, res)
	} else {
		rows, err := q.Query(ctx, sql, args...)
		if err != nil {
			return nil, err
		}
		results = rowObjects(rows)
		meta = statement(false, dialect.ExecResult{})
	}
	return d.handleResponse(ctx, q, sql, o, run, results, meta, execRes)
}

func (d *Dialect) handleResponse(ctx context.Context, q dialect.Querier, sql string, o qopts, run bool, results any, meta *dialect.Object, res dialect.ExecResult) (any, error) {
	var result any = dialect.Undefined{}
	isInsert := o.Type == typeInsert || (run && lowerHasPrefix(sql, "insert into"))
	if isInsert || o.Type == typeUpsert {
		result = float64(res.LastInsertID)
	}
	rows, _ := results.([]any)
	switch {
	case o.Type == typeShowTables:
		names := make([]any, 0, len(rows))
		for _, r := range rows {
			v, _ := r.(*dialect.Object).Get("name")
			names = append(names, v)
		}
		return names, nil
	case o.Type == typeShowConstraints:
		if len(rows) > 0 {
			if s, ok := rowField(rows[0], "sql").(string); ok && s != "" {
				return constraintsToJS(parseConstraints(s)), nil
			}
		}
		return results, nil
	case o.Type == typeSelect:
		if rows == nil {
			// run() gave no rows (an INSERT queried as SELECT): Sequelize's
			// handleSelectQuery maps over undefined.
			return nil, errors.New("TypeError: Cannot read properties of undefined (reading 'map')")
		}
		return selectResult(rows, o), nil
	case lowerHasPrefix(sql, "show") || lowerHasPrefix(sql, "describe"):
		return results, nil
	case strings.Contains(sql, "PRAGMA INDEX_LIST"):
		return d.showIndexes(ctx, q, rows)
	case strings.Contains(sql, "PRAGMA INDEX_INFO"):
		return results, nil
	case strings.Contains(sql, "PRAGMA TABLE_INFO"):
		return describeRows(rows), nil
	case strings.Contains(sql, "PRAGMA foreign_keys;"):
		if len(rows) > 0 {
			return rows[0], nil
		}
		return dialect.Undefined{}, nil
	case strings.Contains(sql, "PRAGMA foreign_keys"), strings.Contains(sql, "PRAGMA foreign_key_list"):
		return results, nil
	case o.Type == typeBulkUpdate || o.Type == typeBulkDelete:
		return float64(res.RowsAffected), nil
	case o.Type == typeVersion:
		if len(rows) > 0 {
			return rowField(rows[0], "version"), nil
		}
		return dialect.Undefined{}, nil
	case o.Type == typeRaw:
		return []any{results, meta}, nil
	case o.Type == typeUpsert:
		return []any{result, nil}, nil
	case o.Type == typeUpdate || isInsert:
		return []any{result, float64(res.RowsAffected)}, nil
	}
	return result, nil
}

// lowerHasPrefix is strings.HasPrefix(strings.ToLower(s), prefix) for an
// ASCII prefix, lowering only as many runes of s as prefix has (ToLower maps
// rune by rune): a bulkInsert's statement is megabytes long.
func lowerHasPrefix(s, prefix string) bool {
	n := 0
	for i := range s {
		if n == len(prefix) {
			s = s[:i]
			break
		}
		n++
	}
	return strings.HasPrefix(strings.ToLower(s), prefix)
}

func rowField(r any, name string) any {
	o, ok := r.(*dialect.Object)
	if !ok {
		return nil
	}
	v, _ := o.Get(name)
	return v
}

// selectResult is handleSelectQuery for raw queries: copies of the rows, the
// first row (or null) when plain.
func selectResult(rows []any, o qopts) any {
	if rows == nil {
		rows = []any{}
	}
	if o.Nest {
		for i, r := range rows {
			rows[i] = nest(r.(*dialect.Object))
		}
	}
	if o.Plain {
		if len(rows) == 0 {
			return nil
		}
		return rows[0]
	}
	return rows
}

// nest turns "a.b" keys into nested objects (Dottie.transform).
func nest(o *dialect.Object) *dialect.Object {
	out := &dialect.Object{}
	for i, k := range o.Keys {
		if k.Op || !strings.Contains(k.Name, ".") {
			out.Set(k, o.Values[i])
			continue
		}
		parts := strings.Split(k.Name, ".")
		cur := out
		for _, p := range parts[:len(parts)-1] {
			next, ok := cur.Get(p)
			child, isObj := next.(*dialect.Object)
			if !ok || !isObj {
				child = &dialect.Object{}
				cur.Set(dialect.Key{Name: p}, child)
			}
			cur = child
		}
		cur.Set(dialect.Key{Name: parts[len(parts)-1]}, o.Values[i])
	}
	return out
}

// showIndexes is handleShowIndexesQuery: the index list reversed, each with
// its fields read by PRAGMA INDEX_INFO (logged, as Sequelize runs it through
// its own query path).
func (d *Dialect) showIndexes(ctx context.Context, q dialect.Querier, rows []any) (any, error) {
	out := make([]any, 0, len(rows))
	for i := len(rows) - 1; i >= 0; i-- {
		item := rows[i].(*dialect.Object).Clone()
		name, _ := item.Get("name")
		item.Set(dialect.Key{Name: "fields"}, []any{})
		item.Set(dialect.Key{Name: "primary"}, false)
		u, _ := item.Get("unique")
		item.Set(dialect.Key{Name: "unique"}, truthy(u))
		item.Set(dialect.Key{Name: "constraintName"}, name)
		info, err := q.Query(ctx, fmt.Sprintf("PRAGMA INDEX_INFO(`%s`)", jsString(name)))
		if err != nil {
			return nil, err
		}
		var fields []any
		for _, r := range rowObjects(info) {
			seq, _ := r.(*dialect.Object).Get("seqno")
			col, _ := r.(*dialect.Object).Get("name")
			idx := int(toFloat(seq))
			for len(fields) <= idx {
				fields = append(fields, dialect.Undefined{})
			}
			f := &dialect.Object{}
			f.Set(dialect.Key{Name: "attribute"}, col)
			f.Set(dialect.Key{Name: "length"}, dialect.Undefined{})
			f.Set(dialect.Key{Name: "order"}, dialect.Undefined{})
			fields[idx] = f
		}
		if fields == nil {
			fields = []any{}
		}
		item.Set(dialect.Key{Name: "fields"}, fields)
		out = append(out, item)
	}
	return out, nil
}

func truthy(v any) bool {
	switch x := v.(type) {
	case nil, dialect.Undefined:
		return false
	case bool:
		return x
	case float64:
		return x != 0
	case int64:
		return x != 0
	case string:
		return x != ""
	}
	return true
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	}
	return 0
}

func jsString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

// describeRows turns PRAGMA TABLE_INFO rows into describeTable's object.
func describeRows(rows []any) *dialect.Object {
	out := &dialect.Object{}
	for _, r := range rows {
		ro := r.(*dialect.Object)
		name, _ := ro.Get("name")
		typ, _ := ro.Get("type")
		notnull, _ := ro.Get("notnull")
		pk, _ := ro.Get("pk")
		dflt, _ := ro.Get("dflt_value")
		var def any
		switch dv := dflt.(type) {
		case nil:
			def = dialect.Undefined{}
		case string:
			if dv == "NULL" {
				def = nil
			} else {
				def = dv
			}
		default:
			def = dflt
		}
		col := &dialect.Object{}
		col.Set(dialect.Key{Name: "type"}, typ)
		col.Set(dialect.Key{Name: "allowNull"}, toFloat(notnull) == 0)
		col.Set(dialect.Key{Name: "defaultValue"}, def)
		col.Set(dialect.Key{Name: "primaryKey"}, toFloat(pk) != 0)
		if typ == "TINYINT(1)" {
			switch def {
			case "0":
				def = false
			case "1":
				def = true
			default:
				def = dialect.Undefined{}
			}
			col.Set(dialect.Key{Name: "defaultValue"}, def)
		}
		if s, ok := def.(string); ok {
			col.Set(dialect.Key{Name: "defaultValue"}, strings.ReplaceAll(s, "'", ""))
		}
		out.Set(dialect.Key{Name: jsString(name)}, col)
	}
	return out
}
