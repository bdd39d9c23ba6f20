package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/bridge"
	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/all"
	"github.com/sqzjs/sqzjs/migrate"
)

// migrator is what core/migrator.js getMigrator builds: the Sequelize
// instance (a bridge session), the storage and the umzug runner.
type migrator struct {
	sess    *bridge.Session
	runner  *migrate.Runner
	storage storageConfig
	meta    *migrate.SequelizeStorage // nil unless the storage is "sequelize"
}

// close releases the connections (the session belongs to the run, which
// closes it once more at the end; Close is idempotent for that).
func (m *migrator) close() {
	if m.sess != nil {
		_ = m.sess.Close()
	}
}

// getMigrator is core/migrator.js getMigrator for typ "migration": the
// config file must exist (or --url be given), the config is read and
// printed, Sequelize is built from it, the storage and the runner are set
// up, and the connection is checked (sequelize.authenticate, plus the
// meta schema on Postgres). On failure it has printed the error and
// returns nil and the exit code.
func (r *run) getMigrator(inv *invocation, typ string) (*migrator, int) {
	src, err := r.loadConfig(inv)
	if err != nil {
		return nil, r.failJS(err)
	}
	if !r.exists(src.file) && inv.get("url") == "" {
		return nil, r.failJS(fmt.Errorf(`Cannot find "%s". Have you run "sequelize init"?`, src.file))
	}
	obj, err := r.readConfig(inv, src)
	if err != nil {
		return nil, r.failJS(err)
	}
	var cfg dialect.Config
	var sc storageConfig
	var metaSchema string
	if _, err := r.await(func(vm *goja.Runtime) (goja.Value, error) {
		cfg = r.connConfig(obj)
		sc = r.storageConfig(obj, typ)
		// getMigrator creates the migration meta table's schema on
		// Postgres, for seeders too (getSchema('migration')).
		metaSchema = r.storageConfig(obj, "migration").table.Schema
		return goja.Undefined(), nil
	}); err != nil {
		return nil, r.failJS(err)
	}
	d, err := all.New(cfg)
	if err != nil {
		return nil, r.failJS(err)
	}
	conn, err := d.Open(r.st.Ctx, cfg)
	if err != nil {
		return nil, r.failJS(err)
	}
	sess := r.sess
	err = sess.Connect(r.st.Ctx, bridge.Options{
		Dialect: d, Connector: conn, Config: obj, CLILogging: true, Warn: r.out.warn,
	})
	if err != nil {
		_ = conn.Close()
		return nil, r.failJS(err)
	}
	m := &migrator{sess: sess, storage: sc}
	var storage migrate.Storage
	switch sc.kind {
	case "sequelize":
		m.meta = &migrate.SequelizeStorage{DB: sess, Table: sc.table, Timestamps: sc.timestamps, Underscored: sc.underscored, Now: r.st.Now}
		storage = m.meta
	case "json":
		storage = &migrate.JSONStorage{Path: sc.path, Display: sc.shownPath, ReadFile: r.readFile, WriteFile: r.writeFile}
	case "none":
		storage = migrate.NoneStorage{}
	default:
		m.close()
		return nil, r.failJS(fmt.Errorf("Unable to resolve the storage: %s, Error: sqzjs supports the sequelize, json and none storages (%sStorage in %s)", sc.kind, typ, r.rel(src.file)))
	}
	dir := typ + "s" // path-helper.js getPath
	if p := inv.get(typ + "s-path"); p != "" {
		dir = p
	}
	m.runner = migrate.New(r.rt, sess, migrate.Options{
		Dir: r.abs(dir), ReadDir: r.readDir, Storage: storage,
		Log: func(line string) { r.out.log(line) }, Warn: r.out.warn, Now: r.st.Now,
	})
	if _, err := sess.Exec(r.st.Ctx, dialect.Raw{SQL: "SELECT 1+1 AS result", Raw: true, Plain: true}); err != nil {
		m.close()
		return nil, r.failJS(err)
	}
	if d.Name() == dialect.Postgres && metaSchema != "" && metaSchema != "public" {
		if _, err := sess.Exec(r.st.Ctx, dialect.CreateSchema{Schema: metaSchema}); err != nil {
			m.close()
			return nil, r.failJS(err)
		}
	}
	return m, 0
}

