package jsrt

import (
	"path"
	"strings"

	"github.com/dop251/goja"
)

// The functions below follow Node's path.posix to the letter (trailing slashes, "." and ".."
// handling, extname of dot files), which Go's path package does not.

// nodeNormalize is path.normalize: like path.Clean, but "" becomes "." and a trailing slash is
// kept.
func nodeNormalize(p string) string {
	if p == "" {
		return "."
	}
	c := path.Clean(p)
	if strings.HasSuffix(p, "/") && c != "/" {
		c += "/"
	}
	return c
}

func nodeJoin(parts []string) string {
	var nonEmpty []string
	for _, p := range parts {
		if p != "" {
			nonEmpty = append(nonEmpty, p)
		}
	}
	if len(nonEmpty) == 0 {
		return "."
	}
	return nodeNormalize(strings.Join(nonEmpty, "/"))
}

func nodeResolve(cwd string, parts []string) string {
	resolved := ""
	for i := len(parts) - 1; i >= 0 && !path.IsAbs(resolved); i-- {
		if parts[i] == "" {
			continue
		}
		if resolved == "" {
			resolved = parts[i]
		} else {
			resolved = parts[i] + "/" + resolved
		}
	}
	if !path.IsAbs(resolved) {
		resolved = cwd + "/" + resolved
	}
	return path.Clean(resolved)
}

func nodeDirname(p string) string {
	if p == "" {
		return "."
	}
	hasRoot := p[0] == '/'
	end := -1
	matchedSlash := true
	for i := len(p) - 1; i >= 1; i-- {
		if p[i] == '/' {
			if !matchedSlash {
				end = i
				break
			}
		} else {
			matchedSlash = false
		}
	}
	if end == -1 {
		if hasRoot {
			return "/"
		}
		return "."
	}
	if hasRoot && end == 1 {
		return "//"
	}
	return p[:end]
}

