package mysql

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
)

// RenderBulkInsert is dialect.BulkInsertRenderer: the bulkInsert statement
// rendered from the records when the call is made.
func (d *Dialect) RenderBulkInsert(op *dialect.BulkInsert, src dialect.RowSource) error {
	return d.f.SetBulkInsertSQL(op, src)
}

// Exec performs op as Sequelize's mysql/mariadb query interface does.
func (d *Dialect) Exec(ctx context.Context, q dialect.Querier, op dialect.Op) (any, error) {
	switch op := op.(type) {
	case dialect.CreateTable:
		attrs, err := d.attributesSQL(op.Columns, attrContext{})
		if err != nil {
			return nil, err
		}
		return d.query(ctx, q, d.createTableQuery(op.Table, attrs, op.Options), qopts{})
	case dialect.DropTable:
		_, err := d.query(ctx, q, "DROP TABLE IF EXISTS "+d.f.QuoteTable(op.Table)+";", qopts{})
		return dialect.Undefined{}, err
	case dialect.DropAllTables:
		return d.dropAllTables(ctx, q, op)
	case dialect.RenameTable:
		return d.query(ctx, q, "ALTER TABLE "+d.f.QuoteTable(op.From)+" RENAME TO "+d.f.QuoteTable(op.To)+";", qopts{})
	case dialect.ShowAllTables:
		return d.showAllTables(ctx, q)
	case dialect.TableExists:
		quoted := d.f.QuoteTable(op.Table)
		name, err := d.f.EscapeValue(quoted[1:len(quoted)-1], "", false)
		if err != nil {
			return nil, err
		}
		db, err := d.escapeDatabase()
		if err != nil {
			return nil, err
		}
		sql := "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME = " + name + " AND TABLE_SCHEMA = " + db
		out, err := d.query(ctx, q, sql, qopts{Type: typeShowTables})
		if err != nil {
			return nil, err
		}
		list, _ := out.([]any)
		return len(list) == 1, nil
	case dialect.DescribeTable:
		return d.describeTable(ctx, q, op)
	case dialect.AddColumn:
		if op.Table.Name == "" && !op.Table.Object || op.Column.Name == "" {
			return nil, errors.New("addColumn takes at least 3 arguments (table, attribute name, attribute definition)")
		}
		if err := d.checkType(op.Column.Type); err != nil {
			return nil, err
		}
		s, err := d.attributeSQL(op.Column, attrContext{addColumn: true, tableName: tableText(op.Table)})
		if err != nil {
			return nil, err
		}
		sql := sqlgen.JoinFragments("ALTER TABLE", d.f.QuoteTable(op.Table), "ADD", d.f.QuoteIdentifier(op.Column.Name), s, ";")
		return d.query(ctx, q, sql, qopts{})
	case dialect.RemoveColumn:
		return d.removeColumn(ctx, q, op)
	case dialect.ChangeColumn:
		col := op.Column
		attrs, err := d.attributesSQL([]dialect.Column{col}, attrContext{})
		if err != nil {
			return nil, err
		}
		return d.query(ctx, q, d.changeColumnQuery(op.Table, attrs), qopts{})
	case dialect.RenameColumn:
		return d.renameColumn(ctx, q, op)
	case dialect.AddIndex:
		sql, err := d.f.AddIndex(op.Table, op.Index, op.RawTable)
		if err != nil {
			return nil, err
		}
		// options.type (FULLTEXT, UNIQUE…) is also the query's type
		return d.query(ctx, q, sql, qopts{Type: op.Index.Type})
	case dialect.RemoveIndex:
		name := op.Name
		if op.Fields != nil {
			name = sqlgen.Underscore(tableText(op.Table) + "_" + strings.Join(op.Fields, "_"))
		}
		sql := sqlgen.JoinFragments("DROP INDEX", d.f.QuoteIdentifier(name), "ON", d.f.QuoteTable(op.Table))
		return d.query(ctx, q, sql, qopts{})
	case dialect.ShowIndex:
		return d.query(ctx, q, "SHOW INDEX FROM "+d.f.QuoteTable(op.Table), qopts{Type: typeShowIndexes})
	case dialect.AddConstraint:
		return d.addConstraint(ctx, q, op)
	case dialect.RemoveConstraint:
		return d.removeConstraint(ctx, q, op)
	case dialect.ShowConstraint:
		table := op.Table
		table.Schema = ""
		if op.Table.Object {
			table.Schema = op.Table.Schema
		}
		return d.query(ctx, q, d.showConstraintsQuery(table, op.Name), qopts{Type: typeShowConstraints})
	case dialect.GetForeignKeyReferences:
		return d.query(ctx, q, d.foreignKeysQuery(op.Table), qopts{Type: typeForeignKeys})
	case dialect.BulkInsert:
		sql, err := d.f.BulkInsert(op)
		if err != nil {
			return nil, err
		}
		out, err := d.query(ctx, q, sql, qopts{Type: typeInsert})
		if err != nil {
			return nil, err
		}
		if op.IDField != "" {
			return insertedIDs(out, op.IDField), nil
		}
		return first(out), nil
	case dialect.Insert:
		if op.Values == nil {
			op.Values = &dialect.Object{}
		}
		sql, bind, err := d.f.Insert(op)
		if err != nil {
			return nil, err
		}
		typ := typeInsert
		if op.Upsert {
			typ = typeUpsert
		}
		return d.query(ctx, q, sql, qopts{Type: typ, Bind: bindList(bind)})
	case dialect.BulkUpdate:
		if op.Values == nil {
			op.Values = &dialect.Object{}
		}
		suffix := ""
		if truthy(op.Limit) {
			lim, err := d.f.Escape(op.Limit, nil)
			if err != nil {
				return nil, err
			}
			suffix = " LIMIT " + lim + " "
		}
		sql, bind, err := d.f.Update(op, suffix)
		if err != nil {
			return nil, err
		}
		return d.query(ctx, q, sql, qopts{Type: typeBulkUpdate, Bind: bindList(bind)})
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
		return d.query(ctx, q, "SELECT VERSION() as `version`", qopts{Type: typeVersion})
	case dialect.CreateSchema:
		if d.name == dialect.MariaDB {
			return d.query(ctx, q, "CREATE SCHEMA IF NOT EXISTS "+d.f.QuoteIdentifier(op.Schema)+";", qopts{})
		}
		return d.query(ctx, q, "SHOW TABLES", qopts{})
	case dialect.DropSchema:
		if d.name == dialect.MariaDB {
			return d.query(ctx, q, "DROP SCHEMA IF EXISTS "+d.f.QuoteIdentifier(op.Schema)+";", qopts{})
		}
		return d.query(ctx, q, "DROP TABLE IF EXISTS "+d.f.QuoteTable(dialect.Table(op.Schema))+";", qopts{})
	case dialect.ShowAllSchemas:
		sql := "SHOW TABLES"
		if d.name == dialect.MariaDB {
			sql = "SELECT SCHEMA_NAME as schema_name FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME NOT IN ('MYSQL', 'INFORMATION_SCHEMA', 'PERFORMANCE_SCHEMA');"
		}
		out, err := d.query(ctx, q, sql, qopts{Type: typeSelect})
		if err != nil {
			return nil, err
		}
		rows, _ := out.([]any)
		names := make([]any, 0, len(rows))
		for _, r := range rows {
			if ro, ok := r.(*dialect.Object); ok {
				if v, ok := ro.Get("schema_name"); ok && truthy(v) {
					names = append(names, v)
					continue
				}
			}
			names = append(names, r)
		}
		return names, nil
	case dialect.Begin:
		if op.Savepoint != "" {
			return d.query(ctx, q, "SAVEPOINT "+d.f.QuoteIdentifier(op.Savepoint)+";", qopts{})
		}
		if op.Isolation != "" {
			if _, err := d.query(ctx, q, "SET TRANSACTION ISOLATION LEVEL "+op.Isolation+";", qopts{}); err != nil {
				return nil, err
			}
		}
		return d.query(ctx, q, "START TRANSACTION;", qopts{})
	case dialect.Commit:
		if op.Savepoint != "" {
			return dialect.Undefined{}, nil
		}
		return d.query(ctx, q, "COMMIT;", qopts{})
	case dialect.Rollback:
		if op.Savepoint != "" {
			return d.query(ctx, q, "ROLLBACK TO SAVEPOINT "+d.f.QuoteIdentifier(op.Savepoint)+";", qopts{})
		}
		return d.query(ctx, q, "ROLLBACK;", qopts{})
	}
	return nil, dialect.Unsupported(d.name, "operation %s", op.Method())
}

