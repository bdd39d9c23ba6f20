package cli

import (
	"errors"
	"slices"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/migrate"
)

// migrateTimestampsAdd is commands/migrate.js migrateSchemaTimestampAdd
// (core/migrator.js addTimestampsToSchema): when the meta table has no
// createdAt, it is renamed to <table>Backup (which stays), a meta table
// with timestamps is created and the names are copied into it with the
// current time.
func (r *run) migrateTimestampsAdd(inv *invocation) int {
	m, code := r.getMigrator(inv, "migration")
	if m == nil {
		return code
	}
	defer m.close()
	ctx := r.st.Ctx
	table := m.storage.table
	tables, err := m.sess.Exec(ctx, dialect.ShowAllTables{})
	if err != nil {
		return r.failJS(err)
	}
	list, _ := tables.([]any)
	if !slices.Contains(list, any(table.Name)) {
		return r.failJS(errors.New("No MetaTable table found."))
	}
	desc, err := m.sess.Exec(ctx, dialect.DescribeTable{Table: table})
	if err != nil {
		return r.failJS(err)
	}
	if o, ok := desc.(*dialect.Object); ok {
		if _, has := o.Get("createdAt"); has {
			r.out.log("MetaTable already has timestamps.")
			return 0
		}
	}
	r.ensureCurrentMetaSchema(m)
	backup := table
	backup.Name += "Backup"
	if _, err := m.sess.Exec(ctx, dialect.RenameTable{From: table, To: backup}); err != nil {
		return r.failJS(err)
	}
	res, err := m.sess.Exec(ctx, dialect.Select{Table: backup})
	if err != nil {
		return r.failJS(err)
	}
	meta := &migrate.SequelizeStorage{DB: m.sess, Table: table, Timestamps: true, Underscored: m.storage.underscored, Now: r.st.Now, PlainTable: true}
	if err := meta.Sync(ctx); err != nil {
		return r.failJS(err)
	}
	rows, _ := res.([]any)
	if len(rows) > 0 {
		now := r.st.Now()
		createdAt, updatedAt := meta.TimestampNames()
		attrs := map[string]dialect.Column{}
		for _, c := range meta.Columns() {
			// A model's attributes carry the dialect's own types.
			t := *c.Type
			t.Dialect = true
			c.Type = &t
			attrs[c.Name] = c
		}
		var values []*dialect.Object
		for _, row := range rows {
			o, ok := row.(*dialect.Object)
			if !ok {
				continue
			}
			name, _ := o.Get("name")
			v := dialect.NewObject("name", name)
			v.Set(dialect.Key{Name: createdAt}, now)
			v.Set(dialect.Key{Name: updatedAt}, now)
			values = append(values, v)
		}
		if _, err := m.sess.Exec(ctx, dialect.BulkInsert{Table: table, Rows: values, Attributes: attrs}); err != nil {
			return r.failJS(err)
		}
	}
	r.out.log("Successfully added timestamps to MetaTable.")
	return 0
}
