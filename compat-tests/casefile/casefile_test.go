package casefile

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const sample = `A comment line.
-- input.js --
module.exports = {
  async up(queryInterface, Sequelize) {
    return queryInterface.sequelize.query('SELECT 1');
  },
};
-- options.json --
{
  "dialects": [
    "sqlite",
    "postgres"
  ],
  "sequelize": {
    "timezone": "+02:00",
    "define": {
      "b": 1,
      "a": 2
    }
  },
  "note": "why"
}
-- sqlite.sql --
! PRAGMA FOREIGN_KEYS=ON
> SELECT 1
-- sqlite.result --
[
  [
    {
      "1": 1
    }
  ],
  {
    "$class": "Statement"
  }
]
-- sqlite.schema --
rows: none
-- postgres.sql --
> SELECT 1
| FROM "t"
|
| WHERE "a" = $1
= ["x",{"$date":"2020-01-02T03:04:05.678Z"}]
> UPDATE "t" SET "b"=$1
= {"b":1,"a":2}
-- postgres.error --
{
  "name": "SequelizeDatabaseError",
  "message": "relation \"t\" does not exist",
  "sql": "SELECT 1",
  "originalCode": "42P01",
  "originalMessage": "relation \"t\" does not exist"
}
`

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	c, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	if c.Comment != "A comment line.\n" {
		t.Errorf("comment = %q", c.Comment)
	}
	if got := c.RunDialects(); !reflect.DeepEqual(got, []string{"sqlite", "postgres"}) {
		t.Errorf("RunDialects = %v", got)
	}
	if c.Options.Note != "why" || string(c.Options.Sequelize) == "" {
		t.Errorf("options = %+v", c.Options)
	}
	pg := c.Recordings["postgres"]
	want := []Statement{
		{SQL: "SELECT 1\nFROM \"t\"\n\nWHERE \"a\" = $1", Bind: json.RawMessage(`["x",{"$date":"2020-01-02T03:04:05.678Z"}]`)},
		{SQL: `UPDATE "t" SET "b"=$1`, Bind: json.RawMessage(`{"b":1,"a":2}`)},
	}
	if !reflect.DeepEqual(pg.Statements, want) {
		t.Errorf("postgres statements = %#v", pg.Statements)
	}
	if pg.Result != "" || !strings.Contains(pg.Error, "42P01") {
		t.Errorf("postgres result/error = %q / %q", pg.Result, pg.Error)
	}
	if sq := c.Recordings["sqlite"]; !sq.Statements[0].Unlogged || sq.Statements[1].Unlogged || sq.Schema != "rows: none\n" {
		t.Errorf("sqlite recording = %+v", sq)
	}
	out, err := c.Format()
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != sample {
		t.Errorf("Format changed the file:\n%s", out)
	}
}

func TestFormatOrdersSections(t *testing.T) {
	t.Parallel()
	in := "-- mariadb.schema --\nm\n-- sqlite.error --\n{\"name\": null}\n-- input.js --\nx\n"
	c, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.Format()
	if err != nil {
		t.Fatal(err)
	}
	want := "-- input.js --\nx\n-- sqlite.error --\n{\n  \"name\": null\n}\n-- mariadb.schema --\nm\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestStatementsRoundTrip(t *testing.T) {
	t.Parallel()
	stmts := []Statement{
		{SQL: "CREATE TABLE `t` (`a` TEXT);"},
		{SQL: "line one\n  line two\n", Bind: json.RawMessage(`[1,"two"]`)},
		{SQL: "", Unlogged: true},
		{SQL: "\n"},
		{SQL: "x", Bind: json.RawMessage(`[]`)},
	}
	text := FormatStatements(stmts)
	want := "> CREATE TABLE `t` (`a` TEXT);\n> line one\n|   line two\n|\n= [1,\"two\"]\n!\n>\n|\n> x\n= []\n"
	if text != want {
		t.Fatalf("FormatStatements =\n%s\nwant\n%s", text, want)
	}
	got, err := ParseStatements(text)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, stmts) {
		t.Errorf("ParseStatements = %#v", got)
	}
	if got, err := ParseStatements(""); err != nil || got == nil || len(got) != 0 {
		t.Errorf("empty text: %#v, %v", got, err)
	}
	// Bind JSON is compacted.
	got, err = ParseStatements("> x\n= [1, \"a\" ,{ \"k\" : 2 }]\n")
	if err != nil || string(got[0].Bind) != `[1,"a",{"k":2}]` {
		t.Errorf("bind = %s, %v", got[0].Bind, err)
	}
}

func TestParseStatementsErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text, want string
	}{
		{"| x\n", "line 1: continuation line before any statement"},
		{"= []\n", "line 1: bind line before any statement"},
		{"> a\n= []\n= []\n", "line 3: second bind line for one statement"},
		{"> a\n= [1,\n", "line 2: bind is not JSON"},
		{"> a\n= null\n", "line 2: bind line holds null"},
		{"> a\n= [1]\n| b\n", "line 3: continuation line after the statement's bind line"},
		{"> a\n\n", `line 2: want a line starting with "> ", "! ", "| " or "= ", got ""`},
		{"> a\nSELECT\n", `line 2: want a line starting`},
	}
	for _, tc := range cases {
		_, err := ParseStatements(tc.text)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseStatements(%q) error = %v, want %q", tc.text, err, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text, want string
	}{
		{"-- options.json --\n{}\n", "line 1: missing required section input.js"},
		{"-- input.js --\nx\n-- input.js --\ny\n", "line 3: input.js: section appears twice"},
		{"-- input.js --\nx\n-- sqlite.sq --\n", "line 3: sqlite.sq: unknown section"},
		{"-- input.js --\nx\n-- oracle.sql --\n", "line 3: oracle.sql: unknown section"},
		{"-- input.js --\nx\n-- options.json --\n{\"dialect\": []}\n", `line 4: options.json: invalid JSON: json: unknown field "dialect"`},
		{"-- input.js --\nx\n-- options.json --\n{\"dialects\": [\"oracle\"]}\n", `unknown dialect "oracle"`},
		{"-- input.js --\nx\n-- options.json --\n{\"dialects\": [\"sqlite\", \"sqlite\"]}\n", `dialect "sqlite" listed twice`},
		{"-- input.js --\nx\n-- options.json --\n{\"sequelize\": []}\n", `"sequelize" must be a JSON object`},
		{"-- input.js --\nx\n-- sqlite.result --\n{\n", "line 4: sqlite.result: invalid JSON"},
		{"-- input.js --\nx\n-- sqlite.result --\n1\n-- sqlite.error --\n{}\n", "line 5: sqlite.error: sqlite has both a .result and an .error section"},
		// Line numbers inside the .sql section are file line numbers.
		{"comment\n-- input.js --\nx\n-- sqlite.sql --\n> a\n> b\nbad\n", "line 7: sqlite.sql: want a line starting"},
	}
	for _, tc := range cases {
		_, err := Parse([]byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error = %v, want %q", tc.text, err, tc.want)
		}
	}
}

func TestReadFileNamesFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "c.txtar")
	if err := os.WriteFile(path, []byte("-- input.js --\nx\n-- sqlite.sql --\nnope\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path)
	if err == nil || !strings.HasPrefix(err.Error(), path+":4: sqlite.sql: ") {
		t.Errorf("error = %v", err)
	}
}

func TestFormatRejectsMarkerLines(t *testing.T) {
	t.Parallel()
	c := &Case{Input: "const s = `\n-- x --\n`;\n"}
	if _, err := c.Format(); err == nil || !strings.Contains(err.Error(), "file marker") {
		t.Errorf("error = %v", err)
	}
}

func TestRecordingFromRun(t *testing.T) {
	t.Parallel()
	doc := `{"statements":[{"sql":"PRAGMA FOREIGN_KEYS=ON","bind":null,"unlogged":true},{"sql":"UPDATE t SET a=$1","bind":[1, {"$date":"2020-01-01T00:00:00.000Z"}]}],"result":{"b":1,"a":[]},"error":null}`
	rec, err := RecordingFromRun([]byte(doc), "schema")
	if err != nil {
		t.Fatal(err)
	}
	want := &Recording{
		Statements: []Statement{
			{SQL: "PRAGMA FOREIGN_KEYS=ON", Unlogged: true},
			{SQL: "UPDATE t SET a=$1", Bind: json.RawMessage(`[1,{"$date":"2020-01-01T00:00:00.000Z"}]`)},
		},
		Result: "{\n  \"b\": 1,\n  \"a\": []\n}\n",
		Schema: "schema\n",
	}
	if !reflect.DeepEqual(rec, want) {
		t.Errorf("got %#v", rec)
	}

	rec, err = RecordingFromRun([]byte(`{"statements":[],"result":null,"error":{"name":"E","message":"m","sql":null,"originalCode":1,"originalMessage":null}}`), "")
	if err != nil {
		t.Fatal(err)
	}
	if rec.Result != "" || !strings.HasPrefix(rec.Error, "{\n  \"name\": \"E\",") || rec.Statements == nil {
		t.Errorf("got %#v", rec)
	}
	// up() resolving to null is a result, not a missing one.
	rec, err = RecordingFromRun([]byte(`{"statements":[],"result":null,"error":null}`), "")
	if err != nil || rec.Result != "null\n" {
		t.Errorf("null result: %#v, %v", rec, err)
	}
	for _, bad := range []string{`{"statements":[]}`, `{"statements":[],"result":1,"extra":1}`, `nope`} {
		if _, err := RecordingFromRun([]byte(bad), ""); err == nil {
			t.Errorf("RecordingFromRun(%s) succeeded", bad)
		}
	}
}

func TestMaskUUIDs(t *testing.T) {
	t.Parallel()
	in := "SAVEPOINT `3F2504E0-4F89-41D3-9A0C-0305E82C3301-sp-1`; ROLLBACK TO SAVEPOINT \"0e984725-c51c-4bf4-9960-e1c80e27aba0-sp-1\";"
	want := "SAVEPOINT `<uuid>-sp-1`; ROLLBACK TO SAVEPOINT \"<uuid>-sp-1\";"
	if got := MaskUUIDs(in); got != want {
		t.Errorf("MaskUUIDs = %q", got)
	}
}

func TestMaskNames(t *testing.T) {
	t.Parallel()
	got := MaskNames("SELECT 1 FROM x WHERE TABLE_SCHEMA = 'sqzjs_0a1b' -- /tmp/d/sqzjs_0a1b.sqlite", "sqzjs_0a1b", "/tmp/d/sqzjs_0a1b.sqlite")
	if want := "SELECT 1 FROM x WHERE TABLE_SCHEMA = '<database>' -- <storage>"; got != want {
		t.Errorf("MaskNames = %q", got)
	}
	if got := MaskNames("a", "", ""); got != "a" {
		t.Errorf("MaskNames with no names = %q", got)
	}
}