// tableText is the table argument as JavaScript's template literals render
// it: the name, or "[object Object]" for a table object.
func tableText(t dialect.TableRef) string {
	if t.Object {
		return "[object Object]"
	}
	return t.Name
}

func first(v any) any {
	if a, ok := v.([]any); ok && len(a) > 0 {
		return a[0]
	}
	return dialect.Undefined{}
}

// bindList is the bind array insertQuery and updateQuery hand
// sequelize.query: always an array, even empty.
func bindList(b []any) any {
	if b == nil {
		return []any{}
	}
	return b
}

func listOrNil(b []any) any {
	if len(b) == 0 {
		return nil
	}
	return b
}

// escapeDatabase is escape(sequelize.config.database).
func (d *Dialect) escapeDatabase() (string, error) {
	if d.cfg.Database == "" {
		return "NULL", nil
	}
	return d.f.EscapeValue(d.cfg.Database, "", false)
}

func (d *Dialect) showAllTables(ctx context.Context, q dialect.Querier) ([]any, error) {
	sql := "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE'"
	if d.name == dialect.MariaDB {
		sql = "SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE'"
	}
	if d.cfg.Database != "" {
		db, err := d.f.EscapeValue(d.cfg.Database, "", false)
		if err != nil {
			return nil, err
		}
		sql += " AND TABLE_SCHEMA = " + db
	} else if d.name == dialect.MariaDB {
		sql += " AND TABLE_SCHEMA NOT IN ('MYSQL', 'INFORMATION_SCHEMA', 'PERFORMANCE_SCHEMA')"
	} else {
		sql += " AND TABLE_SCHEMA NOT IN ('MYSQL', 'INFORMATION_SCHEMA', 'PERFORMANCE_SCHEMA', 'SYS', 'mysql', 'information_schema', 'performance_schema', 'sys')"
	}
	out, err := d.query(ctx, q, sql+";", qopts{Type: typeShowTables})
	if err != nil {
		return nil, err
	}
	list, _ := out.([]any)
	return list, nil
}

