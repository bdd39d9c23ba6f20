package postgres

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

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
	Type      string // "" means RAW
	Bind      any    // []any or *dialect.Object
	Plain     bool
	Nest      bool
	Returning bool // BULKUPDATE with options.returning
	// noSearchPath is supportsSearchPath: false (addIndex, commit,
	// rollback): no search_path prefix even with prependSearchPath.
	noSearchPath bool
}

// run sends sql through the querier and returns pg's results for it. A
// named bind object (named) is what the querier logs; args are bound.
func (d *Dialect) run(ctx context.Context, q dialect.Querier, sql string, args []any, named *dialect.Object) ([]*parsed, error) {
	ctx, s := withSink(ctx)
	if named != nil {
		s.params = args
		args = []any{dialect.NamedArgs{Object: named}}
	}
	rows, err := q.Query(ctx, sql, args...)
	var dbe *dialect.DBError
	if err == nil || errors.As(err, &dbe) && dbe.Kind != dialect.KindConnection {
		// The statement reached the server: Sequelize knows its version now.
		d.state.connected.Store(true)
	}
	if err != nil {
		return nil, err
	}
	res := s.results
	if res == nil && rows != nil {
		res = []*pgResult{fromRows(rows)}
	}
	return parseResults(res, s.types), nil
}

// fromRows makes a result from rows a querier other than this package's
// connection returned (tests).
func fromRows(rows *dialect.Rows) *pgResult {
	r := &pgResult{command: "SELECT", described: len(rows.Columns) > 0}
	n := int64(len(rows.Values))
	r.rowCount = &n
	for _, c := range rows.Columns {
		r.fields = append(r.fields, fieldNamed(c))
	}
	for _, vals := range rows.Values {
		row := make([][]byte, len(vals))
		for i, v := range vals {
			if v != nil {
				row[i] = []byte(fmt.Sprint(v))
			}
		}
		r.rows = append(r.rows, row)
	}
	return r
}

// query runs sql as Sequelize's postgres Query.run does and shapes the
// result as it does.
func (d *Dialect) query(ctx context.Context, q dialect.Querier, sql string, o qopts) (any, error) {
	if o.Type == "" {
		o.Type = typeRaw
	}
	if d.prependSearchPath && !o.noSearchPath {
		sql = "SET search_path to DEFAULT;" + sql
	}
	var args []any
	var named *dialect.Object
	if o.Bind != nil {
		s, params, err := sqlgen.NumberedBinds(sql, o.Bind)
		if err != nil {
			return nil, err
		}
		sql, args = s, append([]any{}, params...)
		named, _ = o.Bind.(*dialect.Object)
	}
	results, err := d.run(ctx, q, sql, args, named)
	if err != nil {
		return nil, err
	}
	return d.shape(ctx, q, sql, o, results)
}

func (d *Dialect) shape(ctx context.Context, q dialect.Querier, sql string, o qopts, results []*parsed) (any, error) {
	rows := []any{}
	var rowCount int64
	for _, r := range results {
		rows = append(rows, r.rows...)
		if r.res.rowCount != nil {
			rowCount += *r.res.rowCount
		}
	}
	if strings.HasPrefix(sql, "SELECT relname FROM pg_class WHERE oid IN") {
		out := make([]any, len(rows))
		for i, r := range rows {
			name := jsText(field(r, "relname"))
			o := &dialect.Object{}
			o.Set(dialect.Key{Name: "name"}, name)
			o.Set(dialect.Key{Name: "tableName"}, strings.Split(name, "_")[0])
			out[i] = o
		}
		return out, nil
	}
	if strings.HasPrefix(sql, "SELECT table_name FROM information_schema.tables") {
		out := make([]any, len(rows))
		for i, r := range rows {
			ro := r.(*dialect.Object)
			out[i] = append([]any{}, ro.Values...)
		}
		return out, nil
	}
	if len(rows) > 0 {
		if first := rows[0].(*dialect.Object); first != nil {
			if v, ok := first.Get("sequelize_caught_exception"); ok {
				if v != nil {
					return nil, &dialect.DBError{Kind: dialect.KindUniqueConstraint, Code: "23505", Detail: jsText(v), SQL: sql}
				}
				for _, r := range rows {
					r.(*dialect.Object).Delete("sequelize_caught_exception")
				}
			}
		}
	}
	switch {
	case o.Type == typeShowIndexes:
		return showIndexRows(rows), nil
	case o.Type == typeForeignKeys && foreignKeysQueryRE().MatchString(sql):
		return foreignKeyRows(rows), nil
	case o.Type == typeSelect:
		return selectResult(rows, o), nil
	case o.Type == typeDescribe:
		return describeRows(rows), nil
	case o.Type == typeVersion:
		if len(rows) == 0 {
			return nil, fmt.Errorf("TypeError: Cannot read properties of undefined (reading 'server_version')")
		}
		return field(rows[0], "server_version"), nil
	case strings.HasPrefix(strings.ToLower(sql), "show") || strings.HasPrefix(strings.ToLower(sql), "describe"):
		return rows, nil
	case o.Type == typeBulkUpdate:
		if !o.Returning {
			return float64(rowCount), nil
		}
		return selectResult(rows, qopts{}), nil
	case o.Type == typeBulkDelete:
		return float64(rowCount), nil
	case o.Type == typeInsert || o.Type == typeUpdate || o.Type == typeUpsert || strings.HasPrefix(strings.ToLower(sql), "insert into"):
		if o.Type == typeUpsert {
			return []any{nil, nil}, nil
		}
		var first any = rows
		if o.Plain {
			if len(rows) > 0 {
				first = rows[0]
			}
		}
		return []any{first, float64(rowCount)}, nil
	case o.Type == typeRaw:
		var meta any
		if len(results) == 1 {
			meta = results[0].resultObject()
		} else {
			list := make([]any, len(results))
			for i, r := range results {
				list[i] = r.resultObject()
			}
			meta = list
		}
		return []any{rows, meta}, nil
	}
	return rows, nil
}

