package casefile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
)

// Dialects lists every dialect a case can be recorded for, in the order their
// sections appear in a case file. A case without options.json runs on all of
// them.
var Dialects = []string{"sqlite", "postgres", "mysql", "mariadb"}

// Section name suffixes of the per-dialect sections, in file order.
const (
	SuffixSQL    = ".sql"
	SuffixResult = ".result"
	SuffixError  = ".error"
	SuffixSchema = ".schema"
)

// Names of the sections every case may have.
const (
	InputSection   = "input.js"
	OptionsSection = "options.json"
)

// Case is one parsed case file.
type Case struct {
	// Comment is the free text before the first section ("" for none).
	Comment string
	// Input is the input.js section: a CommonJS module exporting
	// up(queryInterface, Sequelize).
	Input string
	// Options is the parsed options.json section, nil when the case has none.
	Options *Options
	// Recordings holds the recorded sections per dialect name. A dialect
	// without any section has no entry.
	Recordings map[string]*Recording
}

// Options is the options.json section.
type Options struct {
	// Dialects limits the dialects the case runs on (default: all [Dialects]).
	Dialects []string `json:"dialects,omitempty"`
	// Sequelize holds extra options for the Sequelize constructor, e.g.
	// {"timezone": "+02:00"}, kept as written (key order included).
	Sequelize json.RawMessage `json:"sequelize,omitempty"`
	// Note says why the case exists.
	Note string `json:"note,omitempty"`
}

// Recording is what one dialect's sections hold.
type Recording struct {
	// Statements is the <dialect>.sql section; nil when the section is
	// absent, non-nil (possibly empty) when present.
	Statements []Statement
	// Result is the <dialect>.result section: the serialized value up()
	// resolved to, as JSON indented by two spaces with a final newline; ""
	// when absent.
	Result string
	// Error is the <dialect>.error section: the error up() rejected with, as
	// JSON indented by two spaces with a final newline; "" when absent.
	Error string
	// Schema is the <dialect>.schema section (compat-tests/schemadump output);
	// "" when absent.
	Schema string
}

// RunDialects returns the dialects the case runs on: its options' list, or
// every dialect.
func (c *Case) RunDialects() []string {
	if c.Options != nil && len(c.Options.Dialects) > 0 {
		return slices.Clone(c.Options.Dialects)
	}
	return slices.Clone(Dialects)
}

// ParseError is returned by [Parse] for malformed input. Line counts from 1
// in the whole case file.
type ParseError struct {
	File    string // set by [ReadFile]
	Line    int
	Section string // "" for file-level problems
	Msg     string
}