// fkFields are the columns of Sequelize's foreign key queries.
const fkFields = "CONSTRAINT_NAME as constraint_name,CONSTRAINT_NAME as constraintName,CONSTRAINT_SCHEMA as constraintSchema,CONSTRAINT_SCHEMA as constraintCatalog,TABLE_NAME as tableName,TABLE_SCHEMA as tableSchema,TABLE_SCHEMA as tableCatalog,COLUMN_NAME as columnName,REFERENCED_TABLE_SCHEMA as referencedTableSchema,REFERENCED_TABLE_SCHEMA as referencedTableCatalog,REFERENCED_TABLE_NAME as referencedTableName,REFERENCED_COLUMN_NAME as referencedColumnName"

// foreignKeysQuery is getForeignKeysQuery(table, config.database).
func (d *Dialect) foreignKeysQuery(t dialect.TableRef) string {
	name := t.Name
	if t.Object && t.Name == "" {
		name = "[object Object]"
	}
	schema := d.cfg.Database
	if schema == "" {
		schema = "undefined"
	}
	return sqlgen.JoinFragments("SELECT", fkFields,
		"FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE where TABLE_NAME = '"+name+"'",
		"AND CONSTRAINT_NAME!='PRIMARY' AND CONSTRAINT_SCHEMA='"+schema+"'",
		"AND REFERENCED_TABLE_NAME IS NOT NULL", ";")
}

// singleQuote is Utils.addTicks(s, "'"): quotes removed, then added.
func singleQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "") + "'" }

