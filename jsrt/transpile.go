package jsrt

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// TypeScript and ES modules.
//
// goja runs CommonJS scripts only. A file that needs more — TypeScript (.ts, .cts, .mts), an ES
// module (.mjs, or a .js file with import/export statements or under a package.json with
// "type": "module") — is transpiled to CommonJS with esbuild when it is loaded, with an inline
// source map so that stack traces and positions name the original file and line. Plain CommonJS
// files never reach esbuild: deciding takes a byte scan and, for .js files, the nearest
// package.json (cached).

// TranspileError is a file esbuild could not transpile (a syntax error in TypeScript or in an ES
// module). In JavaScript it is a SyntaxError whose stack names File:Line:Column.
type TranspileError struct {
	File    string
	Line    int // 1-based
	Column  int // 1-based, in bytes
	Message string
}

// Error reads "/abs/file.ts:3:5: Expected ";" but found "x"".
func (e *TranspileError) Error() string {
	return e.File + ":" + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column) + ": " + e.Message
}

// transpileKind says how a file is loaded.
type transpileKind int

const (
	asIs       transpileKind = iota // CommonJS (or JSON): straight to goja
	asJS                            // an ES module in JavaScript
	asTS                            // TypeScript (ES module or CommonJS syntax)
	asCommonTS                      // .cts: TypeScript that is CommonJS by definition
)

// transpileKindOf decides whether file, with content src, must go through esbuild.
func (r *Runtime) transpileKindOf(file string, src []byte) transpileKind {
	ext := path.Ext(file)
	if path.Base(file) == ext {
		ext = "" // a dot file such as .sequelizerc has no extension, as in Node
	}
	switch ext {
	case ".ts", ".mts":
		return asTS
	case ".cts":
		return asCommonTS
	case ".mjs":
		return asJS
	case ".js", "":
		// .js, and extensionless files such as .sequelizerc, which Node loads as .js.
		if hasModuleSyntax(src) || r.moduleScope(path.Dir(file)) {
			return asJS
		}
	}
	return asIs
}

// moduleScope reports whether the nearest package.json above dir says "type": "module".
func (r *Runtime) moduleScope(dir string) bool {
	for {
		if pj := r.packageJSON(dir); pj != nil {
			return pj.Type == "module"
		}
		if dir == "/" || dir == "." || path.Base(dir) == "node_modules" {
			return false
		}
		dir = path.Dir(dir)
	}
}

// hasModuleSyntax reports whether src has an import or export statement at the start of a line
// (after blanks or a semicolon), or a dynamic import() call: the syntax goja cannot run but
// esbuild turns into require and module.exports. It scans bytes, so plain CommonJS files cost
// little; a false positive only costs a transpile (esbuild leaves CommonJS as it is).
func hasModuleSyntax(src []byte) bool {
	for _, kw := range [...]string{"import", "export"} {
		k := []byte(kw)
		for off := 0; ; {
			i := bytes.Index(src[off:], k)
			if i < 0 {
				break
			}
			i += off
			off = i + len(k)
			if moduleKeywordAt(src, i, off, kw) && !inComment(src, i) {
				// (inComment: sequelize-cli's migration template has a JSDoc type,
				// {import('sequelize-cli').Migration}, that is not a dynamic import.)
				return true
			}
		}
	}
	return false
}

// moduleKeywordAt reports whether the keyword kw at src[i:off] starts an import or export
// statement, or is a dynamic import(…) call.
func moduleKeywordAt(src []byte, i, off int, kw string) bool {
	if !statementStart(src, i) {
		return kw == "import" && isIdentBoundary(src, i) && followedBy(src, off, '(')
	}
	if off >= len(src) {
		return false
	}
	switch next := src[off]; {
	case kw == "import":
		return next == ' ' || next == '\t' || next == '{' || next == '*' || next == '\'' || next == '"' || next == '\n' || next == '('
	default:
		return next == ' ' || next == '\t' || next == '{' || next == '*' || next == '\n'
	}
}

