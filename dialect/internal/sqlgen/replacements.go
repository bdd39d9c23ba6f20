package sqlgen

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

var (
	dollarTagRE   = lazyre.MustCompile(`^\$([a-zA-Z_][0-9a-zA-Z_]*)?\$`)
	namedReplRE   = lazyre.MustCompile(`^:([a-zA-Z_][0-9a-zA-Z_]*)(?:\)|,|$|\s|::|;|\])`)
	identCharRE   = lazyre.MustCompile(`^[0-9a-zA-Z_]$`)
	newTokenPrior = lazyre.MustCompile(`^[\s(>,=]$`)
)

func canPrecedeNewToken(prev string) bool {
	return prev == "" || newTokenPrior().MatchString(prev)
}

// charAt returns s[i] as a one-character string, "" outside s (JavaScript's
// undefined).
func charAt(s string, i int) string {
	if i < 0 || i >= len(s) {
		return ""
	}
	return s[i : i+1]
}

func isBackslashEscaped(s string, pos int) bool {
	escaped := false
	for i := pos; i >= 0; i-- {
		if s[i] != '\\' {
			break
		}
		escaped = !escaped
	}
	return escaped
}

// InjectReplacements replaces :name (object) or ? (array) placeholders
// outside strings, quoted identifiers, dollar-quoted strings and comments,
// as Sequelize's injectReplacements does. Values are escaped in the process
// time zone with list formatting (format = true).
func (f Flavor) InjectReplacements(sql string, replacements any) (string, error) {
	if replacements == nil {
		return sql, nil
	}
	named, isNamed := replacements.(*dialect.Object)
	positional, isPositional := replacements.([]any)
	if !isNamed && !isPositional {
		return "", fmt.Errorf(`TypeError: "replacements" must be an array or a plain object, but received %s instead.`, dialect.Describe(replacements))
	}
	backslash := f.BackslashEscapes
	tick := f.Tick
	var out strings.Builder
	var dollarTag *string
	inString, inColumn, lineComment, blockComment, strBackslash := false, false, false, false, false
	prevEnd, lastPos := 0, -1
	for i := 0; i < len(sql); i++ {
		c := sql[i]
		switch {
		case inColumn:
			if c == tick {
				inColumn = false
			}
			continue
		case inString:
			if c == '\'' && (!strBackslash || !isBackslashEscaped(sql, i-1)) {
				inString, strBackslash = false, false
			}
			continue
		case dollarTag != nil:
			if c != '$' {
				continue
			}
			m := dollarTagRE().FindStringSubmatch(sql[i:])
			tag := ""
			if m != nil {
				tag = m[1]
			}
			if *dollarTag == tag {
				dollarTag = nil
			}
			continue
		case lineComment:
			if c == '\n' {
				lineComment = false
			}
			continue
		case blockComment:
			if c == '*' && charAt(sql, i+1) == "/" {
				blockComment = false
			}
			continue
		}
		switch {
		case c == tick:
			inColumn = true
			continue
		case c == '\'':
			inString = true
			strBackslash = backslash || (f.Name == dialect.Postgres && (charAt(sql, i-1) == "E" || charAt(sql, i-1) == "e") && canPrecedeNewToken(charAt(sql, i-2)))
			continue
		case c == '-' && strings.HasPrefix(sql[i:], "-- "):
			lineComment = true
			continue
		case c == '/' && strings.HasPrefix(sql[i:], "/*"):
			blockComment = true
			continue
		case c == '$':
			if identCharRE().MatchString(charAt(sql, i-1)) {
				continue
			}
			if m := dollarTagRE().FindStringSubmatch(sql[i:]); m != nil {
				tag := m[1]
				dollarTag = &tag
				i += len(m[0]) - 1
			}
			continue
		case isNamed && c == ':':
			prev := charAt(sql, i-1)
			if !canPrecedeNewToken(prev) && prev != "[" {
				continue
			}
			m := namedReplRE().FindStringSubmatch(sql[i:])
			if m == nil {
				continue
			}
			name := m[1]
			v, ok := named.Get(name)
			if _, undef := v.(dialect.Undefined); !ok || undef {
				return "", fmt.Errorf("Named replacement \":%s\" has no entry in the replacement map.", name)
			}
			esc, err := f.EscapeValue(v, "", true)
			if err != nil {
				return "", err
			}
			out.WriteString(sql[prevEnd:i])
			prevEnd = i + len(name) + 1
			out.WriteString(esc)
			continue
		case isPositional && c == '?':
			prev := charAt(sql, i-1)
			if !canPrecedeNewToken(prev) && prev != "[" {
				continue
			}
			if next := charAt(sql, i+1); next == "|" || next == "&" {
				continue
			}
			lastPos++
			var v any = dialect.Undefined{}
			if lastPos < len(positional) {
				v = positional[lastPos]
			}
			if _, undef := v.(dialect.Undefined); undef {
				return "", fmt.Errorf("Positional replacement (?) %d has no entry in the replacement map (replacements[%d] is undefined).", lastPos, lastPos)
			}
			esc, err := f.EscapeValue(v, "", true)
			if err != nil {
				return "", err
			}
			out.WriteString(sql[prevEnd:i])
			prevEnd = i + 1
			out.WriteString(esc)
		}
	}
	if inString {
		return "", fmt.Errorf("The following SQL query includes an unterminated string literal:\n%s", sql)
	}
	out.WriteString(sql[prevEnd:])
	return out.String(), nil
}

