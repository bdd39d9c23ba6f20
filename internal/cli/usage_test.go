package cli

import (
	"strings"
	"testing"
)

// migrateHelp is the help of db:migrate exactly as sequelize-cli 6.6.5
// (yargs 16) printed it for `db:migrate --help` (observed).
const migrateHelp = `Options:
  --version          Show version number  [boolean]
  --help             Show help  [boolean]
  --env              The environment to run the command in  [string] [default: "development"]
  --config           The path to the config file  [string]
  --options-path     The path to a JSON file with additional options  [string]
  --migrations-path  The path to the migrations folder  [string] [default: "migrations"]
  --seeders-path     The path to the seeders folder  [string] [default: "seeders"]
  --models-path      The path to the models folder  [string] [default: "models"]
  --url              The database connection string to use. Alternative to using --config files  [string]
  --debug            When available show various debug information  [boolean] [default: false]
  --to               Migration name to run migrations until  [string]
  --from             Migration name to start migrations from (excluding)  [string]
  --name             Migration name. When specified, only this migration will be run. Mutually exclusive with --to and --from  [string]
`

// undoAllHelpTail is the end of `db:migrate:undo:all --help` (observed).
const undoAllHelpTail = `  --debug            When available show various debug information  [boolean] [default: false]
  --to               Revert to the provided migration  [string] [default: 0]
`

func TestUsage(t *testing.T) {
	t.Parallel()
	dir := project(t, map[string]string{"config/config.json": sqliteConfig("")})
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout string // after the teaser; "" to skip
		stderr string // exact when it has no "…"; otherwise prefix…suffix
	}{
		{name: "help", args: []string{"--help"}, code: 0, stdout: topHelp()},
		{name: "version", args: []string{"--version"}, code: 0, stdout: Version + "\n"},
		{name: "version with a command", args: []string{"db:migrate", "--version"}, code: 0, stdout: Version + "\n"},
		{name: "command help", args: []string{"db:migrate", "--help"}, code: 0, stdout: migrateHelp},
		{name: "undo:all help", args: []string{"db:migrate:undo:all", "--help"}, code: 0, stdout: "…" + undoAllHelpTail},
		// sequelize-cli: help on stderr, then "Please specify a command".
		{name: "no command", args: nil, code: 1, stderr: topHelp() + "\nPlease specify a command\n"},
		// sequelize-cli ends with "Did you mean db:migrate?".
		{name: "unknown command", args: []string{"db:migrat"}, code: 1,
			stderr: topHelp() + "\nUnknown command \"db:migrat\". Did you mean \"db:migrate\"?\n"},
		{name: "unknown command far from all", args: []string{"frobnicate"}, code: 1, stderr: "…\nUnknown command \"frobnicate\".\n"},
		// Byte for byte what sequelize-cli 6.6.5 wrote on stderr.
		{name: "name and to", args: []string{"db:migrate", "--name", "x", "--to", "y"}, code: 1,
			stderr: migrateHelp + "\nArguments name and to are mutually exclusive\n"},
		{name: "name and from", args: []string{"db:migrate", "--name=x", "--from=y"}, code: 1,
			stderr: migrateHelp + "\nArguments name and from are mutually exclusive\n"},
		{name: "status shares the builder", args: []string{"db:migrate:status", "--from", "y", "--name", "x"}, code: 1,
			stderr: "…\nArguments name and from are mutually exclusive\n"},
		// sequelize-cli: "Unknown arguments: migrations-pth, migrationsPth".
		{name: "unknown flag", args: []string{"db:migrate", "--migrations-pth", "x"}, code: 1,
			stderr: migrateHelp + "\nUnknown argument \"--migrations-pth\". Did you mean \"--migrations-path\"?\n"},
		{name: "unknown flag far from all", args: []string{"db:migrate", "--bogusflagname"}, code: 1, stderr: "…\nUnknown argument \"--bogusflagname\".\n"},
		{name: "short flag", args: []string{"db:migrate:status", "-x"}, code: 1, stderr: "…\nUnknown argument \"-x\".\n"},
		{name: "flag of another command", args: []string{"db:migrate:undo", "--from", "x"}, code: 1,
			stderr: "…\nUnknown argument \"--from\".\n"},
		{name: "positional", args: []string{"db:migrate:status", "extra"}, code: 1,
			stderr: "…\nUnknown argument \"extra\". db:migrate:status takes no positional arguments.\n"},
		// sequelize-cli 6.6.5 (yargs 16): the help, then the missing names.
		{name: "missing required", args: []string{"model:generate"}, code: 1, stderr: "…  [boolean] [default: false]\n\nMissing required arguments: name, attributes\n"},
		{name: "missing one required", args: []string{"seed:generate"}, code: 1, stderr: "…  --name             Defines the name of the seed  [string] [required]\n\nMissing required argument: name\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := cli(t, dir, nil, c.args...)
			if r.code != c.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, c.code, r.stderr)
			}
			if !strings.HasPrefix(r.stdout, teaserOut) {
				t.Errorf("stdout does not start with the teaser: %q", r.stdout)
			}
			out := strings.TrimPrefix(r.stdout, teaserOut)
			if c.code == 0 {
				matchText(t, "stdout", out, c.stdout)
			} else if out != "" {
				t.Errorf("stdout after the teaser: %q", out)
			}
			matchText(t, "stderr", r.stderr, c.stderr)
		})
	}
}

