package sqlgen

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/sqzjs/sqzjs/dialect"
)

func attrType(attrs map[string]dialect.Column, key string) *dialect.DataType {
	if c, ok := attrs[key]; ok {
		return c.Type
	}
	return nil
}

func isNullish(v any) bool {
	switch v.(type) {
	case nil, dialect.Undefined:
		return true
	}
	return false
}

// BulkInsert renders bulkInsertQuery: one multi-row INSERT with inline
// values; columns are the union of the rows' keys in first-seen order. An
// op rendered when the call was made (op.SQL) is returned as it is.
func (f Flavor) BulkInsert(op dialect.BulkInsert) (string, error) {
	if op.SQL != "" {
		return op.SQL, nil
	}
	return f.RenderBulkInsert(op, objectRows(op.Rows))
}

// SetBulkInsertSQL sets op.SQL to the statement rendered from src.
func (f Flavor) SetBulkInsertSQL(op *dialect.BulkInsert, src dialect.RowSource) (err error) {
	op.SQL, err = f.RenderBulkInsert(*op, src)
	return err
}

// objectRows is a RowSource over converted records.
type objectRows []*dialect.Object

func (r objectRows) Len() int { return len(r) }

func (r objectRows) Keys(i int, dst []string) []string {
	for _, k := range r[i].Keys {
		if !k.Op {
			dst = append(dst, k.Name)
		}
	}
	return dst
}

func (r objectRows) Value(i int, key string) (any, error) {
	v, _ := r[i].Get(key)
	return v, nil
}

// rowShape is one sequence of keys shared by records: has[j] tells whether
// column j is among them.
type rowShape struct {
	keys []string
	has  []bool
}

// sampleRows is how many rows RenderBulkInsert renders before it sizes its
// buffer for all of them.
const sampleRows = 1024

