package postgres

import (
	"encoding/hex"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// A parser turns the text of a value into the JavaScript value pg gives
// the application: pg-types' parser for the type OID, or the one Sequelize's
// connection manager registered over it. name is the parser function's name
// (pg's Result lists the parsers in _parsers).
type parser struct {
	name string
	fn   func(string) any
}

// typeRegistry is Sequelize's connection manager state for parsing: the
// OIDs of the types its parsers are registered for, read by the type-OID
// query on the first connection and after enum DDL (_refreshDynamicOIDs).
// Types created later (an extension, an enum added by addColumn) are parsed
// by pg's defaults until the next refresh, as in Sequelize.
type typeRegistry struct {
	mu      sync.RWMutex
	loaded  bool
	parsers map[uint32]parser // oidParserMap
}

func newTypeRegistry() *typeRegistry {
	return &typeRegistry{parsers: map[uint32]parser{}}
}

func (r *typeRegistry) isLoaded() bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.loaded
}

type oidEntry struct {
	oid, arrayOID, rangeOID, arrayRangeOID uint32
}

// refresh is _refreshDynamicOIDs followed by refreshTypeParser: res is the
// result of the type-OID query.
func (r *typeRegistry) refresh(res []*pgResult) {
	if len(res) == 0 {
		return
	}
	last := res[len(res)-1]
	col := map[string]int{}
	for i, f := range last.fields {
		col[f.Name] = i
	}
	get := func(row [][]byte, name string) string {
		i, ok := col[name]
		if !ok || row[i] == nil {
			return ""
		}
		return string(row[i])
	}
	oidOf := func(s string) uint32 {
		n, _ := strconv.ParseUint(s, 10, 32)
		return uint32(n)
	}
	names := map[string]oidEntry{}
	var enumOIDs, enumArrayOIDs []uint32
	for _, row := range last.rows {
		if get(row, "typtype") == "e" {
			enumOIDs = append(enumOIDs, oidOf(get(row, "oid")))
			if a := oidOf(get(row, "typarray")); a != 0 {
				enumArrayOIDs = append(enumArrayOIDs, a)
			}
			continue
		}
		e := oidEntry{oid: oidOf(get(row, "oid")), arrayOID: oidOf(get(row, "typarray"))}
		if rt := oidOf(get(row, "rngtypid")); rt != 0 {
			e.rangeOID = rt
			e.arrayRangeOID = oidOf(get(row, "rngtyparray"))
		}
		names[get(row, "typname")] = e
	}

	r.mu.Lock()
	defer r.mu.Unlock()
	r.loaded = true
	// dataTypes.postgres in key order; only the types with their own parse.
	for _, t := range []struct {
		names []string
		fn    func(string) any
	}{
		{[]string{"numeric"}, identity},
		{[]string{"citext"}, identity},
		{[]string{"int4"}, parseInt},
		{[]string{"bool"}, parseBoolean},
		{[]string{"date"}, parseDateOnly},
		{[]string{"geometry"}, parseGeometry},
		{[]string{"geography"}, parseGeometry},
		{[]string{"hstore"}, parseHstore},
	} {
		for _, n := range t.names {
			e, ok := names[n]
			if !ok {
				continue
			}
			p := parser{name: "parser", fn: t.fn}
			r.parsers[e.oid] = p
			if e.arrayOID != 0 {
				r.parsers[e.arrayOID] = arrayParserOf(p)
			}
		}
	}
	for _, e := range names {
		if e.rangeOID == 0 {
			continue
		}
		sub := r.parserLocked(e.oid)
		rp := parser{name: "", fn: func(s string) any { return parseRange(s, sub.fn) }}
		r.parsers[e.rangeOID] = rp
		if e.arrayRangeOID != 0 {
			r.parsers[e.arrayRangeOID] = arrayParserOf(rp)
		}
	}
	for _, o := range enumOIDs {
		r.parsers[o] = parser{name: "parser", fn: identity}
	}
	for _, o := range enumArrayOIDs {
		r.parsers[o] = arrayParserOf(parser{fn: identity})
	}
}

