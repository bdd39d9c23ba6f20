package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/jsrt"
)

// newRuntime builds the one JavaScript runtime of the run: .sequelizerc,
// the config file and every migration share it (and its module cache and
// process.env), as they share one Node process under sequelize-cli.
func (r *run) newRuntime() (*jsrt.Runtime, error) {
	argv := append([]string{"sqzjs", "sqzjs"}, r.st.Args...)
	return jsrt.New(jsrt.Options{
		FS: r.st.FS, Cwd: r.cwd, Env: r.st.Env, Argv: argv,
		Stdout: r.out.stdoutWriter(), Stderr: r.out.stderrWriter(), Now: r.st.Now,
	})
}

// await runs start on the runtime's loop with the run's context.
func (r *run) await(start func(vm *goja.Runtime) (goja.Value, error)) (goja.Value, error) {
	s, err := r.rt.Loop().Await(r.st.Ctx, start)
	return s.Value, err
}

// loadRC is core/yargs.js loadRCFile: --options-path (read from the raw
// command line) or <cwd>/.sequelizerc, required as a CommonJS module and
// passed through JSON.parse(JSON.stringify(…)). A missing file gives no
// values. It returns the values and the file's absolute path.
func (r *run) loadRC(inv *invocation) (map[string]any, string, error) {
	file := r.rcFile(inv)
	if !r.exists(file) {
		return nil, file, nil
	}
	var text string
	var undefined bool
	_, err := r.await(func(vm *goja.Runtime) (goja.Value, error) {
		mod, err := r.rt.Require(file)
		if err != nil {
			return nil, err
		}
		mod = esmDefault(mod)
		stringify, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
		s, err := stringify(goja.Undefined(), mod)
		if err != nil {
			return nil, err
		}
		if goja.IsUndefined(s) {
			undefined = true
		} else {
			text = s.String()
		}
		return goja.Undefined(), nil
	})
	if err != nil {
		return nil, file, err
	}
	if undefined {
		return nil, file, fmt.Errorf("%s must export an object of option values (module.exports = { … })", r.rel(file))
	}
	var rc map[string]any
	if err := json.Unmarshal([]byte(text), &rc); err != nil {
		return nil, file, fmt.Errorf("%s must export an object of option values (module.exports = { … }), not %s", r.rel(file), text)
	}
	return rc, file, nil
}

// rcFile is the options file's absolute path: --options-path, else
// <cwd>/.sequelizerc.
func (r *run) rcFile(inv *invocation) string {
	file := inv.rawOptionsPath()
	if file == "" {
		file = ".sequelizerc"
	}
	return r.abs(file)
}

// configFile is config-helper.js getConfigFile: --config against the
// working directory, else config/config.js if it exists, else
// config/config.json.
func (r *run) configFile(inv *invocation) string {
	if c := inv.get("config"); c != "" {
		return r.abs(c)
	}
	// sequelize-cli derives config.js by replacing the first ".json" of the
	// whole absolute path, which misses config.js when a folder above has
	// ".json" in its name; sqzjs looks next to config.json.
	if alt := path.Join(r.cwd, "config", "config.js"); r.exists(alt) {
		return alt
	}
	def := path.Join(r.cwd, "config", "config.json")
	if !r.exists(def) {
		// sqzjs only: a TypeScript or ES module config where sequelize-cli
		// would find none.
		for _, ext := range []string{".ts", ".cjs", ".mjs", ".cts", ".mts"} {
			if alt := path.Join(r.cwd, "config", "config"+ext); r.exists(alt) {
				return alt
			}
		}
	}
	return def
}

// esmDefault is what import() gives as the default export of a module
// that jsrt transpiled from an ES module (marked __esModule): its default
// export; any other value is returned as it is.
func esmDefault(v goja.Value) goja.Value {
	obj, ok := v.(*goja.Object)
	if !ok {
		return v
	}
	if m := obj.Get("__esModule"); m == nil || !m.ToBoolean() {
		return v
	}
	if d := obj.Get("default"); d != nil {
		return d
	}
	return goja.Undefined()
}

// configSource is the result of config-helper.js init(): the raw config
// value, or the error that kept it from loading.
type configSource struct {
	file  string
	value goja.Value // nil when undefined
	err   error
}