// RenderBulkInsert is BulkInsert reading the records from src (op.Rows is
// ignored). The statement is written into one buffer sized from the rows
// rendered so far (a bulkInsert can have a hundred thousand rows) and
// returned without a copy.
func (f Flavor) RenderBulkInsert(op dialect.BulkInsert, src dialect.RowSource) (string, error) {
	n := src.Len()
	// First pass: the columns, and each record's keys as one of the few
	// shapes records have (usually one).
	var cols []string
	colIndex := map[string]int{}
	serial := map[string]bool{}
	var shapes []rowShape
	shapeIndex := map[string]int32{}
	rowShapes := make([]int32, n)
	var keys []string
	prev := int32(-1)
	for i := 0; i < n; i++ {
		keys = src.Keys(i, keys[:0])
		if prev >= 0 && slices.Equal(keys, shapes[prev].keys) {
			rowShapes[i] = prev
			continue
		}
		id := strings.Join(keys, "\x00")
		si, ok := shapeIndex[id]
		if !ok {
			si = int32(len(shapes))
			shapeIndex[id] = si
			shapes = append(shapes, rowShape{keys: slices.Clone(keys)})
			for _, k := range keys {
				if _, seen := colIndex[k]; !seen {
					colIndex[k] = len(cols)
					cols = append(cols, k)
				}
				if a, ok := op.Attributes[k]; ok && a.IsAutoIncrement() {
					serial[k] = true
				}
			}
		}
		rowShapes[i], prev = si, si
	}
	for i := range shapes {
		shapes[i].has = make([]bool, len(cols))
		for _, k := range shapes[i].keys {
			shapes[i].has[colIndex[k]] = true
		}
	}
	colTypes := make([]*dialect.DataType, len(cols))
	colSerial := make([]bool, len(cols))
	quotedCols := make([]string, len(cols))
	for j, c := range cols {
		colTypes[j] = attrType(op.Attributes, c)
		colSerial[j] = f.BulkDefault && serial[c]
		quotedCols[j] = f.QuoteIdentifier(c)
	}
	ignore, doNothing := "", ""
	if op.Options.IgnoreDuplicates {
		ignore, doNothing = f.IgnoreDuplicates, f.OnConflictDoNothing
	}
	prefix := JoinFragments("INSERT", ignore, "INTO", f.QuoteTable(op.Table), "("+strings.Join(quotedCols, ",")+")", "VALUES")

	// Second pass: the tuples, "(v,v),(v,v)".
	b := make([]byte, 0, len(prefix)+256)
	b = append(b, prefix...)
	e := bulkEscaper{f: f}
	for i := 0; i < n; i++ {
		if i == 0 {
			b = append(b, ' ')
		} else {
			b = append(b, ',')
			// Room for the rows left at their average length so far: for
			// the first sampleRows only, then for all of them from the
			// first sampleRows' average, and more when that runs out.
			if avg := (len(b) - len(prefix)) / i; i == sampleRows || cap(b)-len(b) < 2*avg {
				left := n - i
				if i < sampleRows {
					left = min(left, sampleRows-i)
				}
				if want := len(b) + avg*left + avg*left/16 + 2*avg + 64; want > cap(b) {
					nb := make([]byte, len(b), want)
					copy(nb, b)
					b = nb
				}
			}
		}
		b = append(b, '(')
		shape := &shapes[rowShapes[i]]
		for j, c := range cols {
			if j > 0 {
				b = append(b, ',')
			}
			var v any = dialect.Undefined{}
			if shape.has[j] {
				var err error
				if v, err = src.Value(i, c); err != nil {
					return "", err
				}
			}
			if colSerial[j] && isNullish(v) {
				b = append(b, "DEFAULT"...)
				continue
			}
			var err error
			if b, err = e.append(b, v, colTypes[j]); err != nil {
				return "", err
			}
		}
		b = append(b, ')')
	}
	onDup := ""
	if f.UpdateOnDuplicate != "" && op.Options.UpdateOnDuplicate != nil {
		if f.UpdateOnDuplicate == " ON CONFLICT DO UPDATE SET" {
			if op.Options.UpsertKeys == nil {
				return "", errors.New("TypeError: Cannot read properties of undefined (reading 'map')")
			}
			keys := make([]string, len(op.Options.UpsertKeys))
			for i, k := range op.Options.UpsertKeys {
				keys[i] = f.QuoteIdentifier(k)
			}
			upd := make([]string, len(op.Options.UpdateOnDuplicate))
			for i, k := range op.Options.UpdateOnDuplicate {
				upd[i] = f.QuoteIdentifier(k) + "=EXCLUDED." + f.QuoteIdentifier(k)
			}
			onDup = JoinFragments("ON CONFLICT", "(", strings.Join(keys, ","), ")", "DO UPDATE SET", strings.Join(upd, ","))
		} else {
			upd := make([]string, len(op.Options.UpdateOnDuplicate))
			for i, k := range op.Options.UpdateOnDuplicate {
				upd[i] = f.QuoteIdentifier(k) + "=VALUES(" + f.QuoteIdentifier(k) + ")"
			}
			onDup = f.UpdateOnDuplicate + " " + strings.Join(upd, ",")
		}
	}
	returning := ""
	if f.ReturnValues && truthy(op.Options.Returning) {
		returning = f.returning(op.Options.Returning)
	}
	// The rest joins on as JoinFragments would after "VALUES" or a tuple.
	b = append(b, JoinFragments("VALUES", onDup, doNothing, returning, ";")[len("VALUES"):]...)
	return unsafe.String(unsafe.SliceData(b), len(b)), nil
}

func (f Flavor) returning(r any) string {
	if list, ok := r.([]any); ok {
		names := make([]string, 0, len(list))
		for _, x := range list {
			if s, ok := x.(string); ok {
				names = append(names, f.QuoteIdentifier(s))
			}
		}
		return " RETURNING " + strings.Join(names, ",")
	}
	return " RETURNING *"
}

