package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// RenderBulkInsert is dialect.BulkInsertRenderer: the bulkInsert statement
// rendered from the records when the call is made.
func (d *Dialect) RenderBulkInsert(op *dialect.BulkInsert, src dialect.RowSource) error {
	if err := returningFields(op.Options.Returning, op.Attributes); err != nil {
		return err
	}
	return d.f.SetBulkInsertSQL(op, src)
}

// Exec performs op as Sequelize's postgres query interface does.
func (d *Dialect) Exec(ctx context.Context, q dialect.Querier, op dialect.Op) (any, error) {
	switch op := op.(type) {
	case dialect.CreateTable:
		return d.createTable(ctx, q, op)
	case dialect.DropTable:
		sql := "DROP TABLE IF EXISTS " + d.f.QuoteTable(op.Table)
		if op.Cascade {
			sql += " CASCADE"
		}
		_, err := d.query(ctx, q, sql+";", qopts{})
		return dialect.Undefined{}, err
	case dialect.DropAllTables:
		return d.dropAllTables(ctx, q, op)
	case dialect.RenameTable:
		return d.query(ctx, q, "ALTER TABLE "+d.f.QuoteTable(op.From)+" RENAME TO "+d.f.QuoteTable(op.To)+";", qopts{})
	case dialect.ShowAllTables:
		return d.showAllTables(ctx, q)
	case dialect.TableExists:
		schema := op.Table.Schema
		if schema == "" {
			schema = "public"
		}
		sql := "SELECT table_name FROM information_schema.tables WHERE table_schema = " + d.lit(schema) + " AND table_name = " + d.lit(op.Table.Name)
		out, err := d.query(ctx, q, sql, qopts{Type: typeShowTables})
		if err != nil {
			return nil, err
		}
		list, _ := out.([]any)
		return len(list) == 1, nil
	case dialect.DescribeTable:
		return d.describeTable(ctx, q, op)
	case dialect.AddColumn:
		if op.Table.Name == "" || op.Column.Name == "" {
			return nil, errors.New("addColumn takes at least 3 arguments (table, attribute name, attribute definition)")
		}
		normalizeWarnings(ctx, op.Column)
		sql, err := d.addColumnQuery(ctx, op.Table, op.Column)
		if err != nil {
			return nil, err
		}
		return d.query(ctx, q, sql, qopts{})
	case dialect.RemoveColumn:
		schema, name, delim := d.tableDetails(op.Table)
		t := d.f.QuoteTable(dialect.TableRef{Name: name, Schema: schema, Delimiter: delim, Object: true})
		return d.query(ctx, q, "ALTER TABLE "+t+" DROP COLUMN "+d.f.QuoteIdentifier(op.Column)+";", qopts{})
	case dialect.ChangeColumn:
		return d.changeColumn(ctx, q, op)
	case dialect.RenameColumn:
		return d.renameColumn(ctx, q, op)
	case dialect.AddIndex:
		sql, err := d.f.AddIndex(op.Table, op.Index, op.RawTable)
		if err != nil {
			return nil, err
		}
		// addIndex runs with supportsSearchPath: false.
		return d.query(ctx, q, sql, qopts{noSearchPath: true})
	case dialect.RemoveIndex:
		name := sqlgen.RemoveIndexName(op.Table, op.Name, op.Fields)
		sql := "DROP INDEX"
		if op.Concurrently {
			sql += " CONCURRENTLY"
		}
		return d.query(ctx, q, sql+" IF EXISTS "+d.f.QuoteIdentifiers(name), qopts{})
	case dialect.ShowIndex:
		return d.query(ctx, q, d.showIndexesQuery(op.Table), qopts{Type: typeShowIndexes})
	case dialect.AddConstraint:
		table := d.f.QuoteTableForStringOps(op.Table)
		snippet, err := d.f.ConstraintSnippet(table, op.Constraint)
		if err != nil {
			return nil, err
		}
		// addConstraint hands its own options to sequelize.query, so the
		// constraint type ("UNIQUE"…) becomes the query type: no branch of
		// Query.run matches it and the rows ([]) are returned.
		return d.query(ctx, q, sqlgen.JoinFragments("ALTER TABLE", table, "ADD", snippet, ";"), qopts{Type: op.Constraint.Type})
	case dialect.RemoveConstraint:
		table := d.f.QuoteTableForStringOps(op.Table)
		return d.query(ctx, q, sqlgen.JoinFragments("ALTER TABLE", table, "DROP CONSTRAINT", d.f.QuoteIdentifiers(op.Name)), qopts{})
	case dialect.ShowConstraint:
		return d.query(ctx, q, showConstraintsQuery(tableText(op.Table)), qopts{Type: typeShowConstraints})
	case dialect.GetForeignKeyReferences:
		return d.foreignKeyReferences(ctx, q, op.Table)
	case dialect.BulkInsert:
		if err := returningFields(op.Options.Returning, op.Attributes); err != nil {
			return nil, err
		}
		// The attributes argument is not normalized by Sequelize: types
		// from require('sequelize') keep the base stringify, types from
		// DataTypes.postgres the dialect's. sqzjs cannot tell them apart
		// and renders the dialect's (the base ones write SQL PostgreSQL
		// rejects: ARRAY(DATE) cast to DATETIME[], BLOB as X'…', RANGE and
		// HSTORE objects as invalid values).
		sql, err := d.f.BulkInsert(op)
		if err != nil {
			return nil, err
		}
		out, err := d.query(ctx, q, sql, qopts{Type: typeInsert})
		if err != nil {
			return nil, err
		}
		if a, ok := out.([]any); ok && len(a) > 0 {
			return a[0], nil
		}
		return dialect.Undefined{}, nil
	case dialect.Insert:
		if op.Values == nil {
			op.Values = &dialect.Object{}
		}
		sql, bind, err := d.f.Insert(op)
		if err != nil {
			return nil, err
		}
		return d.query(ctx, q, sql, qopts{Type: typeInsert, Bind: d.bindList(bind)})
	case dialect.BulkUpdate:
		if op.Values == nil {
			op.Values = &dialect.Object{}
		}
		suffix := ""
		if op.Returning != nil {
			suffix = returningSuffix(d.f, op.Returning)
		}
		sql, bind, err := d.f.Update(op, suffix)
		if err != nil {
			return nil, err
		}
		if sql == "" {
			return nil, errors.New("bulkUpdate: no values to update")
		}
		return d.query(ctx, q, sql, qopts{Type: typeBulkUpdate, Bind: d.bindList(bind), Returning: op.Returning != nil})
	case dialect.BulkDelete:
		return d.bulkDelete(ctx, q, op)
	case dialect.Select:
		if op.Model != nil {
			sql, err := d.f.ModelSelect(op.Table, op.Model)
			if err != nil {
				return nil, err
			}
			return d.query(ctx, q, sql, qopts{Type: typeSelect})
		}
		sql, err := d.f.Select(op)
		if err != nil {
			return nil, err
		}
		return d.query(ctx, q, sql, qopts{Type: typeSelect})
	case dialect.Raw:
		return d.raw(ctx, q, op)
	case dialect.Version:
		return d.query(ctx, q, "SHOW SERVER_VERSION", qopts{Type: typeVersion})
	case dialect.CreateSchema:
		// The generator checks databaseVersion (>= 9.2 adds IF NOT EXISTS),
		// which Sequelize only knows once a connection was made.
		ifNotExists := ""
		if d.state.connected.Load() {
			ifNotExists = "IF NOT EXISTS "
		}
		return d.query(ctx, q, "CREATE SCHEMA "+ifNotExists+d.f.QuoteIdentifier(op.Schema)+";", qopts{})
	case dialect.DropSchema:
		return d.query(ctx, q, "DROP SCHEMA IF EXISTS "+d.f.QuoteIdentifier(op.Schema)+" CASCADE;", qopts{})
	case dialect.ShowAllSchemas:
		out, err := d.query(ctx, q, "SELECT schema_name FROM information_schema.schemata WHERE schema_name <> 'information_schema' AND schema_name != 'public' AND schema_name !~ E'^pg_';", qopts{Type: typeSelect})
		if err != nil {
			return nil, err
		}
		rows, _ := out.([]any)
		names := make([]any, 0, len(rows))
		for _, r := range rows {
			if v := field(r, "schema_name"); truthy(v) {
				names = append(names, v)
			} else {
				names = append(names, r)
			}
		}
		return names, nil
	case dialect.Begin:
		if op.Savepoint != "" {
			return d.query(ctx, q, "SAVEPOINT "+d.f.QuoteIdentifier(op.Savepoint)+";", qopts{})
		}
		out, err := d.query(ctx, q, "START TRANSACTION;", qopts{})
		if err != nil {
			return nil, err
		}
		if op.DeferSQL != "" { // Transaction.setDeferrable
			if _, err := d.query(ctx, q, op.DeferSQL, qopts{}); err != nil {
				return nil, err
			}
		}
		if op.Isolation != "" {
			return d.query(ctx, q, "SET TRANSACTION ISOLATION LEVEL "+op.Isolation+";", qopts{})
		}
		return out, nil
	case dialect.Commit:
		if op.Savepoint != "" {
			return dialect.Undefined{}, nil
		}
		return d.query(ctx, q, "COMMIT;", qopts{noSearchPath: true})
	case dialect.Rollback:
		if op.Savepoint != "" {
			return d.query(ctx, q, "ROLLBACK TO SAVEPOINT "+d.f.QuoteIdentifier(op.Savepoint)+";", qopts{noSearchPath: true})
		}
		return d.query(ctx, q, "ROLLBACK;", qopts{noSearchPath: true})
	}
	return nil, dialect.Unsupported(dialect.Postgres, "operation %s", op.Method())
}