// inComment reports whether position i is surely inside a comment: on a line whose first
// non-blank characters are //, or after a /* that is the first non-blank text of its line and
// neither closed nor followed by a backquote before i. Such a // or /* can only start a comment
// or be inside a string, so the answer is never true for code (it may be false for a comment).
func inComment(src []byte, i int) bool {
	ls := bytes.LastIndexByte(src[:i], '\n') + 1
	if bytes.HasPrefix(bytes.TrimLeft(src[ls:i], " \t"), []byte("//")) {
		return true
	}
	j := bytes.LastIndex(src[:i], []byte("/*"))
	if j < 0 || bytes.Contains(src[j+2:i], []byte("*/")) || bytes.IndexByte(src[j+2:i], '`') >= 0 {
		return false
	}
	ls = bytes.LastIndexByte(src[:j], '\n') + 1
	return len(bytes.TrimLeft(src[ls:j], " \t")) == 0
}

// statementStart reports whether only blanks or a semicolon stand between the start of the line
// and position i.
func statementStart(src []byte, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch src[j] {
		case ' ', '\t', '\r':
			continue
		case '\n', ';':
			return true
		default:
			return false
		}
	}
	return true
}

func isIdentBoundary(src []byte, i int) bool {
	if i == 0 {
		return true
	}
	c := src[i-1]
	return !(c == '_' || c == '$' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

func followedBy(src []byte, off int, c byte) bool {
	for ; off < len(src); off++ {
		switch src[off] {
		case ' ', '\t':
			continue
		default:
			return src[off] == c
		}
	}
	return false
}

// esbuild's __toESM builds the namespace of `import * as m from 'cjs'` as an object inheriting
// from the module's prototype, so a module that is a function (moment, lodash, express, …) gives
// a namespace that cannot be called. TypeScript without esModuleInterop (the default of older
// projects) compiles that import to the module itself, and such code calls it: m(). sqzjs makes
// the namespace of a function module a function that calls (or constructs) it, with the same
// properties; it is defined on the line transpile reserves, so the source map is unaffected.
var (
	toESMNamespace    = []byte("target = mod != null ? __create(__getProtoOf(mod)) : {}")
	toESMCallable     = []byte("target = mod != null ? (typeof mod === \"function\" ? __sqzjs_callable(mod) : __create(__getProtoOf(mod))) : {}")
	callableNamespace = "var __sqzjs_callable = (mod) => { const f = function (...args) { return new.target ? Reflect.construct(mod, args, new.target) : mod.apply(this, args); }; Object.setPrototypeOf(f, Object.getPrototypeOf(mod)); f.prototype = mod.prototype; return f; };"
)

// metaName is the variable import.meta becomes in a transpiled file.
const metaName = "__sqzjs_import_meta"

// transpile turns file into a CommonJS script for goja. The result starts with one line of
// sqzjs's own (empty, or import.meta's object) so that the file's code never shares a line with
// goja_nodejs's module wrapper, and ends with an inline source map to the original file.
func transpile(file string, src []byte, kind transpileKind) ([]byte, error) {
	opts := api.TransformOptions{
		Loader:         api.LoaderJS,
		Format:         api.FormatCommonJS,
		Platform:       api.PlatformNode,
		Target:         api.ESNext,
		Sourcefile:     file,
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		LogLevel:       api.LogLevelSilent,
		// goja has no async iteration (esbuild lowers it to generators) and no import()
		// (esbuild turns it into a require).
		Supported: map[string]bool{"async-generator": false, "for-await": false, "dynamic-import": false},
	}
	if kind == asTS || kind == asCommonTS {
		opts.Loader = api.LoaderTS
		// Keep TypeScript's usual emit for class fields (assignments in the constructor).
		opts.TsconfigRaw = `{"compilerOptions":{"useDefineForClassFields":false}}`
	}
	useMeta := bytes.Contains(src, []byte("import.meta"))
	if useMeta {
		opts.Define = map[string]string{"import.meta": metaName}
	}
	res := api.Transform(string(src), opts)
	if len(res.Errors) > 0 {
		m := res.Errors[0]
		e := &TranspileError{File: file, Message: m.Text}
		if m.Location != nil {
			e.Line, e.Column = m.Location.Line, m.Location.Column+1
		}
		return nil, e
	}
	code := res.Code
	callable := bytes.Contains(code, toESMNamespace)
	if callable {
		code = bytes.Replace(code, toESMNamespace, toESMCallable, 1)
	}
	var out bytes.Buffer
	out.Grow(len(code) + len(res.Map)*4/3 + 400)
	if callable {
		out.WriteString(callableNamespace)
	}
	if useMeta {
		u := (&url.URL{Scheme: "file", Path: file}).String()
		out.WriteString("var " + metaName + " = { url: " + strconv.Quote(u) + ", filename: __filename, dirname: __dirname, resolve: (s) => require.resolve(s) };")
	}
	out.WriteByte('\n')
	out.Write(code)
	if m := shiftSourceMap(res.Map); m != nil {
		out.WriteString("//# sourceMappingURL=data:application/json;base64,")
		out.WriteString(base64.StdEncoding.EncodeToString(m))
		out.WriteByte('\n')
	}
	return out.Bytes(), nil
}

// shiftSourceMap adapts esbuild's source map to goja: every mapping moves one generated line
// down (for the line transpile puts first) and one column right on both sides, because goja
// looks positions up with 1-based columns in a map whose columns are 0-based (so lookups are
// exact and the columns it reports are 1-based, as Node's); the source is named by its base
// name, which goja resolves against the file's own path.
func shiftSourceMap(data []byte) []byte {
	var m map[string]any
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	if s, ok := m["mappings"].(string); ok {
		shifted, ok := shiftColumns(s)
		if !ok {
			return nil
		}
		m["mappings"] = ";" + shifted
	}
	if srcs, ok := m["sources"].([]any); ok {
		for i, s := range srcs {
			if str, ok := s.(string); ok {
				srcs[i] = path.Base(str)
			}
		}
	}
	out, err := json.Marshal(m)
	if err != nil {
		return nil
	}
	return out
}

// shiftColumns adds 1 to every generated and source column of a source map's "mappings": the
// generated column restarts on each line, so the first segment of each line carries it; the
// source column is relative across the whole map, so the first segment with a source does.
func shiftColumns(mappings string) (string, bool) {
	lines := strings.Split(mappings, ";")
	sourceDone := false
	for i, line := range lines {
		if line == "" {
			continue
		}
		first, rest, _ := strings.Cut(line, ",")
		fields, ok := decodeVLQ(first)
		if !ok || len(fields) == 0 {
			return "", false
		}
		fields[0]++
		if !sourceDone && len(fields) >= 4 {
			fields[3]++
			sourceDone = true
		}
		seg := encodeVLQ(fields)
		if !sourceDone && rest != "" {
			// The line's first segment has no source: find the first that has one.
			segs := strings.Split(rest, ",")
			for j, sg := range segs {
				f, ok := decodeVLQ(sg)
				if !ok {
					return "", false
				}
				if len(f) >= 4 {
					f[3]++
					segs[j] = encodeVLQ(f)
					sourceDone = true
					break
				}
			}
			rest = strings.Join(segs, ",")
		}
		if rest != "" {
			seg += "," + rest
		}
		lines[i] = seg
	}
	return strings.Join(lines, ";"), true
}

const base64Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// decodeVLQ decodes one source map segment (base64 VLQ values).
func decodeVLQ(seg string) ([]int, bool) {
	var out []int
	value, shift := 0, 0
	for i := 0; i < len(seg); i++ {
		d := strings.IndexByte(base64Digits, seg[i])
		if d < 0 {
			return nil, false
		}
		value += (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		if value&1 != 0 {
			out = append(out, -(value >> 1))
		} else {
			out = append(out, value>>1)
		}
		value, shift = 0, 0
	}
	return out, shift == 0
}

// encodeVLQ encodes a source map segment.
func encodeVLQ(fields []int) string {
	var b strings.Builder
	for _, v := range fields {
		u := v << 1
		if v < 0 {
			u = (-v << 1) | 1
		}
		for {
			d := u & 31
			u >>= 5
			if u > 0 {
				d |= 32
			}
			b.WriteByte(base64Digits[d])
			if u == 0 {
				break
			}
		}
	}
	return b.String()
}