// arrayParserOf is Sequelize's arrayParserBuilder: an (anonymous) arrow
// function parsing an array of p.
func arrayParserOf(p parser) parser {
	return parser{name: "", fn: func(s string) any { return parseArray(s, p.fn) }}
}

// parser returns the parser for a type OID.
func (r *typeRegistry) parser(oid uint32) parser {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.parserLocked(oid)
}

func (r *typeRegistry) parserLocked(oid uint32) parser {
	if p, ok := r.parsers[oid]; ok {
		return p
	}
	if p, ok := pgTypes[oid]; ok {
		return p
	}
	return parser{name: "noParse", fn: identity}
}

// pgTypes are pg-types' text parsers (lib/textParsers.js).
var pgTypes = map[uint32]parser{
	20:   {"parseBigInteger", parseBigInteger},
	21:   {"parseInteger", parseInt},
	23:   {"parseInteger", parseInt},
	26:   {"parseInteger", parseInt},
	700:  {"parseFloat", parseFloat},
	701:  {"parseFloat", parseFloat},
	16:   {"parseBool", parseBool},
	1082: {"parseDate", parseDate},
	1114: {"parseDate", parseDate},
	1184: {"parseDate", parseDate},
	600:  {"parsePoint", parsePoint},
	651:  {"parseStringArray", stringArray},
	718:  {"parseCircle", parseCircle},
	1000: {"parseBoolArray", func(s string) any { return parseArray(s, func(e string) any { return parseBool(e) }) }},
	1001: {"parseByteAArray", func(s string) any { return parseArray(s, parseByteA) }},
	1005: {"parseIntegerArray", intArray},
	1007: {"parseIntegerArray", intArray},
	1028: {"parseIntegerArray", intArray},
	1016: {"parseBigIntegerArray", func(s string) any {
		return parseArray(s, func(e string) any {
			v := parseBigInteger(e)
			if str, ok := v.(string); ok {
				return strings.TrimSpace(str)
			}
			return v
		})
	}},
	1017: {"parsePointArray", func(s string) any { return parseArray(s, parsePoint) }},
	1021: {"parseFloatArray", floatArray},
	1022: {"parseFloatArray", floatArray},
	1231: {"parseFloatArray", floatArray},
	1014: {"parseStringArray", stringArray},
	1015: {"parseStringArray", stringArray},
	1008: {"parseStringArray", stringArray},
	1009: {"parseStringArray", stringArray},
	1040: {"parseStringArray", stringArray},
	1041: {"parseStringArray", stringArray},
	1115: {"parseDateArray", func(s string) any { return parseArray(s, parseDate) }},
	1182: {"parseDateArray", func(s string) any { return parseArray(s, parseDate) }},
	1185: {"parseDateArray", func(s string) any { return parseArray(s, parseDate) }},
	1186: {"parse", parseInterval},
	1187: {"parseIntervalArray", func(s string) any { return parseArray(s, parseInterval) }},
	17:   {"parseBytea", parseByteA},
	114:  {"bound parse", sqlgen.ParseJSON},
	3802: {"bound parse", sqlgen.ParseJSON},
	199:  {"parseJsonArray", func(s string) any { return parseArray(s, sqlgen.ParseJSON) }},
	3807: {"parseJsonArray", func(s string) any { return parseArray(s, sqlgen.ParseJSON) }},
	3907: {"parseStringArray", stringArray},
	2951: {"parseStringArray", stringArray},
	791:  {"parseStringArray", stringArray},
	1183: {"parseStringArray", stringArray},
	1270: {"parseStringArray", stringArray},
}

func identity(s string) any { return s }

func stringArray(s string) any { return parseArray(s, identity) }
func intArray(s string) any    { return parseArray(s, parseInt) }
func floatArray(s string) any  { return parseArray(s, parseFloat) }

