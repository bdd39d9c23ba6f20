package jsrt

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/dop251/goja"
)

// Start-up and module loading benchmarks: what every sqzjs run pays before
// its first statement, and what each migration file costs to load.

// BenchmarkCompilePrelude is parsing and compiling jsrt's prelude (once per
// process: New reuses the Program).
func BenchmarkCompilePrelude(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := goja.Compile(preludeName, preludeSource, true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompilePreludeModules is parsing and compiling prelude_modules.js, which a process
// pays only when a script first requires events, assert, util, stream, perf_hooks or tty.
func BenchmarkCompilePreludeModules(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := goja.Compile(preludeModulesName, preludeModulesSource, true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompilePreludeExtra is parsing and compiling prelude_extra.js, which a process pays
// only at its first structuredClone, Error.captureStackTrace or unsupported module.
func BenchmarkCompilePreludeExtra(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := goja.Compile(preludeExtraName, preludeExtraSource, true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNew is New with the prelude already compiled: the VM, the
// globals, the built-in modules' registration and running the prelude.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		rt, err := New(Options{FS: fstest.MapFS{}, Cwd: "/proj"})
		if err != nil {
			b.Fatal(err)
		}
		rt.Close()
	}
}

// benchMigration is a migration file of `make bench`'s mix (a createTable
// of twelve columns with a foreign key).
const benchMigration = `'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('items_0004', {
      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
      sku: { type: Sequelize.STRING(64), allowNull: false, unique: true },
      title: { type: Sequelize.STRING, allowNull: false },
      price: { type: Sequelize.DECIMAL(10, 2), allowNull: false, defaultValue: 0 },
      quantity: { type: Sequelize.INTEGER, allowNull: false, defaultValue: 0 },
      active: { type: Sequelize.BOOLEAN, allowNull: false, defaultValue: true },
      publishedAt: { type: Sequelize.DATE },
      parentId: {
        type: Sequelize.INTEGER,
        references: { model: 'items_0003', key: 'id' },
        onUpdate: 'CASCADE',
        onDelete: 'SET NULL'
      },
      body: { type: Sequelize.TEXT },
      attributes: { type: Sequelize.JSON },
      createdAt: { allowNull: false, type: Sequelize.DATE },
      updatedAt: { allowNull: false, type: Sequelize.DATE },
    });
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.dropTable('items_0004');
  }
};
`

// BenchmarkRequireMigration is require() of a new migration file: reading,
// wrapping, parsing, compiling and running its top level.
func BenchmarkRequireMigration(b *testing.B) {
	benchRequire(b, fstest.MapFS{}, "js", benchMigration)
}

// benchRequire requires a new copy of src (a migration exporting up) under
// migrations/ at each iteration, so that no module cache hides the work.
func benchRequire(b *testing.B, files fstest.MapFS, ext, src string) {
	rt, err := New(Options{FS: files, Cwd: "/proj"})
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		name := fmt.Sprintf("proj/migrations/%06d-create-items.%s", i, ext)
		files[name] = &fstest.MapFile{Data: []byte(src)}
		_, err := rt.Loop().Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
			m, err := rt.Require("/" + name)
			if err != nil {
				return nil, err
			}
			if _, ok := goja.AssertFunction(m.ToObject(vm).Get("up")); !ok {
				return nil, fmt.Errorf("%s exports no up()", name)
			}
			return m, nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// benchMigrationTS is benchMigration as a TypeScript migration (ES module
// syntax and type annotations): require() sends it through esbuild.
const benchMigrationTS = `import { QueryInterface, DataTypes } from 'sequelize';

export async function up(queryInterface: QueryInterface, Sequelize: typeof DataTypes): Promise<void> {
  await queryInterface.createTable('items_0004', {
    id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
    sku: { type: Sequelize.STRING(64), allowNull: false, unique: true },
    title: { type: Sequelize.STRING, allowNull: false },
    price: { type: Sequelize.DECIMAL(10, 2), allowNull: false, defaultValue: 0 },
    createdAt: { allowNull: false, type: Sequelize.DATE },
    updatedAt: { allowNull: false, type: Sequelize.DATE },
  });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.dropTable('items_0004');
}
`

// BenchmarkRequireTypeScriptMigration is require() of a new TypeScript
// migration file: esbuild's transform, then what BenchmarkRequireMigration
// measures. The sequelize import is a stub module here.
func BenchmarkRequireTypeScriptMigration(b *testing.B) {
	benchRequire(b, fstest.MapFS{
		"proj/node_modules/sequelize/index.js": &fstest.MapFile{Data: []byte("module.exports = { DataTypes: {} };\n")},
	}, "ts", benchMigrationTS)
}
