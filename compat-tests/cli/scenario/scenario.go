package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Dialects lists every dialect a scenario can be recorded for, in the order
// their sections appear in a scenario file.
var Dialects = []string{"sqlite", "postgres", "mysql", "mariadb"}

// DefaultStorage is the SQLite file a project's development configuration is
// assumed to name when the scenario does not say otherwise.
const DefaultStorage = "db/development.sqlite"

// NoNewline is the line added after output that does not end in a newline.
const NoNewline = `\ No newline at end of output`

// Unchanged is the text of a schema section whose dump is the same as the
// previous step's.
const Unchanged = "(unchanged)\n"

// ScenarioSection is the name of the section holding the project and steps.
const ScenarioSection = "scenario"

// Scenario is one parsed scenario file.
type Scenario struct {
	// Comment is the free text before the first section.
	Comment string
	// Project is the project folder, relative to the repository root.
	Project string
	// Dialects lists the dialects the scenario runs on; nil means all.
	Dialects []string
	// Storage is the SQLite file the project's development configuration
	// names, relative to the project ("" means [DefaultStorage]).
	Storage string
	// Files lists project files whose content is recorded after each step:
	// a path, a glob pattern (every file it matches), or a folder ending in
	// "/" (its listing).
	Files []string
	// Clock, when not zero, is the fixed time both tools run under (the
	// generators put it in file names; seeders' new Date() read it).
	Clock time.Time
	// Steps are the sequelize-cli command lines, as written.
	Steps []string
	// Recordings holds the recorded steps per dialect; a dialect without
	// any section has no entry.
	Recordings map[string][]Step
}

// Step is what one step did.
type Step struct {
	Stdout string // normalised and encoded (see [Encode])
	Stderr string
	Exit   int
	// Schema is the schemadump output after the step.
	Schema string
	// Files is the content of the scenario's files after the step ("" when
	// the scenario lists none).
	Files string
}

// RunDialects returns the dialects the scenario runs on.
func (s *Scenario) RunDialects() []string {
	if len(s.Dialects) > 0 {
		return slices.Clone(s.Dialects)
	}
	return slices.Clone(Dialects)
}

// StorageFile returns the project-relative SQLite file of the scenario.
func (s *Scenario) StorageFile() string {
	if s.Storage == "" {
		return DefaultStorage
	}
	return s.Storage
}

// ParseError is a malformed scenario file; Line counts from 1.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.File == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ReadFile reads and parses the scenario file at path.
func ReadFile(path string) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := Parse(data)
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = path
	}
	return s, err
}

type section struct {
	name     string
	data     string
	nameLine int
}

// markerLine matches a txtar file marker line, "-- name --".
var markerLine = regexp.MustCompile(`(?m)^-- (.+) --$`)

// marker reports whether line is a section marker, and its name.
func marker(line string) (string, bool) {
	m := markerLine.FindStringSubmatch(line)
	if m == nil || strings.TrimSpace(m[1]) == "" {
		return "", false
	}
	return strings.TrimSpace(m[1]), true
}

// split cuts txtar data into the comment and the sections.
func split(data string) (string, []section) {
	comment, secs, from := data, []section(nil), -1
	for _, m := range markerLine.FindAllStringSubmatchIndex(data, -1) {
		name, ok := marker(data[m[0]:m[1]])
		if !ok {
			continue
		}
		if from < 0 {
			comment = data[:m[0]]
		} else {
			secs[len(secs)-1].data = data[from:m[0]]
		}
		from = min(m[1]+1, len(data))
		secs = append(secs, section{name: name, nameLine: strings.Count(data[:m[0]], "\n") + 1})
	}
	if from >= 0 {
		secs[len(secs)-1].data = data[from:]
	}
	return comment, secs
}

// ParseScenario parses only the comment and the scenario section of a
// scenario file, ignoring the recordings (the recorder reads files whose
// steps changed since they were recorded this way).
func ParseScenario(data []byte) (*Scenario, error) {
	comment, secs := split(string(data))
	s := &Scenario{Comment: comment, Recordings: map[string][]Step{}}
	if len(secs) == 0 || secs[0].name != ScenarioSection {
		return nil, &ParseError{Line: 1, Msg: "the first section must be -- scenario --"}
	}
	if err := s.parseHeader(secs[0]); err != nil {
		return nil, err
	}
	return s, nil
}