// parseInt is parseInt(value, 10).
func parseInt(s string) any {
	t := strings.TrimLeft(s, " \t\n\r")
	end := 0
	if end < len(t) && (t[end] == '-' || t[end] == '+') {
		end++
	}
	start := end
	for end < len(t) && t[end] >= '0' && t[end] <= '9' {
		end++
	}
	if end == start {
		return math.NaN()
	}
	f, err := strconv.ParseFloat(t[:end], 64)
	if err != nil {
		return math.NaN()
	}
	return f
}

var floatPrefixRE = lazyre.MustCompile(`^[+-]?(Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)`)

// parseFloat is JavaScript's parseFloat.
func parseFloat(s string) any {
	m := floatPrefixRE().FindString(strings.TrimLeft(s, " \t\n\r"))
	if m == "" {
		if strings.EqualFold(strings.TrimSpace(s), "NaN") {
			return math.NaN()
		}
		return math.NaN()
	}
	switch strings.TrimLeft(m, "+-") {
	case "Infinity":
		if strings.HasPrefix(m, "-") {
			return math.Inf(-1)
		}
		return math.Inf(1)
	}
	f, _ := strconv.ParseFloat(m, 64)
	return f
}

// parseBigInteger is pg-types' parseBigInteger, which returns the text
// whether or not it is all digits.
func parseBigInteger(s string) any {
	return s
}

// parseBool is pg-types' boolean parser.
func parseBool(s string) any {
	switch s {
	case "TRUE", "t", "true", "y", "yes", "on", "1":
		return true
	}
	return false
}

// parseBoolean is Sequelize's BOOLEAN.parse (_sanitize) for the text pg
// sends.
func parseBoolean(s string) any {
	switch s {
	case "true", "t":
		return true
	case "false", "f":
		return false
	}
	return s
}

// parseDateOnly is Sequelize's DATEONLY.parse: the text, or ±Infinity.
func parseDateOnly(s string) any {
	switch s {
	case "infinity":
		return math.Inf(1)
	case "-infinity":
		return math.Inf(-1)
	}
	return s
}

var (
	dateTimeRE = lazyre.MustCompile(`(\d{1,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,})?.*?( BC)?$`)
	dateRE     = lazyre.MustCompile(`^(\d{1,})-(\d{2})-(\d{2})( BC)?$`)
	zoneRE     = lazyre.MustCompile(`([Z+-])(\d{2})?:?(\d{2})?:?(\d{2})?`)
)

// parseDate is postgres-date: a Date (time.Time, millisecond precision),
// ±Infinity, or null.
func parseDate(s string) any {
	if s == "infinity" {
		return math.Inf(1)
	}
	if s == "-infinity" {
		return math.Inf(-1)
	}
	m := dateTimeRE().FindStringSubmatch(s)
	if m == nil {
		d := dateRE().FindStringSubmatch(s)
		if d == nil {
			return nil
		}
		year, _ := strconv.Atoi(d[1])
		if d[4] != "" {
			year = -(year - 1)
		}
		month, _ := strconv.Atoi(d[2])
		day, _ := strconv.Atoi(d[3])
		return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.Local)
	}
	year, _ := strconv.Atoi(m[1])
	if m[8] != "" {
		year = -(year - 1)
	}
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	hour, _ := strconv.Atoi(m[4])
	minute, _ := strconv.Atoi(m[5])
	sec, _ := strconv.Atoi(m[6])
	ms := 0
	if m[7] != "" {
		f, _ := strconv.ParseFloat(m[7], 64)
		ms = int(f * 1000)
	}
	if off, ok := zoneOffset(s); ok {
		t := time.Date(year, time.Month(month), day, hour, minute, sec, ms*1e6, time.UTC)
		return t.Add(-time.Duration(off) * time.Millisecond)
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, ms*1e6, time.Local)
}

