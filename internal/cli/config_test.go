package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// configProject has two environments on two SQLite files and three
// migration folders whose only files tell which folder was read.
func configProject(t *testing.T, extra map[string]string) string {
	t.Helper()
	files := map[string]string{
		"config/config.json": `{
  "development": {"dialect": "sqlite", "storage": "dev.sqlite"},
  "test": {"dialect": "sqlite", "storage": "test.sqlite"}
}`,
		"migrations/20200101000000-m.js":   createTable("M"),
		"m2/20200101000000-m2.js":          createTable("M2"),
		"m3/20200101000000-m3.js":          createTable("M3"),
		"other/config.json":                `{"development": {"dialect": "sqlite", "storage": "other.sqlite"}}`,
		"other/not-an-object.js":           "module.exports = 42;\n",
		"other/async.js":                   "module.exports = async () => ({ development: { dialect: 'sqlite', storage: 'async.sqlite' } });\n",
		"other/callback.js":                "module.exports = function (cb) { setTimeout(() => cb(null, { development: { dialect: 'sqlite', storage: 'cb.sqlite' } }), 1); };\n",
		"other/callback-error.js":          "module.exports = function (cb) { cb(new Error('no config for you')); };\n",
		"other/promise.js":                 "module.exports = Promise.resolve({ test: { dialect: 'sqlite', storage: 'p.sqlite' } });\n",
		"other/dirname.js":                 "const path = require('path');\nmodule.exports = { development: { dialect: 'sqlite', storage: path.join(__dirname, 'dn.sqlite') } };\n",
		"other/use-env.json":               `{"development": {"use_env_variable": "DB_URL", "migrationStorage": "json"}}`,
		"other/url.json":                   `{"development": {"url": "sqlite://localhost<dir>/by-url.sqlite", "dialect": "mysql", "storage": "kept-by-url.sqlite"}}`,
		"other/no-env.json":                `{"dialect": "sqlite", "storage": "flat.sqlite"}`,
		"other/logging.json":               `{"development": {"dialect": "sqlite", "storage": "log.sqlite", "logging": true}}`,
		"other/bad.json":                   `{bad`,
		"other/throws.js":                  "module.exports = {};\nthrow new Error('config exploded');\n",
		"other/host-as-storage.json":       `{"development": {"dialect": "sqlite", "host": "host.sqlite"}}`,
		"other/nested/storage-dirs.json":   `{"development": {"dialect": "sqlite", "storage": "deep/er/x.sqlite"}}`,
		"other/opts.js":                    "module.exports = { 'migrations-path': 'm3', env: 'test' };\n",
		"other/rc-sets-env.js":             "process.env.NODE_ENV = 'test';\nmodule.exports = {};\n",
		"other/rc-unknown.js":              "module.exports = { migrationsPath: 'm2', colour: true };\n",
		"other/rc-function.js":             "module.exports = function () {};\n",
		"other/rc-config-camel.js":         "module.exports = { config: require('path').resolve('other', 'config.json'), seedersPath: 's' };\n",
		"other/env-from-rc-process.js":     "module.exports = { development: { dialect: 'sqlite', storage: process.env.FROM_RC + '.sqlite' } };\n",
		"other/rc-sets-from-rc.js":         "process.env.FROM_RC = 'fromrc';\nmodule.exports = { config: 'other/env-from-rc-process.js' };\n",
		"other/storage-unknown.json":       `{"development": {"dialect": "sqlite", "storage": "x.sqlite", "migrationStorage": "mongodb"}}`,
		"other/timezone.json":              `{"development": {"dialect": "sqlite", "timezone": "+02:00"}}`,
		"other/unknown-dialect.json":       `{"development": {"dialect": "oracle9"}}`,
		"other/mysql.json":                 `{"development": {"dialect": "mysql", "password": "hunter22secret", "host": "127.0.0.1"}}`,
		"other/empty-env-object.json":      `{"development": {}}`,
		"other/env-not-object.json":        `{"development": "sqlite://x/y"}`,
		"other/use-env-missing.json":       `{"development": {"use_env_variable": "NOPE_NOT_SET"}}`,
		"other/url-in-config-bad.json":     `{"development": {"url": "nonsense"}}`,
		"other/config-with-define.json":    `{"development": {"dialect": "sqlite", "storage": "d.sqlite", "define": {"schema": "zz"}}}`,
		"other/storage-path-relative.json": `{"development": {"dialect": "sqlite", "storage": "r.sqlite", "migrationStorage": "json", "migrationStoragePath": "meta.json"}}`,
	}
	for k, v := range extra {
		files[k] = v
	}
	return project(t, files)
}