// foreignKeyQuery is getForeignKeyQuery(table, column): the foreign keys
// that reference the column or that the column holds.
func (d *Dialect) foreignKeyQuery(t dialect.TableRef, column string) string {
	table := singleQuote(t.Name)
	col := singleQuote(column)
	schemaRef, schemaTab := "", ""
	if t.Schema != "" {
		schemaRef = "AND REFERENCED_TABLE_SCHEMA = " + singleQuote(t.Schema)
		schemaTab = "AND TABLE_SCHEMA = " + singleQuote(t.Schema)
	}
	return sqlgen.JoinFragments("SELECT", fkFields, "FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE", "WHERE (",
		sqlgen.JoinFragments("REFERENCED_TABLE_NAME = "+table, schemaRef, "AND REFERENCED_COLUMN_NAME = "+col),
		") OR (",
		sqlgen.JoinFragments("TABLE_NAME = "+table, schemaTab, "AND COLUMN_NAME = "+col, "AND REFERENCED_TABLE_NAME IS NOT NULL"),
		")")
}

func (d *Dialect) dropForeignKeyQuery(t dialect.TableRef, name string) string {
	return sqlgen.JoinFragments("ALTER TABLE", d.f.QuoteTable(t), "DROP FOREIGN KEY", d.f.QuoteIdentifier(name), ";")
}

// fkTable is the table removeColumn and removeConstraint look constraints
// up in: the table object as given, or {tableName, schema: database}.
func (d *Dialect) fkTable(t dialect.TableRef) dialect.TableRef {
	if t.Object && t.Name != "" {
		return t
	}
	return dialect.TableRef{Name: t.Name, Schema: d.cfg.Database, Object: true}
}

func (d *Dialect) removeColumn(ctx context.Context, q dialect.Querier, op dialect.RemoveColumn) (any, error) {
	out, err := d.query(ctx, q, d.foreignKeyQuery(d.fkTable(op.Table), op.Column), qopts{})
	if err != nil {
		return nil, err
	}
	rows, _ := first(out).([]any)
	if len(rows) > 0 {
		if n, _ := rows[0].(*dialect.Object).Get("constraint_name"); n != "PRIMARY" {
			for _, r := range rows {
				name, _ := r.(*dialect.Object).Get("constraint_name")
				if _, err := d.query(ctx, q, d.dropForeignKeyQuery(op.Table, jsText(name)), qopts{}); err != nil {
					return nil, err
				}
			}
		}
	}
	sql := sqlgen.JoinFragments("ALTER TABLE", d.f.QuoteTable(op.Table), "DROP", d.f.QuoteIdentifier(op.Column), ";")
	return d.query(ctx, q, sql, qopts{})
}

// describeTable is the abstract describeTable: SHOW FULL COLUMNS, with
// Sequelize's message for a missing table.
func (d *Dialect) describeTable(ctx context.Context, q dialect.Querier, op dialect.DescribeTable) (any, error) {
	name, schema, delim := op.Table.Name, op.Schema, op.SchemaDelimiter
	if op.Table.Object {
		schema = op.Table.Schema
		delim = op.SchemaDelimiter
	}
	t := dialect.TableRef{Name: name}
	if schema != "" {
		t = dialect.TableRef{Name: name, Schema: schema, Delimiter: delim, Object: true}
	}
	out, err := d.query(ctx, q, "SHOW FULL COLUMNS FROM "+d.f.QuoteTable(t)+";", qopts{Type: typeDescribe})
	missing := fmt.Errorf("No description found for %q table. Check the table name and schema; remember, they _are_ case sensitive.", name)
	if err != nil {
		var dbe *dialect.DBError
		if errors.As(err, &dbe) && dbe.Code == "ER_NO_SUCH_TABLE" {
			return nil, missing
		}
		return nil, err
	}
	if o, ok := out.(*dialect.Object); !ok || o.Len() == 0 {
		return nil, missing
	}
	return out, nil
}

