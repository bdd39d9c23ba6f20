package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Mix is the number of migration kinds in one group of the synthetic
// folder: createTable, addColumn, addIndex, bulkInsert (100 rows) and
// changeColumn, each on the group's own table.
const Mix = 5

// BulkRows is how many rows the bulkInsert of each group inserts.
const BulkRows = 100

// Conn is how the generated config reaches the database.
type Conn struct {
	Dialect  string `json:"dialect"`
	Storage  string `json:"storage,omitempty"`
	Host     string `json:"host,omitempty"`
	Port     int    `json:"port,omitempty"`
	Username string `json:"username,omitempty"`
	Database string `json:"database,omitempty"`
	// Logging, when set, turns Sequelize's statement logging on.
	Logging bool `json:"logging,omitempty"`
}

// WriteProject writes a sequelize-cli project into dir: config/config.json
// (environment "development" = c) and migrations/ with files written by
// migrations. node_modules, when not "", is symlinked into the project (the
// oracle's, so sequelize-cli finds sequelize and the drivers as an
// installed project does).
func WriteProject(dir string, c Conn, files map[string]string, nodeModules string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "config"), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "migrations"), 0o755); err != nil {
		return err
	}
	cfg, err := json.MarshalIndent(map[string]Conn{"development": c}, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "config", "config.json"), append(cfg, '\n'), 0o644); err != nil {
		return err
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, "migrations", name), []byte(src), 0o644); err != nil {
			return err
		}
	}
	if nodeModules != "" {
		if err := os.Symlink(nodeModules, filepath.Join(dir, "node_modules")); err != nil {
			return err
		}
	}
	return nil
}

// Migrations returns n migration files (name → source) of the realistic
// mix, repeated: for group k, createTable items_k (8 to 12 columns of
// STRING/TEXT/DECIMAL/INTEGER/BOOLEAN/DATE/JSON, a unique column and a
// foreign key to items_{k-1}, or to itself for k = 0, with ON UPDATE
// CASCADE / ON DELETE SET NULL), addColumn, addIndex, a bulkInsert of 100
// rows and a changeColumn.
func Migrations(n int) map[string]string {
	files := make(map[string]string, n)
	for i := 0; i < n; i++ {
		k, kind := i/Mix, i%Mix
		name := fmt.Sprintf("20240101%06d-%s-%04d.js", i, kindNames[kind], k)
		files[name] = migration(kindBodies[kind](k))
	}
	return files
}

var kindNames = [Mix]string{"create-items", "add-notes", "add-index", "seed-items", "widen-notes"}

var kindBodies = [Mix]func(k int) (up, down string){
	createTable, addColumn, addIndex, bulkInsert, changeColumn,
}

func table(k int) string { return fmt.Sprintf("items_%04d", k) }

// extraColumns is how many of the optional columns group k's table has
// (0 to 4, so 8 to 12 columns in all).
func extraColumns(k int) int { return k % 5 }

var optionalColumns = []struct{ name, def string }{
	{"body", "{ type: Sequelize.TEXT }"},
	{"attributes", "{ type: Sequelize.JSON }"},
	{"createdAt", "{ allowNull: false, type: Sequelize.DATE }"},
	{"updatedAt", "{ allowNull: false, type: Sequelize.DATE }"},
}

func createTable(k int) (string, string) {
	parent := table(max(k-1, 0))
	var b strings.Builder
	fmt.Fprintf(&b, "    await queryInterface.createTable('%s', {\n", table(k))
	b.WriteString("      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },\n")
	b.WriteString("      sku: { type: Sequelize.STRING(64), allowNull: false, unique: true },\n")
	b.WriteString("      title: { type: Sequelize.STRING, allowNull: false },\n")
	b.WriteString("      price: { type: Sequelize.DECIMAL(10, 2), allowNull: false, defaultValue: 0 },\n")
	b.WriteString("      quantity: { type: Sequelize.INTEGER, allowNull: false, defaultValue: 0 },\n")
	b.WriteString("      active: { type: Sequelize.BOOLEAN, allowNull: false, defaultValue: true },\n")
	b.WriteString("      publishedAt: { type: Sequelize.DATE },\n")
	fmt.Fprintf(&b, "      parentId: {\n        type: Sequelize.INTEGER,\n        references: { model: '%s', key: 'id' },\n        onUpdate: 'CASCADE',\n        onDelete: 'SET NULL'\n      },\n", parent)
	for _, c := range optionalColumns[:extraColumns(k)] {
		fmt.Fprintf(&b, "      %s: %s,\n", c.name, c.def)
	}
	b.WriteString("    });")
	return b.String(), fmt.Sprintf("    await queryInterface.dropTable('%s');", table(k))
}