// Parse parses a scenario file with its recordings. A recorded dialect must
// have every section of every step.
func Parse(data []byte) (*Scenario, error) {
	s, err := ParseScenario(data)
	if err != nil {
		return nil, err
	}
	_, secs := split(string(data))
	seen := map[string]bool{}
	for _, sec := range secs[1:] {
		if seen[sec.name] {
			return nil, &ParseError{Line: sec.nameLine, Msg: fmt.Sprintf("section %s appears twice", sec.name)}
		}
		seen[sec.name] = true
		d, n, kind, err := s.sectionName(sec.name)
		if err != nil {
			return nil, &ParseError{Line: sec.nameLine, Msg: err.Error()}
		}
		steps := s.Recordings[d]
		if steps == nil {
			steps = make([]Step, len(s.Steps))
			s.Recordings[d] = steps
		}
		st := &steps[n-1]
		switch kind {
		case "stdout":
			st.Stdout = sec.data
		case "stderr":
			st.Stderr = sec.data
		case "exit":
			code, err := strconv.Atoi(strings.TrimSpace(sec.data))
			if err != nil {
				return nil, &ParseError{Line: sec.nameLine + 1, Msg: fmt.Sprintf("%s: want an exit code, have %q", sec.name, sec.data)}
			}
			st.Exit = code
		case "schema":
			st.Schema = sec.data
			if sec.data == Unchanged && n == 1 {
				return nil, &ParseError{Line: sec.nameLine, Msg: sec.name + ": the first step's schema cannot be " + strings.TrimSpace(Unchanged)}
			}
		case "files":
			st.Files = sec.data
		}
	}
	for _, steps := range s.Recordings {
		for i := 1; i < len(steps); i++ {
			if steps[i].Schema == Unchanged {
				steps[i].Schema = steps[i-1].Schema
			}
		}
	}
	for _, d := range Dialects {
		if s.Recordings[d] == nil {
			continue
		}
		for n := 1; n <= len(s.Steps); n++ {
			for _, kind := range s.kinds() {
				if name := fmt.Sprintf("%s/%d.%s", d, n, kind); !seen[name] {
					return nil, &ParseError{Line: 1, Msg: fmt.Sprintf("%s has no section %s (re-record the scenario)", d, name)}
				}
			}
		}
	}
	return s, nil
}

func (s *Scenario) kinds() []string {
	k := []string{"stdout", "stderr", "exit", "schema"}
	if len(s.Files) > 0 {
		k = append(k, "files")
	}
	return k
}

func (s *Scenario) sectionName(name string) (dialect string, n int, kind string, err error) {
	d, rest, ok := strings.Cut(name, "/")
	num, kind, ok2 := strings.Cut(rest, ".")
	if !ok || !ok2 || !slices.Contains(Dialects, d) {
		return "", 0, "", fmt.Errorf("unknown section %s (want <dialect>/<step>.<stdout|stderr|exit|schema|files>)", name)
	}
	if !slices.Contains(s.RunDialects(), d) {
		return "", 0, "", fmt.Errorf("section %s: the scenario does not run on %s", name, d)
	}
	n, err = strconv.Atoi(num)
	if err != nil || n < 1 || n > len(s.Steps) || strconv.Itoa(n) != num {
		return "", 0, "", fmt.Errorf("section %s: no step %s (the scenario has %d)", name, num, len(s.Steps))
	}
	if !slices.Contains(s.kinds(), kind) {
		return "", 0, "", fmt.Errorf("section %s: unknown kind %q (want %s)", name, kind, strings.Join(s.kinds(), ", "))
	}
	return d, n, kind, nil
}