func (d *Dialect) renameColumn(ctx context.Context, q dialect.Querier, op dialect.RenameColumn) (any, error) {
	out, err := d.describeTable(ctx, q, dialect.DescribeTable{Table: op.Table})
	if err != nil {
		return nil, err
	}
	desc := out.(*dialect.Object)
	v, ok := desc.Get(op.From)
	if !ok || !truthy(v) {
		return nil, fmt.Errorf("Table %s doesn't have the column %s", tableText(op.Table), op.From)
	}
	data := v.(*dialect.Object)
	typ, _ := data.Get("type")
	allowNull, _ := data.Get("allowNull")
	def, _ := data.Get("defaultValue")
	an := truthy(allowNull)
	col := dialect.Column{Name: op.To, Type: &dialect.DataType{Raw: jsText(typ)}, AllowNull: &an}
	if !(def == nil && !an) {
		col.HasDefault, col.Default = true, def
	}
	s, err := d.attributeSQL(col, attrContext{})
	if err != nil {
		return nil, err
	}
	sql := sqlgen.JoinFragments("ALTER TABLE", d.f.QuoteTable(op.Table), "CHANGE", "`"+op.From+"` `"+op.To+"` "+s, ";")
	return d.query(ctx, q, sql, qopts{})
}

// showConstraintsQuery is the mysql showConstraintsQuery.
func (d *Dialect) showConstraintsQuery(t dialect.TableRef, name string) string {
	frags := []string{"SELECT CONSTRAINT_CATALOG AS constraintCatalog,",
		"CONSTRAINT_NAME AS constraintName,",
		"CONSTRAINT_SCHEMA AS constraintSchema,",
		"CONSTRAINT_TYPE AS constraintType,",
		"TABLE_NAME AS tableName,",
		"TABLE_SCHEMA AS tableSchema",
		"from INFORMATION_SCHEMA.TABLE_CONSTRAINTS",
		"WHERE table_name='" + t.Name + "'"}
	if name != "" {
		frags = append(frags, "AND constraint_name = '"+name+"'")
	}
	if t.Schema != "" {
		frags = append(frags, "AND TABLE_SCHEMA = '"+t.Schema+"'")
	}
	frags = append(frags, ";")
	return sqlgen.JoinFragments(frags...)
}

func (d *Dialect) addConstraint(ctx context.Context, q dialect.Querier, op dialect.AddConstraint) (any, error) {
	c := op.Constraint
	if c.Fields == nil {
		return nil, errors.New("Fields must be specified through options.fields")
	}
	if c.Type == "" {
		return nil, errors.New("Constraint type must be specified through options.type")
	}
	table := d.f.QuoteTableForStringOps(op.Table)
	snippet, err := d.f.ConstraintSnippet(table, c)
	if err != nil {
		return nil, err
	}
	// options.type (the constraint type) becomes the query type, which
	// formatResults does not know: the promise resolves with undefined.
	return d.query(ctx, q, sqlgen.JoinFragments("ALTER TABLE", table, "ADD", snippet, ";"), qopts{Type: c.Type})
}

func (d *Dialect) removeConstraint(ctx context.Context, q dialect.Querier, op dialect.RemoveConstraint) (any, error) {
	out, err := d.query(ctx, q, d.showConstraintsQuery(d.fkTable(op.Table), op.Name), qopts{Type: typeShowConstraints})
	if err != nil {
		return nil, err
	}
	rows, _ := out.([]any)
	var found *dialect.Object
	if len(rows) > 0 {
		found, _ = rows[0].(*dialect.Object)
	}
	if found == nil {
		return nil, &dialect.DBError{Kind: dialect.KindUnknownConstraint, Message: fmt.Sprintf("Constraint %s on table %s does not exist", op.Name, tableText(op.Table)), Constraint: op.Name, Table: tableText(op.Table)}
	}
	typ, _ := found.Get("constraintType")
	if !truthy(typ) {
		return nil, &dialect.DBError{Kind: dialect.KindUnknownConstraint, Message: fmt.Sprintf("Constraint %s on table %s does not exist", op.Name, tableText(op.Table)), Constraint: op.Name, Table: tableText(op.Table)}
	}
	var sql string
	if typ == "FOREIGN KEY" {
		sql = d.dropForeignKeyQuery(op.Table, op.Name)
	} else {
		tn, _ := found.Get("tableName")
		cn, _ := found.Get("constraintName")
		sql = sqlgen.JoinFragments("DROP INDEX", d.f.QuoteIdentifier(jsText(cn)), "ON", d.f.QuoteTable(dialect.Table(jsText(tn))))
	}
	return d.query(ctx, q, sql, qopts{})
}