// Insert renders insertQuery with bound values ($1, $2, …): the query and
// the bound values.
func (f Flavor) Insert(op dialect.Insert) (string, []any, error) {
	var fields, values []string
	var bind []any
	for i, k := range op.Values.Keys {
		if k.Op {
			continue
		}
		v := op.Values.Values[i]
		fields = append(fields, f.QuoteIdentifier(k.Name))
		if a, ok := op.Attributes[k.Name]; ok && a.IsAutoIncrement() && isNullish(v) {
			if f.DefaultKeyword {
				values = append(values, "DEFAULT")
			} else {
				values = append(values, "NULL")
			}
			continue
		}
		if dialect.IsSequelizeMethod(v) || f.InlineValues {
			s, err := f.Escape(v, attrType(op.Attributes, k.Name))
			if err != nil {
				return "", nil, err
			}
			values = append(values, s)
			continue
		}
		if s, ok, err := f.formatTyped(v, attrType(op.Attributes, k.Name), &bind); ok || err != nil {
			if err != nil {
				return "", nil, err
			}
			values = append(values, s)
			continue
		}
		bv, err := f.BindValue(v, attrType(op.Attributes, k.Name))
		if err != nil {
			return "", nil, err
		}
		bind = append(bind, bv)
		values = append(values, "$"+strconv.Itoa(len(bind)))
	}
	table := f.QuoteTable(op.Table)
	returning := ""
	if f.ReturnValues && truthy(op.Options.Returning) {
		returning = f.returning(op.Options.Returning)
	}
	ignore, doNothing := "", ""
	if op.Options.IgnoreDuplicates {
		ignore, doNothing = f.IgnoreDuplicates, f.OnConflictDoNothing
	}
	onDup, err := f.insertOnDuplicate(op.Options)
	if err != nil {
		return "", nil, err
	}
	var q string
	if len(fields) > 0 {
		q = "INSERT" + ignore + " INTO " + table + " (" + strings.Join(fields, ",") + ") VALUES (" + strings.Join(values, ",") + ")" + onDup + doNothing + returning
	} else {
		q = "INSERT" + ignore + " INTO " + table + onDup + doNothing + f.DefaultValues + returning
	}
	return q + ";", bind, nil
}

// insertOnDuplicate is insertQuery's onDuplicateKeyUpdate (Model.upsert,
// and insert with updateOnDuplicate): ON CONFLICT (keys) DO UPDATE SET on
// Postgres and SQLite, ON DUPLICATE KEY UPDATE on MySQL and MariaDB.
func (f Flavor) insertOnDuplicate(o dialect.InsertOptions) (string, error) {
	if f.UpdateOnDuplicate == "" || o.UpdateOnDuplicate == nil {
		return "", nil
	}
	if f.UpdateOnDuplicate == " ON CONFLICT DO UPDATE SET" {
		keys := make([]string, len(o.UpsertKeys))
		for i, k := range o.UpsertKeys {
			keys[i] = f.QuoteIdentifier(k)
		}
		upd := make([]string, len(o.UpdateOnDuplicate))
		for i, k := range o.UpdateOnDuplicate {
			upd[i] = f.QuoteIdentifier(k) + "=EXCLUDED." + f.QuoteIdentifier(k)
		}
		action := "DO UPDATE SET"
		if len(upd) == 0 {
			action = "DO NOTHING"
		}
		return " " + JoinFragments("ON CONFLICT", "(", strings.Join(keys, ","), ")", action, strings.Join(upd, ",")), nil
	}
	upd := make([]string, 0, len(o.UpdateOnDuplicate))
	for _, k := range o.UpdateOnDuplicate {
		upd = append(upd, f.QuoteIdentifier(k)+"=VALUES("+f.QuoteIdentifier(k)+")")
	}
	if len(upd) == 0 {
		for _, k := range o.UpsertKeys {
			upd = append(upd, f.QuoteIdentifier(k)+"="+f.QuoteIdentifier(k))
		}
	}
	if len(upd) == 0 {
		return "", errors.New("No update values found for ON DUPLICATE KEY UPDATE clause, and no identifier fields could be found to use instead.")
	}
	return f.UpdateOnDuplicate + " " + strings.Join(upd, ","), nil
}