// loadConfig is config-helper.js init(): with --url the parsed URL, else
// the config file required (a .json file) or imported (anything else), its
// value awaited, and a function called (with a callback when it declares
// exactly one parameter) and its result awaited. Errors while reading are
// kept for readConfig; an error of the called function is returned.
func (r *run) loadConfig(inv *invocation) (*configSource, error) {
	src := &configSource{file: r.configFile(inv)}
	if u, ok := inv.values["url"]; ok && u != "" {
		parsed, err := parseDbURL(u)
		if err != nil {
			src.err = err
			return src, nil
		}
		v, err := r.await(func(vm *goja.Runtime) (goja.Value, error) {
			o := vm.NewObject()
			for _, f := range parsed.fields() {
				_ = o.Set(f[0].(string), f[1])
			}
			return o, nil
		})
		src.value = v
		return src, err
	}
	if !r.exists(src.file) {
		src.err = fmt.Errorf("Cannot find module '%s'", src.file)
		return src, nil
	}
	v, err := r.await(func(vm *goja.Runtime) (goja.Value, error) {
		v, err := r.rt.Require(src.file)
		if err != nil {
			return nil, err
		}
		return esmDefault(v), nil
	})
	if err != nil {
		src.err = err
		return src, nil
	}
	if fn, ok := v.(*goja.Object); ok {
		if call, isFn := goja.AssertFunction(fn); isFn {
			v, err = r.await(func(vm *goja.Runtime) (goja.Value, error) {
				if fn.Get("length").ToInteger() == 1 {
					p, resolve, reject := vm.NewPromise()
					cb := vm.ToValue(func(c goja.FunctionCall) goja.Value {
						if e := c.Argument(0); e.ToBoolean() {
							_ = reject(e)
						} else {
							_ = resolve(c.Argument(1))
						}
						return goja.Undefined()
					})
					if _, err := call(goja.Undefined(), cb); err != nil {
						return nil, err
					}
					return vm.ToValue(p), nil
				}
				return call(goja.Undefined())
			})
			if err != nil {
				return nil, err
			}
		}
	}
	if v != nil && !goja.IsUndefined(v) {
		src.value = v
	}
	return src, nil
}

// jsString is String(v) for the values a config holds; "" for undefined
// and null.
func jsString(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	return v.String()
}

func truthy(v goja.Value) bool { return v != nil && v.ToBoolean() }

// readConfig is config-helper.js readConfig: it checks the raw value,
// prints "Parsed url …" or "Loaded configuration file …", selects the
// environment (--env, then NODE_ENV as the scripts left process.env, then
// "development") when the config has it, replaces a non-function truthy
// logging by console.log, and merges url or use_env_variable. It returns
// the selected object, which is what Sequelize is built from.
func (r *run) readConfig(inv *invocation, src *configSource) (*goja.Object, error) {
	relFile := r.rel(src.file)
	if src.value == nil {
		reason := "undefined"
		if src.err != nil {
			reason = errorString(src.err)
		}
		return nil, &wrappedError{prefix: `Error reading "` + relFile + `". Error: `, err: src.err, text: reason}
	}
	var selected *goja.Object
	var env string
	var rcErr error
	_, err := r.await(func(vm *goja.Runtime) (goja.Value, error) {
		raw, ok := src.value.(*goja.Object)
		if !ok || goja.IsNull(src.value) {
			rcErr = fmt.Errorf("Config must be an object or a promise for an object: %s", relFile)
			return goja.Undefined(), nil
		}
		if u := inv.get("url"); u != "" {
			r.out.log("Parsed url " + filteredURL(u))
			if pw := raw.Get("password"); truthy(pw) {
				r.out.addSecret(pw.String())
			}
		} else {
			r.out.log(`Loaded configuration file "` + relFile + `".`)
		}
		env = inv.get("env")
		if env == "" {
			env = r.processEnv(vm, "NODE_ENV")
		}
		if env == "" {
			env = "development"
		}
		if sub := raw.Get(env); truthy(sub) {
			r.out.log(`Using environment "` + env + `".`)
			o, ok := sub.(*goja.Object)
			if !ok {
				rcErr = fmt.Errorf("the %q entry of %s must be an object, not %s", env, relFile, sub.String())
				return goja.Undefined(), nil
			}
			raw = o
		}
		if l := raw.Get("logging"); truthy(l) {
			if _, isFn := goja.AssertFunction(l); !isFn {
				_ = raw.Set("logging", vm.Get("console").ToObject(vm).Get("log"))
			}
		}
		var u *dbURL
		var perr error
		if v := raw.Get("url"); truthy(v) {
			u, perr = parseDbURL(v.String())
		} else if v := raw.Get("use_env_variable"); truthy(v) {
			val, ok := r.processEnvOK(vm, v.String())
			if !ok {
				val = "undefined"
			}
			u, perr = parseDbURL(val)
		}
		if perr != nil {
			rcErr = perr
			return goja.Undefined(), nil
		}
		if u != nil {
			for _, f := range u.fields() {
				_ = raw.Set(f[0].(string), f[1])
			}
		}
		if pw := raw.Get("password"); truthy(pw) {
			r.out.addSecret(pw.String())
		}
		selected = raw
		return goja.Undefined(), nil
	})
	if err != nil {
		return nil, err
	}
	if rcErr != nil {
		return nil, rcErr
	}
	return selected, nil
}

