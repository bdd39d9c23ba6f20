package golden_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/bridge"
	"github.com/sqzjs/sqzjs/compat-tests/casefile"
	"github.com/sqzjs/sqzjs/compat-tests/schemadump"
	"github.com/sqzjs/sqzjs/compat-tests/schemadump/freshdb"
	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/all"
	"github.com/sqzjs/sqzjs/jsrt"
)

// supported reports whether sqzjs implements dialect d (dialect/all knows
// it); cases recorded for other dialects are skipped until they land.
func supported(d string) bool {
	_, err := all.New(dialect.Config{Dialect: dialect.Name(d)})
	return err == nil || !strings.Contains(err.Error(), "not available")
}

// sections compared for every case and dialect.
var sections = []string{"sql", "result", "error", "schema"}

type ledgerEntry struct {
	Case    string `json:"case"`
	Dialect string `json:"dialect"`
	Section string `json:"section"`
	Reason  string `json:"reason"`
}

func readLedger(t *testing.T) map[string]ledgerEntry {
	t.Helper()
	data, err := os.ReadFile("../known_differences.json")
	if err != nil {
		t.Fatalf("reading the known-differences ledger: %v", err)
	}
	var entries []ledgerEntry
	if err := json.Unmarshal(data, &entries); err != nil {
		t.Fatalf("known_differences.json: %v", err)
	}
	out, problems := indexLedger(entries)
	for _, p := range problems {
		t.Errorf("known_differences.json: %s", p)
	}
	return out
}

// indexLedger keys the ledger's entries by case|dialect|section and says
// what is wrong with them: no reason, a dialect or section the suite does
// not compare, or the same difference listed twice.
func indexLedger(entries []ledgerEntry) (map[string]ledgerEntry, []string) {
	out := map[string]ledgerEntry{}
	var problems []string
	for _, e := range entries {
		id := e.Case + "/" + e.Dialect + "/" + e.Section
		if strings.TrimSpace(e.Reason) == "" {
			problems = append(problems, "entry "+id+" has no reason")
		}
		if !slices.Contains(casefile.Dialects, e.Dialect) {
			problems = append(problems, fmt.Sprintf("entry %s: unknown dialect %q", id, e.Dialect))
		}
		if !slices.Contains(sections, e.Section) {
			problems = append(problems, fmt.Sprintf("entry %s: unknown section %q (want one of %s)", id, e.Section, strings.Join(sections, ", ")))
		}
		key := e.Case + "|" + e.Dialect + "|" + e.Section
		if _, dup := out[key]; dup {
			problems = append(problems, "entry "+id+" is listed twice")
		}
		out[key] = e
	}
	return out, problems
}

// compareSection compares one section of sqzjs's run with Sequelize's
// recording against the ledger: it reports whether the run differs as the
// ledger says (known), or what is wrong: a difference the ledger does not
// list, or a listed difference that no longer happens.
func compareSection(section, want, have string, entry ledgerEntry, listed bool) (known bool, problem string) {
	switch {
	case want == have && listed:
		return false, fmt.Sprintf("%s: matches Sequelize now; remove its known_differences.json entry (%s)", section, entry.Reason)
	case want != have && listed:
		return true, ""
	case want != have:
		return false, fmt.Sprintf("%s differs from Sequelize (-sequelize +sqzjs):\n%s", section, diff(want, have))
	}
	return false, ""
}

// unusedEntries lists the ledger entries that name no case file, and those
// whose case ran on their dialect without the entry being looked at.
func unusedEntries(ledger map[string]ledgerEntry, exists, ran, used map[string]bool) []string {
	var out []string
	for key, e := range ledger {
		id := e.Case + "/" + e.Dialect + "/" + e.Section
		switch {
		case !exists[e.Case]:
			out = append(out, "known_differences.json: "+id+" names no case file")
		case !used[key] && ran[e.Case+"|"+e.Dialect]:
			out = append(out, "known_differences.json: "+id+" matches no case run")
		}
	}
	sort.Strings(out)
	return out
}

func caseFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir("../cases", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".txtar") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// TestCases runs every recorded case through sqzjs and compares the
// statements, the result (or error) and the schema with what real Sequelize
// recorded. A difference listed in known_differences.json is expected; a
// listed difference that no longer happens fails too, so the ledger always
// says exactly where sqzjs differs.
func TestCases(t *testing.T) {
	ledger := readLedger(t)
	used := map[string]bool{}
	var mu sync.Mutex
	var results []caseResult
	ran := map[string]bool{} // case|dialect pairs whose sections were all compared
	defer writeResults(t, &results)
	serializeJS, err := os.ReadFile("../oracle/serialize.js")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("group", func(t *testing.T) {
		for _, file := range caseFiles(t) {
			name := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(file), "../cases/"), ".txtar")
			c, err := casefile.ReadFile(file)
			if err != nil {
				t.Errorf("%s: %v", file, err)
				continue
			}
			for _, d := range c.RunDialects() {
				rec := c.Recordings[d]
				t.Run(name+"/"+d, func(t *testing.T) {
					t.Parallel()
					res := caseResult{Case: name, Dialect: d, Input: c.Input}
					compared := false
					t.Cleanup(func() {
						switch {
						case t.Skipped():
							res.Status = "skip"
						case t.Failed():
							res.Status = "fail"
						case len(res.Known) > 0:
							res.Status = "known"
						default:
							res.Status = "pass"
						}
						mu.Lock()
						results = append(results, res)
						if compared {
							ran[name+"|"+d] = true
						}
						mu.Unlock()
					})
					if rec == nil {
						t.Fatalf("no %s recording: record the case with `go run ./compat-tests/cmd/record %s`", d, file)
					}
					if !supported(d) {
						t.Skipf("the %s dialect is not implemented yet", d)
					}
					got := runCase(t, c, d, string(serializeJS))
					for _, sec := range sections {
						want, have := expected(rec, sec), got[sec]
						key := name + "|" + d + "|" + sec
						mu.Lock()
						entry, known := ledger[key]
						if known {
							used[key] = true
						}
						mu.Unlock()
						isKnown, problem := compareSection(sec, want, have, entry, known)
						if isKnown {
							res.Known = append(res.Known, sec)
						}
						if problem != "" {
							t.Error(problem)
						}
					}
					compared = true
				})
			}
		}
	})
	if f := flag.Lookup("test.run"); f != nil && f.Value.String() != "" {
		return // a subset ran: unused ledger entries say nothing
	}
	exists := map[string]bool{}
	for _, file := range caseFiles(t) {
		exists[strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(file), "../cases/"), ".txtar")] = true
	}
	for _, p := range unusedEntries(ledger, exists, ran, used) {
		t.Error(p)
	}
}

// caseResult is one case × dialect outcome, for the compatibility report
// (compat-tests/cmd/report): pass, known (differs only where the ledger
// says), fail or skip.
type caseResult struct {
	Case    string   `json:"case"`
	Dialect string   `json:"dialect"`
	Status  string   `json:"status"`
	Known   []string `json:"known,omitempty"`
	Input   string   `json:"input"`
}

// writeResults writes the outcomes to $SQZJS_COMPAT_RESULTS when it is set
// (make compat sets it and renders compat-tests/REPORT.md from it).
func writeResults(t *testing.T, results *[]caseResult) {
	path := os.Getenv("SQZJS_COMPAT_RESULTS")
	if path == "" {
		return
	}
	sort.Slice(*results, func(i, j int) bool {
		a, b := (*results)[i], (*results)[j]
		if a.Case != b.Case {
			return a.Case < b.Case
		}
		return a.Dialect < b.Dialect
	})
	data, err := json.MarshalIndent(*results, "", "  ")
	if err == nil {
		err = os.WriteFile(path, data, 0o644)
	}
	if err != nil {
		t.Errorf("writing the compatibility results: %v", err)
	}
}

// expected renders the recorded section the way runCase renders sqzjs's.
func expected(rec *casefile.Recording, section string) string {
	switch section {
	case "sql":
		var logged []casefile.Statement
		for _, st := range rec.Statements {
			if !st.Unlogged {
				logged = append(logged, st)
			}
		}
		return casefile.FormatStatements(logged)
	case "result":
		return rec.Result
	case "error":
		return rec.Error
	case "schema":
		return rec.Schema
	}
	return ""
}