func TestConfigResolution(t *testing.T) {
	t.Parallel()
	const loaded = "Loaded configuration file \"config/config.json\".\n"
	const usingDev = "Using environment \"development\".\n"
	const usingTest = "Using environment \"test\".\n"
	cases := []struct {
		name  string
		files map[string]string // extra project files
		env   map[string]string
		args  []string
		code  int
		// stdout after the teaser (exact); stderr exact.
		stdout, stderr string
		// creates is a file the run must have made (the database used).
		creates string
	}{
		{name: "defaults", args: []string{"db:migrate:status"},
			stdout: loaded + usingDev + "down 20200101000000-m.js\n", creates: "dev.sqlite"},
		{name: "--env", args: []string{"db:migrate:status", "--env", "test"},
			stdout: loaded + usingTest + "down 20200101000000-m.js\n", creates: "test.sqlite"},
		{name: "--env=", args: []string{"db:migrate:status", "--env=test"},
			stdout: loaded + usingTest + "down 20200101000000-m.js\n", creates: "test.sqlite"},
		{name: "NODE_ENV", env: map[string]string{"NODE_ENV": "test"}, args: []string{"db:migrate:status"},
			stdout: loaded + usingTest + "down 20200101000000-m.js\n", creates: "test.sqlite"},
		{name: "--env wins over NODE_ENV", env: map[string]string{"NODE_ENV": "test"}, args: []string{"db:migrate:status", "--env", "development"},
			stdout: loaded + usingDev + "down 20200101000000-m.js\n", creates: "dev.sqlite"},
		{name: "rc camelCase", files: map[string]string{".sequelizerc": "module.exports = { migrationsPath: 'm2' };\n"},
			args: []string{"db:migrate:status"}, stdout: loaded + usingDev + "down 20200101000000-m2.js\n"},
		{name: "flag wins over rc", files: map[string]string{".sequelizerc": "module.exports = { 'migrations-path': 'm2' };\n"},
			args: []string{"db:migrate:status", "--migrations-path", "m3"}, stdout: loaded + usingDev + "down 20200101000000-m3.js\n"},
		{name: "camelCase flag", args: []string{"db:migrate:status", "--migrationsPath", "m3"}, stdout: loaded + usingDev + "down 20200101000000-m3.js\n"},
		{name: "absolute rc paths", files: map[string]string{".sequelizerc": "const path = require('path');\nmodule.exports = { 'migrations-path': path.resolve('m2'), config: path.resolve('config', 'config.json') };\n"},
			args: []string{"db:migrate:status"}, stdout: loaded + usingDev + "down 20200101000000-m2.js\n"},
		{name: "--options-path", files: map[string]string{".sequelizerc": "module.exports = { migrationsPath: 'm2' };\n"},
			args: []string{"db:migrate:status", "--options-path", "other/opts.js"}, stdout: loaded + usingTest + "down 20200101000000-m3.js\n"},
		{name: "--optionsPath=", args: []string{"db:migrate:status", "--optionsPath=other/opts.js"}, stdout: loaded + usingTest + "down 20200101000000-m3.js\n"},
		{name: "missing options file is ignored", args: []string{"db:migrate:status", "--options-path", "nope.js"}, stdout: loaded + usingDev + "down 20200101000000-m.js\n"},
		{name: "rc env wins over NODE_ENV", files: map[string]string{".sequelizerc": "module.exports = { env: 'test' };\n"},
			env: map[string]string{"NODE_ENV": "development"}, args: []string{"db:migrate:status"}, stdout: loaded + usingTest + "down 20200101000000-m.js\n"},
		{name: "rc changes process.env.NODE_ENV", args: []string{"db:migrate:status", "--options-path", "other/rc-sets-env.js"},
			stdout: loaded + usingTest + "down 20200101000000-m.js\n"},
		{name: "rc sets env for config.js", args: []string{"db:migrate:status", "--options-path", "other/rc-sets-from-rc.js"},
			stdout: "Loaded configuration file \"other/env-from-rc-process.js\".\n" + usingDev + "down 20200101000000-m.js\n", creates: "fromrc.sqlite"},
		{name: "rc config and camelCase seedersPath", args: []string{"db:migrate:status", "--options-path", "other/rc-config-camel.js"},
			stdout: "Loaded configuration file \"other/config.json\".\n" + usingDev + "down 20200101000000-m.js\n", creates: "other.sqlite"},
		{name: "--config", args: []string{"db:migrate:status", "--config", "other/config.json"},
			stdout: "Loaded configuration file \"other/config.json\".\n" + usingDev + "down 20200101000000-m.js\n", creates: "other.sqlite"},
		{name: "config.js wins over config.json", files: map[string]string{"config/config.js": "module.exports = { development: { dialect: 'sqlite', storage: 'js.sqlite' } };\n"},
			args: []string{"db:migrate:status"}, stdout: "Loaded configuration file \"config/config.js\".\n" + usingDev + "down 20200101000000-m.js\n", creates: "js.sqlite"},
		{name: "async function", args: []string{"db:migrate:status", "--config", "other/async.js"},
			stdout: "Loaded configuration file \"other/async.js\".\n" + usingDev + "down 20200101000000-m.js\n", creates: "async.sqlite"},
		{name: "callback function", args: []string{"db:migrate:status", "--config", "other/callback.js"},
			stdout: "Loaded configuration file \"other/callback.js\".\n" + usingDev + "down 20200101000000-m.js\n", creates: "cb.sqlite"},
		{name: "promise", args: []string{"db:migrate:status", "--config", "other/promise.js", "--env", "test"},
			stdout: "Loaded configuration file \"other/promise.js\".\n" + usingTest + "down 20200101000000-m.js\n", creates: "p.sqlite"},
		{name: "__dirname", args: []string{"db:migrate:status", "--config", "other/dirname.js"},
			stdout: "Loaded configuration file \"other/dirname.js\".\n" + usingDev + "down 20200101000000-m.js\n", creates: "other/dn.sqlite"},
		{name: "use_env_variable", env: map[string]string{"DB_URL": "sqlite://localhost/<dir>/env.sqlite"}, args: []string{"db:migrate:status", "--config", "other/use-env.json"},
			stdout: "Loaded configuration file \"other/use-env.json\".\n" + usingDev + "down 20200101000000-m.js\n", creates: "env.sqlite"},
		{name: "url in the config wins over its keys", args: []string{"db:migrate:status", "--config", "other/url.json"},
			stdout: "Loaded configuration file \"other/url.json\".\n" + usingDev + "down 20200101000000-m.js\n", creates: "by-url.sqlite"},
		{name: "--url ignores the config file", args: []string{"db:migrate:status", "--url", "sqlite://localhost/<dir>/url.sqlite"},
			stdout: "Parsed url sqlite://localhost/<dir>/url.sqlite\ndown 20200101000000-m.js\n", creates: "url.sqlite"},
		{name: "no env key: the whole object", args: []string{"db:migrate:status", "--config", "other/no-env.json"},
			stdout: "Loaded configuration file \"other/no-env.json\".\ndown 20200101000000-m.js\n", creates: "flat.sqlite"},
		{name: "sqlite host as storage", args: []string{"db:migrate:status", "--config", "other/host-as-storage.json"},
			stdout: "Loaded configuration file \"other/host-as-storage.json\".\n" + usingDev + "down 20200101000000-m.js\n", creates: "host.sqlite"},
		{name: "storage directories are made", args: []string{"db:migrate:status", "--config", "other/nested/storage-dirs.json"},
			stdout: "Loaded configuration file \"other/nested/storage-dirs.json\".\n" + usingDev + "down 20200101000000-m.js\n", creates: "deep/er/x.sqlite"},
		{name: "relative json storage path", args: []string{"db:migrate", "--config", "other/storage-path-relative.json"},
			stdout: "Loaded configuration file \"other/storage-path-relative.json\".\n" + usingDev + umzugLines(false, "20200101000000-m"), creates: "meta.json"},

		// Errors, each observed with sequelize-cli 6.6.5 unless noted.
		{name: "missing env in the config", args: []string{"db:migrate:status", "--env", "nope"}, code: 1,
			stdout: loaded + "\n\n", stderr: "ERROR: Dialect needs to be explicitly supplied as of v4.0.0\n"},
		{name: "missing config", args: []string{"db:migrate:status", "--config", "nope.json"}, code: 1,
			stdout: "\n\n", stderr: "ERROR: Cannot find \"<dir>/nope.json\". Have you run \"sequelize init\"?\n"},
		{name: "config not an object", args: []string{"db:migrate:status", "--config", "other/not-an-object.js"}, code: 1,
			stdout: "\n\n", stderr: "ERROR: Config must be an object or a promise for an object: other/not-an-object.js\n"},
		{name: "use_env_variable unset", args: []string{"db:migrate:status", "--config", "other/use-env-missing.json"}, code: 1,
			stdout: "Loaded configuration file \"other/use-env-missing.json\".\n" + usingDev + "\n\n", stderr: "ERROR: Error parsing url: undefined\n"},
		{name: "bad url in config", args: []string{"db:migrate:status", "--config", "other/url-in-config-bad.json"}, code: 1,
			stdout: "Loaded configuration file \"other/url-in-config-bad.json\".\n" + usingDev + "\n\n", stderr: "ERROR: Error parsing url: nonsense\n"},
		{name: "bad --url", args: []string{"db:migrate:status", "--url", "nonsense"}, code: 1,
			stdout: "\n\n", stderr: "ERROR: Error reading \"config/config.json\". Error: Error: Error parsing url: nonsense\n"},
		{name: "missing migrations folder", args: []string{"db:migrate:status", "--migrations-path", "nodir"}, code: 1,
			stdout: loaded + usingDev + "\n\n", stderr: "ERROR: ENOENT: no such file or directory, scandir '<dir>/nodir'\n"},
		{name: "migrations path is a file", args: []string{"db:migrate", "--migrations-path", "other/config.json"}, code: 1,
			stdout: loaded + usingDev + "\n\n", stderr: "ERROR: ENOTDIR: not a directory, scandir '<dir>/other/config.json'\n"},
		{name: "sqlite timezone", args: []string{"db:migrate:status", "--config", "other/timezone.json"}, code: 1,
			stdout: "Loaded configuration file \"other/timezone.json\".\n" + usingDev + "\n\n",
			stderr: "ERROR: Setting a custom timezone is not supported by SQLite, dates are always returned as UTC. Please remove the custom timezone parameter.\n"},
		{name: "unknown dialect", args: []string{"db:migrate:status", "--config", "other/unknown-dialect.json"}, code: 1,
			stdout: "Loaded configuration file \"other/unknown-dialect.json\".\n" + usingDev + "\n\n",
			stderr: "ERROR: The dialect oracle9 is not supported. Supported dialects: mssql, mariadb, mysql, oracle, postgres, db2 and sqlite.\n"},
		{name: "empty env object", args: []string{"db:migrate:status", "--config", "other/empty-env-object.json"}, code: 1,
			stdout: "Loaded configuration file \"other/empty-env-object.json\".\n" + usingDev + "\n\n",
			stderr: "ERROR: Dialect needs to be explicitly supplied as of v4.0.0\n"},
		// sqzjs: clearer than sequelize-cli's crashes.
		{name: "callback error", args: []string{"db:migrate:status", "--config", "other/callback-error.js"}, code: 1,
			stdout: "\n\n", stderr: "ERROR: no config for you\n    at <dir>/other/callback-error.js:1:37\n"},
		{name: "config throws", args: []string{"db:migrate:status", "--config", "other/throws.js"}, code: 1,
			stdout: "\n\n", stderr: "ERROR: Error reading \"other/throws.js\". Error: Error: config exploded\n    at <dir>/other/throws.js:2:7\n"},
		{name: "env not an object", args: []string{"db:migrate:status", "--config", "other/env-not-object.json"}, code: 1,
			stdout: "Loaded configuration file \"other/env-not-object.json\".\n" + usingDev + "\n\n",
			stderr: "ERROR: the \"development\" entry of other/env-not-object.json must be an object, not sqlite://x/y\n"},
		{name: "unknown storage", args: []string{"db:migrate:status", "--config", "other/storage-unknown.json"}, code: 1,
			stdout: "Loaded configuration file \"other/storage-unknown.json\".\n" + usingDev + "\n\n",
			stderr: "ERROR: Unable to resolve the storage: mongodb, Error: sqzjs supports the sequelize, json and none storages (migrationStorage in other/storage-unknown.json)\n"},
		{name: "rc function", args: []string{"db:migrate:status", "--options-path", "other/rc-function.js"}, code: 1,
			stdout: "\n\n", stderr: "ERROR: other/rc-function.js must export an object of option values (module.exports = { … })\n"},
		{name: "rc unknown key", args: []string{"db:migrate:status", "--options-path", "other/rc-unknown.js"}, code: 1,
			stdout: "", stderr: "…\nUnknown option \"colour\" in other/rc-unknown.js.\n"},
		{name: "rc conflicts", files: map[string]string{".sequelizerc": "module.exports = { to: 'x' };\n"},
			args: []string{"db:migrate", "--name", "y"}, code: 1, stdout: "", stderr: "…\nArguments name and to are mutually exclusive\n"},
		// The password never reaches the output.
		{name: "password masked", args: []string{"db:migrate:status", "--url", "postgres://u:hunter22secret@127.0.0.1:1/db"}, code: 1,
			stdout: "Parsed url postgres://u:*****@127.0.0.1:1/db\n\n\n", stderr: "…"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := configProject(t, c.files)
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = strings.ReplaceAll(a, "<dir>", dir)
			}
			env := map[string]string{}
			for k, v := range c.env {
				env[k] = strings.ReplaceAll(v, "<dir>", dir)
			}
			r := cli(t, dir, env, args...)
			if r.code != c.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, c.code, r.stderr)
			}
			if !strings.HasPrefix(r.stdout, teaserOut) {
				t.Fatalf("stdout %q", r.stdout)
			}
			matchText(t, "stdout", strings.TrimPrefix(r.stdout, teaserOut), c.stdout)
			matchText(t, "stderr", r.stderr, c.stderr)
			if strings.Contains(r.stdout+r.stderr, "hunter22secret") {
				t.Errorf("the password was printed")
			}
			if c.creates != "" {
				if _, err := os.Stat(filepath.Join(dir, c.creates)); err != nil {
					t.Errorf("%s was not created: %v", c.creates, err)
				}
			}
		})
	}
}

