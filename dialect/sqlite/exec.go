package sqlite

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
)

// bindArgs is the SQLite formatBindParameters: "$$" unescaped, the values
// checked, and handed to the driver by position ($1…) or by name ($name).
func bindArgs(sql string, bind any) (string, []any, error) {
	sql, list, named, err := sqlgen.BindParams(sql, bind)
	if err != nil {
		return "", nil, err
	}
	if named != nil {
		return sql, []any{dialect.NamedArgs{Object: named}}, nil
	}
	if list == nil {
		// An empty bind array is still logged (insertQuery and updateQuery
		// always hand one to sequelize.query).
		list = []any{}
	}
	return sql, list, nil
}

// bigStatement is the size from which a bulkInsert's statement is large
// enough for its parse to dominate the process's memory.
const bigStatement = 4 << 20

// RenderBulkInsert is dialect.BulkInsertRenderer: the bulkInsert statement
// rendered from the records when the call is made.
func (d *Dialect) RenderBulkInsert(op *dialect.BulkInsert, src dialect.RowSource) error {
	return d.f.SetBulkInsertSQL(op, src)
}

// Exec performs op as Sequelize's SQLite query interface does.
func (d *Dialect) Exec(ctx context.Context, q dialect.Querier, op dialect.Op) (any, error) {
	switch op := op.(type) {
	case dialect.CreateTable:
		normalizeWarnings(ctx, op.Columns...)
		attrs, err := d.attributesSQL(ctx, op.Columns)
		if err != nil {
			return nil, err
		}
		return d.query(ctx, q, d.createTableQuery(op.Table, attrs, op.Options.UniqueKeys), qopts{})
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
		// addSchema of a plain {tableName, schema} object is just its
		// tableName: Sequelize's SQLite tableExists ignores the schema.
		lit, err := d.f.EscapeValue(op.Table.Name, "", false)
		if err != nil {
			return nil, err
		}
		out, err := d.query(ctx, q, "SELECT name FROM sqlite_master WHERE type='table' AND name="+lit+";", qopts{Type: typeShowTables})
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
		s, err := d.attributeSQL(ctx, op.Column)
		if err != nil {
			return nil, err
		}
		if f := op.Column.Field; f != "" && f != op.Column.Name {
			// attributesToSQL keys the definition by field, addColumnQuery
			// reads it by key: Sequelize renders "undefined".
			s = "undefined"
		}
		sql := "ALTER TABLE " + d.f.QuoteTable(op.Table) + " ADD " + d.f.QuoteIdentifier(op.Column.Name) + " " + s + ";"
		return d.query(ctx, q, replaceBooleanDefaults(sql), qopts{})
	case dialect.RemoveColumn:
		return d.removeColumn(ctx, q, op)
	case dialect.ChangeColumn:
		normalizeWarnings(ctx, op.Column)
		return d.changeColumn(ctx, q, op)
	case dialect.RenameColumn:
		return d.renameColumn(ctx, q, op)
	case dialect.AddIndex:
		sql, err := d.f.AddIndex(op.Table, op.Index, op.RawTable)
		if err != nil {
			return nil, err
		}
		return d.query(ctx, q, sql, qopts{})
	case dialect.RemoveIndex:
		name := op.Name
		if name == "" {
			name = sqlgen.Underscore(op.Table.Name + "_" + strings.Join(op.Fields, "_"))
		}
		return d.query(ctx, q, "DROP INDEX IF EXISTS "+d.f.QuoteIdentifier(name), qopts{})
	case dialect.ShowIndex:
		return d.query(ctx, q, "PRAGMA INDEX_LIST("+d.f.QuoteTable(op.Table)+")", qopts{Type: typeShowIndexes})
	case dialect.AddConstraint:
		return d.addConstraint(ctx, q, op)
	case dialect.RemoveConstraint:
		return d.removeConstraint(ctx, q, op)
	case dialect.ShowConstraint:
		return d.query(ctx, q, d.showConstraintsQuery(op.Table.Name, op.Name), qopts{Type: typeShowConstraints})
	case dialect.GetForeignKeyReferences:
		return d.foreignKeyReferences(ctx, q, op.Table)
	case dialect.BulkInsert:
		sql, err := d.f.BulkInsert(op)
		if err != nil {
			return nil, err
		}
		if len(sql) >= bigStatement {
			// SQLite's parse of the statement takes about six times its
			// size outside the Go heap: the garbage its rendering left
			// goes back to the system first, so the two do not add up.
			debug.FreeOSMemory()
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
		return d.bulkUpdate(ctx, q, op)
	case dialect.BulkDelete:
		return d.bulkDelete(ctx, q, op)
	case dialect.Select:
		if op.Model != nil {
			return d.modelSelect(ctx, q, op)
		}
		sql, err := d.f.Select(op)
		if err != nil {
			return nil, err
		}
		return d.query(ctx, q, sql, qopts{Type: typeSelect})
	case dialect.Raw:
		return d.raw(ctx, q, op)
	case dialect.Version:
		return d.query(ctx, q, "SELECT sqlite_version() as `version`", qopts{Type: typeVersion})
	case dialect.CreateSchema:
		return d.query(ctx, q, "SELECT name FROM `sqlite_master` WHERE type='table' and name!='sqlite_sequence';", qopts{})
	case dialect.DropSchema:
		return d.query(ctx, q, "DROP TABLE IF EXISTS "+d.f.QuoteTable(dialect.Table(op.Schema))+";", qopts{})
	case dialect.ShowAllSchemas:
		out, err := d.query(ctx, q, "SELECT name FROM `sqlite_master` WHERE type='table' and name!='sqlite_sequence';", qopts{Type: typeSelect})
		if err != nil {
			return nil, err
		}
		return out, nil
	case dialect.Begin:
		if op.Savepoint != "" {
			return d.query(ctx, q, "SAVEPOINT "+d.f.QuoteIdentifier(op.Savepoint)+";", qopts{})
		}
		typ := op.Type
		if typ == "" {
			typ = "DEFERRED"
		}
		if _, err := d.query(ctx, q, "BEGIN "+typ+" TRANSACTION;", qopts{}); err != nil {
			return nil, err
		}
		if op.Isolation != "" {
			sql, err := isolationQuery(op.Isolation)
			if err != nil {
				return nil, err
			}
			return d.query(ctx, q, sql, qopts{})
		}
		return dialect.Undefined{}, nil
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
	return nil, dialect.Unsupported(dialect.SQLite, "operation %s", op.Method())
}

func isolationQuery(level string) (string, error) {
	switch level {
	case "REPEATABLE READ":
		return "-- SQLite is not able to choose the isolation level REPEATABLE READ.", nil
	case "READ UNCOMMITTED":
		return "PRAGMA read_uncommitted = ON;", nil
	case "READ COMMITTED":
		return "PRAGMA read_uncommitted = OFF;", nil
	case "SERIALIZABLE":
		return "-- SQLite's default isolation level is SERIALIZABLE. Nothing to do.", nil
	}
	return "", fmt.Errorf("Unknown isolation level: %s", level)
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

func (d *Dialect) showAllTables(ctx context.Context, q dialect.Querier) ([]any, error) {
	out, err := d.query(ctx, q, "SELECT name FROM `sqlite_master` WHERE type='table' and name!='sqlite_sequence';", qopts{Type: typeShowTables})
	if err != nil {
		return nil, err
	}
	list, _ := out.([]any)
	return list, nil
}

func (d *Dialect) dropAllTables(ctx context.Context, q dialect.Querier, op dialect.DropAllTables) (any, error) {
	tables, err := d.showAllTables(ctx, q)
	if err != nil {
		return nil, err
	}
	if _, err := d.query(ctx, q, "PRAGMA foreign_keys = OFF", qopts{}); err != nil {
		return nil, err
	}
	skip := map[string]bool{}
	for _, s := range op.Skip {
		skip[s] = true
	}
	for _, t := range tables {
		name := jsString(t)
		if skip[name] {
			continue
		}
		if _, err := d.query(ctx, q, "DROP TABLE IF EXISTS "+d.f.QuoteIdentifier(name)+";", qopts{}); err != nil {
			return nil, err
		}
	}
	if _, err := d.query(ctx, q, "PRAGMA foreign_keys = ON", qopts{}); err != nil {
		return nil, err
	}
	return dialect.Undefined{}, nil
}

func (d *Dialect) raw(ctx context.Context, q dialect.Querier, op dialect.Raw) (any, error) {
	if op.Replacements != nil && op.Bind != nil {
		return nil, errors.New("Both `replacements` and `bind` cannot be set at the same time")
	}
	sql := strings.TrimSpace(op.SQL)
	if op.Replacements != nil {
		s, err := d.f.InjectReplacements(sql, op.Replacements)
		if err != nil {
			return nil, err
		}
		sql = s
	}
	typ := op.Type
	if typ == "" {
		if op.Nest || op.Plain {
			typ = typeSelect
		} else {
			typ = typeRaw
		}
	}
	return d.query(ctx, q, sql, qopts{Type: typ, Bind: op.Bind, Plain: op.Plain, Nest: op.Nest})
}

func (d *Dialect) bulkUpdate(ctx context.Context, q dialect.Querier, op dialect.BulkUpdate) (any, error) {
	var sql string
	var bind []any
	var err error
	if op.Limit != nil && truthy(op.Limit) {
		// SQLite limits an UPDATE through its rowids.
		var sets []string
		for i, k := range op.Values.Keys {
			v := op.Values.Values[i]
			if dialect.IsSequelizeMethod(v) {
				s, err := d.f.Escape(v, nil)
				if err != nil {
					return nil, err
				}
				sets = append(sets, d.f.QuoteIdentifier(k.Name)+"="+s)
				continue
			}
			bind = append(bind, v)
			sets = append(sets, fmt.Sprintf("%s=$%d", d.f.QuoteIdentifier(k.Name), len(bind)))
		}
		where, err := d.f.Where(op.Where, sqlgen.WhereOptions{Bind: &bind, Types: op.WhereTypes})
		if err != nil {
			return nil, err
		}
		lim, err := d.f.Escape(op.Limit, nil)
		if err != nil {
			return nil, err
		}
		t := d.f.QuoteTable(op.Table)
		sql = "UPDATE " + t + " SET " + strings.Join(sets, ",") + " WHERE rowid IN (SELECT rowid FROM " + t + " " + where + " LIMIT " + lim + ")"
	} else {
		sql, bind, err = d.f.Update(op, "")
		if err != nil {
			return nil, err
		}
	}
	if sql == "" {
		return nil, errors.New("bulkUpdate: no values to update")
	}
	return d.query(ctx, q, sql, qopts{Type: typeBulkUpdate, Bind: bindList(bind)})
}

func (d *Dialect) bulkDelete(ctx context.Context, q dialect.Querier, op dialect.BulkDelete) (any, error) {
	t := d.f.QuoteTable(op.Table)
	if op.Truncate {
		sql := "DELETE FROM " + t
		if op.RestartIdentity {
			sql += "; DELETE FROM `sqlite_sequence` WHERE `name` = '" + strings.ReplaceAll(t, "`", "") + "';"
		}
		return d.query(ctx, q, sql, qopts{Type: op.Type})
	}
	where, err := d.f.WhereConditions(op.Where, sqlgen.WhereOptions{Types: op.WhereTypes})
	if err != nil {
		return nil, err
	}
	if where != "" {
		where = "WHERE " + where
	}
	if op.Limit != nil && truthy(op.Limit) {
		lim, err := d.f.Escape(op.Limit, nil)
		if err != nil {
			return nil, err
		}
		where = "WHERE rowid IN (SELECT rowid FROM " + t + " " + where + " LIMIT " + lim + ")"
	}
	return d.query(ctx, q, "DELETE FROM "+t+" "+where, qopts{Type: op.Type})
}