// runCase runs the case's input.js with sqzjs on a fresh database of the
// dialect and renders the sections.
func runCase(t *testing.T, c *casefile.Case, d string, serializeJS string) map[string]string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	db := freshdb.ForTest(t, d)

	cfg := map[string]any{"dialect": d}
	if c.Options != nil && len(c.Options.Sequelize) > 0 {
		if err := json.Unmarshal(c.Options.Sequelize, &cfg); err != nil {
			t.Fatalf("options.sequelize: %v", err)
		}
		cfg["dialect"] = d
	}
	dcfg := dialect.Config{Dialect: dialect.Name(d), Storage: db.Conn.Storage, Database: db.Conn.Database,
		Host: db.Conn.Host, Username: db.Conn.Username, Password: db.Conn.Password}
	if tz, ok := cfg["timezone"].(string); ok {
		dcfg.Timezone = tz
	}
	// The connection fields, as run-case.js gives them to the Sequelize
	// constructor (sequelize.config.database is visible to migrations).
	for k, v := range map[string]string{"storage": db.Conn.Storage, "host": db.Conn.Host, "username": db.Conn.Username, "password": db.Conn.Password, "database": db.Conn.Database} {
		if v != "" {
			cfg[k] = v
		}
	}
	if db.Conn.Port != 0 {
		cfg["port"] = db.Conn.Port
		dcfg.Port = fmt.Sprint(db.Conn.Port)
	}
	if do, ok := cfg["dialectOptions"].(map[string]any); ok {
		dcfg.DialectOptions = do
	}
	cfg["logging"] = false

	out := map[string]string{}
	var stmts []casefile.Statement
	var smu sync.Mutex
	fsys := fstest.MapFS{
		"case/input.js":     {Data: []byte(c.Input)},
		"case/serialize.js": {Data: []byte(serializeJS)},
	}
	rt, err := jsrt.New(jsrt.Options{FS: fsys, Cwd: "/case", Env: map[string]string{"TZ": "UTC"}, Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	dl, err := all.New(dcfg)
	if err != nil {
		out["error"] = errorJSON(t, err.Error())
		return finish(t, out, stmts, db, d)
	}
	conn, err := dl.Open(ctx, dcfg)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := bridge.New(ctx, rt, bridge.Options{
		Dialect: dl, Connector: conn, Config: cfg,
		OnStatement: func(st bridge.Statement) {
			if st.Internal {
				return
			}
			smu.Lock()
			defer smu.Unlock()
			s := casefile.Statement{SQL: casefile.MaskNames(casefile.MaskUUIDs(st.SQL), db.Name, db.Conn.Storage)}
			if st.Params != nil {
				b, err := json.Marshal(jsonParams(st.Params))
				if err == nil {
					s.Bind = json.RawMessage(casefile.MaskUUIDs(string(b)))
				}
			} else if st.Named != nil {
				s.Bind = namedJSON(st.Named)
			}
			stmts = append(stmts, s)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()

	_, err = rt.Loop().Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		ser, err := rt.Require("/case/serialize.js")
		if err != nil {
			return nil, err
		}
		vm.Set("__ser", ser)
		mod, err := rt.Require("/case/input.js")
		if err != nil {
			return nil, err
		}
		vm.Set("__mod", mod)
		vm.Set("__qi", sess.QueryInterface())
		vm.Set("__S", sess.Sequelize())
		return vm.RunString(`__mod.up.call(__mod, __qi, __S).then(
			(v) => { globalThis.__out = { result: __ser.stringify(v) }; },
			(e) => { globalThis.__out = { error: JSON.stringify(__ser.describeError(e)) }; })`)
	})
	if err != nil {
		t.Fatalf("running input.js: %v", err)
	}
	_, err = rt.Loop().Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		o := vm.Get("__out").ToObject(vm)
		for _, k := range []string{"result", "error"} {
			if v := o.Get(k); v != nil && !goja.IsUndefined(v) {
				f, err := casefile.FormatJSON([]byte(v.String()))
				if err != nil {
					return nil, err
				}
				out[k] = casefile.MaskConnIDs(casefile.MaskNames(casefile.MaskUUIDs(f), db.Name, db.Conn.Storage))
			}
		}
		return goja.Undefined(), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sess.Close()
	return finish(t, out, stmts, db, d)
}

func finish(t *testing.T, out map[string]string, stmts []casefile.Statement, db *freshdb.DB, d string) map[string]string {
	t.Helper()
	out["sql"] = casefile.FormatStatements(stmts)
	schema, err := schemadump.Dump(context.Background(), db.DB, d, schemadump.Options{Database: db.Name})
	if err != nil {
		t.Fatalf("dumping the schema: %v", err)
	}
	out["schema"] = schema
	if !strings.HasSuffix(out["schema"], "\n") && out["schema"] != "" {
		out["schema"] += "\n"
	}
	return out
}

// errorJSON is describeError's shape for an Error thrown by the Sequelize
// constructor (sqzjs reports it before any connection).
func errorJSON(t *testing.T, msg string) string {
	b, _ := json.Marshal(struct {
		Name            string  `json:"name"`
		Message         string  `json:"message"`
		SQL             *string `json:"sql"`
		OriginalCode    *string `json:"originalCode"`
		OriginalMessage *string `json:"originalMessage"`
	}{Name: "Error", Message: msg})
	s, err := casefile.FormatJSON(b)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// jsonParams renders bind values as serialize.js would.
func jsonParams(p []any) []any {
	out := make([]any, len(p))
	for i, v := range p {
		switch x := v.(type) {
		case time.Time:
			out[i] = map[string]string{"$date": x.UTC().Format("2006-01-02T15:04:05.000Z")}
		case []byte:
			out[i] = map[string]string{"$bytes": fmt.Sprintf("%x", x)}
		case dialect.Undefined:
			out[i] = map[string]bool{"$undefined": true}
		case *dialect.Object:
			out[i] = namedJSON(x)
		case []any:
			out[i] = jsonParams(x)
		default:
			out[i] = x
		}
	}
	return out
}

// namedJSON renders named binds as an object, keys in the order given.
func namedJSON(o *dialect.Object) json.RawMessage {
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range o.Keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k.Name)
		vb, _ := json.Marshal(jsonParams([]any{o.Values[i]})[0])
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return json.RawMessage(b.String())
}

// diff shows the lines that differ, with a little context.
func diff(want, have string) string {
	a, b := strings.Split(want, "\n"), strings.Split(have, "\n")
	var out []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i++
			j++
		case j < len(b) && slices.Contains(a[i:], b[j]) && i < len(a):
			out = append(out, "-"+a[i])
			i++
		case i < len(a) && (j >= len(b) || !slices.Contains(b[j:], a[i])):
			out = append(out, "-"+a[i])
			i++
		default:
			out = append(out, "+"+b[j])
			j++
		}
	}
	return strings.Join(out, "\n")
}