func (s *Scenario) parseHeader(sec section) error {
	lines := strings.Split(strings.TrimSuffix(sec.data, "\n"), "\n")
	for i, l := range lines {
		lineNo := sec.nameLine + 1 + i
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if key, val, ok := headerLine(l); ok {
			if len(s.Steps) > 0 {
				return &ParseError{Line: lineNo, Msg: fmt.Sprintf("header line %q after the first step", l)}
			}
			switch key {
			case "project":
				s.Project = val
			case "dialects":
				for _, d := range strings.Fields(val) {
					if !slices.Contains(Dialects, d) {
						return &ParseError{Line: lineNo, Msg: fmt.Sprintf("unknown dialect %q (want %s)", d, strings.Join(Dialects, ", "))}
					}
					s.Dialects = append(s.Dialects, d)
				}
			case "sqlite-storage":
				s.Storage = val
			case "files":
				s.Files = strings.Fields(val)
			case "clock":
				t, err := time.Parse(time.RFC3339, val)
				if err != nil {
					return &ParseError{Line: lineNo, Msg: fmt.Sprintf("clock: want an RFC 3339 time such as 2024-01-02T03:04:05Z, have %q", val)}
				}
				s.Clock = t.UTC()
			default:
				return &ParseError{Line: lineNo, Msg: fmt.Sprintf("unknown header %q (want project, dialects, sqlite-storage, files or clock)", key)}
			}
			continue
		}
		if _, err := Args(l); err != nil {
			return &ParseError{Line: lineNo, Msg: err.Error()}
		}
		s.Steps = append(s.Steps, l)
	}
	if s.Project == "" {
		return &ParseError{Line: sec.nameLine, Msg: "the scenario names no project (project: <folder>)"}
	}
	if len(s.Steps) == 0 {
		return &ParseError{Line: sec.nameLine, Msg: "the scenario has no steps"}
	}
	return nil
}

// headerLine splits "key: value" (key made of lower-case letters and
// dashes, then a colon and a space or the end of the line). A step such as
// "db:migrate --to x" is not a header line: its colon is followed by a letter.
func headerLine(l string) (key, val string, ok bool) {
	key, val, found := strings.Cut(l, ":")
	if !found || key == "" || (val != "" && val[0] != ' ' && val[0] != '\t') {
		return "", "", false
	}
	for _, c := range key {
		if (c < 'a' || c > 'z') && c != '-' {
			return "", "", false
		}
	}
	return key, strings.TrimSpace(val), true
}

// Format returns the scenario file text: the comment, the scenario section
// as written in header, and the recordings in [Dialects] order.
func (s *Scenario) Format(header string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(s.Comment)
	var err error
	add := func(name, data string) {
		if data != "" && !strings.HasSuffix(data, "\n") {
			data += "\n"
		}
		for _, l := range strings.Split(data, "\n") {
			if _, ok := marker(l); ok && err == nil {
				err = fmt.Errorf("section %s has a line that reads as a section marker: %q", name, l)
			}
		}
		fmt.Fprintf(&b, "-- %s --\n%s", name, data)
	}
	add(ScenarioSection, header)
	for _, d := range Dialects {
		steps, ok := s.Recordings[d]
		if !ok {
			continue
		}
		for i, st := range steps {
			p := fmt.Sprintf("%s/%d.", d, i+1)
			add(p+"stdout", st.Stdout)
			add(p+"stderr", st.Stderr)
			add(p+"exit", strconv.Itoa(st.Exit)+"\n")
			if i > 0 && st.Schema == steps[i-1].Schema {
				add(p+"schema", Unchanged)
			} else {
				add(p+"schema", st.Schema)
			}
			if len(s.Files) > 0 {
				add(p+"files", st.Files)
			}
		}
	}
	return b.Bytes(), err
}

// Header returns the scenario section's text as it appears in data.
func Header(data []byte) string {
	_, secs := split(string(data))
	if len(secs) == 0 {
		return ""
	}
	return secs[0].data
}

// Args splits a step into words like a POSIX shell would for plain words and
// '…' or "…" quoting (no variables, no escapes other than \" and \\ inside
// double quotes and \ outside quotes).
func Args(step string) ([]string, error) {
	var out []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(step); i++ {
		c := step[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		case c == '\'':
			j := strings.IndexByte(step[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("step %q: unterminated '", step)
			}
			cur.WriteString(step[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(step) && step[i] != '"'; i++ {
				if step[i] == '\\' && i+1 < len(step) && (step[i+1] == '"' || step[i+1] == '\\') {
					i++
				}
				cur.WriteByte(step[i])
			}
			if i >= len(step) {
				return nil, fmt.Errorf("step %q: unterminated \"", step)
			}
			inWord = true
		case c == '\\' && i+1 < len(step):
			i++
			cur.WriteByte(step[i])
			inWord = true
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		out = append(out, cur.String())
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty step")
	}
	return out, nil
}
