package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// describeTable is the SQLite describeTable: PRAGMA TABLE_INFO, then the
// index list (for `unique`) and the foreign-key list (for `references`).
// It returns Sequelize's result object and the same columns as Columns, in
// table order, for the table rebuilds.
func (d *Dialect) describe(ctx context.Context, q dialect.Querier, t dialect.TableRef, schema string) (*dialect.Object, []dialect.Column, error) {
	name := t.Name
	if t.Object || t.Schema != "" {
		schema = t.Schema
	}
	pragmaTable := dialect.TableRef{Name: name}
	if schema != "" {
		pragmaTable = dialect.TableRef{Name: name, Schema: schema, Delimiter: t.Delimiter, Object: true}
	}
	data, err := d.query(ctx, q, "PRAGMA TABLE_INFO("+d.f.QuoteTable(pragmaTable)+");", qopts{Type: typeDescribe})
	if err != nil {
		return nil, nil, err
	}
	desc, _ := data.(*dialect.Object)
	if desc.Len() == 0 {
		return nil, nil, fmt.Errorf("No description found for %q table. Check the table name and schema; remember, they _are_ case sensitive.", name)
	}
	for _, v := range desc.Values {
		v.(*dialect.Object).Set(dialect.Key{Name: "unique"}, false)
	}
	idx, err := d.query(ctx, q, "PRAGMA INDEX_LIST("+d.f.QuoteTable(dialect.Table(name))+")", qopts{Type: typeDescribe})
	if err != nil {
		return nil, nil, err
	}
	indexes, _ := idx.([]any)
	for _, ix := range indexes {
		io := ix.(*dialect.Object)
		unique, _ := io.Get("unique")
		fields, _ := io.Get("fields")
		for _, f := range fields.([]any) {
			fo, ok := f.(*dialect.Object)
			if !ok {
				continue
			}
			attr, _ := fo.Get("attribute")
			col, ok := desc.Get(jsString(attr))
			if !ok || attr == nil {
				return nil, nil, fmt.Errorf("TypeError: Cannot set properties of undefined (setting 'unique')")
			}
			col.(*dialect.Object).Set(dialect.Key{Name: "unique"}, unique)
		}
	}
	fks, err := d.foreignKeyRows(ctx, q, dialect.Table(name))
	if err != nil {
		return nil, nil, err
	}
	for _, fk := range fks {
		fo := fk.(*dialect.Object)
		from, _ := fo.Get("from")
		table, _ := fo.Get("table")
		to, _ := fo.Get("to")
		col, ok := desc.Get(jsString(from))
		if !ok {
			continue
		}
		ref := &dialect.Object{}
		ref.Set(dialect.Key{Name: "model"}, table)
		ref.Set(dialect.Key{Name: "key"}, to)
		col.(*dialect.Object).Set(dialect.Key{Name: "references"}, ref)
	}
	cols := make([]dialect.Column, 0, desc.Len())
	for i, k := range desc.Keys {
		cols = append(cols, describedColumn(k.Name, desc.Values[i].(*dialect.Object)))
	}
	return desc, cols, nil
}

// describedColumn turns one describeTable entry into a Column whose type is
// the raw SQL type text, as Sequelize's rebuilds use it.
func describedColumn(name string, o *dialect.Object) dialect.Column {
	c := dialect.Column{Name: name}
	if t, ok := o.Get("type"); ok {
		c.Type = &dialect.DataType{Raw: jsString(t)}
	}
	if v, ok := o.Get("allowNull"); ok {
		b := truthy(v)
		c.AllowNull = &b
	}
	if v, ok := o.Get("defaultValue"); ok {
		c.HasDefault, c.Default = true, v
	}
	if v, ok := o.Get("primaryKey"); ok {
		b := truthy(v)
		c.PrimaryKey = &b
	}
	if v, ok := o.Get("unique"); ok {
		c.Unique = truthy(v)
	}
	if v, ok := o.Get("references"); ok {
		ro := v.(*dialect.Object)
		model, _ := ro.Get("model")
		key, _ := ro.Get("key")
		c.References = &dialect.Reference{Table: dialect.Table(jsString(model)), Key: jsString(key)}
	}
	return c
}