var bindRE = lazyre.MustCompile(`\$(\$|\w+)`)

// BindParams validates $1/$name bind parameters against bind (an array or
// an object) as Sequelize's formatBindParameters does, and returns the SQL
// with "$$" unescaped to "$" (Sequelize rewrites it everywhere in the text,
// string literals included) and the values: for an array, the list; for an
// object, the object (names in the order given).
func BindParams(sql string, bind any) (string, []any, *dialect.Object, error) {
	list, isList := bind.([]any)
	obj, _ := bind.(*dialect.Object)
	out, err := scanBinds(sql, func(match, key string) (string, bool) {
		if isList {
			_, ok := listBind(list, key)
			return match, ok
		}
		_, ok := objectBind(obj, key)
		return match, ok
	})
	if err != nil {
		return "", nil, nil, err
	}
	if isList {
		return out, list, nil, nil
	}
	if obj == nil {
		obj = &dialect.Object{}
	}
	return out, nil, obj, nil
}

// NumberedBinds is the Postgres formatBindParameters: BindParams, except
// that the $name placeholders of an object are renumbered $1, $2… in order
// of first use, and the values are returned in that order.
func NumberedBinds(sql string, bind any) (string, []any, error) {
	list, isList := bind.([]any)
	obj, _ := bind.(*dialect.Object)
	var params []any
	if isList {
		params = list
	}
	seen := map[string]string{}
	out, err := scanBinds(sql, func(match, key string) (string, bool) {
		if isList {
			_, ok := listBind(list, key)
			return match, ok
		}
		if r, ok := seen[key]; ok {
			return r, true
		}
		v, ok := objectBind(obj, key)
		if !ok {
			return "", false
		}
		params = append(params, v)
		seen[key] = "$" + strconv.Itoa(len(params))
		return seen[key], true
	})
	return out, params, err
}

// scanBinds rewrites the bind placeholders of sql as formatBindParameters'
// regular expression /\B\$(\$|\w+)/g finds them: "$$" becomes "$", and
// every other placeholder is replaced by what repl returns for it (ok false:
// it has no value, an error).
func scanBinds(sql string, repl func(match, key string) (string, bool)) (string, error) {
	var out strings.Builder
	last := 0
	for _, loc := range bindRE().FindAllStringSubmatchIndex(sql, -1) {
		// \B before $: the previous character must not be a word character.
		if loc[0] > 0 && isWordChar(sql[loc[0]-1]) {
			continue
		}
		match, key := sql[loc[0]:loc[1]], sql[loc[2]:loc[3]]
		r := "$"
		if key != "$" {
			var ok bool
			if r, ok = repl(match, key); !ok {
				return "", fmt.Errorf("Named bind parameter %q has no value in the given object.", match)
			}
		}
		out.WriteString(sql[last:loc[0]])
		out.WriteString(r)
		last = loc[1]
	}
	out.WriteString(sql[last:])
	return out.String(), nil
}

// listBind is the value of $key in an array bind ($1 is the first).
func listBind(list []any, key string) (any, bool) {
	n, err := strconv.Atoi(key)
	if err != nil || n < 1 || key[0] == '0' || n > len(list) {
		return nil, false
	}
	if _, undef := list[n-1].(dialect.Undefined); undef {
		return nil, false
	}
	return list[n-1], true
}

// objectBind is the value of $key in an object bind (digit-only names
// never match).
func objectBind(obj *dialect.Object, key string) (any, bool) {
	if allDigits(key) {
		return nil, false
	}
	v, found := obj.Get(key)
	if !found {
		return nil, false
	}
	if _, undef := v.(dialect.Undefined); undef {
		return nil, false
	}
	return v, true
}

func isWordChar(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
