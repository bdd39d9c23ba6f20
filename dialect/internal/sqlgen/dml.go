package sqlgen

import (
	"errors"
	"strconv"
	"strings"
	"time"

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
// values; columns are the union of the rows' keys in first-seen order.
func (f Flavor) BulkInsert(op dialect.BulkInsert) (string, error) {
	var cols []string
	seen := map[string]bool{}
	serial := map[string]bool{}
	for _, row := range op.Rows {
		for _, k := range row.Keys {
			if k.Op {
				continue
			}
			if !seen[k.Name] {
				seen[k.Name] = true
				cols = append(cols, k.Name)
			}
			if a, ok := op.Attributes[k.Name]; ok && a.IsAutoIncrement() {
				serial[k.Name] = true
			}
		}
	}
	tuples := make([]string, len(op.Rows))
	for i, row := range op.Rows {
		vals := make([]string, len(cols))
		for j, c := range cols {
			v, ok := row.Get(c)
			if !ok {
				v = dialect.Undefined{}
			}
			if f.BulkDefault && serial[c] {
				if isNullish(v) {
					vals[j] = "DEFAULT"
					continue
				}
			}
			s, err := f.Escape(v, attrType(op.Attributes, c))
			if err != nil {
				return "", err
			}
			vals[j] = s
		}
		tuples[i] = "(" + strings.Join(vals, ",") + ")"
	}
	onDup := ""
	if f.UpdateOnDuplicate != "" && op.Options.UpdateOnDuplicate != nil {
		if f.UpdateOnDuplicate == " ON CONFLICT DO UPDATE SET" {
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
	ignore, doNothing := "", ""
	if op.Options.IgnoreDuplicates {
		ignore, doNothing = f.IgnoreDuplicates, f.OnConflictDoNothing
	}
	returning := ""
	if f.ReturnValues && truthy(op.Options.Returning) {
		returning = f.returning(op.Options.Returning)
	}
	quotedCols := make([]string, len(cols))
	for i, c := range cols {
		quotedCols[i] = f.QuoteIdentifier(c)
	}
	return JoinFragments("INSERT", ignore, "INTO", f.QuoteTable(op.Table), "("+strings.Join(quotedCols, ",")+")",
		"VALUES", strings.Join(tuples, ","), onDup, doNothing, returning, ";"), nil
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
		if dialect.IsSequelizeMethod(v) {
			s, err := f.Escape(v, attrType(op.Attributes, k.Name))
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
	var q string
	if len(fields) > 0 {
		q = "INSERT" + ignore + " INTO " + table + " (" + strings.Join(fields, ",") + ") VALUES (" + strings.Join(values, ",") + ")" + doNothing + returning
	} else {
		q = "INSERT" + ignore + " INTO " + table + doNothing + f.DefaultValues + returning
	}
	return q + ";", bind, nil
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
		if dialect.IsSequelizeMethod(v) {
			s, err := f.Escape(v, attrType(op.Attributes, k.Name))
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
	where, err := f.Where(op.Where, WhereOptions{Bind: &bind})
	if err != nil {
		return "", nil, err
	}
	q := strings.TrimSpace("UPDATE " + f.QuoteTable(op.Table) + " SET " + strings.Join(sets, ",") + " " + where + limitSuffix)
	return q, bind, nil
}

// Select renders a simple selectQuery: attributes, where, order, limit.
func (f Flavor) Select(op dialect.Select) (string, error) {
	attrs := "*"
	if op.Attributes != nil {
		q := make([]string, len(op.Attributes))
		for i, a := range op.Attributes {
			q[i] = f.QuoteIdentifier(a)
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
	if len(op.Order) > 0 {
		parts := make([]string, len(op.Order))
		for i, o := range op.Order {
			parts[i] = f.QuoteTable(prefix) + "." + f.QuoteIdentifier(o[0]) + " " + o[1]
		}
		q += " ORDER BY " + strings.Join(parts, ", ")
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
	}
	return q + ";", nil
}

// ErrEmptyInsert is returned for bulkInsert with no rows, which Sequelize
// turns into invalid SQL.
var ErrEmptyInsert = errors.New("bulkInsert needs at least one row")

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