func field(r any, name string) any {
	o, ok := r.(*dialect.Object)
	if !ok {
		return dialect.Undefined{}
	}
	v, found := o.Get(name)
	if !found {
		return dialect.Undefined{}
	}
	return v
}

// selectResult is handleSelectQuery for raw queries: copies of the rows
// (nested when asked), the first row (or null) when plain.
func selectResult(rows []any, o qopts) any {
	out := make([]any, len(rows))
	for i, r := range rows {
		c := r.(*dialect.Object).Clone()
		if o.Nest {
			c = sqlgen.Nest(c)
		}
		out[i] = c
	}
	if o.Plain {
		if len(out) == 0 {
			return nil
		}
		return out[0]
	}
	return out
}

var (
	showIndexDefRE     = lazyre.MustCompile(`(?i)ON .*? (?:USING .*?\s)?\(([\s\S]*)\)`)
	collateRE          = lazyre.MustCompile(`COLLATE "(.*?)"`)
	foreignKeysQueryRE = lazyre.MustCompile(`SELECT conname as constraint_name, pg_catalog\.pg_get_constraintdef\(r\.oid, true\) as condef FROM pg_catalog\.pg_constraint r WHERE r\.conrelid = \(SELECT oid FROM pg_class WHERE relname = '.*' LIMIT 1\) AND r\.contype = 'f' ORDER BY 1;`)
	fkDefRE            = lazyre.MustCompile(`FOREIGN KEY \((.+)\) REFERENCES (.+)\((.+)\)( ON (UPDATE|DELETE) (CASCADE|RESTRICT))?( ON (UPDATE|DELETE) (CASCADE|RESTRICT))?`)
	fromArrayRE        = lazyre.MustCompile(`(?i)("(?:\\.|[^"\\])*"|[^,]*)(?:\s*,\s*|\s*$)`)
)

// fromArray is the query generator's fromArray: the elements of a
// PostgreSQL array's text.
func fromArray(v any) []any {
	text, ok := v.(string)
	if !ok {
		if a, isList := v.([]any); isList {
			return a
		}
		text = jsText(v)
	}
	text = strings.TrimPrefix(text, "{")
	text = strings.TrimSuffix(text, "}")
	matches := jsMatchAll(fromArrayRE(), text)
	if len(matches) < 1 {
		return []any{}
	}
	out := make([]any, 0, len(matches))
	for _, m := range matches[:len(matches)-1] {
		m = strings.TrimSuffix(m, `",`)
		m = strings.TrimSuffix(m, ",")
		m = strings.TrimPrefix(m, `"`)
		m = strings.TrimSuffix(m, `"`)
		out = append(out, m)
	}
	return out
}

// jsMatchAll is String.prototype.match with a global regular expression:
// every match, empty ones included (the search then moves on by one).
func jsMatchAll(re *regexp.Regexp, s string) []string {
	var out []string
	for i := 0; i <= len(s); {
		loc := re.FindStringIndex(s[i:])
		if loc == nil {
			break
		}
		start, end := i+loc[0], i+loc[1]
		out = append(out, s[start:end])
		if end == start {
			i = end + 1
		} else {
			i = end
		}
	}
	return out
}