// bindList is the bind array insertQuery and updateQuery hand
// sequelize.query: always an array, even empty (logged as such, run without
// parameters), and none at all when values are inlined.
func (d *Dialect) bindList(b []any) any {
	if d.f.InlineValues {
		return nil
	}
	if b == nil {
		return []any{}
	}
	return b
}

// returningFields is generateReturnValues' check for returning: true with
// attributes: each attribute's field is quoted, and an attribute without a
// field makes Sequelize throw.
func returningFields(returning any, attrs map[string]dialect.Column) error {
	if !truthy(returning) || len(attrs) == 0 {
		return nil
	}
	if _, list := returning.([]any); list {
		return nil
	}
	for _, a := range attrs {
		if a.Field == "" {
			return errors.New("TypeError: Cannot read properties of undefined (reading 'replace')")
		}
	}
	return nil
}

// lit escapes a string literal.
func (d *Dialect) lit(s string) string {
	out, _ := d.f.EscapeValue(s, "", false)
	return out
}

func (d *Dialect) createTable(ctx context.Context, q dialect.Querier, op dialect.CreateTable) (any, error) {
	normalizeWarnings(ctx, op.Columns...)
	if err := d.ensureEnums(ctx, q, op.Table, op.Columns); err != nil {
		return nil, err
	}
	attrs, err := d.attributesToSQL(op.Columns, attrOpts{ctx: ctx, context: "createTable", table: op.Table})
	if err != nil {
		return nil, err
	}
	sql, err := d.createTableQuery(op.Table, attrs, op)
	if err != nil {
		return nil, err
	}
	return d.query(ctx, q, sql, qopts{})
}