// matchText compares exactly, or, when want holds "…", the parts before
// and after it as prefix and suffix.
func matchText(t *testing.T, what, got, want string) {
	t.Helper()
	if pre, post, ok := strings.Cut(want, "…"); ok {
		if !strings.HasPrefix(got, pre) || !strings.HasSuffix(got, post) {
			t.Errorf("%s:\n%s\nwant prefix %q and suffix %q", what, got, pre, post)
		}
		return
	}
	expect(t, what, got, want)
}

func TestTopHelpListsEveryCommand(t *testing.T) {
	t.Parallel()
	h := topHelp()
	if strings.Contains(h, "(not yet)") {
		t.Errorf("help marks a command as not built yet:\n%s", h)
	}
	for _, want := range []string{
		"  sqzjs db:migrate                        Run pending migrations\n",
		"  sqzjs db:migrate:undo:all               Revert all migrations ran\n",
		"  sqzjs db:migrate:schema:timestamps:add  Update migration table to have timestamps\n",
		"  sqzjs db:seed:all                       Run every seeder\n",
		"  sqzjs model:create                      Generates a model and its migration\n",
		"Options:\n  --version  Show version number  [boolean]\n  --help     Show help  [boolean]\n",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("help lacks %q:\n%s", want, h)
		}
	}
}

func TestParseArgs(t *testing.T) {
	t.Parallel()
	cases := []struct {
		argv    []string
		command string
		values  map[string]string
	}{
		{[]string{"db:migrate", "--to", "x.js"}, "db:migrate", map[string]string{"to": "x.js"}},
		{[]string{"--env", "test", "db:migrate"}, "db:migrate", map[string]string{"env": "test"}},
		{[]string{"db:migrate", "--migrationsPath=m", "--options-path", "o.js"}, "db:migrate", map[string]string{"migrations-path": "m", "options-path": "o.js"}},
		{[]string{"db:migrate", "--to", "--debug"}, "db:migrate", map[string]string{"to": "", "debug": "true"}},
		{[]string{"db:migrate", "--debug", "false", "--no-debug"}, "db:migrate", map[string]string{"debug": "false"}},
		{[]string{"db:migrate", "--debug", "x"}, "db:migrate", map[string]string{"debug": "true"}},
		{[]string{"db:migrate", "--to", "-1"}, "db:migrate", map[string]string{"to": "-1"}},
		{[]string{"db:migrate", "--", "--to"}, "db:migrate", map[string]string{}},
		{[]string{"db:migrate", "--to", "a", "--to", "b"}, "db:migrate", map[string]string{"to": "b"}},
		{[]string{"db:migrate", "--env", "a", "--env", "b"}, "db:migrate", map[string]string{"env": "a,b"}},
		{[]string{"help"}, "", map[string]string{"help": "true"}},
		{[]string{"db:seed:all", "help"}, "db:seed:all", map[string]string{"help": "true"}},
		{[]string{"help", "db:migrate"}, "help", map[string]string{}},
		{[]string{"db:seed", "--seed", "help"}, "db:seed", map[string]string{"seed": "help"}},
	}
	for _, c := range cases {
		inv := parseArgs(c.argv)
		if inv.command != c.command {
			t.Errorf("%v: command %q", c.argv, inv.command)
		}
		if len(inv.values) != len(c.values) {
			t.Errorf("%v: values %v, want %v", c.argv, inv.values, c.values)
			continue
		}
		for k, v := range c.values {
			if inv.values[k] != v {
				t.Errorf("%v: %s = %q, want %q", c.argv, k, inv.values[k], v)
			}
		}
	}
}

func TestHelpOrVersion(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		argv []string
		want string
	}{
		{[]string{"db:migrate"}, ""},
		{[]string{"--version", "--help"}, "version"},
		{[]string{"db:migrate", "--help", "--version"}, "help"},
		{[]string{"db:migrate", "--help=false", "--version"}, "version"},
		{[]string{"db:migrate", "--version", "help"}, "version"},
		{[]string{"db:migrate", "help", "--version"}, "version"},
		{[]string{"help", "--help=false"}, "help"},
	} {
		if got := parseArgs(c.argv).helpOrVersion(); got != c.want {
			t.Errorf("%q: %q, want %q", c.argv, got, c.want)
		}
	}
}
