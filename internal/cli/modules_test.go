package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// tsMigration is a TypeScript migration with an exported up/down pair.
func tsMigration(table string) string {
	return `import { QueryInterface, DataTypes } from 'sequelize';

export async function up(queryInterface: QueryInterface, Sequelize: typeof DataTypes): Promise<void> {
  const prefix: string = process.env.TABLE_PREFIX ?? '';
  await queryInterface.createTable(prefix + '` + table + `', { id: { type: Sequelize.INTEGER, primaryKey: true } });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.dropTable((process.env.TABLE_PREFIX ?? '') + '` + table + `');
}
`
}

// TestTypeScriptProject: config/config.ts (found where sequelize-cli would
// find no config), .ts migrations (recorded with their .ts name), .d.ts and
// .mjs files left out as sequelize-cli leaves them out, -r/--require
// modules loaded first (loader hooks need no package).
func TestTypeScriptProject(t *testing.T) {
	t.Parallel()
	dir := project(t, map[string]string{
		"config/config.ts": `import type { Options } from 'sequelize';
const config: Record<string, Options> = { development: { dialect: 'sqlite', storage: 'dev.sqlite', logging: false } };
export default config;
`,
		"setup.js":                         "process.env.TABLE_PREFIX = 'ts_';\n",
		"migrations/20200101000000-a.ts":   tsMigration("a"),
		"migrations/20200102000000-b.cts":  "const x: number = 1;\nmodule.exports = { up: async (qi: any, S: any) => qi.createTable('ts_b', { id: { type: S.INTEGER, primaryKey: true } }), down: async (qi: any) => qi.dropTable('ts_b') };\n",
		"migrations/20200103000000-c.d.ts": "export declare const up: () => Promise<void>;\n",
		"migrations/20200104000000-d.mjs":  "export const up = async () => { throw new Error('.mjs files are not migrations'); };\n",
		"migrations/types.d.ts":            "declare module 'x';\n",
	})
	r := cli(t, dir, nil, "-r", "ts-node/register", "db:migrate", "--require=./setup.js")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	expect(t, "stdout", r.stdout, teaserOut+`Loaded configuration file "config/config.ts".
Using environment "development".
== 20200101000000-a: migrating =======
== 20200101000000-a: migrated (0.000s)

== 20200102000000-b: migrating =======
== 20200102000000-b: migrated (0.000s)

`)
	rows := sqliteRows(t, filepath.Join(dir, "dev.sqlite"), "SELECT name FROM SequelizeMeta ORDER BY name")
	if len(rows) != 2 || rows[0][0] != "20200101000000-a.ts" || rows[1][0] != "20200102000000-b.cts" {
		t.Errorf("SequelizeMeta: %v", rows)
	}
	if tables := sqliteTables(t, filepath.Join(dir, "dev.sqlite")); !strings.Contains(tables, "ts_a: CREATE TABLE `ts_a`") {
		t.Errorf("tables: %s", tables)
	}
	if r := cli(t, dir, nil, "--require", "./setup.js", "db:migrate:undo:all"); r.code != 0 {
		t.Fatalf("undo: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if tables := sqliteTables(t, filepath.Join(dir, "dev.sqlite")); strings.Contains(tables, "ts_a") {
		t.Errorf("tables after undo: %s", tables)
	}
}

// TestModuleConfigs: .sequelizerc and config.js written as ES modules
// (export default), and an .mjs config named with --config.
func TestModuleConfigs(t *testing.T) {
	t.Parallel()
	dir := project(t, map[string]string{
		".sequelizerc": `import path from 'path';
export default { config: path.resolve('db', 'config.js'), 'migrations-path': path.resolve('db', 'migrations') };
`,
		"db/config.js":                      "export default { development: { dialect: 'sqlite', storage: 'dev.sqlite' } };\n",
		"db/other.mjs":                      "const storage = 'other.sqlite';\nexport default { development: { dialect: 'sqlite', storage } };\n",
		"db/migrations/20200101000000-a.js": "import { DataTypes } from 'sequelize';\nexport default {\n  up: (qi) => qi.createTable('a', { id: { type: DataTypes.INTEGER, primaryKey: true } }),\n  down: (qi) => qi.dropTable('a'),\n};\n",
	})
	r := cli(t, dir, nil, "db:migrate")
	if r.code != 0 || !strings.Contains(r.stdout, `Loaded configuration file "db/config.js".`) || !strings.Contains(r.stdout, "== 20200101000000-a: migrated") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = cli(t, dir, nil, "db:migrate", "--config", "db/other.mjs")
	if r.code != 0 || !strings.Contains(r.stdout, `Loaded configuration file "db/other.mjs".`) || !strings.Contains(r.stdout, "== 20200101000000-a: migrated") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if tables := sqliteTables(t, filepath.Join(dir, "other.sqlite")); !strings.Contains(tables, "a: CREATE TABLE `a`") {
		t.Errorf("tables: %s", tables)
	}
}

// TestTypeScriptErrorsNameTheTSFile: a failing .ts migration and a .ts
// migration with a syntax error are reported at their own line.
func TestTypeScriptErrorsNameTheTSFile(t *testing.T) {
	t.Parallel()
	dir := project(t, map[string]string{
		"config/config.json": sqliteConfig(""),
		"migrations/20200101000000-fails.ts": `import { QueryInterface } from 'sequelize';

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.sequelize.query('SELECT * FROM nowhere');
}
export async function down(): Promise<void> {}
`,
	})
	r := cli(t, dir, nil, "db:migrate")
	if r.code != 1 || !strings.Contains(r.stderr, "ERROR: SQLITE_ERROR: no such table: nowhere\n") ||
		!strings.Contains(r.stderr, "<dir>/migrations/20200101000000-fails.ts:4:") {
		t.Errorf("exit %d\nstderr:\n%s", r.code, r.stderr)
	}
	writeFiles(t, dir, map[string]string{
		"migrations/20200101000000-fails.ts": "export async function up(): Promise<void> {\n  const x: number = ;\n}\n",
	})
	r = cli(t, dir, nil, "db:migrate")
	if r.code != 1 || !strings.Contains(r.stderr, "ERROR: Unexpected \";\"") ||
		!strings.Contains(r.stderr, "<dir>/migrations/20200101000000-fails.ts:2:21") {
		t.Errorf("exit %d\nstderr:\n%s", r.code, r.stderr)
	}
}

// TestTypeScriptSeeders: seeders may be TypeScript too (same file pattern
// and loader as migrations).
func TestTypeScriptSeeders(t *testing.T) {
	t.Parallel()
	dir := project(t, map[string]string{
		"config/config.json":             sqliteConfig(""),
		"migrations/20200101000000-a.ts": tsMigration("a"),
		"seeders/20200102000000-demo.ts": `import type { QueryInterface } from 'sequelize';
export default {
  async up(queryInterface: QueryInterface): Promise<void> {
    await queryInterface.bulkInsert('a', [{ id: 7 }]);
  },
  async down(queryInterface: QueryInterface): Promise<void> {
    await queryInterface.bulkDelete('a', { id: 7 });
  },
};
`,
	})
	if r := cli(t, dir, nil, "db:migrate"); r.code != 0 {
		t.Fatalf("migrate: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := cli(t, dir, nil, "db:seed:all")
	if r.code != 0 || !strings.Contains(r.stdout, "== 20200102000000-demo: migrated") {
		t.Fatalf("seed: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if rows := sqliteRows(t, filepath.Join(dir, "dev.sqlite"), "SELECT id FROM a"); len(rows) != 1 || rows[0][0] != int64(7) {
		t.Errorf("rows: %v", rows)
	}
}