func (d *Dialect) showAllTables(ctx context.Context, q dialect.Querier) ([]any, error) {
	sql := "SELECT table_name FROM information_schema.tables WHERE table_schema = " + d.lit(d.schema()) + " AND table_type LIKE '%TABLE' AND table_name != 'spatial_ref_sys';"
	out, err := d.query(ctx, q, sql, qopts{Type: typeShowTables})
	if err != nil {
		return nil, err
	}
	var names []any
	for _, r := range out.([]any) {
		if a, ok := r.([]any); ok {
			names = append(names, a...)
		} else {
			names = append(names, r)
		}
	}
	if names == nil {
		names = []any{}
	}
	return names, nil
}

// getForeignKeysQuery lists a table's foreign keys.
func getForeignKeysQuery(table string) string {
	return "SELECT conname as constraint_name, pg_catalog.pg_get_constraintdef(r.oid, true) as condef FROM pg_catalog.pg_constraint r WHERE r.conrelid = (SELECT oid FROM pg_class WHERE relname = '" + table + "' LIMIT 1) AND r.contype = 'f' ORDER BY 1;"
}

func (d *Dialect) dropAllTables(ctx context.Context, q dialect.Querier, op dialect.DropAllTables) (any, error) {
	tables, err := d.showAllTables(ctx, q)
	if err != nil {
		return nil, err
	}
	fks := make([][]string, len(tables))
	for i, t := range tables {
		out, err := d.query(ctx, q, getForeignKeysQuery(jsText(t)), qopts{Type: typeForeignKeys})
		if err != nil {
			return nil, err
		}
		for _, r := range out.([]any) {
			if n := field(r, "constraint_name"); truthy(n) {
				fks[i] = append(fks[i], jsText(n))
			}
		}
	}
	for i, t := range tables {
		for _, fk := range fks[i] {
			sql := "ALTER TABLE " + d.f.QuoteIdentifier(jsText(t)) + " DROP CONSTRAINT " + d.f.QuoteIdentifier(fk) + ";"
			if _, err := d.query(ctx, q, sql, qopts{}); err != nil {
				return nil, err
			}
		}
	}
	skip := map[string]bool{}
	for _, s := range op.Skip {
		skip[s] = true
	}
	for _, t := range tables {
		if _, isObj := t.(*dialect.Object); isObj {
			// The table list holds row objects when the query was
			// prefixed (prependSearchPath): quoteTable reads their
			// undefined tableName.
			return nil, errors.New("TypeError: Cannot read properties of undefined (reading 'replace')")
		}
		name := jsText(t)
		if skip[name] {
			continue
		}
		if _, err := d.query(ctx, q, "DROP TABLE IF EXISTS "+d.f.QuoteIdentifier(name)+" CASCADE;", qopts{}); err != nil {
			return nil, err
		}
	}
	return dialect.Undefined{}, nil
}