// lastSegment returns the last path segment, ignoring trailing slashes.
func lastSegment(p string) string {
	p = strings.TrimRight(p, "/")
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

func nodeBasename(p, suffix string) string {
	if suffix != "" && suffix == p {
		return ""
	}
	base := lastSegment(p)
	if suffix != "" && base != suffix && strings.HasSuffix(base, suffix) {
		return base[:len(base)-len(suffix)]
	}
	return base
}

func nodeExtname(p string) string {
	startDot, startPart, end := -1, 0, -1
	matchedSlash := true
	preDotState := 0 // 0: no dot seen yet, 1: only dots before, -1: a non-dot before the dot
	for i := len(p) - 1; i >= 0; i-- {
		c := p[i]
		if c == '/' {
			if !matchedSlash {
				startPart = i + 1
				break
			}
			continue
		}
		if end == -1 {
			matchedSlash = false
			end = i + 1
		}
		if c == '.' {
			if startDot == -1 {
				startDot = i
			} else if preDotState != 1 {
				preDotState = 1
			}
		} else if startDot != -1 {
			preDotState = -1
		}
	}
	if startDot == -1 || end == -1 || preDotState == 0 ||
		(preDotState == 1 && startDot == end-1 && startDot == startPart+1) {
		return ""
	}
	return p[startDot:end]
}

func nodeRelative(cwd, from, to string) string {
	from = nodeResolve(cwd, []string{from})
	to = nodeResolve(cwd, []string{to})
	if from == to {
		return ""
	}
	fp := splitAbs(from)
	tp := splitAbs(to)
	i := 0
	for i < len(fp) && i < len(tp) && fp[i] == tp[i] {
		i++
	}
	var out []string
	for range fp[i:] {
		out = append(out, "..")
	}
	out = append(out, tp[i:]...)
	return strings.Join(out, "/")
}

func splitAbs(p string) []string {
	if p == "/" {
		return nil
	}
	return strings.Split(p[1:], "/")
}

type parsedPath struct{ root, dir, base, ext, name string }

func nodeParse(p string) parsedPath {
	var pp parsedPath
	if p == "" {
		return pp
	}
	if p[0] == '/' {
		pp.root = "/"
	}
	trimmed := strings.TrimRight(p, "/")
	if trimmed == "" {
		pp.dir = "/"
		return pp
	}
	pp.base = lastSegment(p)
	pp.ext = nodeExtname(p)
	pp.name = strings.TrimSuffix(pp.base, pp.ext)
	if strings.Contains(trimmed, "/") {
		pp.dir = nodeDirname(trimmed)
	} else {
		pp.dir = pp.root
	}
	return pp
}

func nodeFormat(pp parsedPath) string {
	dir := pp.dir
	if dir == "" {
		dir = pp.root
	}
	base := pp.base
	if base == "" {
		ext := pp.ext
		if ext != "" && ext[0] != '.' {
			ext = "." + ext
		}
		base = pp.name + ext
	}
	switch {
	case dir == "":
		return base
	case dir == pp.root:
		return dir + base
	}
	return dir + "/" + base
}

// pathModule builds require('path') (POSIX flavour; path.posix is the module itself).
func (r *Runtime) pathModule() goja.Value {
	vm := r.vm
	m := vm.NewObject()
	str := func(call goja.FunctionCall, i int, name string) string {
		v := call.Argument(i)
		if !goja.IsString(v) {
			panic(r.newNodeError(errInvalidArg(name, "string", v), "TypeError", "code", "ERR_INVALID_ARG_TYPE"))
		}
		return v.String()
	}
	all := func(call goja.FunctionCall) []string {
		parts := make([]string, len(call.Arguments))
		for i := range call.Arguments {
			parts[i] = str(call, i, "paths["+itoa(i)+"]")
		}
		return parts
	}
	optional := func(call goja.FunctionCall, i int, name string) string {
		if goja.IsUndefined(call.Argument(i)) {
			return ""
		}
		return str(call, i, name)
	}
	_ = m.Set("sep", "/")
	_ = m.Set("delimiter", ":")
	_ = m.Set("normalize", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(nodeNormalize(str(call, 0, "path")))
	})
	_ = m.Set("join", func(call goja.FunctionCall) goja.Value { return vm.ToValue(nodeJoin(all(call))) })
	_ = m.Set("resolve", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(nodeResolve(r.opts.Cwd, all(call)))
	})
	_ = m.Set("isAbsolute", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(strings.HasPrefix(str(call, 0, "path"), "/"))
	})
	_ = m.Set("dirname", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(nodeDirname(str(call, 0, "path")))
	})
	_ = m.Set("basename", func(call goja.FunctionCall) goja.Value {
		p := str(call, 0, "path")
		return vm.ToValue(nodeBasename(p, optional(call, 1, "suffix")))
	})
	_ = m.Set("extname", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(nodeExtname(str(call, 0, "path")))
	})
	_ = m.Set("relative", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(nodeRelative(r.opts.Cwd, str(call, 0, "from"), str(call, 1, "to")))
	})
	_ = m.Set("parse", func(call goja.FunctionCall) goja.Value {
		pp := nodeParse(str(call, 0, "path"))
		o := vm.NewObject()
		_ = o.Set("root", pp.root)
		_ = o.Set("dir", pp.dir)
		_ = o.Set("base", pp.base)
		_ = o.Set("ext", pp.ext)
		_ = o.Set("name", pp.name)
		return o
	})
	_ = m.Set("format", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		if !ok {
			panic(r.newNodeError(errInvalidArg("pathObject", "object", call.Argument(0)), "TypeError", "code", "ERR_INVALID_ARG_TYPE"))
		}
		get := func(k string) string {
			v := o.Get(k)
			if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
				return ""
			}
			return v.String()
		}
		return vm.ToValue(nodeFormat(parsedPath{root: get("root"), dir: get("dir"), base: get("base"), ext: get("ext"), name: get("name")}))
	})
	_ = m.Set("toNamespacedPath", func(call goja.FunctionCall) goja.Value { return call.Argument(0) })
	_ = m.Set("posix", m)
	return m
}