// processEnv reads process.env[name] as the scripts see it (dotenv may
// have changed it). On the loop.
func (r *run) processEnv(vm *goja.Runtime, name string) string {
	v, _ := r.processEnvOK(vm, name)
	return v
}

func (r *run) processEnvOK(vm *goja.Runtime, name string) (string, bool) {
	proc, ok := vm.Get("process").(*goja.Object)
	if !ok {
		return r.st.Env[name], r.st.Env[name] != ""
	}
	env, ok := proc.Get("env").(*goja.Object)
	if !ok {
		return "", false
	}
	v := env.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return "", false
	}
	return v.String(), true
}

// wrappedError is an error shown with a prefix, as sequelize-cli's
// 'Error reading "…". Error: ' + error.
type wrappedError struct {
	prefix string
	err    error
	text   string
}

func (e *wrappedError) Error() string { return e.prefix + e.text }
func (e *wrappedError) Unwrap() error { return e.err }

// errorString is String(error) in JavaScript: "Name: message" for a
// script error.
func errorString(err error) string {
	var se *jsrt.ScriptError
	if errors.As(err, &se) {
		return se.Message
	}
	return "Error: " + err.Error()
}

// connConfig reads the connection settings of the selected config as
// Sequelize's constructor and its SQLite connection manager read them. On
// the loop.
func (r *run) connConfig(obj *goja.Object) dialect.Config {
	get := func(name string) string { return jsString(obj.Get(name)) }
	cfg := dialect.Config{
		Dialect:  dialect.Name(get("dialect")),
		Database: get("database"),
		Username: get("username"),
		Password: get("password"),
		Host:     get("host"),
		Port:     get("port"),
		Timezone: get("timezone"),
		Schema:   get("schema"),
	}
	if o, ok := obj.Get("dialectOptions").(*goja.Object); ok {
		if m, ok := o.Export().(map[string]any); ok {
			cfg.DialectOptions = m
		}
	}
	if fk := obj.Get("foreignKeys"); fk != nil {
		if b, ok := fk.Export().(bool); ok && !b {
			cfg.ForeignKeys = &b
		}
	}
	if cfg.Dialect == dialect.SQLite {
		// storage if given, else host, else in memory; a relative file is
		// relative to the working directory, as for node-sqlite3.
		st := obj.Get("storage")
		storage := ""
		if st != nil && !goja.IsUndefined(st) && !goja.IsNull(st) {
			storage = st.String()
		} else if h := obj.Get("host"); truthy(h) {
			storage = h.String()
		}
		if storage == "" {
			storage = ":memory:"
		}
		if storage != ":memory:" && !strings.HasPrefix(storage, "file:") {
			storage = r.abs(storage)
		}
		cfg.Storage = storage
	}
	return cfg
}

// storageConfig is umzug-helper.js's reading of the migration storage keys
// (each read as readConfig()[key] || fallback) and of the define options
// that reach the meta model.
type storageConfig struct {
	kind        string // sequelize, json, none, or what the user named
	path        string // json file
	shownPath   string // as configured, for messages
	table       dialect.TableRef
	timestamps  bool
	underscored bool
}

func (r *run) storageConfig(obj *goja.Object, typ string) storageConfig {
	get := func(name string) string {
		if v := obj.Get(typ + name); truthy(v) {
			return v.String()
		}
		return ""
	}
	sc := storageConfig{kind: get("Storage"), path: get("StoragePath")}
	if sc.kind == "" {
		sc.kind = map[string]string{"migration": "sequelize", "seeder": "none"}[typ]
	}
	if sc.path == "" {
		sc.path = path.Join(r.cwd, map[string]string{"migration": "sequelize-meta.json", "seeder": "sequelize-data.json"}[typ])
	}
	sc.shownPath = sc.path
	sc.path = r.abs(sc.path)
	sc.table.Name = get("StorageTableName")
	if sc.table.Name == "" {
		sc.table.Name = map[string]string{"migration": "SequelizeMeta", "seeder": "SequelizeData"}[typ]
	}
	sc.table.Schema = get("StorageTableSchema")
	sc.timestamps = truthy(obj.Get(typ + "Timestamps"))
	if def, ok := obj.Get("define").(*goja.Object); ok {
		sc.underscored = truthy(def.Get("underscored"))
		if sc.table.Schema == "" {
			sc.table.Schema = jsString(def.Get("schema"))
		}
		if sc.table.Schema != "" {
			sc.table.Delimiter = jsString(def.Get("schemaDelimiter"))
		}
	}
	return sc
}