func (d *Dialect) describeTableQuery(table, schema string) string {
	if schema == "" {
		schema = d.schema()
	}
	return `SELECT pk.constraint_type as "Constraint",c.column_name as "Field", c.column_default as "Default",c.is_nullable as "Null", (CASE WHEN c.udt_name = 'hstore' THEN c.udt_name ELSE c.data_type END) || (CASE WHEN c.character_maximum_length IS NOT NULL THEN '(' || c.character_maximum_length || ')' ELSE '' END) as "Type", (SELECT array_agg(e.enumlabel) FROM pg_catalog.pg_type t JOIN pg_catalog.pg_enum e ON t.oid=e.enumtypid WHERE t.typname=c.udt_name) AS "special", (SELECT pgd.description FROM pg_catalog.pg_statio_all_tables AS st INNER JOIN pg_catalog.pg_description pgd on (pgd.objoid=st.relid) WHERE c.ordinal_position=pgd.objsubid AND c.table_name=st.relname) AS "Comment" FROM information_schema.columns c LEFT JOIN (SELECT tc.table_schema, tc.table_name, cu.column_name, tc.constraint_type FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.KEY_COLUMN_USAGE  cu ON tc.table_schema=cu.table_schema and tc.table_name=cu.table_name and tc.constraint_name=cu.constraint_name and tc.constraint_type='PRIMARY KEY') pk ON pk.table_schema=c.table_schema AND pk.table_name=c.table_name AND pk.column_name=c.column_name WHERE c.table_name = ` + d.lit(table) + ` AND c.table_schema = ` + d.lit(schema)
}

func (d *Dialect) describeTable(ctx context.Context, q dialect.Querier, op dialect.DescribeTable) (any, error) {
	schema := op.Schema
	table := op.Table.Name
	if op.Table.Object {
		schema = op.Table.Schema
	}
	out, err := d.query(ctx, q, d.describeTableQuery(table, schema), qopts{Type: typeDescribe})
	if err != nil {
		return nil, err
	}
	if o, ok := out.(*dialect.Object); !ok || o.Len() == 0 {
		return nil, fmt.Errorf("No description found for %q table. Check the table name and schema; remember, they _are_ case sensitive.", table)
	}
	return out, nil
}

