package cli_test

import (
	"strings"
	"testing"

	"github.com/sqzjs/sqzjs/compat-tests/cli/scenario"
	sqzcli "github.com/sqzjs/sqzjs/internal/cli"
)

// TestDeliberateRules checks that each rule turns sqzjs's deliberate
// difference back into sequelize-cli's text, and nothing else.
func TestDeliberateRules(t *testing.T) {
	help := "sqzjs <command>\n\nCommands:\n  sqzjs db:migrate     Run pending migrations\n  sqzjs db:seed:all    Run every seeder (not yet)\n\nOptions:\n  --help  Show help  [boolean]\n"
	yargsHelp := "sequelize-cli <command>\n\nCommands:\n  sequelize-cli db:migrate     Run pending migrations\n  sequelize-cli db:seed:all    Run every seeder\n\nOptions:\n  --help  Show help  [boolean]\n"
	for _, c := range []struct {
		name       string
		s          stream
		args       []string
		want, have string
		same       bool // whether the rewritten have must equal want
	}{
		{"location after error", stderr, nil,
			"ERROR: boom\n", "ERROR: boom\n    at <project>/migrations/1-a.js:4:11\n", true},
		{"locations after a multi-line message", stderr, nil,
			"ERROR: (conn=<id>) x\nsql: SELECT 1 - parameters:[]\n", "ERROR: (conn=<id>) x\nsql: SELECT 1 - parameters:[]\n    at <project>/m.js:2:3\n    at <project>/m.js\n", true},
		{"location before any error", stderr, nil,
			"ERROR: boom\n", "    at <project>/m.js:1:1\nERROR: boom\n", false},
		{"location on stdout", stdout, nil,
			"\n", "\n    at <project>/m.js:1:1\n", false},
		{"recording with stack lines stays exact", stderr, nil,
			"ERROR: Error: boom\n    at up (<project>/m.js:2:3)\n", "ERROR: Error: boom\n    at up (<project>/m.js:2:3)\n    at <project>/m.js:2:3\n", false},
		{"--debug frames naming the same files", stderr, []string{"db:migrate", "--debug"},
			"ERROR: Error\n    at Query.run (/n/query.js:50:25)\n    at async Object.up (<project>/m.js:10:5)\nEXTRA MESSAGE: x\n",
			"ERROR: Error\n    at up (<project>/m.js:10:41)\n    at apply (native)\nEXTRA MESSAGE: x\n", true},
		{"--debug frames missing the user's file", stderr, []string{"db:migrate", "--debug"},
			"ERROR: Error\n    at async Object.up (<project>/m.js:10:5)\n", "ERROR: Error\n    at up (<project>/other.js:10:41)\n", false},
		{"--debug stack with another first line", stderr, []string{"db:migrate", "--debug"},
			"ERROR: Error\n    at async Object.up (<project>/m.js:10:5)\n", "ERROR: SequelizeDatabaseError: x\n    at up (<project>/m.js:10:41)\n", false},
		{"--debug stack followed by other lines", stderr, []string{"db:migrate", "--debug"},
			"ERROR: Error\n    at up (<project>/m.js:1:1)\nEXTRA MESSAGE: x\n", "ERROR: Error\n    at up (<project>/m.js:1:1)\nEXTRA MESSAGE: y\n", false},
		{"frames without --debug", stderr, []string{"db:migrate"},
			"ERROR: Error\n    at async Object.up (<project>/m.js:10:5)\n", "ERROR: Error\n    at up (<project>/m.js:10:41)\n", false},
		{"help", stdout, []string{"--help"}, yargsHelp, help, true},
		{"program name outside the command list", stdout, nil,
			"run sequelize-cli db:migrate\n", "run sqzjs db:migrate\n", false},
		{"(not yet) outside the command list", stdout, nil,
			"seeding\n", "seeding (not yet)\n", false},
		{"unknown argument", stderr, []string{"db:migrate", "--bogus"},
			"Options:\n\nUnknown argument: bogus\n", "Options:\n\nUnknown argument \"--bogus\".\n", true},
		{"unknown argument with a suggestion", stderr, []string{"db:migrate", "--migrations-pth"},
			"Options:\n\nUnknown arguments: migrations-pth, migrationsPth\n", "Options:\n\nUnknown argument \"--migrations-pth\". Did you mean \"--migrations-path\"?\n", true},
		{"positional after the command", stderr, []string{"db:migrate", "extra"},
			"Options:\n\nUnknown argument: extra\n", "Options:\n\nUnknown argument \"extra\". db:migrate takes no positional arguments.\n", true},
		{"unknown command without a suggestion", stderr, []string{"helpx"},
			"Options:\n\nUnknown argument: helpx\n", "Options:\n\nUnknown command \"helpx\".\n", true},
		{"unknown command among unknown arguments", stderr, []string{"helpx", "--env", "test"},
			"Options:\n\nUnknown arguments: env, helpx\n", "Options:\n\nUnknown command \"helpx\".\n", true},
		{"unknown command not among unknown arguments", stderr, []string{"helpx", "--env", "test"},
			"Options:\n\nUnknown arguments: env, other\n", "Options:\n\nUnknown command \"helpx\".\n", false},
		{"another unknown command", stderr, []string{"helpx"},
			"Options:\n\nUnknown argument: helpx\n", "Options:\n\nUnknown command \"help\".\n", false},
		{"another unknown argument", stderr, []string{"db:migrate", "--bogus"},
			"Options:\n\nUnknown argument: bogus\n", "Options:\n\nUnknown argument \"--other\".\n", false},
		{"unknown command", stderr, []string{"db:migrat"},
			yargsHelp + "\nDid you mean db:migrate?\n", help + "\nUnknown command \"db:migrat\". Did you mean \"db:migrate\"?\n", true},
		{"unknown command, other suggestion", stderr, []string{"db:migrat"},
			"\nDid you mean db:migrate?\n", "\nUnknown command \"db:migrat\". Did you mean \"db:seed\"?\n", false},
		{"version", stdout, []string{"--version"}, "\n<teaser>\n\n6.6.5\n", "\n<teaser>\n\n" + sqzcli.Version + "\n", true},
		{"version without --version", stdout, []string{"db:migrate"}, "\n<teaser>\n\n6.6.5\n", "\n<teaser>\n\n" + sqzcli.Version + "\n", false},
	} {
		got := applyDeliberate(c.s, c.args, c.want, c.have)
		if (got == c.want) != c.same {
			t.Errorf("%s: rewritten to\n%s\nrecorded\n%s\n(want equal: %v)", c.name, got, c.want, c.same)
		}
	}
}

