package golden_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sqzjs/sqzjs/compat-tests/casefile"
)

// TestLedgerBothDirections: a listed difference that still happens is
// known; one that no longer happens fails, and so does a difference the
// ledger does not list.
func TestLedgerBothDirections(t *testing.T) {
	entry := ledgerEntry{Case: "smoke/x", Dialect: "sqlite", Section: "result", Reason: "rebuilds keep child rows"}
	for _, tc := range []struct {
		name        string
		want, have  string
		listed      bool
		known       bool
		problemHas  string
		wantProblem bool
	}{
		{"same, not listed", "a\n", "a\n", false, false, "", false},
		{"differs, listed", "a\n", "b\n", true, true, "", false},
		{"differs, not listed", "a\nb\n", "a\nc\n", false, false, "-b\n+c", true},
		{"same, listed", "a\n", "a\n", true, false, "matches Sequelize now; remove its known_differences.json entry (rebuilds keep child rows)", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			known, problem := compareSection("result", tc.want, tc.have, entry, tc.listed)
			if known != tc.known {
				t.Errorf("known = %v, want %v", known, tc.known)
			}
			if (problem != "") != tc.wantProblem || !strings.Contains(problem, tc.problemHas) {
				t.Errorf("problem = %q, want one containing %q: %v", problem, tc.problemHas, tc.wantProblem)
			}
			if problem != "" && !strings.HasPrefix(problem, "result") {
				t.Errorf("problem %q does not name the section", problem)
			}
		})
	}
}

func TestUnusedLedgerEntries(t *testing.T) {
	ledger, problems := indexLedger([]ledgerEntry{
		{Case: "a/used", Dialect: "sqlite", Section: "sql", Reason: "r"},
		{Case: "a/unused", Dialect: "postgres", Section: "schema", Reason: "r"},
		{Case: "a/not-run", Dialect: "mysql", Section: "error", Reason: "r"},
		{Case: "a/gone", Dialect: "sqlite", Section: "sql", Reason: "r"},
	})
	if len(problems) > 0 {
		t.Fatalf("valid entries reported: %q", problems)
	}
	exists := map[string]bool{"a/used": true, "a/unused": true, "a/not-run": true}
	ran := map[string]bool{"a/used|sqlite": true, "a/unused|postgres": true}
	used := map[string]bool{"a/used|sqlite|sql": true}
	got := unusedEntries(ledger, exists, ran, used)
	want := []string{
		"known_differences.json: a/gone/sqlite/sql names no case file",
		"known_differences.json: a/unused/postgres/schema matches no case run",
	}
	if !slices.Equal(got, want) {
		t.Errorf("unusedEntries = %q, want %q", got, want)
	}
}

func TestIndexLedgerProblems(t *testing.T) {
	_, problems := indexLedger([]ledgerEntry{
		{Case: "a/b", Dialect: "sqlite", Section: "result", Reason: " "},
		{Case: "a/b", Dialect: "sqlite", Section: "result", Reason: "twice"},
		{Case: "a/c", Dialect: "oracle", Section: "rows", Reason: "r"},
	})
	for _, want := range []string{
		"entry a/b/sqlite/result has no reason",
		"entry a/b/sqlite/result is listed twice",
		`entry a/c/oracle/rows: unknown dialect "oracle"`,
		`entry a/c/oracle/rows: unknown section "rows" (want one of sql, result, error, schema)`,
	} {
		if !slices.Contains(problems, want) {
			t.Errorf("problems %q lack %q", problems, want)
		}
	}
	if len(problems) != 4 {
		t.Errorf("%d problems, want 4: %q", len(problems), problems)
	}
}

// TestLedgerNamesRecordedRuns checks the committed ledger without running
// any case: each entry has a reason and names a case file that is recorded
// for the entry's dialect.
func TestLedgerNamesRecordedRuns(t *testing.T) {
	data, err := os.ReadFile("../known_differences.json")
	if err != nil {
		t.Fatal(err)
	}
	var entries []ledgerEntry
	if err := json.Unmarshal(data, &entries); err != nil {
		t.Fatalf("known_differences.json: %v", err)
	}
	if _, problems := indexLedger(entries); len(problems) > 0 {
		t.Errorf("known_differences.json: %q", problems)
	}
	for _, e := range entries {
		c, err := casefile.ReadFile(filepath.Join("../cases", filepath.FromSlash(e.Case)+".txtar"))
		if err != nil {
			t.Errorf("known_differences.json: %s/%s/%s: %v", e.Case, e.Dialect, e.Section, err)
			continue
		}
		if !slices.Contains(c.RunDialects(), e.Dialect) || c.Recordings[e.Dialect] == nil {
			t.Errorf("known_differences.json: %s/%s/%s: the case is not recorded on %s", e.Case, e.Dialect, e.Section, e.Dialect)
		}
	}
}