func zoneOffset(s string) (int, bool) {
	if strings.HasSuffix(s, "+00") {
		return 0, true
	}
	parts := strings.Split(s, " ")
	if len(parts) < 2 {
		return 0, false
	}
	z := zoneRE().FindStringSubmatch(parts[1])
	if z == nil {
		return 0, false
	}
	if z[1] == "Z" {
		return 0, true
	}
	sign := 1
	if z[1] == "-" {
		sign = -1
	}
	h, err := strconv.Atoi(z[2])
	if err != nil {
		return 0, false // parseInt(undefined) is NaN: an invalid Date
	}
	mi, _ := strconv.Atoi(z[3])
	se, _ := strconv.Atoi(z[4])
	return (h*3600 + mi*60 + se) * sign * 1000, true
}

// parseByteA is postgres-bytea.
func parseByteA(s string) any {
	if strings.HasPrefix(s, `\x`) {
		b, _ := hex.DecodeString(s[2:])
		if b == nil {
			b = []byte{}
		}
		return b
	}
	var out []byte
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			out = append(out, s[i])
			i++
			continue
		}
		if i+3 < len(s)+0 && isOctal(s[i+1]) && isOctal(s[i+2]) && isOctal(s[i+3]) {
			n, _ := strconv.ParseUint(s[i+1:i+4], 8, 8)
			out = append(out, byte(n))
			i += 4
			continue
		}
		k := 1
		for i+k < len(s) && s[i+k] == '\\' {
			k++
		}
		for j := 0; j < k/2; j++ {
			out = append(out, '\\')
		}
		i += (k / 2) * 2
		if k/2 == 0 {
			i++
		}
	}
	if out == nil {
		out = []byte{}
	}
	return out
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }

// parsePoint is pg-types' point parser: {x, y}.
func parsePoint(s string) any {
	if !strings.HasPrefix(s, "(") {
		return nil
	}
	parts := strings.Split(s[1:len(s)-1], ",")
	o := &dialect.Object{}
	o.Set(dialect.Key{Name: "x"}, parseFloat(parts[0]))
	y := any(math.NaN())
	if len(parts) > 1 {
		y = parseFloat(parts[1])
	}
	o.Set(dialect.Key{Name: "y"}, y)
	return o
}

func parseCircle(s string) any {
	if len(s) < 2 || (s[0] != '<' && s[1] != '(') {
		return nil
	}
	point, radius := "(", ""
	parsed := false
	for i := 2; i < len(s)-1; i++ {
		if !parsed {
			point += string(s[i])
		}
		if s[i] == ')' {
			parsed = true
			continue
		} else if !parsed {
			continue
		}
		if s[i] == ',' {
			continue
		}
		radius += string(s[i])
	}
	o, _ := parsePoint(point).(*dialect.Object)
	if o == nil {
		return nil
	}
	o.Set(dialect.Key{Name: "radius"}, parseFloat(radius))
	return o
}

var intervalRE = lazyre.MustCompile(`(([+-]?\d+)\s+years?)?\s*(([+-]?\d+)\s+mons?)?\s*(([+-]?\d+)\s+days?)?\s*(([+-])?([\d]*):(\d\d):(\d\d)\.?(\d{1,6})?)?`)

// parseInterval is postgres-interval: a PostgresInterval with the non-zero
// parts.
func parseInterval(s string) any {
	o := &dialect.Object{Class: "PostgresInterval"}
	if s == "" {
		return o
	}
	m := intervalRE().FindStringSubmatch(s)
	if m == nil {
		return o
	}
	negative := m[8] == "-"
	for _, p := range []struct {
		name string
		pos  int
	}{{"years", 2}, {"months", 4}, {"days", 6}, {"hours", 9}, {"minutes", 10}, {"seconds", 11}, {"milliseconds", 12}} {
		v := m[p.pos]
		if v == "" {
			continue
		}
		var f float64
		if p.name == "milliseconds" {
			us := v + "000000"[len(v):]
			n, _ := strconv.Atoi(us)
			f = float64(n) / 1000
		} else {
			n, _ := strconv.Atoi(v)
			f = float64(n)
		}
		if f == 0 {
			continue
		}
		if negative && p.pos >= 9 {
			f = -f
		}
		o.Set(dialect.Key{Name: p.name}, f)
	}
	return o
}

