package scenario

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/sqzjs/sqzjs/compat-tests/schemadump/freshdb"
)

const header = `project: examples/migrations
dialects: sqlite postgres
# a comment
files: sequelize-meta.json

db:migrate --to "a b.js"
db:migrate:status
`

func TestFormatParseRoundTrip(t *testing.T) {
	s, err := ParseScenario([]byte("what it is about\n-- scenario --\n" + header))
	if err != nil {
		t.Fatal(err)
	}
	if s.Project != "examples/migrations" || !reflect.DeepEqual(s.Dialects, []string{"sqlite", "postgres"}) ||
		!reflect.DeepEqual(s.Files, []string{"sequelize-meta.json"}) || s.StorageFile() != DefaultStorage {
		t.Fatalf("header parsed as %+v", s)
	}
	if want := []string{`db:migrate --to "a b.js"`, "db:migrate:status"}; !reflect.DeepEqual(s.Steps, want) {
		t.Fatalf("steps %q, want %q", s.Steps, want)
	}
	s.Recordings["sqlite"] = []Step{
		{Stdout: "\n<teaser>\n\nhello\n", Exit: 0, Schema: "table \"t\"\n", Files: "== sequelize-meta.json == (missing)\n"},
		{Stdout: "x\n" + NoNewline + "\n", Stderr: "ERROR: boom\n", Exit: 1, Schema: "table \"t\"\n", Files: "== sequelize-meta.json ==\n[]\n"},
	}
	data, err := s.Format(header)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "-- sqlite/2.schema --\n"+Unchanged) {
		t.Errorf("an unchanged schema is not written as %q:\n%s", Unchanged, data)
	}
	if strings.Contains(string(data), "-- postgres/") {
		t.Errorf("sections for a dialect that was not recorded:\n%s", data)
	}
	back, err := Parse(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !reflect.DeepEqual(back.Recordings, s.Recordings) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back.Recordings, s.Recordings)
	}
	if Header(data) != header {
		t.Errorf("Header = %q", Header(data))
	}
}

func TestParseErrors(t *testing.T) {
	base := "-- scenario --\nproject: p\ndb:migrate\n"
	full := base + "-- sqlite/1.stdout --\n-- sqlite/1.stderr --\n-- sqlite/1.exit --\n0\n-- sqlite/1.schema --\n"
	if _, err := Parse([]byte(full)); err != nil {
		t.Fatalf("valid file: %v", err)
	}
	for _, c := range []struct{ name, data, msg string }{
		{"no scenario", "-- sqlite/1.exit --\n0\n", "first section"},
		{"no project", "-- scenario --\ndb:migrate\n", "names no project"},
		{"no steps", "-- scenario --\nproject: p\n", "no steps"},
		{"unknown header", "-- scenario --\nproject: p\ncolour: red\ndb:migrate\n", `unknown header "colour"`},
		{"header after steps", "-- scenario --\nproject: p\ndb:migrate\ndialects: sqlite\n", "after the first step"},
		{"bad dialect", "-- scenario --\nproject: p\ndialects: oracle\ndb:migrate\n", `unknown dialect "oracle"`},
		{"unterminated quote", "-- scenario --\nproject: p\ndb:migrate --to 'x\n", "unterminated"},
		{"missing section", strings.Replace(full, "-- sqlite/1.schema --\n", "", 1), "no section sqlite/1.schema"},
		{"step out of range", full + "-- sqlite/2.exit --\n0\n", "no step 2"},
		{"bad exit", strings.Replace(full, "exit --\n0", "exit --\nzero", 1), "want an exit code"},
		{"dialect not run", strings.Replace(full, "project: p\n", "project: p\ndialects: postgres\n", 1), "does not run on sqlite"},
		{"twice", full + "-- sqlite/1.exit --\n0\n", "appears twice"},
		{"first schema unchanged", strings.Replace(full, "schema --\n", "schema --\n"+Unchanged, 1), "first step's schema"},
	} {
		_, err := Parse([]byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.msg)
		}
	}
}

func TestFormatRejectsMarkerLines(t *testing.T) {
	s := &Scenario{Project: "p", Steps: []string{"db:migrate"}, Recordings: map[string][]Step{
		"sqlite": {{Stdout: "-- not a section --\n"}},
	}}
	if _, err := s.Format("project: p\ndb:migrate\n"); err == nil {
		t.Error("output with a txtar marker line was formatted")
	}
}