func (e *ParseError) Error() string {
	where := fmt.Sprintf("line %d", e.Line)
	if e.File != "" {
		where = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Section == "" {
		return fmt.Sprintf("%s: %s", where, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", where, e.Section, e.Msg)
}

// ReadFile reads and parses the case file at path. A parse error is reported
// as "path:line: section: message".
func ReadFile(path string) (*Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("casefile: %w", err)
	}
	c, err := Parse(data)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.File = path
			return nil, pe
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// section is one txtar file entry with the line its data starts on.
type section struct {
	name     string
	data     string
	line     int // line number of the first data line
	nameLine int // line number of the marker
}

// isMarker reports whether line is a txtar file marker, and its name.
func isMarker(line string) (string, bool) {
	line = strings.TrimSuffix(line, "\r")
	if !strings.HasPrefix(line, "-- ") || !strings.HasSuffix(line, " --") || len(line) < 6 {
		return "", false
	}
	name := strings.TrimSpace(line[3 : len(line)-3])
	return name, name != ""
}

// splitArchive splits txtar data into its comment and sections, keeping line
// numbers. It follows the txtar format: a marker line is "-- NAME --".
func splitArchive(data string) (string, []section) {
	lines := strings.SplitAfter(data, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	var comment strings.Builder
	var secs []section
	cur := &comment
	for i, l := range lines {
		if name, ok := isMarker(strings.TrimSuffix(l, "\n")); ok {
			if len(secs) > 0 {
				secs[len(secs)-1].data = fixNL(cur.String())
			}
			secs = append(secs, section{name: name, line: i + 2, nameLine: i + 1})
			cur = &strings.Builder{}
			continue
		}
		cur.WriteString(l)
	}
	if len(secs) == 0 {
		return fixNL(comment.String()), nil
	}
	secs[len(secs)-1].data = fixNL(cur.String())
	return fixNL(comment.String()), secs
}

func fixNL(s string) string {
	if s == "" || strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

// dialectSection splits "sqlite.sql" into ("sqlite", ".sql").
func dialectSection(name string) (dialect, suffix string, ok bool) {
	i := strings.IndexByte(name, '.')
	if i < 0 {
		return "", "", false
	}
	dialect, suffix = name[:i], name[i:]
	if !slices.Contains(Dialects, dialect) {
		return "", "", false
	}
	switch suffix {
	case SuffixSQL, SuffixResult, SuffixError, SuffixSchema:
		return dialect, suffix, true
	}
	return "", "", false
}

// Parse parses a case file. Unknown or repeated sections, a missing input.js,
// invalid options.json, malformed statements and non-JSON result/error
// sections are errors of type [*ParseError] naming the line.
func Parse(data []byte) (*Case, error) {
	comment, secs := splitArchive(string(data))
	c := &Case{Comment: comment, Recordings: map[string]*Recording{}}
	seen := map[string]bool{}
	hasInput := false
	for _, s := range secs {
		if seen[s.name] {
			return nil, &ParseError{Line: s.nameLine, Section: s.name, Msg: "section appears twice"}
		}
		seen[s.name] = true
		switch s.name {
		case InputSection:
			c.Input = s.data
			hasInput = true
			continue
		case OptionsSection:
			opts, err := parseOptions(s.data)
			if err != nil {
				return nil, &ParseError{Line: s.line, Section: s.name, Msg: err.Error()}
			}
			c.Options = opts
			continue
		}
		dialect, suffix, ok := dialectSection(s.name)
		if !ok {
			return nil, &ParseError{Line: s.nameLine, Section: s.name, Msg: fmt.Sprintf(
				"unknown section (want %s, %s or <dialect>%s|%s|%s|%s with dialect one of %s)",
				InputSection, OptionsSection, SuffixSQL, SuffixResult, SuffixError, SuffixSchema, strings.Join(Dialects, ", "))}
		}
		rec := c.Recordings[dialect]
		if rec == nil {
			rec = &Recording{}
			c.Recordings[dialect] = rec
		}
		switch suffix {
		case SuffixSQL:
			stmts, err := ParseStatements(s.data)
			if err != nil {
				var se *StatementError
				if errors.As(err, &se) {
					return nil, &ParseError{Line: s.line + se.Line - 1, Section: s.name, Msg: se.Msg}
				}
				return nil, &ParseError{Line: s.line, Section: s.name, Msg: err.Error()}
			}
			rec.Statements = stmts
		case SuffixResult, SuffixError:
			text, err := FormatJSON([]byte(s.data))
			if err != nil {
				return nil, &ParseError{Line: s.line, Section: s.name, Msg: err.Error()}
			}
			if suffix == SuffixResult {
				rec.Result = text
			} else {
				rec.Error = text
			}
		case SuffixSchema:
			rec.Schema = s.data
		}
		if rec.Result != "" && rec.Error != "" {
			return nil, &ParseError{Line: s.nameLine, Section: s.name, Msg: fmt.Sprintf("%s has both a %s and an %s section", dialect, SuffixResult, SuffixError)}
		}
	}
	if !hasInput {
		return nil, &ParseError{Line: 1, Msg: "missing required section " + InputSection}
	}
	return c, nil
}

func parseOptions(data string) (*Options, error) {
	dec := json.NewDecoder(strings.NewReader(data))
	dec.DisallowUnknownFields()
	var o Options
	if err := dec.Decode(&o); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if dec.More() {
		return nil, errors.New("invalid JSON: more than one value")
	}
	seen := map[string]bool{}
	for _, d := range o.Dialects {
		if !slices.Contains(Dialects, d) {
			return nil, fmt.Errorf("unknown dialect %q (want one of %s)", d, strings.Join(Dialects, ", "))
		}
		if seen[d] {
			return nil, fmt.Errorf("dialect %q listed twice", d)
		}
		seen[d] = true
	}
	if len(o.Sequelize) > 0 {
		if s := bytes.TrimSpace(o.Sequelize); len(s) == 0 || s[0] != '{' {
			return nil, errors.New(`"sequelize" must be a JSON object`)
		}
	}
	return &o, nil
}

// Format returns the case file text: the comment, input.js, options.json,
// then each dialect in [Dialects] order with its .sql, .result, .error and
// .schema sections. It fails when a section's text would contain a line that
// reads as a txtar file marker ("-- name --") or a recording is for an unknown
// dialect.
func (c *Case) Format() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(fixNL(c.Comment))
	add := func(name, data string) error {
		for _, line := range strings.Split(data, "\n") {
			if _, ok := isMarker(line); ok {
				return fmt.Errorf("casefile: section %s has a line that reads as a file marker: %q", name, line)
			}
		}
		fmt.Fprintf(&b, "-- %s --\n%s", name, fixNL(data))
		return nil
	}
	if err := add(InputSection, c.Input); err != nil {
		return nil, err
	}
	if c.Options != nil {
		data, err := formatOptions(c.Options)
		if err != nil {
			return nil, err
		}
		if err := add(OptionsSection, data); err != nil {
			return nil, err
		}
	}
	for name := range c.Recordings {
		if !slices.Contains(Dialects, name) {
			return nil, fmt.Errorf("casefile: recording for unknown dialect %q", name)
		}
	}
	for _, d := range Dialects {
		rec := c.Recordings[d]
		if rec == nil {
			continue
		}
		if rec.Result != "" && rec.Error != "" {
			return nil, fmt.Errorf("casefile: %s recording has both a result and an error", d)
		}
		parts := []struct{ suffix, data string }{
			{SuffixResult, rec.Result},
			{SuffixError, rec.Error},
			{SuffixSchema, rec.Schema},
		}
		if rec.Statements != nil {
			if err := add(d+SuffixSQL, FormatStatements(rec.Statements)); err != nil {
				return nil, err
			}
		}
		for _, p := range parts {
			if p.data == "" {
				continue
			}
			if err := add(d+p.suffix, p.data); err != nil {
				return nil, err
			}
		}
	}
	return b.Bytes(), nil
}

func formatOptions(o *Options) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(o); err != nil {
		return "", fmt.Errorf("casefile: options.json: %w", err)
	}
	return b.String(), nil
}

// FormatJSON returns JSON text indented by two spaces with a final newline:
// the form of the .result and .error sections. Key order and number spelling
// are kept as given.
func FormatJSON(raw []byte) (string, error) {
	var b bytes.Buffer
	if err := json.Indent(&b, bytes.TrimSpace(raw), "", "  "); err != nil {
		return "", fmt.Errorf("invalid JSON: %w", err)
	}
	b.WriteByte('\n')
	return b.String(), nil
}

// Placeholders run-case.js writes for what changes from one run to the next.
const (
	UUIDPlaceholder     = "<uuid>"
	DatabasePlaceholder = "<database>"
	StoragePlaceholder  = "<storage>"
)

var uuidPattern = regexp.MustCompile(`(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// MaskUUIDs replaces every UUID in s by "<uuid>", as run-case.js does for SQL
// text, bind values and error text (transaction ids appear in SAVEPOINT names).
func MaskUUIDs(s string) string {
	return uuidPattern.ReplaceAllString(s, UUIDPlaceholder)
}

// MaskNames replaces the sqlite storage path by "<storage>" and the database
// name by "<database>", as run-case.js does in statements, bind values,
// results and errors (every run gets a database with a random name). Empty
// names are left alone.
func MaskNames(s, database, storage string) string {
	if storage != "" && storage != ":memory:" {
		s = strings.ReplaceAll(s, storage, StoragePlaceholder)
	}
	if database != "" {
		s = strings.ReplaceAll(s, database, DatabasePlaceholder)
	}
	return s
}

// RunDocument is the JSON document compat-tests/oracle/run-case.js prints:
// the statements in order, the serialized result (null when up rejected) and
// the error (null when up resolved).
type RunDocument struct {
	Statements []Statement     `json:"statements"`
	Result     json.RawMessage `json:"result"`
	Error      json.RawMessage `json:"error"`
}

// RecordingFromRun builds a dialect's [Recording] from a run document (see
// [RunDocument]) and the schema dump taken after the run. Exactly one of
// result and error ends up set: the error when it is not null, the result
// otherwise.
func RecordingFromRun(doc []byte, schema string) (*Recording, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	var run RunDocument
	if err := dec.Decode(&run); err != nil {
		return nil, fmt.Errorf("casefile: run document: %w", err)
	}
	rec := &Recording{Statements: []Statement{}, Schema: fixNL(schema)}
	for i, st := range run.Statements {
		if isNull(st.Bind) {
			st.Bind = nil
		} else {
			var b bytes.Buffer
			if err := json.Compact(&b, st.Bind); err != nil {
				return nil, fmt.Errorf("casefile: run document: statement %d: bind: %w", i+1, err)
			}
			st.Bind = b.Bytes()
		}
		rec.Statements = append(rec.Statements, st)
	}
	var err error
	if !isNull(run.Error) {
		rec.Error, err = FormatJSON(run.Error)
	} else if len(run.Result) > 0 {
		rec.Result, err = FormatJSON(run.Result)
	} else {
		err = errors.New("no result")
	}
	if err != nil {
		return nil, fmt.Errorf("casefile: run document: %w", err)
	}
	return rec, nil
}

func isNull(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) == 0 || string(t) == "null"
}

var mariadbConnPattern = regexp.MustCompile(`\(conn([:=])-?\d+, `)

// MaskConnIDs replaces the connection id the mariadb connector puts in its
// error messages ("(conn=279, no: 1265, …") by "<id>", as run-case.js does.
func MaskConnIDs(s string) string {
	return mariadbConnPattern.ReplaceAllString(s, "(conn$1<id>, ")
}