// parseHstore is pg-hstore's parse: an object of strings (or null).
func parseHstore(s string) any {
	o := &dialect.Object{}
	matches := hstoreRE().FindAllString(s, -1)
	clean := func(v string) string {
		v = strings.TrimPrefix(v, `"`)
		v = strings.TrimSuffix(v, `"`)
		v = strings.ReplaceAll(v, `\"`, `"`)
		v = strings.ReplaceAll(v, `\\`, `\`)
		v = strings.ReplaceAll(v, `''`, `'`)
		return v
	}
	for i := 0; i+1 < len(matches); i += 2 {
		if matches[i] == "" || matches[i+1] == "" {
			continue
		}
		var v any
		if matches[i+1] != "NULL" {
			v = clean(matches[i+1])
		}
		o.Set(dialect.Key{Name: clean(matches[i])}, v)
	}
	return o
}

var hstoreRE = lazyre.MustCompile(`"(?:\\"|\\\\|[\s\S])*?"|NULL`)

// parseRange is Sequelize's range parse: [] for empty, else two bounds
// {value, inclusive}.
func parseRange(s string, sub func(string) any) any {
	if s == "empty" {
		return []any{}
	}
	if len(s) < 2 {
		return s
	}
	inner := s[1 : len(s)-1]
	parts := strings.SplitN(inner, ",", 3)
	if len(parts) < 2 {
		return s
	}
	parts = parts[:2]
	out := make([]any, 2)
	for i, item := range parts {
		var v any
		switch {
		case item == "":
			v = nil
		case item == "infinity":
			v = math.Inf(1)
		case item == "-infinity":
			v = math.Inf(-1)
		default:
			v = sub(item)
		}
		inclusive := s[0] == '['
		if i == 1 {
			inclusive = s[len(s)-1] == ']'
		}
		b := &dialect.Object{}
		b.Set(dialect.Key{Name: "value"}, v)
		b.Set(dialect.Key{Name: "inclusive"}, inclusive)
		out[i] = b
	}
	return out
}

// parseArray is postgres-array's parse with a transform for non-null
// entries.
func parseArray(src string, transform func(string) any) any {
	p := &arrayParser{src: src, transform: transform}
	return p.parse(false)
}

type arrayParser struct {
	src       string
	pos       int
	entries   []any
	recorded  []byte
	dimension int
	transform func(string) any
}

func (p *arrayParser) next() (byte, bool) {
	c := p.src[p.pos]
	p.pos++
	if c == '\\' && p.pos < len(p.src) {
		c = p.src[p.pos]
		p.pos++
		return c, true
	}
	return c, false
}

func (p *arrayParser) newEntry(includeEmpty bool) {
	if len(p.recorded) > 0 || includeEmpty {
		entry := string(p.recorded)
		var v any
		if entry == "NULL" && !includeEmpty {
			v = nil
		} else {
			v = p.transform(entry)
		}
		p.entries = append(p.entries, v)
		p.recorded = p.recorded[:0]
	}
}

func (p *arrayParser) parse(nested bool) []any {
	if strings.HasPrefix(p.src, "[") {
		for p.pos < len(p.src) {
			c, _ := p.next()
			if c == '=' {
				break
			}
		}
	}
	quote := false
	for p.pos < len(p.src) {
		c, escaped := p.next()
		switch {
		case c == '{' && !quote:
			p.dimension++
			if p.dimension > 1 {
				sub := &arrayParser{src: p.src[p.pos-1:], transform: p.transform}
				p.entries = append(p.entries, sub.parse(true))
				p.pos += sub.pos - 2
			}
		case c == '}' && !quote:
			p.dimension--
			if p.dimension == 0 {
				p.newEntry(false)
				if nested {
					return p.entries
				}
			}
		case c == '"' && !escaped:
			if quote {
				p.newEntry(true)
			}
			quote = !quote
		case c == ',' && !quote:
			p.newEntry(false)
		default:
			p.recorded = append(p.recorded, c)
		}
	}
	if p.entries == nil {
		return []any{}
	}
	return p.entries
}
