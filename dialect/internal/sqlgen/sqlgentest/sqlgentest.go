package sqlgentest

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
)

// Decode turns the JSON encoding of inputs.json into dialect values:
// {"$date": iso}, {"$bytes": hex}, {"$undefined": true}, {"$fn": [name,
// ...args]}, {"$col": name}, {"$literal": sql}, {"$where": [attr,
// comparator?, logic]} and object keys "$op:name" for operators.
func Decode(raw json.RawMessage) any {
	var v any
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	_ = dec.Decode(&v)
	return decode(raw, v)
}

func decode(raw json.RawMessage, v any) any {
	switch x := v.(type) {
	case json.Number:
		f, _ := x.Float64()
		return f
	case []any:
		var raws []json.RawMessage
		_ = json.Unmarshal(raw, &raws)
		out := make([]any, len(x))
		for i := range x {
			out[i] = decode(raws[i], x[i])
		}
		return out
	case map[string]any:
		keys := orderedKeys(raw)
		var raws map[string]json.RawMessage
		_ = json.Unmarshal(raw, &raws)
		if len(keys) == 1 {
			k := keys[0]
			switch k {
			case "$date":
				t, _ := time.Parse(time.RFC3339Nano, x[k].(string))
				return t
			case "$bytes":
				b, _ := hex.DecodeString(x[k].(string))
				return b
			case "$undefined":
				return dialect.Undefined{}
			case "$fn":
				args := decode(raws[k], x[k]).([]any)
				return dialect.Fn{Name: args[0].(string), Args: args[1:]}
			case "$col":
				return dialect.Col{Name: x[k].(string)}
			case "$literal":
				return dialect.Literal{SQL: x[k].(string)}
			case "$where":
				args := decode(raws[k], x[k]).([]any)
				w := dialect.Where{Attribute: args[0]}
				if len(args) == 2 {
					w.Comparator, w.Logic = "=", args[1]
				} else if s, ok := args[1].(string); ok && strings.HasPrefix(s, "$op:") {
					w.Comparator, w.ComparatorIsOp, w.Logic = s[4:], true, args[2]
				} else {
					w.Comparator, w.Logic = args[1].(string), args[2]
				}
				return w
			}
		}
		o := &dialect.Object{}
		// Sequelize reads operator keys first, then string keys.
		for _, k := range keys {
			if name, ok := strings.CutPrefix(k, "$op:"); ok {
				o.Set(dialect.Key{Name: name, Op: true}, decode(raws[k], x[k]))
			}
		}
		for _, k := range keys {
			if !strings.HasPrefix(k, "$op:") {
				o.Set(dialect.Key{Name: k}, decode(raws[k], x[k]))
			}
		}
		return o
	}
	return v
}

// orderedKeys returns an object's keys in document order.
func orderedKeys(raw json.RawMessage) []string {
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if _, err := dec.Token(); err != nil {
		return nil
	}
	var keys []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return keys
		}
		keys = append(keys, t.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return keys
		}
	}
	return keys
}

type inputs struct {
	Underscore   []string          `json:"underscore"`
	Number       []float64         `json:"number"`
	Escape       []json.RawMessage `json:"escape"`
	Where        []json.RawMessage `json:"where"`
	Replacements []struct {
		SQL        string          `json:"sql"`
		Named      json.RawMessage `json:"named"`
		Positional json.RawMessage `json:"positional"`
	} `json:"replacements"`
}

type recorded struct {
	Underscore   [][2]string                  `json:"underscore"`
	Number       []string                     `json:"number"`
	Escape       map[string][]json.RawMessage `json:"escape"`
	Where        map[string][]json.RawMessage `json:"where"`
	Replacements map[string][]json.RawMessage `json:"replacements"`
}

func testdata(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", name)
}

func load(t *testing.T) (inputs, recorded) {
	t.Helper()
	var in inputs
	var rec recorded
	for name, dst := range map[string]any{"inputs.json": &in, "sequelize.json": &rec} {
		data, err := os.ReadFile(testdata(name))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, dst); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return in, rec
}

// want decodes a recorded output: a string, or {"error": message}.
func want(raw json.RawMessage) (string, string) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, ""
	}
	var e struct {
		Error string `json:"error"`
	}
	_ = json.Unmarshal(raw, &e)
	return "", e.Error
}

func check(t *testing.T, what string, i int, got string, err error, raw json.RawMessage) {
	t.Helper()
	w, werr := want(raw)
	switch {
	case werr != "" && err == nil:
		t.Errorf("%s #%d: got %q, Sequelize throws %q", what, i, got, werr)
	case werr != "" && err != nil && err.Error() != werr:
		t.Errorf("%s #%d: error %q, Sequelize's is %q", what, i, err, werr)
	case werr == "" && err != nil:
		t.Errorf("%s #%d: error %v, Sequelize gives %q", what, i, err, w)
	case werr == "" && got != w:
		t.Errorf("%s #%d:\n got  %q\n want %q", what, i, got, w)
	}
}

// Check compares f with Sequelize's recorded outputs for dialect d.
func Check(t *testing.T, f sqlgen.Flavor, d string) {
	in, rec := load(t)
	for i, pair := range rec.Underscore {
		if got := sqlgen.Underscore(pair[0]); got != pair[1] {
			t.Errorf("underscore(%q) = %q, want %q", pair[0], got, pair[1])
		}
		_ = i
	}
	for i, n := range in.Number {
		if got := sqlgen.FormatNumber(n); got != rec.Number[i] {
			t.Errorf("String(%v) = %q, want %q", n, got, rec.Number[i])
		}
	}
	for i, raw := range in.Escape {
		got, err := f.Escape(Decode(raw), nil)
		check(t, "escape "+string(raw), i, got, err, rec.Escape[d][i])
	}
	for i, raw := range in.Where {
		got, err := f.WhereItems(Decode(raw), sqlgen.WhereOptions{})
		check(t, "where "+string(raw), i, got, err, rec.Where[d][i])
	}
	for i, r := range in.Replacements {
		raw := r.Named
		if raw == nil {
			raw = r.Positional
		}
		got, err := f.InjectReplacements(r.SQL, Decode(raw))
		check(t, "replacements "+r.SQL, i, got, err, rec.Replacements[d][i])
	}
}