func (d *Dialect) changeColumn(ctx context.Context, q dialect.Querier, op dialect.ChangeColumn) (any, error) {
	c := op.Column
	normalizeWarnings(ctx, c)
	def, err := d.attributeToSQL(c, attrOpts{ctx: ctx, context: "changeColumn", table: op.Table, key: c.Name})
	if err != nil {
		return nil, err
	}
	sql, err := d.changeColumnQuery(op.Table, c.ColumnName(), def)
	if err != nil {
		return nil, err
	}
	return d.query(ctx, q, sql, qopts{})
}

func (d *Dialect) renameColumn(ctx context.Context, q dialect.Querier, op dialect.RenameColumn) (any, error) {
	desc, err := d.describeTable(ctx, q, dialect.DescribeTable{Table: op.Table})
	if err != nil {
		return nil, err
	}
	if o, _ := desc.(*dialect.Object); o == nil || !truthyKey(o, op.From) {
		return nil, fmt.Errorf("Table %s doesn't have the column %s", tableText(op.Table), op.From)
	}
	sql := "ALTER TABLE " + d.f.QuoteTable(op.Table) + " RENAME COLUMN " + d.f.QuoteIdentifier(op.From) + " TO " + d.f.QuoteIdentifier(op.To) + ";"
	return d.query(ctx, q, sql, qopts{})
}

func truthyKey(o *dialect.Object, k string) bool {
	v, ok := o.Get(k)
	return ok && truthy(v)
}

// tableText is String(tableName) in messages.
func tableText(t dialect.TableRef) string {
	if t.Object {
		return "[object Object]"
	}
	return t.Name
}

func (d *Dialect) showIndexesQuery(t dialect.TableRef) string {
	schemaJoin, schemaWhere := "", ""
	if t.Object {
		schemaJoin = ", pg_namespace s"
		schema := t.Schema
		if schema == "" {
			schema = "undefined"
		}
		schemaWhere = " AND s.oid = t.relnamespace AND s.nspname = '" + schema + "'"
	}
	return "SELECT i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique, ix.indkey AS indkey, array_agg(a.attnum) as column_indexes, array_agg(a.attname) AS column_names, pg_get_indexdef(ix.indexrelid) AS definition FROM pg_class t, pg_class i, pg_index ix, pg_attribute a" + schemaJoin + " WHERE t.oid = ix.indrelid AND i.oid = ix.indexrelid AND a.attrelid = t.oid AND t.relkind = 'r' and t.relname = '" + t.Name + "'" + schemaWhere + " GROUP BY i.relname, ix.indexrelid, ix.indisprimary, ix.indisunique, ix.indkey ORDER BY i.relname;"
}

func showConstraintsQuery(table string) string {
	return strings.Join([]string{
		`SELECT constraint_catalog AS "constraintCatalog",`,
		`constraint_schema AS "constraintSchema",`,
		`constraint_name AS "constraintName",`,
		`table_catalog AS "tableCatalog",`,
		`table_schema AS "tableSchema",`,
		`table_name AS "tableName",`,
		`constraint_type AS "constraintType",`,
		`is_deferrable AS "isDeferrable",`,
		`initially_deferred AS "initiallyDeferred"`,
		"from INFORMATION_SCHEMA.table_constraints",
		"WHERE table_name='" + table + "';",
	}, " ")
}

const fkReferencesPrefix = "SELECT DISTINCT tc.constraint_name as constraint_name, tc.constraint_schema as constraint_schema, tc.constraint_catalog as constraint_catalog, tc.table_name as table_name,tc.table_schema as table_schema,tc.table_catalog as table_catalog,tc.initially_deferred as initially_deferred,tc.is_deferrable as is_deferrable,kcu.column_name as column_name,ccu.table_schema  AS referenced_table_schema,ccu.table_catalog  AS referenced_table_catalog,ccu.table_name  AS referenced_table_name,ccu.column_name AS referenced_column_name FROM information_schema.table_constraints AS tc JOIN information_schema.key_column_usage AS kcu ON tc.constraint_name = kcu.constraint_name JOIN information_schema.constraint_column_usage AS ccu ON ccu.constraint_name = tc.constraint_name "

