package cli

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/bridge"
	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/all"
)

// db:create and db:drop are commands/database.js: the configuration is read
// (and printed) as for every command, Sequelize is built without the
// database (postgres connects to the "postgres" database, mysql to none),
// and one statement runs: CREATE DATABASE … with the dialect's options, or
// DROP DATABASE IF EXISTS …. Other dialects (sqlite, mariadb, …) are
// refused as sequelize-cli refuses them.

func (r *run) dbCreate(inv *invocation) int { return r.database(inv, true) }
func (r *run) dbDrop(inv *invocation) int   { return r.database(inv, false) }

// quoteIdent is the query generator's quoteIdentifier: ticks removed and
// put around (postgres leaves a plain name bare when quoteIdentifiers is
// false).
func quoteIdent(d dialect.Name, s string, quoteIdentifiers bool) string {
	switch d {
	case dialect.MySQL:
		return "`" + strings.ReplaceAll(s, "`", "") + "`"
	default:
		raw := strings.ReplaceAll(s, `"`, "")
		if !quoteIdentifiers && !strings.Contains(s, ".") && !strings.Contains(s, "->") {
			return raw
		}
		return `"` + raw + `"`
	}
}

// createDatabaseSQL is database.js getCreateDatabaseQuery.
func createDatabaseSQL(d dialect.Name, db string, opts map[string]string, quoted bool) string {
	q := func(s string) string { return quoteIdent(d, s, quoted) }
	var b strings.Builder
	if d == dialect.MySQL {
		b.WriteString("CREATE DATABASE IF NOT EXISTS " + q(db))
		if v := opts["charset"]; v != "" {
			b.WriteString(" DEFAULT CHARACTER SET " + q(v))
		}
		if v := opts["collate"]; v != "" {
			b.WriteString(" DEFAULT COLLATE " + q(v))
		}
		return b.String()
	}
	b.WriteString("CREATE DATABASE " + q(db))
	for _, o := range [][2]string{{"encoding", "ENCODING"}, {"collate", "LC_COLLATE"}, {"ctype", "LC_CTYPE"}, {"template", "TEMPLATE"}} {
		if v := opts[o[0]]; v != "" {
			b.WriteString(" " + o[1] + " = " + q(v))
		}
	}
	return b.String()
}

func (r *run) database(inv *invocation, create bool) int {
	src, err := r.loadConfig(inv)
	if err != nil {
		return r.failJS(err)
	}
	obj, err := r.readConfig(inv, src)
	if err != nil {
		return r.failJS(err)
	}
	var cfg dialect.Config
	quoted := true
	if _, err := r.await(func(vm *goja.Runtime) (goja.Value, error) {
		cfg = r.connConfig(obj)
		if v := obj.Get("quoteIdentifiers"); v != nil && !goja.IsUndefined(v) && !v.ToBoolean() {
			quoted = false
		}
		return goja.Undefined(), nil
	}); err != nil {
		return r.failJS(err)
	}
	name := cfg.Database
	switch cfg.Dialect {
	case dialect.Postgres:
		cfg.Database = "postgres"
	case dialect.MySQL:
		cfg.Database = ""
	default:
		return r.out.report(failure{message: fmt.Sprintf("Dialect %s does not support db:create / db:drop commands", jsConfigString(string(cfg.Dialect)))})
	}
	d, err := all.New(cfg)
	if err != nil {
		return r.failJS(err)
	}
	conn, err := d.Open(r.st.Ctx, cfg)
	if err != nil {
		return r.failJS(err)
	}
	if err := r.sess.Connect(r.st.Ctx, bridge.Options{
		Dialect: d, Connector: conn, Config: obj, CLILogging: true, Warn: r.out.warn,
	}); err != nil {
		_ = conn.Close()
		return r.failJS(err)
	}
	if _, err := r.await(func(*goja.Runtime) (goja.Value, error) { return goja.Undefined(), r.sess.Ready() }); err != nil {
		return r.failJS(err)
	}
	if cfg.Dialect == dialect.MySQL {
		// Sequelize's connection manager asks a new mysql server for its
		// version with a no-op logger, so a configured logging never shows
		// it. sqzjs's mysql dialect logs it with the first operation; asking
		// first with logging off keeps db:create's output Sequelize's.
		_, _ = r.await(func(vm *goja.Runtime) (goja.Value, error) {
			inst, ok := r.sess.Instance().(*goja.Object)
			if !ok {
				return goja.Undefined(), nil
			}
			fn, ok := goja.AssertFunction(inst.Get("databaseVersion"))
			if !ok {
				return goja.Undefined(), nil
			}
			o := vm.NewObject()
			_ = o.Set("logging", false)
			// A failure (a refused connection) is reported by the statement
			// below, which fails the same way.
			return fn(inst, o)
		})
	}
	opts := map[string]string{}
	for _, k := range []string{"charset", "collate", "encoding", "ctype", "template"} {
		opts[k] = inv.get(k)
	}
	sql := "DROP DATABASE IF EXISTS " + quoteIdent(cfg.Dialect, name, quoted)
	verb := "dropped."
	if create {
		sql = createDatabaseSQL(cfg.Dialect, name, opts, quoted)
		verb = "created."
	}
	if _, err := r.sess.Exec(r.st.Ctx, dialect.Raw{SQL: sql, Type: "RAW"}); err != nil {
		return r.failJS(err)
	}
	r.out.log("Database", r.out.blue(name), verb)
	return 0
}

// jsConfigString is how a missing config value reads in a template string.
func jsConfigString(s string) string {
	if s == "" {
		return "undefined"
	}
	return s
}