func (d *Dialect) dropAllTables(ctx context.Context, q dialect.Querier, op dialect.DropAllTables) (any, error) {
	tables, err := d.showAllTables(ctx, q)
	if err != nil {
		return nil, err
	}
	refs := make([]dialect.TableRef, len(tables))
	for i, t := range tables {
		if o, ok := t.(*dialect.Object); ok {
			n, _ := o.Get("tableName")
			s, _ := o.Get("schema")
			refs[i] = dialect.TableRef{Name: jsText(n), Object: true}
			if truthy(s) {
				refs[i].Schema = jsText(s)
			}
		} else {
			refs[i] = dialect.Table(jsText(t))
		}
	}
	fks := make([][]string, len(refs))
	for i, t := range refs {
		out, err := d.query(ctx, q, d.foreignKeysQuery(t), qopts{Type: typeForeignKeys})
		if err != nil {
			return nil, err
		}
		rows, _ := out.([]any)
		for _, r := range rows {
			if n, _ := r.(*dialect.Object).Get("constraint_name"); truthy(n) {
				fks[i] = append(fks[i], jsText(n))
			}
		}
	}
	for i, t := range refs {
		for _, fk := range fks[i] {
			if _, err := d.query(ctx, q, d.dropForeignKeyQuery(t, fk), qopts{}); err != nil {
				return nil, err
			}
		}
	}
	skip := map[string]bool{}
	for _, s := range op.Skip {
		skip[s] = true
	}
	for _, t := range refs {
		if skip[t.Name] {
			continue
		}
		if _, err := d.query(ctx, q, "DROP TABLE IF EXISTS "+d.f.QuoteTable(t)+";", qopts{}); err != nil {
			return nil, err
		}
	}
	return dialect.Undefined{}, nil
}

func (d *Dialect) bulkDelete(ctx context.Context, q dialect.Querier, op dialect.BulkDelete) (any, error) {
	t := d.f.QuoteTable(op.Table)
	if op.Truncate {
		return d.query(ctx, q, "TRUNCATE "+t, qopts{Type: op.Type})
	}
	sql := "DELETE FROM " + t
	where, err := d.f.WhereConditions(op.Where, sqlgen.WhereOptions{Types: op.WhereTypes})
	if err != nil {
		return nil, err
	}
	if where != "" {
		sql += " WHERE " + where
	}
	if truthy(op.Limit) {
		lim, err := d.f.Escape(op.Limit, nil)
		if err != nil {
			return nil, err
		}
		sql += " LIMIT " + lim
	}
	return d.query(ctx, q, sql, qopts{Type: op.Type})
}

// insertedIDs is what Sequelize's MySQL and MariaDB queries resolve a bulk
// INSERT of a model with an autoIncrement primary key with: one
// { field: id } per affected row, counted from the first insert id.
func insertedIDs(out any, field string) any {
	pair, ok := out.([]any)
	if !ok || len(pair) < 2 {
		return first(out)
	}
	start, _ := toNumber(pair[0])
	n, _ := toNumber(pair[1])
	ids := []any{}
	for i := 0.0; i < n; i++ {
		o := &dialect.Object{}
		o.Set(dialect.Key{Name: field}, start+i)
		ids = append(ids, o)
	}
	return ids
}

func (d *Dialect) raw(ctx context.Context, q dialect.Querier, op dialect.Raw) (any, error) {
	sql, typ, err := d.f.PrepareRaw(op)
	if err != nil {
		return nil, err
	}
	return d.query(ctx, q, sql, qopts{Type: typ, Bind: op.Bind, Plain: op.Plain, Nest: op.Nest})
}