var camelRE = lazyre.MustCompile(`[-_\s]+(.)?`)

// camelize is Utils.camelize.
func camelize(s string) string {
	return camelRE().ReplaceAllStringFunc(strings.TrimSpace(s), func(m string) string {
		sub := camelRE().FindStringSubmatch(m)
		return strings.ToUpper(sub[1])
	})
}

func (d *Dialect) foreignKeyReferences(ctx context.Context, q dialect.Querier, t dialect.TableRef) (any, error) {
	sql := fkReferencesPrefix + "WHERE constraint_type = 'FOREIGN KEY' AND tc.table_name = '" + t.Name + "'"
	if d.cfg.Database != "" {
		sql += " AND tc.table_catalog = '" + d.cfg.Database + "'"
	}
	if t.Schema != "" {
		sql += " AND tc.table_schema = '" + t.Schema + "'"
	}
	out, err := d.query(ctx, q, sql, qopts{Type: typeForeignKeys})
	if err != nil {
		return nil, err
	}
	rows, _ := out.([]any)
	res := make([]any, 0, len(rows))
	for _, r := range rows {
		row := r.(*dialect.Object)
		o := &dialect.Object{}
		var initiallyDeferred, isDeferrable any
		for i, k := range row.Keys {
			name := camelize(k.Name)
			switch name {
			case "initiallyDeferred":
				initiallyDeferred = row.Values[i]
				continue
			case "isDeferrable":
				isDeferrable = row.Values[i]
				continue
			}
			o.Set(dialect.Key{Name: name}, row.Values[i])
		}
		deferrable := "INITIALLY_DEFERRED"
		switch {
		case isDeferrable == "NO":
			deferrable = "NOT"
		case initiallyDeferred == "NO":
			deferrable = "INITIALLY_IMMEDIATE"
		}
		o.Set(dialect.Key{Name: "deferrable"}, dialect.Special{Kind: "function", Desc: deferrable})
		res = append(res, o)
	}
	return res, nil
}

func (d *Dialect) bulkDelete(ctx context.Context, q dialect.Querier, op dialect.BulkDelete) (any, error) {
	t := d.f.QuoteTable(op.Table)
	if op.Truncate {
		sql := "TRUNCATE " + t
		if op.RestartIdentity {
			sql += " RESTART IDENTITY"
		}
		if op.Cascade {
			sql += " CASCADE"
		}
		return d.query(ctx, q, sql, qopts{Type: op.Type})
	}
	where, err := d.f.WhereConditions(op.Where, sqlgen.WhereOptions{Types: op.WhereTypes})
	if err != nil {
		return nil, err
	}
	if op.Limit != nil && truthy(op.Limit) {
		return nil, errors.New("Cannot LIMIT delete without a model.")
	}
	sql := "DELETE FROM " + t
	if where != "" {
		sql += " WHERE " + where
	}
	return d.query(ctx, q, sql, qopts{Type: op.Type})
}

// returningSuffix is generateReturnValues' RETURNING fragment for a list of
// fields.
func returningSuffix(f sqlgen.Flavor, fields []string) string {
	if len(fields) == 0 {
		return " RETURNING *"
	}
	quoted := make([]string, len(fields))
	for i, x := range fields {
		quoted[i] = f.QuoteIdentifier(x)
	}
	return " RETURNING " + strings.Join(quoted, ",")
}

func (d *Dialect) raw(ctx context.Context, q dialect.Querier, op dialect.Raw) (any, error) {
	sql, typ, err := d.f.PrepareRaw(op)
	if err != nil {
		return nil, err
	}
	return d.query(ctx, q, sql, qopts{Type: typ, Bind: op.Bind, Plain: op.Plain, Nest: op.Nest})
}