func TestCompareSteps(t *testing.T) {
	s := &scenario.Scenario{Steps: []string{"db:migrate", "db:migrate:status", "db:migrate:undo"}}
	want := []scenario.Step{
		{Stdout: "a\n", Exit: 0, Schema: "s1\n"},
		{Stdout: "b\n", Exit: 0, Schema: "s1\n"},
		{Stdout: "c\n", Stderr: "ERROR: x\n", Exit: 1, Schema: "s2\n"},
	}
	have := []scenario.Step{
		{Stdout: "a\n", Exit: 0, Schema: "s1 changed\n"},
		{Stdout: "b\n", Exit: 0, Schema: "s1 changed\n"},
		{Stdout: "c\n", Stderr: "ERROR: x\n    at <project>/m.js:1:2\n", Exit: 0, Schema: "s2\n"},
	}
	msgs := compareSteps(s, want, have)
	if len(msgs) != 3 {
		t.Fatalf("%d messages, want 3:\n%s", len(msgs), strings.Join(msgs, "\n"))
	}
	for i, sub := range []string{"step 1 `db:migrate`:\nschema (-sequelize-cli +sqzjs):\n- s1\n+ s1 changed",
		"step 2 `db:migrate:status`:\nschema: differs as after the step before",
		"step 3 `db:migrate:undo`:\nexit code: sequelize-cli 1, sqzjs 0"} {
		if !strings.Contains(msgs[i], sub) {
			t.Errorf("message %d:\n%s\nwant it to contain:\n%s", i+1, msgs[i], sub)
		}
	}
	if strings.Contains(msgs[2], "stderr") {
		t.Errorf("the location line was reported:\n%s", msgs[2])
	}
	if msgs := compareSteps(s, want, want); len(msgs) != 0 {
		t.Errorf("equal steps reported: %q", msgs)
	}
}

func TestLineDiff(t *testing.T) {
	want := "1\n2\n3\n4\n5\n6\n7\n8\n"
	have := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"
	got := lineDiff(want, have)
	exp := "  …\n  3\n  4\n- 5\n+ five\n  6\n  7\n  8\n+ 9"
	if got != exp {
		t.Errorf("lineDiff:\n%s\nwant:\n%s", got, exp)
	}
}
