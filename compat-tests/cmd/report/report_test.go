package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fixture: five runs that ran (three pass, one known, one fail) and one
// skipped, and a ledger of two entries.
var (
	fixtureResults = []result{
		{Case: "tables/a", Dialect: "sqlite", Status: "pass", Input: "queryInterface.createTable('t', { id: Sequelize.INTEGER, d: Sequelize.DATEONLY })"},
		{Case: "tables/a", Dialect: "postgres", Status: "fail", Input: "queryInterface.createTable('t', { id: Sequelize.INTEGER, d: Sequelize.DATEONLY })"},
		{Case: "tables/a", Dialect: "mysql", Status: "skip", Input: "queryInterface.createTable('t', { id: Sequelize.INTEGER, d: Sequelize.DATEONLY })"},
		{Case: "values/b", Dialect: "sqlite", Status: "known", Known: []string{"result"}, Input: "const { DataTypes } = Sequelize; await queryInterface.addColumn('t', 'c', DataTypes.STRING(3)); await queryInterface.sequelize.query('SELECT 1')"},
		{Case: "values/b", Dialect: "mariadb", Status: "pass", Input: "const { DataTypes } = Sequelize; await queryInterface.addColumn('t', 'c', DataTypes.STRING(3)); await queryInterface.sequelize.query('SELECT 1')"},
		{Case: "values/c", Dialect: "mysql", Status: "pass", Input: "return queryInterface.showAllTables()"},
	}
	fixtureLedger = []ledgerEntry{
		{Case: "values/b", Dialect: "sqlite", Section: "result", Reason: "a | reason"},
		{Case: "values/b", Dialect: "sqlite", Section: "schema", Reason: "another"},
	}
)

const fixtureSummary = "compat: 5 cases, 4 passed, 1 failed, 2 known differences"

func writeFixture(t *testing.T) (dir, results, ledger string) {
	t.Helper()
	dir = t.TempDir()
	results, ledger = filepath.Join(dir, "results.json"), filepath.Join(dir, "ledger.json")
	for path, v := range map[string]any{results: fixtureResults, ledger: fixtureLedger} {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, results, ledger
}

// section returns the lines of the report between "## <title>" and the next
// heading.
func section(t *testing.T, report, title string) []string {
	t.Helper()
	_, rest, ok := strings.Cut(report, "\n## "+title+"\n")
	if !ok {
		t.Fatalf("the report has no %q section:\n%s", title, report)
	}
	rest, _, _ = strings.Cut(rest, "\n## ")
	rest, _, _ = strings.Cut(rest, "\ncompat: ")
	return strings.Split(strings.TrimSpace(rest), "\n")
}

func hasLine(lines []string, want string) bool {
	return slices.Contains(lines, want)
}

// expectLines fails the test for each wanted line the section lacks.
func expectLines(t *testing.T, what string, lines []string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !hasLine(lines, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, strings.Join(lines, "\n"))
		}
	}
}

func TestRunPrintsSummaryLast(t *testing.T) {
	dir, results, ledger := writeFixture(t)
	out := filepath.Join(dir, "REPORT.md")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", out, "-ledger", ledger, results}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	if got := stdout.String(); got != fixtureSummary+"\n" {
		t.Errorf("stdout = %q, want exactly the summary line %q", got, fixtureSummary)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if last := lines[len(lines)-1]; last != fixtureSummary {
		t.Errorf("the report's last line is %q, want %q", last, fixtureSummary)
	}
	if !strings.HasSuffix(string(data), fixtureSummary+"\n") {
		t.Errorf("the report does not end with the summary and one newline")
	}
}

func TestReportTables(t *testing.T) {
	var b strings.Builder
	summary := render(&b, fixtureResults, fixtureLedger)
	if summary != fixtureSummary {
		t.Errorf("summary = %q, want %q", summary, fixtureSummary)
	}
	report := b.String()

	byDialect := section(t, report, "By dialect")
	expectLines(t, "by-dialect table", byDialect,
		"| sqlite | 2 | 2 | 1 | 0 | 0 |",
		"| postgres | 1 | 0 | 0 | 1 | 0 |",
		"| mysql | 1 | 1 | 0 | 0 | 1 |",
		"| mariadb | 1 | 1 | 0 | 0 | 0 |",
	)
	if failing := section(t, report, "Failing runs"); !hasLine(failing, "- tables/a (postgres)") || len(failing) != 1 {
		t.Errorf("failing runs = %q, want only tables/a (postgres)", failing)
	}

	// Skipped runs count nowhere; a failed run counts as run, not passed.
	methods := section(t, report, "QueryInterface and sequelize methods by dialect")
	expectLines(t, "methods table", methods,
		"| `queryInterface.createTable` | 1 / 1 | 0 / 1 | — | — |",
		"| `queryInterface.addColumn` | 1 / 1 | — | — | 1 / 1 |",
		"| `queryInterface.showAllTables` | — | — | 1 / 1 | — |",
		"| `sequelize.query` | 1 / 1 | — | — | 1 / 1 |",
	)
	types := section(t, report, "DataTypes by dialect")
	if !hasLine(types, "| DataType | sqlite | postgres | mysql | mariadb |") {
		t.Errorf("DataTypes table has no header with the four dialects:\n%s", strings.Join(types, "\n"))
	}
	expectLines(t, "DataTypes table", types,
		"| `INTEGER` | 1 / 1 | 0 / 1 | — | — |",
		"| `DATEONLY` | 1 / 1 | 0 / 1 | — | — |",
		"| `STRING` | 1 / 1 | — | — | 1 / 1 |",
	)
	for _, l := range types {
		if strings.HasPrefix(l, "| `DATE` ") {
			t.Errorf("DATEONLY counted as DATE: %q", l)
		}
	}

	ledger := section(t, report, "Known differences (2)")
	expectLines(t, "ledger table", ledger,
		`| values/b | sqlite | result | a \| reason |`,
		"| values/b | sqlite | schema | another |",
	)
}

func TestRunErrors(t *testing.T) {
	dir, results, ledger := writeFixture(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no results file", []string{"-ledger", ledger}, 2, "usage"},
		{"missing results", []string{"-out", filepath.Join(dir, "r.md"), "-ledger", ledger, filepath.Join(dir, "nope.json")}, 1, "nope.json"},
		{"bad ledger", []string{"-out", filepath.Join(dir, "r.md"), "-ledger", results + ".x", results}, 1, "results.json.x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, &stdout, &stderr); code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			if stdout.Len() != 0 {
				t.Errorf("printed %q on failure", stdout.String())
			}
			if !strings.Contains(stderr.String(), tc.msg) {
				t.Errorf("stderr %q does not mention %q", stderr.String(), tc.msg)
			}
		})
	}
}