// TestLoggingQuerySequence: with logging: true the statements are the ones
// sequelize-cli 6.6.5 ran for db:migrate:status on an empty SQLite
// database, in the same order (observed).
func TestLoggingQuerySequence(t *testing.T) {
	t.Parallel()
	dir := configProject(t, nil)
	r := cli(t, dir, nil, "db:migrate:status", "--config", "other/logging.json")
	want := lines(
		`Loaded configuration file "other/logging.json".`,
		`Using environment "development".`,
		"Executing (default): SELECT 1+1 AS result",
		"Executing (default): SELECT name FROM `sqlite_master` WHERE type='table' and name!='sqlite_sequence';",
		"Executing (default): SELECT name FROM sqlite_master WHERE type='table' AND name='SequelizeMeta';",
		"Executing (default): CREATE TABLE IF NOT EXISTS `SequelizeMeta` (`name` VARCHAR(255) NOT NULL UNIQUE PRIMARY KEY);",
		"Executing (default): PRAGMA INDEX_LIST(`SequelizeMeta`)",
		"Executing (default): PRAGMA INDEX_INFO(`sqlite_autoindex_SequelizeMeta_1`)",
		"Executing (default): SELECT `name` FROM `SequelizeMeta` AS `SequelizeMeta` ORDER BY `SequelizeMeta`.`name` ASC;",
		"Executing (default): SELECT name FROM sqlite_master WHERE type='table' AND name='SequelizeMeta';",
		"Executing (default): PRAGMA INDEX_LIST(`SequelizeMeta`)",
		"Executing (default): PRAGMA INDEX_INFO(`sqlite_autoindex_SequelizeMeta_1`)",
		"Executing (default): SELECT `name` FROM `SequelizeMeta` AS `SequelizeMeta` ORDER BY `SequelizeMeta`.`name` ASC;",
		"down 20200101000000-m.js",
	)
	expect(t, "stdout", r.stdout, teaserOut+want)
}