func TestArgs(t *testing.T) {
	for in, want := range map[string][]string{
		"db:migrate --to x.js":            {"db:migrate", "--to", "x.js"},
		`db:migrate --name "a b" --x ''`:  {"db:migrate", "--name", "a b", "--x", ""},
		`db:migrate --name 'it"s'`:        {"db:migrate", "--name", `it"s`},
		`db:migrate --name "q\"uote\\"`:   {"db:migrate", "--name", `q"uote\`},
		`db:migrate --name a\ b  --to=c `: {"db:migrate", "--name", "a b", "--to=c"},
	} {
		got, err := Args(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Args(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := Args("  "); err == nil {
		t.Error("an empty step was accepted")
	}
	got, _ := StepArgs("db:migrate", "postgres")
	if !reflect.DeepEqual(got, []string{"db:migrate", "--env", "test"}) {
		t.Errorf("server step args %q", got)
	}
	got, _ = StepArgs("db:migrate", "sqlite")
	if !reflect.DeepEqual(got, []string{"db:migrate"}) {
		t.Errorf("sqlite step args %q", got)
	}
	in := []string{"db:create", "--url", "$SCRATCH_DATABASE_URL", "--name", "$DATABASE_URL", "x$DATABASE_URL"}
	got = ExpandURLs(in, "postgres://h/db", "postgres://h/db_scratch")
	if want := []string{"db:create", "--url", "postgres://h/db_scratch", "--name", "postgres://h/db", "x$DATABASE_URL"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ExpandURLs = %q; want %q", got, want)
	}
	if in[2] != "$SCRATCH_DATABASE_URL" {
		t.Errorf("ExpandURLs changed its argument: %q", in)
	}
	if got = ExpandURLs(in, "sqlite:///p/db.sqlite", ""); got[2] != "$SCRATCH_DATABASE_URL" || got[4] != "sqlite:///p/db.sqlite" {
		t.Errorf("ExpandURLs without a scratch URL = %q", got)
	}
}

func TestNormalize(t *testing.T) {
	n := Normalizer{
		Projects: []string{"/tmp/w1/project", "/private/tmp/w1/project"},
		Database: "sqzjs_0123456789ab",
		Teasers:  []*regexp.Regexp{regexp.MustCompile(`^sqzjs \S+ \(compatible\)$`)},
	}
	in := "\nSequelize CLI [Node: 20.20.2, CLI: 6.6.5, ORM: 6.37.8]\n\nsqzjs 0.1 (compatible)\n" +
		"== 2024-x: migrated (0.021s)\n== 2024-x: reverted (12s)\n" +
		"took (0.021s) elsewhere\n" +
		"ERROR: Cannot find \"/private/tmp/w1/project/config/config.json\"\n" +
		"ERROR: database \"sqzjs_0123456789ab\" in /tmp/w1/project\n" +
		"ERROR: (conn=3258, no: 1054, SQLState: 42S22) Unknown column\n"
	want := "\n<teaser>\n\n<teaser>\n" +
		"== 2024-x: migrated (<duration>)\n== 2024-x: reverted (<duration>)\n" +
		"took (0.021s) elsewhere\n" +
		"ERROR: Cannot find \"<project>/config/config.json\"\n" +
		"ERROR: database \"<database>\" in <project>\n" +
		"ERROR: (conn=<id>, no: 1054, SQLState: 42S22) Unknown column\n"
	if got := n.Normalize(in); got != want {
		t.Errorf("Normalize:\n%s\nwant:\n%s", got, want)
	}
	if got := Encode("[]"); got != "[]\n"+NoNewline+"\n" {
		t.Errorf("Encode without newline = %q", got)
	}
	if got := Encode("a\n"); got != "a\n" {
		t.Errorf("Encode with newline = %q", got)
	}
}

func TestDatabaseURLAndEnv(t *testing.T) {
	c := freshdb.Conn{Host: "127.0.0.1", Port: 3306, Username: "root", Database: "sqzjs_ab"}
	if got := DatabaseURL("mariadb", c); got != "mariadb://root@127.0.0.1:3306/sqzjs_ab" {
		t.Errorf("mariadb URL %q", got)
	}
	c = freshdb.Conn{Host: "db", Port: 5432, Username: "u", Password: "p@ss", Database: "x"}
	if got := DatabaseURL("postgres", c); got != "postgres://u:p%40ss@db:5432/x" {
		t.Errorf("postgres URL %q", got)
	}
	env := Env([]string{"PATH=/bin", "NODE_ENV=production", "DATABASE_URL=old", "NO_COLOR="}, "postgres://x")
	want := []string{"PATH=/bin", "TZ=UTC", "FORCE_COLOR=0", "NO_COLOR=1", "DATABASE_URL=postgres://x"}
	if !reflect.DeepEqual(env, want) {
		t.Errorf("Env = %q, want %q", env, want)
	}
}
