package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func benchWith(wall map[string]time.Duration, rssKiB int64) *bencher {
	r := &result{dialect: "sqlite", kase: "N=1 status", tools: map[string]*series{}}
	for tool, d := range wall {
		r.tools[tool] = &series{tool: tool, samples: []sample{{wall: d, cpu: d / 2, rss: rssKiB}}}
	}
	return &bencher{c: &config{}, results: []*result{r}}
}

// A run saved with -json and read back compares with the next run row by
// row, and the largest change of each ratio is named.
func TestComparisonWithASavedRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "results.json")
	first := benchWith(map[string]time.Duration{toolSqzjs: 20 * time.Millisecond, toolCLI: 500 * time.Millisecond}, 20480)
	env := &environment{commit: "abc1234", date: time.Date(2026, 11, 25, 22, 0, 0, 0, time.UTC), loadDuring: "0.1 min"}
	if err := writeJSON(path, first.saved(env)); err != nil {
		t.Fatal(err)
	}
	prev, err := readSaved(path)
	if err != nil {
		t.Fatal(err)
	}
	second := benchWith(map[string]time.Duration{toolSqzjs: 25 * time.Millisecond, toolCLI: 500 * time.Millisecond}, 20480)
	got := second.comparison(prev, "results.json")
	for _, want := range []string{
		"sqzjs commit abc1234, 2026-11-25 22:00 UTC",
		"| sqlite | N=1 status | 20.0 / 25.0 | 0.040 / 0.050 | — | 0.040 / 0.050 | 20.0 / 20.0 | 1.000 / 1.000 |",
		"- wall ratio to sequelize-cli: 0.010 (sqlite N=1 status)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("comparison lacks %q:\n%s", want, got)
		}
	}
}