func (d *Dialect) describeTable(ctx context.Context, q dialect.Querier, op dialect.DescribeTable) (any, error) {
	desc, _, err := d.describe(ctx, q, op.Table, op.Schema)
	if err != nil {
		return nil, err
	}
	return desc, nil
}

func (d *Dialect) foreignKeyRows(ctx context.Context, q dialect.Querier, t dialect.TableRef) ([]any, error) {
	out, err := d.query(ctx, q, "PRAGMA foreign_key_list("+d.f.QuoteTable(t)+")", qopts{Type: typeForeignKeys})
	if err != nil {
		return nil, err
	}
	rows, _ := out.([]any)
	return rows, nil
}

// foreignKeyReferences is getForeignKeyReferencesForTable.
func (d *Dialect) foreignKeyReferences(ctx context.Context, q dialect.Querier, t dialect.TableRef) (any, error) {
	rows, err := d.foreignKeyRows(ctx, q, t)
	if err != nil {
		return nil, err
	}
	database := d.cfg.Database
	var catalog any = dialect.Undefined{}
	if database != "" {
		catalog = database
	}
	out := make([]any, 0, len(rows))
	for _, r := range rows {
		ro := r.(*dialect.Object)
		from, _ := ro.Get("from")
		table, _ := ro.Get("table")
		to, _ := ro.Get("to")
		o := &dialect.Object{}
		o.Set(dialect.Key{Name: "tableName"}, t.Name)
		o.Set(dialect.Key{Name: "columnName"}, from)
		o.Set(dialect.Key{Name: "referencedTableName"}, table)
		o.Set(dialect.Key{Name: "referencedColumnName"}, to)
		o.Set(dialect.Key{Name: "tableCatalog"}, catalog)
		o.Set(dialect.Key{Name: "referencedTableCatalog"}, catalog)
		out = append(out, o)
	}
	return out, nil
}

func backupTable(t dialect.TableRef) dialect.TableRef {
	b := t
	b.Name = t.Name + "_backup"
	return b
}

// runSplit runs each ";"-separated piece of sql as its own statement, as
// Sequelize's SQLite query interface does for its rebuilds.
func (d *Dialect) runSplit(ctx context.Context, q dialect.Querier, sql string) error {
	for _, part := range strings.Split(sql, ";") {
		if part == "" {
			continue
		}
		if _, err := d.query(ctx, q, part+";", qopts{}); err != nil {
			return err
		}
	}
	return nil
}