// showIndexRows is the SHOWINDEXES branch of Query.run: each index with
// its fields read from indkey, the column names and the definition.
func showIndexRows(rows []any) []any {
	for _, r := range rows {
		row := r.(*dialect.Object)
		def := jsText(field(row, "definition"))
		var attributes []string
		if m := showIndexDefRE().FindStringSubmatch(def); m != nil {
			attributes = strings.Split(m[1], ",")
		}
		columns := map[string]any{}
		idx, _ := field(row, "column_indexes").([]any)
		names := fromArray(field(row, "column_names"))
		for i, k := range idx {
			var name any = dialect.Undefined{}
			if i < len(names) {
				name = names[i]
			}
			columns[jsText(k)] = name
		}
		row.Delete("column_indexes")
		row.Delete("column_names")
		fields := []any{}
		for i, k := range strings.Split(jsText(field(row, "indkey")), " ") {
			f, ok := columns[k]
			if !ok || !truthy(f) {
				continue
			}
			attr := ""
			if i < len(attributes) {
				attr = attributes[i]
			}
			fo := &dialect.Object{}
			fo.Set(dialect.Key{Name: "attribute"}, f)
			if m := collateRE().FindStringSubmatch(attr); m != nil {
				fo.Set(dialect.Key{Name: "collate"}, m[1])
			} else {
				fo.Set(dialect.Key{Name: "collate"}, dialect.Undefined{})
			}
			switch {
			case strings.Contains(attr, "DESC"):
				fo.Set(dialect.Key{Name: "order"}, "DESC")
			case strings.Contains(attr, "ASC"):
				fo.Set(dialect.Key{Name: "order"}, "ASC")
			default:
				fo.Set(dialect.Key{Name: "order"}, dialect.Undefined{})
			}
			fo.Set(dialect.Key{Name: "length"}, dialect.Undefined{})
			fields = append(fields, fo)
		}
		row.Set(dialect.Key{Name: "fields"}, fields)
	}
	return rows
}

// foreignKeyRows is the FOREIGNKEYS branch for getForeignKeysQuery rows.
func foreignKeyRows(rows []any) []any {
	for _, r := range rows {
		row := r.(*dialect.Object)
		def, ok := field(row, "condef").(string)
		if !ok {
			continue
		}
		m := fkDefRE().FindStringSubmatch(def)
		if m == nil {
			continue
		}
		row.Set(dialect.Key{Name: "id"}, field(row, "constraint_name"))
		row.Set(dialect.Key{Name: "table"}, m[2])
		row.Set(dialect.Key{Name: "from"}, m[1])
		row.Set(dialect.Key{Name: "to"}, m[3])
		for _, i := range []int{5, 8} {
			if m[i] == "UPDATE" || m[i] == "DELETE" {
				row.Set(dialect.Key{Name: "on_" + strings.ToLower(m[i])}, m[i+1])
			}
		}
	}
	return rows
}

// describeRows is the DESCRIBE branch: the column descriptions by name.
func describeRows(rows []any) *dialect.Object {
	out := &dialect.Object{}
	for _, r := range rows {
		row := r.(*dialect.Object)
		typ := strings.ToUpper(jsText(field(row, "Type")))
		def := field(row, "Default")
		special := []any{}
		if sp := field(row, "special"); truthy(sp) {
			special = fromArray(sp)
		}
		if typ == "BOOLEAN" {
			switch def {
			case "false":
				def = false
			case "true":
				def = true
			default:
				def = nil
			}
		}
		if s, ok := def.(string); ok {
			s = strings.ReplaceAll(s, "'", "")
			if strings.Contains(s, "::") {
				split := strings.Split(s, "::")
				if strings.ToLower(split[1]) != "regclass)" {
					s = split[0]
				}
			}
			def = s
		}
		col := &dialect.Object{}
		col.Set(dialect.Key{Name: "type"}, typ)
		col.Set(dialect.Key{Name: "allowNull"}, field(row, "Null") == "YES")
		col.Set(dialect.Key{Name: "defaultValue"}, def)
		col.Set(dialect.Key{Name: "comment"}, field(row, "Comment"))
		col.Set(dialect.Key{Name: "special"}, special)
		col.Set(dialect.Key{Name: "primaryKey"}, field(row, "Constraint") == "PRIMARY KEY")
		out.Set(dialect.Key{Name: jsText(field(row, "Field"))}, col)
	}
	return out
}

func fieldNamed(name string) pgconn.FieldDescription {
	return pgconn.FieldDescription{Name: name, DataTypeOID: 25}
}