// Update renders updateQuery: SET values bound, where values bound too
// (except lists and operators that inline). The second result is the bind
// list. An empty SET gives "".
func (f Flavor) Update(op dialect.BulkUpdate, limitSuffix string) (string, []any, error) {
	var bind []any
	var sets []string
	for i, k := range op.Values.Keys {
		if k.Op {
			continue
		}
		v := op.Values.Values[i]
		if dialect.IsSequelizeMethod(v) || f.InlineValues {
			s, err := f.Escape(v, attrType(op.Attributes, k.Name))
			if err != nil {
				return "", nil, err
			}
			sets = append(sets, f.QuoteIdentifier(k.Name)+"="+s)
			continue
		}
		if s, ok, err := f.formatTyped(v, attrType(op.Attributes, k.Name), &bind); ok || err != nil {
			if err != nil {
				return "", nil, err
			}
			sets = append(sets, f.QuoteIdentifier(k.Name)+"="+s)
			continue
		}
		bv, err := f.BindValue(v, attrType(op.Attributes, k.Name))
		if err != nil {
			return "", nil, err
		}
		bind = append(bind, bv)
		sets = append(sets, f.QuoteIdentifier(k.Name)+"=$"+strconv.Itoa(len(bind)))
	}
	if len(sets) == 0 {
		return "", nil, nil
	}
	wo := WhereOptions{Bind: &bind, Types: op.WhereTypes}
	if f.InlineValues {
		wo.Bind = nil
	}
	where, err := f.Where(op.Where, wo)
	if err != nil {
		return "", nil, err
	}
	q := strings.TrimSpace("UPDATE " + f.QuoteTable(op.Table) + " SET " + strings.Join(sets, ",") + " " + where + limitSuffix)
	return q, bind, nil
}