// ensureCurrentMetaSchema is core/migrator.js's: list the tables, describe
// the meta table if it is there, and turn timestamps on when it has three
// columns including createdAt. Every error is ignored. (sequelize-cli 6.6.5
// turns them on after umzug built its storage, so its inserts then fail on
// the NOT NULL createdAt; sqzjs applies the switch, as the code intends.)
func (r *run) ensureCurrentMetaSchema(m *migrator) {
	tables, err := m.sess.Exec(r.st.Ctx, dialect.ShowAllTables{})
	if err != nil || m.meta == nil {
		return
	}
	list, _ := tables.([]any)
	found := false
	for _, t := range list {
		if s, ok := t.(string); ok && s == m.storage.table.Name {
			found = true
		}
	}
	if !found {
		return
	}
	desc, err := m.sess.Exec(r.st.Ctx, dialect.DescribeTable{Table: dialect.Table(m.storage.table.Name)})
	if err != nil {
		return
	}
	if o, ok := desc.(*dialect.Object); ok && o.Len() == 3 {
		if _, has := o.Get("createdAt"); has {
			m.meta.Timestamps = true
		}
	}
}

// readDir lists a folder as fs.readdir does, with Node's error messages.
func (r *run) readDir(dir string) ([]string, error) {
	entries, err := fs.ReadDir(r.st.FS, fsPath(dir))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("ENOENT: no such file or directory, scandir '%s'", dir)
		}
		if fi, serr := fs.Stat(r.st.FS, fsPath(dir)); serr == nil && !fi.IsDir() {
			return nil, fmt.Errorf("ENOTDIR: not a directory, scandir '%s'", dir)
		}
		return nil, err
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names, nil
}

func (r *run) readFile(name string) ([]byte, error) {
	return fs.ReadFile(r.st.FS, fsPath(name))
}

func (r *run) writeFile(name string, data []byte) error {
	if r.st.WriteFile == nil {
		return errors.New("sqzjs: writing files is not available")
	}
	return r.st.WriteFile(name, data)
}

const noMigrations = "No migrations were executed, database schema was already up to date."

// withMigrator runs f with a migrator whose meta schema was checked, as
// every migration command starts (getMigrator, ensureCurrentMetaSchema).
func (r *run) withMigrator(inv *invocation, f func(m *migrator) int) int {
	m, code := r.getMigrator(inv, "migration")
	if m == nil {
		return code
	}
	defer m.close()
	r.ensureCurrentMetaSchema(m)
	return f(m)
}

// migrate is commands/migrate.js migrate().
func (r *run) migrate(inv *invocation) int {
	return r.withMigrator(inv, func(m *migrator) int {
		pending, err := m.runner.Pending(r.st.Ctx)
		if err != nil {
			return r.failJS(err)
		}
		if len(pending) == 0 {
			r.out.log(noMigrations)
			return 0
		}
		var opts migrate.UpOptions
		// --to and --from must name a pending file exactly.
		if to := inv.get("to"); to != "" {
			if !slices.Contains(pending, to) {
				r.out.log(noMigrations)
				return 0
			}
			opts.To = to
		}
		if from := inv.get("from"); from != "" {
			if !slices.Contains(pending, from) {
				r.out.log(noMigrations)
				return 0
			}
			opts.From = from
		}
		if name := inv.get("name"); name != "" {
			opts = migrate.UpOptions{Names: []string{name}}
		}
		return r.done(m.runner.Up(r.st.Ctx, opts))
	})
}

// migrateStatus is commands/migrate.js migrationStatus(): "up" for the
// executed list in storage order, then "down" for the pending files.
func (r *run) migrateStatus(inv *invocation) int {
	return r.withMigrator(inv, func(m *migrator) int {
		executed, err := m.runner.Executed(r.st.Ctx)
		if err != nil {
			return r.failJS(err)
		}
		for _, f := range executed {
			r.out.log("up", f)
		}
		pending, err := m.runner.Pending(r.st.Ctx)
		for _, f := range pending {
			r.out.log("down", f)
		}
		return r.done(err)
	})
}

// migrateUndo is commands/migrate_undo.js: the newest executed migration,
// or --name.
func (r *run) migrateUndo(inv *invocation) int {
	return r.withMigrator(inv, func(m *migrator) int {
		opts := migrate.DownOptions{}
		if name := inv.get("name"); name != "" {
			opts.Names = []string{name}
		}
		return r.undo(m, opts)
	})
}

// migrateUndoAll is commands/migrate_undo_all.js: down to (and including)
// --to, or everything.
func (r *run) migrateUndoAll(inv *invocation) int {
	return r.withMigrator(inv, func(m *migrator) int {
		return r.undo(m, migrate.DownOptions{To: inv.get("to"), All: true})
	})
}

// undo reverts unless nothing was executed ("No executed migrations
// found.").
func (r *run) undo(m *migrator, opts migrate.DownOptions) int {
	executed, err := m.runner.Executed(r.st.Ctx)
	if err != nil {
		return r.failJS(err)
	}
	if len(executed) == 0 {
		r.out.log("No executed migrations found.")
		return 0
	}
	return r.done(m.runner.Down(r.st.Ctx, opts))
}

// done is the end of a command: 0, or the error reported.
func (r *run) done(err error) int {
	if err != nil {
		return r.failJS(err)
	}
	return 0
}
