package postgres

import (
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sqzjs/sqzjs/dialect"
)

func obj(kv ...any) *dialect.Object { return dialect.NewObject(kv...) }

func TestParsers(t *testing.T) {
	utc := func(s string) time.Time {
		tm, err := time.Parse("2006-01-02 15:04:05.000Z07:00", s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	for _, c := range []struct {
		name string
		fn   func(string) any
		in   string
		want any
	}{
		{"int", parseInt, "42", 42.0},
		{"int prefix", parseInt, " 12abc", 12.0},
		{"bigint", parseBigInteger, "9007199254740993", "9007199254740993"},
		{"float", parseFloat, "1.5", 1.5},
		{"float inf", parseFloat, "-Infinity", math.Inf(-1)},
		{"bool", parseBoolean, "t", true},
		{"bool false", parseBoolean, "f", false},
		{"dateonly", parseDateOnly, "2020-01-02", "2020-01-02"},
		{"dateonly infinity", parseDateOnly, "infinity", math.Inf(1)},
		{"timestamptz", parseDate, "2020-01-02 03:04:05.678+02", utc("2020-01-02 01:04:05.678Z")},
		{"timestamptz +00", parseDate, "2020-01-02 03:04:05+00", utc("2020-01-02 03:04:05.000Z")},
		{"timestamptz minutes", parseDate, "2020-01-02 03:04:05.1-05:30", utc("2020-01-02 08:34:05.100Z")},
		{"timestamptz micros truncated", parseDate, "2020-01-02 03:04:05.999999+00", utc("2020-01-02 03:04:05.999Z")},
		{"bytea hex", parseByteA, `\xdead`, []byte{0xde, 0xad}},
		{"bytea escape", parseByteA, `a\\b\001`, []byte{'a', '\\', 'b', 1}},
		{"int array", intArray, "{1,NULL,3}", []any{1.0, nil, 3.0}},
		{"string array quoted", stringArray, `{a,"b c","d\"e","f\\g",NULL,"NULL"}`, []any{"a", "b c", `d"e`, `f\g`, nil, "NULL"}},
		{"nested array", intArray, "{{1,2},{3,4}}", []any{[]any{1.0, 2.0}, []any{3.0, 4.0}}},
		{"empty array", intArray, "{}", []any{}},
		{"dimensions", intArray, "[0:1]={5,6}", []any{5.0, 6.0}},
		{"interval", parseInterval, "1 year 2 mons 3 days 04:05:06.789", &dialect.Object{Class: "PostgresInterval",
			Keys:   []dialect.Key{{Name: "years"}, {Name: "months"}, {Name: "days"}, {Name: "hours"}, {Name: "minutes"}, {Name: "seconds"}, {Name: "milliseconds"}},
			Values: []any{1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 789.0}}},
		{"negative interval", parseInterval, "-01:00:00", &dialect.Object{Class: "PostgresInterval", Keys: []dialect.Key{{Name: "hours"}}, Values: []any{-1.0}}},
		{"hstore", parseHstore, `"a"=>"1", "b"=>NULL, "c\"d"=>"x\\y"`, obj("a", "1", "b", nil, `c"d`, `x\y`)},
		{"point", parsePoint, "(1,2.5)", obj("x", 1.0, "y", 2.5)},
		{"range", func(s string) any { return parseRange(s, parseInt) }, "[1,5)", []any{obj("value", 1.0, "inclusive", true), obj("value", 5.0, "inclusive", false)}},
		{"range open", func(s string) any { return parseRange(s, parseInt) }, "(,5]", []any{obj("value", nil, "inclusive", false), obj("value", 5.0, "inclusive", true)}},
		{"range empty", func(s string) any { return parseRange(s, parseInt) }, "empty", []any{}},
	} {
		got := c.fn(c.in)
		if diff := cmp.Diff(c.want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
			t.Errorf("%s(%q): -want +got\n%s", c.name, c.in, diff)
		}
	}
}

func TestFromArray(t *testing.T) {
	for in, want := range map[string][]any{
		"{a,b}":            {"a", "b"},
		"{}":               {},
		`{"a b",c}`:        {"a b", "c"},
		"{one}":            {"one"},
		`{"x,y",z,"q\"r"}`: {"x,y", "z", `q\"r`},
	} {
		if diff := cmp.Diff(want, fromArray(in)); diff != "" {
			t.Errorf("fromArray(%q): -want +got\n%s", in, diff)
		}
	}
}

func TestParseCommandTag(t *testing.T) {
	n := func(v int64) *int64 { return &v }
	for _, c := range []struct {
		tag           string
		cmd           string
		oid, rowCount *int64
	}{
		{"INSERT 0 3", "INSERT", n(0), n(3)},
		{"SELECT 2", "SELECT", nil, n(2)},
		{"CREATE TABLE", "CREATE", nil, nil},
		{"UPDATE 0", "UPDATE", nil, n(0)},
		{"", "", nil, nil},
	} {
		cmd, oid, rc := parseCommandTag(c.tag)
		if cmd != c.cmd || !cmp.Equal(oid, c.oid) || !cmp.Equal(rc, c.rowCount) {
			t.Errorf("parseCommandTag(%q) = %q, %v, %v", c.tag, cmd, oid, rc)
		}
	}
}

func TestTypeSQL(t *testing.T) {
	dt := func(key string) *dialect.DataType { return &dialect.DataType{Key: key} }
	for _, c := range []struct {
		t    *dialect.DataType
		want string
	}{
		{&dialect.DataType{Key: "STRING", Length: "255"}, "VARCHAR(255)"},
		{&dialect.DataType{Key: "STRING", Length: "20", Binary: true}, "BYTEA"},
		{&dialect.DataType{Key: "CHAR", Length: "10"}, "CHAR(10)"},
		{&dialect.DataType{Key: "TEXT", Length: "long"}, "TEXT"},
		{&dialect.DataType{Key: "INTEGER", Length: "11", Unsigned: true, Zerofill: true}, "INTEGER"},
		{&dialect.DataType{Key: "MEDIUMINT", Length: "8", Unsigned: true}, "MEDIUMINT(8) UNSIGNED"},
		{&dialect.DataType{Key: "FLOAT", Length: "11", Decimals: "10"}, "FLOAT"},
		{&dialect.DataType{Key: "FLOAT", Length: "11"}, "FLOAT(11)"},
		{&dialect.DataType{Key: "DOUBLE PRECISION", Length: "11", Decimals: "2"}, "DOUBLE PRECISION"},
		{&dialect.DataType{Key: "DECIMAL", Precision: "10", Scale: "2", Unsigned: true}, "DECIMAL(10,2)"},
		{dt("BOOLEAN"), "BOOLEAN"},
		{dt("DATE"), "TIMESTAMP WITH TIME ZONE"},
		{dt("DATEONLY"), "DATE"},
		{&dialect.DataType{Key: "BLOB", Length: "tiny"}, "BYTEA"},
		{&dialect.DataType{Key: "ARRAY", Elem: &dialect.DataType{Key: "STRING", Length: "255"}}, "VARCHAR(255)[]"},
		{&dialect.DataType{Key: "RANGE", Elem: dt("DATE")}, "tstzrange"},
		{dt("RANGE"), "int4range"},
		{&dialect.DataType{Key: "GEOMETRY", GeoType: "POINT", SRID: "4326"}, "GEOMETRY(POINT,4326)"},
		{dt("JSONB"), "JSONB"},
		{&dialect.DataType{Raw: "VARCHAR(20)"}, "VARCHAR(20)"},
	} {
		if got := typeSQL(c.t); got != c.want {
			t.Errorf("typeSQL(%+v) = %q, want %q", *c.t, got, c.want)
		}
	}
}

func TestTypedEscape(t *testing.T) {
	f := flavor()
	for _, c := range []struct {
		v    any
		t    *dialect.DataType
		want string
	}{
		{[]any{1.0, 2.0}, &dialect.DataType{Key: "ARRAY", Elem: &dialect.DataType{Key: "INTEGER"}}, "ARRAY[1,2]::INTEGER[]"},
		{[]any{}, &dialect.DataType{Key: "ARRAY", Elem: &dialect.DataType{Key: "STRING", Length: "255"}}, "ARRAY[]::VARCHAR(255)[]"},
		{[]any{1.0, 5.0}, &dialect.DataType{Key: "RANGE"}, "'[1,5)'"},
		{3.0, &dialect.DataType{Key: "RANGE"}, "'3'::int4"},
		{obj("k", "v'x", "n", nil), &dialect.DataType{Key: "HSTORE"}, `'"k"=>"v''x","n"=>NULL'`},
		{math.Inf(1), &dialect.DataType{Key: "DATE"}, "'Infinity'"},
		{1.5, &dialect.DataType{Key: "FLOAT"}, "'1.5'"},
	} {
		got, err := f.Escape(c.v, c.t)
		if err != nil || got != c.want {
			t.Errorf("Escape(%v, %s) = %q, %v; want %q", dialect.Describe(c.v), c.t.Key, got, err, c.want)
		}
	}
}

func TestConnConfig(t *testing.T) {
	cfg := dialect.Config{Host: "db.example", Port: "6543", Username: "u", Password: "p w'", Database: "d",
		DialectOptions: map[string]any{"application_name": "app", "statement_timeout": 1000.0, "connectionTimeoutMillis": 2500.0,
			"query_timeout": 100.0, "ssl": obj("rejectUnauthorized", false)}}
	pc, qt, err := connConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if pc.Host != "db.example" || pc.Port != 6543 || pc.User != "u" || pc.Password != "p w'" || pc.Database != "d" {
		t.Errorf("connection fields: %+v", pc)
	}
	if pc.RuntimeParams["application_name"] != "app" || pc.RuntimeParams["statement_timeout"] != "1000" {
		t.Errorf("runtime params: %v", pc.RuntimeParams)
	}
	if pc.ConnectTimeout != 2500*time.Millisecond || qt != 100*time.Millisecond {
		t.Errorf("timeouts: %v %v", pc.ConnectTimeout, qt)
	}
	if pc.TLSConfig == nil || !pc.TLSConfig.InsecureSkipVerify {
		t.Errorf("ssl: %+v", pc.TLSConfig)
	}
	// dialectOptions exported from a JavaScript config: int64 numbers, maps.
	pc, qt, err = connConfig(dialect.Config{DialectOptions: map[string]any{"statement_timeout": int64(5),
		"query_timeout": int64(7), "ssl": map[string]any{"rejectUnauthorized": false}}})
	if err != nil || pc.RuntimeParams["statement_timeout"] != "5" || qt != 7*time.Millisecond || pc.TLSConfig == nil || !pc.TLSConfig.InsecureSkipVerify {
		t.Errorf("exported options: %v %v %+v %v", pc.RuntimeParams, qt, pc.TLSConfig, err)
	}
	pc, _, err = connConfig(dialect.Config{})
	if err != nil || pc.Host != "localhost" || pc.Port != 5432 || pc.TLSConfig != nil {
		t.Errorf("defaults: %+v, %v", pc, err)
	}
	for cfg, want := range map[*dialect.Config]string{
		{}:                       "SET client_min_messages TO warning;SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE;",
		{Timezone: "+05:30"}:     "SET client_min_messages TO warning;SET TIME ZONE INTERVAL '+05:30' HOUR TO MINUTE;",
		{Timezone: "Asia/Tokyo"}: "SET client_min_messages TO warning;SET TIME ZONE 'Asia/Tokyo';",
		{DialectOptions: map[string]any{"clientMinMessages": "IGNORE"}}: "SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE;",
		{DialectOptions: map[string]any{"clientMinMessages": "notice"}}: "SET client_min_messages TO notice;SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE;",
	} {
		if got := setupQuery(*cfg); got != want {
			t.Errorf("setupQuery(%+v) = %q, want %q", *cfg, got, want)
		}
	}
}

func TestPrepareValue(t *testing.T) {
	for _, c := range []struct {
		v      any
		want   string
		binary bool
	}{
		{"a\x00b", `a\0b`, false},
		{true, "true", false},
		{1.5, "1.5", false},
		{[]any{1.0, "a\"b", nil, []any{2.0}}, `{"1","a\"b",NULL,{"2"}}`, false},
		{obj("k", []any{1.0}), `{"k":[1]}`, false},
		{[]byte{1, 2}, "\x01\x02", true},
		{time.Date(2020, 1, 2, 3, 4, 5, 678e6, time.UTC), "", false},
	} {
		got, bin, err := prepareValue(c.v, true)
		if err != nil {
			t.Errorf("prepareValue(%v): %v", c.v, err)
			continue
		}
		if tm, ok := c.v.(time.Time); ok {
			c.want = dateToString(tm)
		}
		if string(got) != c.want || bin != c.binary {
			t.Errorf("prepareValue(%v) = %q, %v; want %q, %v", c.v, got, bin, c.want, c.binary)
		}
	}
	tm := time.Date(2020, 1, 2, 3, 4, 5, 678e6, time.FixedZone("x", -5*3600-30*60))
	if got, want := dateToString(tm), tm.Local().Format("2006-01-02T15:04:05.000-07:00"); got != want {
		t.Errorf("dateToString = %q, want %q", got, want)
	}
}

func TestNamesAndMapping(t *testing.T) {
	d, err := New(dialect.Config{})
	if err != nil {
		t.Fatal(err)
	}
	tbl := dialect.TableRef{Name: "t"}
	if got := d.pgEnumName(tbl, "c", true); got != `"public"."enum_t_c"` {
		t.Errorf("pgEnumName = %s", got)
	}
	if got := d.pgEnumName(dialect.TableRef{Name: "t", Schema: "s", Object: true}, "c", false); got != `"enum_t_c"` {
		t.Errorf("pgEnumName without schema = %s", got)
	}
	for in, want := range map[string]string{
		"INTEGER SERIAL PRIMARY KEY":          " SERIAL ",
		"BIGINT SERIAL PRIMARY KEY":           " BIGSERIAL ",
		"SMALLINT NOT NULL SERIAL":            "  SMALLSERIAL",
		"ENUM('a', 'b') NOT NULL DEFAULT 'a'": `"public"."enum_t_c" NOT NULL DEFAULT 'a'`,
	} {
		if got := d.dataTypeMapping(tbl, "c", in); got != want {
			t.Errorf("dataTypeMapping(%q) = %q, want %q", in, got, want)
		}
	}
	if got := dropBeforeReferences(`INTEGER REFERENCES "u" ("id")`); got != `REFERENCES "u" ("id")` {
		t.Errorf("dropBeforeReferences = %q", got)
	}
	if got := camelize("referenced_table_schema"); got != "referencedTableSchema" {
		t.Errorf("camelize = %q", got)
	}
}
