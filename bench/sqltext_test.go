package bench

import (
	"testing"

	"github.com/sqzjs/sqzjs/bench/replayfile"
)

func TestScriptInlinesParameters(t *testing.T) {
	name := "20240101000000-it's.js"
	p, err := replayfile.NewParam(name)
	if err != nil {
		t.Fatal(err)
	}
	st := []replayfile.Statement{{SQL: "INSERT INTO `SequelizeMeta` (`name`) VALUES ($1);", Params: []replayfile.Param{p}}}
	for _, tc := range []struct{ flavor, want string }{
		{"sqlite", "INSERT INTO `SequelizeMeta` (`name`) VALUES ('20240101000000-it''s.js');\n"},
		{"postgres", "INSERT INTO `SequelizeMeta` (`name`) VALUES ('20240101000000-it''s.js');\n"},
	} {
		got, err := Script(tc.flavor, nil, st)
		if err != nil || got != tc.want {
			t.Errorf("%s: got %q, %v; want %q", tc.flavor, got, err, tc.want)
		}
	}
	my := []replayfile.Statement{{SQL: "INSERT INTO `t` (`a`,`b`) VALUES (?,'?');", Params: []replayfile.Param{p}}}
	got, err := Script("mysql", nil, my)
	want := "DELIMITER " + mysqlDelimiter + "\nINSERT INTO `t` (`a`,`b`) VALUES ('20240101000000-it\\'s.js','?')" + mysqlDelimiter + "\n"
	if err != nil || got != want {
		t.Errorf("mysql: got %q, %v; want %q", got, err, want)
	}
}

func TestScriptKeepsAStringOneQueryForPsql(t *testing.T) {
	st := []replayfile.Statement{{SQL: `ALTER TABLE "t" ALTER COLUMN "a" DROP NOT NULL;ALTER TABLE "t" ALTER COLUMN "a" SET DEFAULT ';';`}}
	got, err := Script("postgres", nil, st)
	want := `ALTER TABLE "t" ALTER COLUMN "a" DROP NOT NULL\;ALTER TABLE "t" ALTER COLUMN "a" SET DEFAULT ';';` + "\n"
	if err != nil || got != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
}