// withForeignKeysOff runs a table rebuild so that no row is lost: SQLite
// performs an implicit DELETE when a parent table is dropped, which with
// foreign keys enforced fires ON DELETE actions on child rows (Sequelize's
// rebuilds empty child tables that way). Outside a transaction foreign keys
// are switched off for the rebuild and checked afterwards. Inside one the
// switch is a no-op, so the rebuild is refused when it would delete or
// change child rows.
func (d *Dialect) withForeignKeysOff(ctx context.Context, q dialect.Querier, t dialect.TableRef, rebuild func() error) error {
	ictx := dialect.WithInternal(ctx)
	on, err := d.foreignKeysOn(ictx, q)
	if err != nil {
		return err
	}
	if !on {
		return rebuild()
	}
	if _, err := q.Exec(ictx, "PRAGMA foreign_keys = OFF"); err != nil {
		return err
	}
	still, err := d.foreignKeysOn(ictx, q)
	if err != nil {
		return err
	}
	if still {
		// Inside a transaction: PRAGMA foreign_keys cannot change.
		if err := d.refuseCascade(ictx, q, t); err != nil {
			return err
		}
		return rebuild()
	}
	rerr := rebuild()
	if _, err := q.Exec(ictx, "PRAGMA foreign_keys = ON"); err != nil && rerr == nil {
		rerr = err
	}
	if rerr != nil {
		return rerr
	}
	rows, err := q.Query(ictx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	if len(rows.Values) > 0 {
		var bad []string
		for _, r := range rows.Values {
			bad = append(bad, fmt.Sprintf("%v row %v → %v", r[0], r[1], r[2]))
		}
		return fmt.Errorf("sqlite: after rebuilding table %s, rows break foreign keys: %s", t, strings.Join(bad, "; "))
	}
	return nil
}

func (d *Dialect) foreignKeysOn(ctx context.Context, q dialect.Querier) (bool, error) {
	rows, err := q.Query(ctx, "PRAGMA foreign_keys")
	if err != nil {
		return false, err
	}
	return len(rows.Values) > 0 && len(rows.Values[0]) > 0 && truthy(jsValue(rows.Values[0][0])), nil
}

// refuseCascade fails when dropping t would fire a foreign-key action on
// existing child rows.
func (d *Dialect) refuseCascade(ctx context.Context, q dialect.Querier, t dialect.TableRef) error {
	tables, err := q.Query(ctx, "SELECT name FROM sqlite_master WHERE type='table'")
	if err != nil {
		return err
	}
	for _, tr := range tables.Values {
		child := jsString(tr[0])
		fks, err := q.Query(ctx, "PRAGMA foreign_key_list("+d.f.QuoteIdentifier(child)+")")
		if err != nil {
			return err
		}
		for _, fk := range rowObjects(fks) {
			fo := fk.(*dialect.Object)
			parent, _ := fo.Get("table")
			action, _ := fo.Get("on_delete")
			a := strings.ToUpper(jsString(action))
			if jsString(parent) != t.String() || (a != "CASCADE" && a != "SET NULL" && a != "SET DEFAULT") {
				continue
			}
			n, err := q.Query(ctx, "SELECT 1 FROM "+d.f.QuoteIdentifier(child)+" LIMIT 1")
			if err != nil {
				return err
			}
			if len(n.Values) > 0 {
				return fmt.Errorf("sqlite: rebuilding table %s inside a transaction would run ON DELETE %s on the rows of %s (SQLite cannot switch foreign keys off inside a transaction); run this change outside the transaction", t, a, child)
			}
		}
	}
	return nil
}

// rebuildQuery is removeColumnQuery: copy into <t>_backup, drop, recreate
// from the described columns, copy back, drop the backup.
func (d *Dialect) rebuildQuery(ctx context.Context, t dialect.TableRef, cols []dialect.Column, selectCols func(attrs []attr) (string, string)) (string, error) {
	attrs, err := d.attributesSQL(ctx, cols)
	if err != nil {
		return "", err
	}
	bt := backupTable(t)
	qt, qb := d.f.QuoteTable(t), d.f.QuoteTable(bt)
	imp, exp := selectCols(attrs)
	return d.createTableQuery(bt, attrs, nil) +
		"INSERT INTO " + qb + " SELECT " + imp + " FROM " + qt + ";" +
		"DROP TABLE " + qt + ";" +
		d.createTableQuery(t, attrs, nil) +
		"INSERT INTO " + qt + " SELECT " + exp + " FROM " + qb + ";" +
		"DROP TABLE " + qb + ";", nil
}

func (d *Dialect) names(attrs []attr) string {
	q := make([]string, len(attrs))
	for i, a := range attrs {
		q[i] = d.f.QuoteIdentifier(a.name)
	}
	return strings.Join(q, ", ")
}

func (d *Dialect) removeColumn(ctx context.Context, q dialect.Querier, op dialect.RemoveColumn) (any, error) {
	_, cols, err := d.describe(ctx, q, op.Table, "")
	if err != nil {
		return nil, err
	}
	kept := cols[:0:0]
	for _, c := range cols {
		if c.Name != op.Column {
			kept = append(kept, c)
		}
	}
	return d.rebuild(ctx, q, op.Table, kept, nil)
}

func (d *Dialect) changeColumn(ctx context.Context, q dialect.Querier, op dialect.ChangeColumn) (any, error) {
	_, cols, err := d.describe(ctx, q, op.Table, "")
	if err != nil {
		return nil, err
	}
	found := false
	for i, c := range cols {
		if c.Name == op.Column.Name {
			cols[i] = c.Merge(op.Column)
			found = true
		}
	}
	if !found {
		return nil, errors.New("TypeError: Cannot convert undefined or null to object")
	}
	return d.rebuild(ctx, q, op.Table, cols, nil)
}

func (d *Dialect) renameColumn(ctx context.Context, q dialect.Querier, op dialect.RenameColumn) (any, error) {
	_, cols, err := d.describe(ctx, q, op.Table, "")
	if err != nil {
		return nil, err
	}
	var moved *dialect.Column
	var rest []dialect.Column
	for _, c := range cols {
		if c.Name == op.From {
			cc := c
			moved = &cc
			continue
		}
		rest = append(rest, c)
	}
	if moved == nil {
		name := op.Table.Name
		if op.Table.Object {
			name = "[object Object]"
		}
		return nil, fmt.Errorf("Table %s doesn't have the column %s", name, op.From)
	}
	// fields[after] = {...fields[before]}; delete fields[before]: the renamed
	// column moves to the end, unless a column of that name already exists.
	renamed := *moved
	renamed.Name = op.To
	replaced := false
	for i := range rest {
		if rest[i].Name == op.To {
			rest[i] = renamed
			replaced = true
		}
	}
	if !replaced {
		rest = append(rest, renamed)
	}
	return d.rebuild(ctx, q, op.Table, rest, func(attrs []attr) (string, string) {
		imp := make([]string, len(attrs))
		for i, a := range attrs {
			if a.name == op.To {
				imp[i] = d.f.QuoteIdentifier(op.From) + " AS " + d.f.QuoteIdentifier(a.name)
			} else {
				imp[i] = d.f.QuoteIdentifier(a.name)
			}
		}
		return strings.Join(imp, ", "), d.names(attrs)
	})
}

func (d *Dialect) rebuild(ctx context.Context, q dialect.Querier, t dialect.TableRef, cols []dialect.Column, sel func([]attr) (string, string)) (any, error) {
	if sel == nil {
		sel = func(attrs []attr) (string, string) { n := d.names(attrs); return n, n }
	}
	sql, err := d.rebuildQuery(ctx, t, cols, sel)
	if err != nil {
		return nil, err
	}
	err = d.withForeignKeysOff(ctx, q, t, func() error { return d.runSplit(ctx, q, sql) })
	if err != nil {
		return nil, err
	}
	return dialect.Undefined{}, nil
}

func (d *Dialect) showConstraintsQuery(table, name string) string {
	sql := "SELECT sql FROM sqlite_master WHERE tbl_name='" + table + "'"
	if name != "" {
		sql += " AND sql LIKE '%" + name + "%'"
	}
	return sql + ";"
}

// constraint is one CONSTRAINT clause parsed from a stored CREATE TABLE, as
// Sequelize's parseConstraintsFromSql reads it.
type constraint struct {
	Name, Type, SQL, Condition         string
	RefTable                           string
	RefKeys                            []string
	UpdateAction, DeleteAction         string
	hasRef, hasUpdateAction, hasDelete bool
}

var (
	onUpdateRE   = lazyre.MustCompile(`ON UPDATE (CASCADE|SET NULL|RESTRICT|NO ACTION|SET DEFAULT){1}`)
	onDeleteRE   = lazyre.MustCompile(`ON DELETE (CASCADE|SET NULL|RESTRICT|NO ACTION|SET DEFAULT){1}`)
	referencesRE = lazyre.MustCompile(`REFERENCES.+\((?:[^)(]+|\((?:[^)(]+|\([^)(]*\))*\))*\)`)
	conditionRE  = lazyre.MustCompile(`\((?:[^)(]+|\((?:[^)(]+|\([^)(]*\))*\))*\)`)
	parensRE     = lazyre.MustCompile(`\(.+\)`)
)

// parseConstraints mirrors parseConstraintsFromSql, including its habit of
// carrying the previous clause's reference fields into later clauses.
func parseConstraints(sql string) []constraint {
	parts := strings.Split(sql, "CONSTRAINT ")[1:]
	var out []constraint
	var refTable string
	var refKeys []string
	var upd, del string
	var hasUpd, hasDel, hasRef bool
	for _, p := range parts {
		if strings.Contains(p, "REFERENCES") {
			upd, hasUpd = "", false
			if m := onUpdateRE().FindStringSubmatch(p); m != nil {
				upd, hasUpd = m[1], true
			}
			del, hasDel = "", false
			if m := onDeleteRE().FindStringSubmatch(p); m != nil {
				del, hasDel = m[1], true
			}
			if m := referencesRE().FindString(p); m != "" {
				cond := strings.Split(m, " ")
				if len(cond) > 1 {
					refTable = strings.ReplaceAll(cond[1], "`", "")
				}
				if len(cond) > 2 {
					cols := strings.Split(strings.NewReplacer("(", "", ")", "").Replace(cond[2]), ", ")
					refKeys = nil
					for _, c := range cols {
						refKeys = append(refKeys, strings.ReplaceAll(c, "`", ""))
					}
				}
				hasRef = true
			}
		}
		cond := conditionRE().FindString(p)
		rest := parensRE().ReplaceAllString(p, "")
		words := strings.Split(rest, " ")
		typ := ""
		if len(words) > 1 {
			typ = words[1]
			if typ == "PRIMARY" || typ == "FOREIGN" {
				typ += " KEY"
			}
		}
		out = append(out, constraint{
			Name: strings.ReplaceAll(words[0], "`", ""), Type: typ,
			SQL: strings.ReplaceAll(sql, `"`, "`"), Condition: cond,
			RefTable: refTable, RefKeys: refKeys, UpdateAction: upd, DeleteAction: del,
			hasRef: hasRef, hasUpdateAction: hasUpd, hasDelete: hasDel,
		})
	}
	return out
}

func constraintsToJS(cs []constraint) []any {
	out := make([]any, 0, len(cs))
	for _, c := range cs {
		o := &dialect.Object{}
		o.Set(dialect.Key{Name: "constraintName"}, c.Name)
		o.Set(dialect.Key{Name: "constraintType"}, c.Type)
		o.Set(dialect.Key{Name: "updateAction"}, optString(c.UpdateAction, c.hasUpdateAction || c.hasRef))
		o.Set(dialect.Key{Name: "deleteAction"}, optString(c.DeleteAction, c.hasDelete || c.hasRef))
		o.Set(dialect.Key{Name: "sql"}, c.SQL)
		o.Set(dialect.Key{Name: "constraintCondition"}, c.Condition)
		if c.hasRef {
			o.Set(dialect.Key{Name: "referenceTableName"}, c.RefTable)
			keys := make([]any, len(c.RefKeys))
			for i, k := range c.RefKeys {
				keys[i] = k
			}
			o.Set(dialect.Key{Name: "referenceTableKeys"}, keys)
		} else {
			o.Set(dialect.Key{Name: "referenceTableName"}, dialect.Undefined{})
			o.Set(dialect.Key{Name: "referenceTableKeys"}, dialect.Undefined{})
		}
		out = append(out, o)
	}
	return out
}

func optString(s string, set bool) any {
	if s == "" {
		if set {
			return nil
		}
		return dialect.Undefined{}
	}
	return s
}

// alterConstraintQuery is _alterConstraintQuery: the stored CREATE TABLE
// (edited) creates <t>_backup, rows are copied, the table dropped and the
// backup renamed.
func (d *Dialect) alterConstraintQuery(ctx context.Context, t dialect.TableRef, cols []dialect.Column, createSQL string) (string, error) {
	attrs, err := d.attributesSQL(ctx, cols)
	if err != nil {
		return "", err
	}
	qt, qb := d.f.QuoteTable(t), d.f.QuoteTable(backupTable(t))
	s := strings.Replace(createSQL, "CREATE TABLE "+qt, "CREATE TABLE "+qb, 1)
	s = strings.Replace(s, "CREATE TABLE "+strings.ReplaceAll(qt, "`", `"`), "CREATE TABLE "+qb, 1)
	n := d.names(attrs)
	return s + "INSERT INTO " + qb + " SELECT " + n + " FROM " + qt + ";DROP TABLE " + qt + ";ALTER TABLE " + qb + " RENAME TO " + qt + ";", nil
}

func (d *Dialect) addConstraint(ctx context.Context, q dialect.Querier, op dialect.AddConstraint) (any, error) {
	c := op.Constraint
	if c.Fields == nil {
		return nil, errors.New("Fields must be specified through options.fields")
	}
	if c.Type == "" {
		return nil, errors.New("Constraint type must be specified through options.type")
	}
	tableText := op.Table.Name
	if op.Table.Object {
		tableText = "[object Object]"
	}
	snippet, err := d.f.ConstraintSnippet(tableText, c)
	if err != nil {
		return nil, err
	}
	out, err := d.query(ctx, q, "SELECT sql FROM sqlite_master WHERE tbl_name='"+tableText+"';", qopts{Type: typeSelect})
	if err != nil {
		return nil, err
	}
	rows, _ := out.([]any)
	if len(rows) == 0 {
		return nil, errors.New("TypeError: Cannot read properties of undefined (reading 'sql')")
	}
	sql := jsString(rowField(rows[0], "sql"))
	if sql == "" {
		return nil, errors.New("TypeError: Cannot read properties of undefined (reading 'length')")
	}
	create := sql[:len(sql)-1] + ", " + snippet + ")" + sql[len(sql):] + ";"
	_, cols, err := d.describe(ctx, q, op.Table, "")
	if err != nil {
		return nil, err
	}
	alter, err := d.alterConstraintQuery(ctx, op.Table, cols, create)
	if err != nil {
		return nil, err
	}
	if err := d.withForeignKeysOff(ctx, q, op.Table, func() error { return d.runSplit(ctx, q, alter) }); err != nil {
		return nil, err
	}
	return dialect.Undefined{}, nil
}

func (d *Dialect) removeConstraint(ctx context.Context, q dialect.Querier, op dialect.RemoveConstraint) (any, error) {
	// Logged as Sequelize's showConstraint query; parsed here. Sequelize
	// calls showConstraint without the options, so the lookup runs on the
	// default connection even inside a transaction.
	out, err := d.query(ctx, dialect.DefaultQuerier(ctx, q), d.showConstraintsQuery(op.Table.Name, op.Name), qopts{Type: typeSelect})
	if err != nil {
		return nil, err
	}
	var found *constraint
	if rows, ok := out.([]any); ok && len(rows) > 0 {
		if sql, ok := rowField(rows[0], "sql").(string); ok && sql != "" {
			for _, c := range parseConstraints(sql) {
				if c.Name == op.Name {
					cc := c
					found = &cc
					break
				}
			}
		}
	}
	if found == nil {
		return nil, &dialect.DBError{Kind: dialect.KindUnknownConstraint, Message: fmt.Sprintf("Constraint %s on table %s does not exist", op.Name, op.Table.Name), Constraint: op.Name, Table: op.Table.Name}
	}
	snippet := ", CONSTRAINT " + d.f.QuoteIdentifier(found.Name) + " " + found.Type + " " + found.Condition
	if found.Type == "FOREIGN KEY" {
		keys := make([]string, len(found.RefKeys))
		for i, k := range found.RefKeys {
			keys[i] = d.f.QuoteIdentifier(k)
		}
		snippet += " REFERENCES " + d.f.QuoteTable(dialect.Table(found.RefTable)) + " (" + strings.Join(keys, ", ") + ")"
		snippet += " ON UPDATE " + actionText(found.UpdateAction, found.hasUpdateAction)
		snippet += " ON DELETE " + actionText(found.DeleteAction, found.hasDelete)
	}
	create := strings.Replace(found.SQL, snippet, "", 1) + ";"
	_, cols, err := d.describe(ctx, q, op.Table, "")
	if err != nil {
		return nil, err
	}
	alter, err := d.alterConstraintQuery(ctx, op.Table, cols, create)
	if err != nil {
		return nil, err
	}
	if err := d.withForeignKeysOff(ctx, q, op.Table, func() error { return d.runSplit(ctx, q, alter) }); err != nil {
		return nil, err
	}
	return dialect.Undefined{}, nil
}

// actionText renders a parsed action as JavaScript's template literal does
// (a missing match is the text "null").
func actionText(s string, set bool) string {
	if !set {
		return "null"
	}
	return s
}
