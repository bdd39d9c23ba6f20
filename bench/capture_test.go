package bench

import (
	"testing"

	"github.com/sqzjs/sqzjs/bridge"
)

// Statements Sequelize runs with a no-op logging (MySQL's first SELECT
// VERSION()) and sqzjs's internal ones are replayed but not looked for in
// the binary's log.
func TestCheckAgainstLogSkipsUnloggedStatements(t *testing.T) {
	stmts := []bridge.Statement{
		{SQL: "SELECT VERSION() as `version`", Unlogged: true},
		{SQL: "SELECT 1+1 AS result"},
		{SQL: "PRAGMA foreign_keys = OFF", Internal: true},
		{SQL: "SHOW FULL TABLES;"},
	}
	log := "Executing (default): SELECT 1+1 AS result\nExecuting (default): SHOW FULL TABLES;\n== 1-a: migrating ====\n"
	if err := CheckAgainstLog(stmts, log); err != nil {
		t.Fatal(err)
	}
	if err := CheckAgainstLog(stmts[1:2], log); err == nil {
		t.Fatal("a statement missing from the capture was not reported")
	}
}