func addColumn(k int) (string, string) {
	return fmt.Sprintf("    await queryInterface.addColumn('%s', 'notes', { type: Sequelize.STRING(100), allowNull: true });", table(k)),
		fmt.Sprintf("    await queryInterface.removeColumn('%s', 'notes');", table(k))
}

func addIndex(k int) (string, string) {
	return fmt.Sprintf("    await queryInterface.addIndex('%s', ['title', 'quantity']);", table(k)),
		fmt.Sprintf("    await queryInterface.removeIndex('%s', ['title', 'quantity']);", table(k))
}

// bulkInsert builds its rows in JavaScript, as seeding migrations do.
func bulkInsert(k int) (string, string) {
	var b strings.Builder
	b.WriteString("    const rows = [];\n")
	fmt.Fprintf(&b, "    for (let i = 0; i < %d; i++) {\n", BulkRows)
	b.WriteString("      const row = {\n")
	fmt.Fprintf(&b, "        sku: 'sku-%d-' + i,\n", k)
	fmt.Fprintf(&b, "        title: 'Item ' + i + ' of group %d',\n", k)
	b.WriteString("        price: (i * 1.25 + 0.5).toFixed(2),\n")
	b.WriteString("        quantity: i * 3,\n")
	b.WriteString("        active: i % 2 === 0,\n")
	b.WriteString("        publishedAt: new Date(Date.UTC(2024, 0, 1 + (i % 28), 12, 30, 0)),\n")
	if k == 0 {
		b.WriteString("        parentId: null,\n")
	} else {
		b.WriteString("        parentId: (i % 100) + 1,\n")
	}
	b.WriteString("        notes: i % 3 === 0 ? null : 'note ' + i,\n")
	b.WriteString("      };\n")
	for _, c := range optionalColumns[:extraColumns(k)] {
		switch c.name {
		case "body":
			b.WriteString("      row.body = 'Body text of item ' + i + \". It's long enough to look like a description.\";\n")
		case "attributes":
			b.WriteString("      row.attributes = JSON.stringify({ color: i % 2 ? 'red' : 'blue', size: i });\n")
		case "createdAt", "updatedAt":
			fmt.Fprintf(&b, "      row.%s = new Date(Date.UTC(2024, 1, 1));\n", c.name)
		}
	}
	b.WriteString("      rows.push(row);\n")
	b.WriteString("    }\n")
	fmt.Fprintf(&b, "    await queryInterface.bulkInsert('%s', rows);", table(k))
	return b.String(), fmt.Sprintf("    await queryInterface.bulkDelete('%s', null, {});", table(k))
}

func changeColumn(k int) (string, string) {
	return fmt.Sprintf("    await queryInterface.changeColumn('%s', 'notes', { type: Sequelize.STRING(200), allowNull: true });", table(k)),
		fmt.Sprintf("    await queryInterface.changeColumn('%s', 'notes', { type: Sequelize.STRING(100), allowNull: true });", table(k))
}

func migration(up, down string) string {
	return "'use strict';\n\n/** @type {import('sequelize-cli').Migration} */\nmodule.exports = {\n" +
		"  async up(queryInterface, Sequelize) {\n" + up + "\n  },\n\n" +
		"  async down(queryInterface, Sequelize) {\n" + down + "\n  }\n};\n"
}

// BulkMigration is one migration that creates a table and inserts rows
// rows into it with one bulkInsert.
func BulkMigration(rows int) map[string]string {
	up := `    await queryInterface.createTable('bulk_items', {
      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
      name: { type: Sequelize.STRING, allowNull: false },
      quantity: { type: Sequelize.INTEGER, allowNull: false },
      price: { type: Sequelize.DECIMAL(10, 2) },
      active: { type: Sequelize.BOOLEAN, allowNull: false },
      createdAt: { allowNull: false, type: Sequelize.DATE },
      updatedAt: { allowNull: false, type: Sequelize.DATE },
    });
    const now = new Date(Date.UTC(2024, 0, 1));
    const rows = [];
    for (let i = 0; i < ` + fmt.Sprint(rows) + `; i++) {
      rows.push({ name: 'item ' + i, quantity: i % 1000, price: (i % 500) + 0.99, active: i % 3 === 0, createdAt: now, updatedAt: now });
    }
    await queryInterface.bulkInsert('bulk_items', rows);`
	return map[string]string{"20240101000000-bulk-items.js": migration(up, "    await queryInterface.dropTable('bulk_items');")}
}