// Select renders selectQuery for a query without model or includes:
// attributes, where (keys prefixed with the table), group, order, limit.
func (f Flavor) Select(op dialect.Select) (string, error) {
	attrs := "*"
	if op.Attributes != nil {
		q := make([]string, len(op.Attributes))
		for i, a := range op.Attributes {
			s, err := f.selectAttribute(a)
			if err != nil {
				return "", err
			}
			q[i] = s
		}
		attrs = strings.Join(q, ", ")
	}
	table := f.QuoteTable(op.Table)
	prefix := op.Table
	if op.Alias != "" {
		table = f.QuoteTableAs(op.Table, op.Alias)
		prefix = dialect.TableRef{Name: op.Alias}
	}
	q := "SELECT " + attrs + " FROM " + table
	if op.Where != nil {
		w, err := f.WhereConditions(op.Where, WhereOptions{Prefix: &prefix})
		if err != nil {
			return "", err
		}
		if w != "" {
			q += " WHERE " + w
		}
	}
	if op.Group != nil {
		items, ok := op.Group.([]any)
		if !ok {
			items = []any{op.Group}
		}
		parts := make([]string, len(items))
		for i, g := range items {
			s, err := f.quoteOrderItem(g, "")
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		q += " GROUP BY " + strings.Join(parts, ", ")
	}
	if op.Order != nil {
		items, ok := op.Order.([]any)
		if !ok {
			items = []any{op.Order}
		}
		var parts []string
		for _, o := range items {
			s, err := f.quoteOrderItem(o, op.Alias)
			if err != nil {
				return "", err
			}
			parts = append(parts, s)
		}
		if len(parts) > 0 {
			q += " ORDER BY " + strings.Join(parts, ", ")
		}
	}
	if op.Limit != nil {
		l, err := f.Escape(op.Limit, nil)
		if err != nil {
			return "", err
		}
		if op.Offset != nil {
			o, err := f.Escape(op.Offset, nil)
			if err != nil {
				return "", err
			}
			if f.Name == dialect.Postgres {
				q += " LIMIT " + l + " OFFSET " + o
			} else {
				q += " LIMIT " + o + ", " + l
			}
		} else {
			q += " LIMIT " + l
		}
	} else if op.Offset != nil {
		o, err := f.Escape(op.Offset, nil)
		if err != nil {
			return "", err
		}
		if f.Name == dialect.Postgres {
			q += " OFFSET " + o
		} else {
			q += " LIMIT " + o + ", 10000000000000"
		}
	}
	return q + ";", nil
}

// selectAttribute is escapeAttributes for one attribute without a model.
func (f Flavor) selectAttribute(a any) (string, error) {
	switch x := a.(type) {
	case string:
		if strings.ContainsRune(x, rune(f.Tick)) || strings.Contains(x, `"`) {
			return f.Escape(x, nil)
		}
		return f.QuoteIdentifiers(x), nil
	case []any:
		if len(x) != 2 {
			return "", fmt.Errorf("%s is not a valid attribute definition. Please use the following format: ['attribute definition', 'alias']", dialect.Describe(x))
		}
		var expr string
		switch e := x[0].(type) {
		case string:
			if !strings.Contains(e, "(") && !strings.Contains(e, ")") {
				expr = f.QuoteIdentifier(e)
			} else {
				expr = e
			}
		default:
			if !dialect.IsSequelizeMethod(e) {
				return "", fmt.Errorf("invalid attribute %s", dialect.Describe(e))
			}
			s, err := f.SequelizeMethod(e)
			if err != nil {
				return "", err
			}
			expr = s
		}
		alias, _ := x[1].(string)
		return expr + " AS " + f.QuoteIdentifier(alias), nil
	}
	if dialect.IsSequelizeMethod(a) {
		return f.SequelizeMethod(a)
	}
	return "", fmt.Errorf("invalid attribute %s", dialect.Describe(a))
}

var orderDirections = []string{"ASC", "DESC", "ASC NULLS LAST", "DESC NULLS LAST", "ASC NULLS FIRST", "DESC NULLS FIRST", "NULLS FIRST", "NULLS LAST"}

// quoteOrderItem is queryGenerator.quote for order and group items: a
// string is a column (prefixed with the model's name when there is one), an
// array is [column, direction], a Sequelize method renders as SQL.
func (f Flavor) quoteOrderItem(item any, model string) (string, error) {
	switch x := item.(type) {
	case string:
		return f.QuoteIdentifiers(x), nil
	case []any:
		var b strings.Builder
		for i, e := range x {
			if s, ok := e.(string); ok {
				up := strings.ToUpper(s)
				if i > 0 && slices.Contains(orderDirections, up) {
					b.WriteString(" " + up)
					continue
				}
				if i == 0 && model != "" {
					b.WriteString(f.QuoteIdentifier(model) + ".")
				}
				b.WriteString(f.QuoteIdentifiers(s))
				continue
			}
			s, err := f.quoteOrderItem(e, "")
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		}
		return b.String(), nil
	}
	if dialect.IsSequelizeMethod(item) {
		return f.SequelizeMethod(item)
	}
	return "", fmt.Errorf("Unknown structure passed to order / group: %s", dialect.Describe(item))
}

// formatTyped applies the flavor's FormatTyped hook to a non-null value of
// a typed attribute.
func (f Flavor) formatTyped(v any, t *dialect.DataType, bind *[]any) (string, bool, error) {
	if f.FormatTyped == nil || t == nil || t.IsRaw() || isNullish(v) {
		return "", false, nil
	}
	return f.FormatTyped(f, v, t, func(x any) string {
		*bind = append(*bind, x)
		return "$" + strconv.Itoa(len(*bind))
	})
}

// BindValue is what DataType.bindParam hands the driver for a value of an
// attribute of type t: the type's stringify for dates and JSON, the number
// (or 'NaN'/'Infinity') for floats, a Buffer for BLOBs, the value itself
// otherwise or without a type.
func (f Flavor) BindValue(v any, t *dialect.DataType) (any, error) {
	if t == nil || t.IsRaw() || isNullish(v) {
		return v, nil
	}
	switch {
	case t.Is("DATE"):
		if tm, ok := v.(time.Time); ok {
			return f.FormatDate(tm, f.Timezone, t)
		}
	case t.Is("DATEONLY"):
		if tm, ok := v.(time.Time); ok {
			return tm.Local().Format("2006-01-02"), nil
		}
	case t.Is("JSON", "JSONB"):
		return JSONStringify(v)
	case t.Is("BLOB"):
		if s, ok := v.(string); ok {
			return []byte(s), nil
		}
	case isFloatKey(t.Key):
		if x, ok := v.(float64); ok && (x != x || x > 1.7976931348623157e308 || x < -1.7976931348623157e308) {
			return FormatNumber(x), nil
		}
	}
	return v, nil
}

// ErrEmptyInsert is kept for dialects still checking for it; Sequelize
// itself renders an empty bulkInsert as `INSERT INTO t () VALUES;` and lets
// the database reject it, which BulkInsert now does too.
var ErrEmptyInsert = errors.New("bulkInsert needs at least one row")