// TestBadJSONConfig: the message starts as sequelize-cli's ('Error reading
// "…". Error: SyntaxError: …') and names the file.
func TestBadJSONConfig(t *testing.T) {
	t.Parallel()
	dir := configProject(t, nil)
	r := cli(t, dir, nil, "db:migrate:status", "--config", "other/bad.json")
	if r.code != 1 || !strings.HasPrefix(r.stderr, "ERROR: Error reading \"other/bad.json\". Error: SyntaxError: ") ||
		!strings.Contains(r.stderr, "other/bad.json") {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
}

// TestColours: picocolors' rules (FORCE_COLOR, NO_COLOR, CI, a terminal).
func TestColours(t *testing.T) {
	t.Parallel()
	dir := configProject(t, nil)
	r := cli(t, dir, map[string]string{"FORCE_COLOR": "1"}, "db:migrate:status", "--env", "nope")
	if !strings.HasPrefix(r.stdout, "\n\x1b[4msqzjs ") || !strings.HasPrefix(r.stderr, "\x1b[31mERROR:\x1b[39m Dialect") {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
	r = cli(t, dir, map[string]string{"FORCE_COLOR": "1", "NO_COLOR": "1"}, "db:migrate:status", "--env", "nope")
	if strings.Contains(r.stdout+r.stderr, "\x1b[") {
		t.Errorf("colours with NO_COLOR: %q %q", r.stdout, r.stderr)
	}
}
