package mysql

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// Query types (Sequelize's QueryTypes).
const (
	typeRaw             = "RAW"
	typeSelect          = "SELECT"
	typeInsert          = "INSERT"
	typeUpdate          = "UPDATE"
	typeBulkUpdate      = "BULKUPDATE"
	typeBulkDelete      = "BULKDELETE"
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
	Bind  any    // []any or *dialect.Object, rewritten to ? placeholders
	Plain bool
	Nest  bool
}

// formatBind is the mysql Query.formatBindParameters: every $1 / $name
// becomes ?, its value appended to the parameters (again for each use), $$
// becomes $. A placeholder without a value throws, before any connection
// is used.
func formatBind(sql string, bind any) (string, []any, error) {
	list, isList := bind.([]any)
	obj, _ := bind.(*dialect.Object)
	var out strings.Builder
	var params []any
	i := 0
	for i < len(sql) {
		c := sql[i]
		if c != '$' || (i > 0 && isWordByte(sql[i-1])) {
			out.WriteByte(c)
			i++
			continue
		}
		j := i + 1
		if j < len(sql) && sql[j] == '$' {
			out.WriteByte('$')
			i = j + 1
			continue
		}
		for j < len(sql) && isWordByte(sql[j]) {
			j++
		}
		if j == i+1 {
			out.WriteByte(c)
			i++
			continue
		}
		key, match := sql[i+1:j], sql[i:j]
		var v any
		found := false
		if isList {
			if key[0] != '0' && allDigits(key) {
				n, _ := strconv.Atoi(key)
				if n >= 1 && n <= len(list) {
					v = list[n-1]
					_, undef := v.(dialect.Undefined)
					found = !undef
				}
			}
		} else if !allDigits(key) && obj != nil {
			var ok bool
			v, ok = obj.Get(key)
			_, undef := v.(dialect.Undefined)
			found = ok && !undef
		}
		if !found {
			return "", nil, fmt.Errorf("Named bind parameter %q has no value in the given object.", match)
		}
		params = append(params, v)
		out.WriteByte('?')
		i = j
	}
	return out.String(), params, nil
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ensureVersion runs the connection manager's first-connection version
// query, which Sequelize runs with a no-op logging function (getConnection's
// _options.logging), so it never reaches the configured logging.
func (d *Dialect) ensureVersion(ctx context.Context, q dialect.Querier) error {
	if d.name != dialect.MySQL || !d.versionLogged.CompareAndSwap(false, true) {
		return nil
	}
	if _, err := q.Query(dialect.WithUnlogged(ctx), "SELECT VERSION() as `version`"); err != nil {
		d.versionLogged.Store(false)
		return err
	}
	return nil
}

// query runs sql as Sequelize's mysql/mariadb Query.run does and shapes the
// result as their formatResults do.
func (d *Dialect) query(ctx context.Context, q dialect.Querier, sql string, o qopts) (any, error) {
	sql = strings.TrimSpace(sql)
	if o.Type == "" {
		o.Type = typeRaw
	}
	var params []any
	if o.Bind != nil {
		var err error
		sql, params, err = formatBind(sql, o.Bind)
		if err != nil {
			return nil, err
		}
	}
	if err := d.ensureVersion(ctx, q); err != nil {
		return nil, err
	}
	sctx, slot := withSlot(ctx)
	var logged []any
	if len(params) > 0 {
		slot.params, slot.hasParams = params, true
		switch b := o.Bind.(type) {
		case []any:
			logged = b
		case *dialect.Object:
			logged = []any{dialect.NamedArgs{Object: b}}
		}
	} else if b, ok := o.Bind.([]any); ok {
		// An empty bind array (insertQuery and updateQuery always make
		// one) is logged; the query runs without parameters.
		logged = append([]any{}, b...)
	}
	if _, err := q.Query(sctx, sql, logged...); err != nil {
		return nil, err
	}
	return d.formatResults(sql, o, slot.results)
}

// data is the value the Node driver resolves a query with: rows, an OK
// packet, or (multiple statements) a list of those.
type data struct {
	rows   []any // row objects; nil for an OK packet
	isRows bool
	ok     okPacket
	cols   []column
	defs   [][]byte
	multi  []data
}

func (d *Dialect) toData(rs []result) data {
	conv := func(r result) data {
		if !r.rows {
			return data{ok: r.ok}
		}
		rows := make([]any, 0, len(r.values))
		for _, vals := range r.values {
			o := &dialect.Object{}
			for i, col := range r.columns {
				o.Set(dialect.Key{Name: col.name}, vals[i])
			}
			rows = append(rows, o)
		}
		return data{rows: rows, isRows: true, cols: r.columns, defs: r.defs}
	}
	if len(rs) == 1 {
		return conv(rs[0])
	}
	if len(rs) == 0 {
		return data{}
	}
	out := data{}
	for _, r := range rs {
		out.multi = append(out.multi, conv(r))
	}
	return out
}

var changedRE = lazyre.MustCompile(`(?i)\schanged:\s*(\d+)`)

// js renders the driver's value: rows, a ResultSetHeader (mysql2) or an
// OkPacket (mariadb connector), or a list of them.
func (d *Dialect) js(v data) any {
	if v.multi != nil {
		out := make([]any, len(v.multi))
		for i, m := range v.multi {
			out[i] = d.js(m)
		}
		return out
	}
	if v.isRows {
		return v.rows
	}
	return d.header(v.ok)
}

func (d *Dialect) header(ok okPacket) *dialect.Object {
	if d.name == dialect.MariaDB {
		o := &dialect.Object{Class: "OkPacket"}
		o.Set(dialect.Key{Name: "affectedRows"}, float64(ok.affectedRows))
		o.Set(dialect.Key{Name: "insertId"}, float64(ok.insertID))
		o.Set(dialect.Key{Name: "warningStatus"}, float64(ok.warnings))
		return o
	}
	status := ok.status
	if !ok.known {
		status = 2 // SERVER_STATUS_AUTOCOMMIT: the wire could not be read
	}
	changed := 0.0
	if m := changedRE().FindStringSubmatch(ok.info); m != nil {
		n, _ := strconv.Atoi(m[1])
		changed = float64(n)
	}
	o := &dialect.Object{Class: "ResultSetHeader"}
	o.Set(dialect.Key{Name: "fieldCount"}, 0.0)
	o.Set(dialect.Key{Name: "affectedRows"}, float64(ok.affectedRows))
	o.Set(dialect.Key{Name: "insertId"}, float64(ok.insertID))
	o.Set(dialect.Key{Name: "info"}, ok.info)
	o.Set(dialect.Key{Name: "serverStatus"}, float64(status))
	o.Set(dialect.Key{Name: "warningStatus"}, float64(ok.warnings))
	if st := ok.state; st != nil {
		vars := &dialect.Object{}
		for _, kv := range st.vars {
			vars.Set(dialect.Key{Name: kv[0]}, kv[1])
		}
		var schema, change any
		if st.schema != nil {
			schema = *st.schema
		}
		if st.stateChange != nil {
			change = *st.stateChange
		}
		gtids := make([]any, len(st.gtids))
		for i, g := range st.gtids {
			gtids[i] = g
		}
		o.Set(dialect.Key{Name: "stateChanges"}, dialect.NewObject(
			"systemVariables", vars, "schema", schema, "gtids", gtids, "trackStateChange", change))
	}
	o.Set(dialect.Key{Name: "changedRows"}, changed)
	return o
}

func (v data) insertID() (any, bool) {
	if v.isRows || v.multi != nil {
		return dialect.Undefined{}, false
	}
	return float64(v.ok.insertID), true
}

func (v data) affectedRows() any {
	if v.isRows || v.multi != nil {
		return dialect.Undefined{}
	}
	return float64(v.ok.affectedRows)
}

func (d *Dialect) formatResults(sql string, o qopts, rs []result) (any, error) {
	v := d.toData(rs)
	if d.name == dialect.MariaDB {
		if o.Type == typeInsert || (isInsertSQL(sql) && !v.isRows && v.multi == nil) {
			return d.formatMariaDB(sql, o, v), nil
		}
	}
	if o.Type == typeSelect && v.multi != nil {
		// several statements: handleSelectQuery copies each result's own
		// properties (array indexes, the connector's meta) into an object
		var rows []any
		for _, m := range v.multi {
			o := &dialect.Object{}
			if m.isRows {
				for i, r := range m.rows {
					o.Set(dialect.Key{Name: strconv.Itoa(i)}, r)
				}
				if d.name == dialect.MariaDB {
					o.Set(dialect.Key{Name: "meta"}, columnDefs(m.cols, m.defs, len(m.rows) > 0))
				}
			} else {
				h := d.header(m.ok)
				o.Keys, o.Values = h.Keys, h.Values
			}
			rows = append(rows, o)
		}
		return selectResult(data{rows: rows, isRows: true}, o), nil
	}
	if (o.Type == typeSelect || o.Type == typeShowTables) && !v.isRows && v.multi == nil {
		// handleSelectQuery / handleShowTablesQuery map over an OK packet
		return nil, errors.New("TypeError: results.map is not a function")
	}
	if d.name == dialect.MariaDB {
		return d.formatMariaDB(sql, o, v), nil
	}
	return d.formatMySQL(sql, o, v), nil
}

func isInsertSQL(sql string) bool { return strings.HasPrefix(strings.ToLower(sql), "insert into") }

// formatMySQL is the mysql Query.formatResults (no model, no instance).
func (d *Dialect) formatMySQL(sql string, o qopts, v data) any {
	var result any = dialect.Undefined{}
	_, hasInsertID := v.insertID()
	if o.Type == typeInsert || (isInsertSQL(sql) && hasInsertID) {
		result, _ = v.insertID()
	}
	switch o.Type {
	case typeSelect:
		return selectResult(v, o)
	case typeShowTables:
		return showTables(v.rows)
	case typeDescribe:
		return describe(v.rows)
	case typeShowIndexes:
		return d.showIndexes(v.rows)
	}
	if strings.HasPrefix(strings.ToLower(sql), "call") {
		if v.multi != nil && len(v.multi) > 0 {
			return d.js(v.multi[0])
		}
		if v.isRows && len(v.rows) > 0 {
			return v.rows[0]
		}
		return dialect.Undefined{}
	}
	// isInsertQuery() without results: the type, or SQL starting "insert into"
	if o.Type == typeInsert || o.Type == typeUpdate || isInsertSQL(sql) {
		switch o.Type {
		case typeBulkUpdate, typeBulkDelete, typeVersion, typeForeignKeys, typeUpsert:
		default:
			return []any{result, v.affectedRows()}
		}
	}
	switch o.Type {
	case typeBulkUpdate, typeBulkDelete:
		return v.affectedRows()
	case typeVersion:
		return firstField(v.rows, "version")
	case typeForeignKeys:
		return d.js(v)
	case typeUpsert:
		return []any{result, v.ok.affectedRows == 1 && !v.isRows}
	case typeShowConstraints:
		return d.js(v)
	case typeRaw:
		j := d.js(v)
		return []any{j, j}
	}
	return result
}

// formatMariaDB is the mariadb Query.formatResults (no model, no instance).
func (d *Dialect) formatMariaDB(sql string, o qopts, v data) any {
	switch o.Type {
	case typeBulkUpdate, typeBulkDelete:
		return v.affectedRows()
	case typeUpsert:
		return []any{dialect.Undefined{}, v.ok.affectedRows == 1 && !v.isRows}
	}
	id, hasInsertID := v.insertID()
	if o.Type == typeInsert || (isInsertSQL(sql) && hasInsertID) {
		return []any{id, v.affectedRows()}
	}
	if o.Type == typeSelect {
		return selectResult(v, o)
	}
	if o.Type == typeUpdate || isInsertSQL(sql) {
		return []any{dialect.Undefined{}, v.affectedRows()}
	}
	if strings.HasPrefix(strings.ToLower(sql), "call") {
		if v.multi != nil && len(v.multi) > 0 {
			return d.js(v.multi[0])
		}
		if v.isRows && len(v.rows) > 0 {
			return v.rows[0]
		}
		return dialect.Undefined{}
	}
	switch o.Type {
	case typeRaw:
		if v.isRows {
			return []any{v.rows, columnDefs(v.cols, v.defs, len(v.rows) > 0)}
		}
		return []any{d.js(v), dialect.Undefined{}}
	case typeShowIndexes:
		return d.showIndexes(v.rows)
	case typeForeignKeys, typeShowConstraints:
		return d.js(v)
	case typeShowTables:
		out := make([]any, 0, len(v.rows))
		for _, r := range v.rows {
			ro := r.(*dialect.Object)
			t, ok := ro.Get("TABLE_NAME")
			if !ok {
				t = dialect.Undefined{}
			}
			s, ok := ro.Get("TABLE_SCHEMA")
			if !ok {
				s = dialect.Undefined{}
			}
			out = append(out, dialect.NewObject("tableName", t, "schema", s))
		}
		return out
	case typeDescribe:
		return describe(v.rows)
	case typeVersion:
		return firstField(v.rows, "version")
	}
	return dialect.Undefined{}
}

func firstField(rows []any, name string) any {
	if len(rows) == 0 {
		return dialect.Undefined{}
	}
	v, ok := rows[0].(*dialect.Object).Get(name)
	if !ok {
		return dialect.Undefined{}
	}
	return v
}

// selectResult is handleSelectQuery for raw queries: copies of the rows
// (nested with nest), the first row (or null) when plain.
func selectResult(v data, o qopts) any {
	out := make([]any, 0, len(v.rows))
	for _, r := range v.rows {
		ro := r.(*dialect.Object).Clone()
		if o.Nest {
			ro = sqlgen.Nest(ro)
		}
		out = append(out, ro)
	}
	if o.Plain {
		if len(out) == 0 {
			return nil
		}
		return out[0]
	}
	return out
}

// showTables is handleShowTablesQuery: every value of every row.
func showTables(rows []any) []any {
	out := []any{}
	for _, r := range rows {
		out = append(out, r.(*dialect.Object).Values...)
	}
	return out
}

// describe turns SHOW FULL COLUMNS rows into describeTable's object.
func describe(rows []any) *dialect.Object {
	out := &dialect.Object{}
	for _, r := range rows {
		ro := r.(*dialect.Object)
		get := func(k string) any { v, _ := ro.Get(k); return v }
		typ := jsText(get("Type"))
		if strings.HasPrefix(strings.ToLower(typ), "enum") {
			typ = "ENUM" + typ[4:]
		} else {
			typ = strings.ToUpper(typ)
		}
		auto := false
		if e, ok := ro.Get("Extra"); ok {
			auto = strings.ToLower(jsText(e)) == "auto_increment"
		}
		var comment any = nil
		if c := get("Comment"); truthy(c) {
			comment = c
		}
		col := &dialect.Object{}
		col.Set(dialect.Key{Name: "type"}, typ)
		col.Set(dialect.Key{Name: "allowNull"}, get("Null") == "YES")
		def, ok := ro.Get("Default")
		if !ok {
			def = dialect.Undefined{}
		}
		col.Set(dialect.Key{Name: "defaultValue"}, def)
		col.Set(dialect.Key{Name: "primaryKey"}, get("Key") == "PRI")
		col.Set(dialect.Key{Name: "autoIncrement"}, auto)
		col.Set(dialect.Key{Name: "comment"}, comment)
		out.Set(dialect.Key{Name: jsText(get("Field"))}, col)
	}
	return out
}

// showIndexes is handleShowIndexesQuery: SHOW INDEX rows grouped by key
// name (mysql: by name, in first-seen order; mariadb: consecutive rows).
func (d *Dialect) showIndexes(rows []any) []any {
	type index struct {
		name   string
		first  *dialect.Object
		fields []any
	}
	var list []*index
	byName := map[string]*index{}
	var cur *index
	for _, r := range rows {
		ro := r.(*dialect.Object)
		get := func(k string) any { v, _ := ro.Get(k); return v }
		name := jsText(get("Key_name"))
		var ix *index
		if d.name == dialect.MariaDB {
			if cur == nil || cur.name != name {
				cur = &index{name: name, first: ro}
				list = append(list, cur)
			}
			ix = cur
		} else {
			ix = byName[name]
			if ix == nil {
				ix = &index{name: name, first: ro}
				byName[name] = ix
				list = append(list, ix)
			}
		}
		seq := int(toFloat(get("Seq_in_index")))
		for len(ix.fields) < seq {
			ix.fields = append(ix.fields, dialect.Undefined{})
		}
		var length any = dialect.Undefined{}
		if sp := get("Sub_part"); truthy(sp) {
			length = sp
		}
		var order any = dialect.Undefined{}
		if get("Collation") == "A" {
			order = "ASC"
		}
		f := dialect.NewObject("attribute", get("Column_name"), "length", length, "order", order)
		if seq >= 1 {
			ix.fields[seq-1] = f
		}
	}
	if d.name == dialect.MySQL {
		list = jsKeyOrder(list, func(ix *index) string { return ix.name })
	}
	out := make([]any, 0, len(list))
	for _, ix := range list {
		get := func(k string) any { v, _ := ix.first.Get(k); return v }
		fields := ix.fields
		if fields == nil {
			fields = []any{}
		}
		out = append(out, dialect.NewObject(
			"primary", ix.name == "PRIMARY",
			"fields", fields,
			"name", get("Key_name"),
			"tableName", get("Table"),
			"unique", toFloat(get("Non_unique")) != 1,
			"type", get("Index_type"),
		))
	}
	return out
}

// jsKeyOrder orders items as the keys of a JavaScript object built in list
// order: integer-like keys first, ascending, then the rest in insertion order.
func jsKeyOrder[T any](list []T, key func(T) string) []T {
	var ints, rest []T
	for _, x := range list {
		k := key(x)
		if n, err := strconv.ParseUint(k, 10, 32); err == nil && strconv.FormatUint(n, 10) == k && n < 1<<32-1 {
			ints = append(ints, x)
		} else {
			rest = append(rest, x)
		}
	}
	if len(ints) == 0 {
		return list
	}
	for i := 1; i < len(ints); i++ {
		for j := i; j > 0; j-- {
			a, _ := strconv.ParseUint(key(ints[j-1]), 10, 32)
			b, _ := strconv.ParseUint(key(ints[j]), 10, 32)
			if a <= b {
				break
			}
			ints[j-1], ints[j] = ints[j], ints[j-1]
		}
	}
	return append(ints, rest...)
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	case string:
		f, _ := strconv.ParseFloat(x, 64)
		return f
	}
	return 0
}
