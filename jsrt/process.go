package jsrt

import (
	"io"
	"math/big"
	"runtime"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
)

// NodeVersion is the Node.js version the runtime claims in process.version(s), so libraries
// that check it (engines fields, feature tests) take their modern code paths.
const NodeVersion = "20.18.0"

// nodeArch maps GOARCH to Node's process.arch.
func nodeArch() string {
	switch runtime.GOARCH {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	case "arm64", "arm", "ppc64", "s390x", "riscv64", "mips", "mipsel", "loong64":
		return runtime.GOARCH
	}
	return runtime.GOARCH
}

// processObject builds the global process.
func (r *Runtime) processObject() *goja.Object {
	vm := r.vm
	p := vm.NewObject()
	set := func(name string, v any) { _ = p.Set(name, v) }

	env := vm.NewObject()
	for _, k := range sortedKeys(r.opts.Env) {
		_ = env.Set(k, r.opts.Env[k])
	}
	envProxy, _ := goja.AssertFunction(r.prelude.Get("envProxy"))
	proxied, err := envProxy(goja.Undefined(), env)
	if err != nil {
		panic(err)
	}
	set("env", proxied)

	argv := make([]any, len(r.opts.Argv))
	for i, a := range r.opts.Argv {
		argv[i] = a
	}
	set("argv", vm.NewArray(argv...))
	argv0 := "node"
	if len(r.opts.Argv) > 0 {
		argv0 = r.opts.Argv[0]
	}
	set("argv0", argv0)
	set("execArgv", vm.NewArray())
	set("execPath", "/usr/local/bin/node")
	set("title", "node")
	set("pid", 1)
	set("ppid", 0)
	set("platform", "linux")
	set("arch", nodeArch())
	set("version", "v"+NodeVersion)
	versions := vm.NewObject()
	for _, kv := range [][2]string{
		{"node", NodeVersion}, {"acorn", "8.12.1"}, {"ares", "1.33.1"}, {"modules", "115"},
		{"napi", "9"}, {"uv", "1.48.0"}, {"v8", "11.3.244.8-node.23"}, {"zlib", "1.3.0.1-motley"},
		{"openssl", "3.0.15+quic"}, {"unicode", "15.1"},
	} {
		_ = versions.Set(kv[0], kv[1])
	}
	set("versions", versions)
	release := vm.NewObject()
	_ = release.Set("name", "node")
	_ = release.Set("lts", "Iron")
	set("release", release)
	set("features", vm.NewObject())
	set("config", vm.NewObject())
	set("exitCode", goja.Undefined())

	set("cwd", func() string { return r.opts.Cwd })
	set("chdir", func() {
		panic(r.newNodeError(errString("process.chdir() is not supported in sqzjs: the working directory is fixed"), "Error", "code", "ERR_SQZJS_UNSUPPORTED"))
	})
	set("umask", func() int { return 0o22 })
	set("uptime", func() float64 { return r.sinceStart().Seconds() })
	set("exit", func(call goja.FunctionCall) goja.Value {
		code := call.Argument(0)
		if goja.IsUndefined(code) {
			code = p.Get("exitCode")
		}
		n := 0
		if code != nil && !goja.IsUndefined(code) && !goja.IsNull(code) {
			n = int(code.ToInteger())
		}
		r.loop.exitNow(n)
		return goja.Undefined()
	})
	set("abort", func() { r.loop.exitNow(134) })
	set("kill", func() {
		panic(r.newNodeError(errString("process.kill() is not supported in sqzjs"), "Error", "code", "ERR_SQZJS_UNSUPPORTED"))
	})
	set("nextTick", r.prelude.Get("nextTick"))

	hrtime := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		ns := r.sinceStart().Nanoseconds()
		if prev, ok := call.Argument(0).(*goja.Object); ok {
			ns -= prev.Get("0").ToInteger()*1e9 + prev.Get("1").ToInteger()
		}
		return vm.NewArray(ns/1e9, ns%1e9)
	}).(*goja.Object)
	_ = hrtime.Set("bigint", func() *big.Int { return big.NewInt(r.sinceStart().Nanoseconds()) })
	set("hrtime", hrtime)

	memoryUsage := vm.ToValue(func() map[string]any {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return map[string]any{
			"rss": m.Sys, "heapTotal": m.HeapSys, "heapUsed": m.HeapAlloc,
			"external": 0, "arrayBuffers": 0,
		}
	}).(*goja.Object)
	_ = memoryUsage.Set("rss", func() uint64 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.Sys
	})
	set("memoryUsage", memoryUsage)
	set("cpuUsage", func() map[string]any { return map[string]any{"user": 0, "system": 0} })
	set("resourceUsage", func() map[string]any { return map[string]any{} })

	set("emitWarning", func(call goja.FunctionCall) goja.Value {
		w := call.Argument(0)
		typ, code := "Warning", ""
		if o, ok := call.Argument(1).(*goja.Object); ok && typeOf(o) == "object" {
			if t := o.Get("type"); t != nil && !goja.IsUndefined(t) {
				typ = t.String()
			}
			if c := o.Get("code"); c != nil && !goja.IsUndefined(c) {
				code = c.String()
			}
		} else {
			if t := call.Argument(1); goja.IsString(t) {
				typ = t.String()
			}
			if c := call.Argument(2); goja.IsString(c) {
				code = c.String()
			}
		}
		msg := w.String()
		if o, ok := w.(*goja.Object); ok {
			if m := o.Get("message"); m != nil {
				msg = m.String()
			}
			if n := o.Get("name"); n != nil && !goja.IsUndefined(n) {
				typ = n.String()
			}
		}
		r.warning(msg, typ, code)
		return goja.Undefined()
	})

	self := func(call goja.FunctionCall) goja.Value { return p }
	for _, name := range []string{"on", "once", "off", "addListener", "removeListener", "removeAllListeners", "prependListener", "prependOnceListener", "setMaxListeners", "setUncaughtExceptionCaptureCallback"} {
		set(name, self)
	}
	set("emit", func() bool { return false })
	set("listeners", func() *goja.Object { return vm.NewArray() })
	set("listenerCount", func() int { return 0 })
	set("getMaxListeners", func() int { return 10 })
	set("hasUncaughtExceptionCaptureCallback", func() bool { return false })
	set("binding", func(name string) {
		panic(r.newNodeError(errString("process.binding('"+name+"') is not supported in sqzjs"), "Error", "code", "ERR_SQZJS_UNSUPPORTED"))
	})

	set("stdout", r.stream(r.opts.Stdout, 1))
	set("stderr", r.stream(r.opts.Stderr, 2))
	stdin := vm.NewObject()
	_ = stdin.Set("isTTY", false)
	_ = stdin.Set("fd", 0)
	set("stdin", stdin)
	_ = p.SetSymbol(goja.SymToStringTag, "process")
	return p
}

// stream builds process.stdout or process.stderr: write() and the properties libraries probe.
func (r *Runtime) stream(w io.Writer, fd int) *goja.Object {
	vm := r.vm
	s := vm.NewObject()
	_ = s.Set("write", func(call goja.FunctionCall) goja.Value {
		chunk := call.Argument(0)
		var data []byte
		if o, ok := chunk.(*goja.Object); ok && typeOf(o) == "object" {
			data = buffer.Bytes(vm, o)
		} else {
			data = []byte(chunk.String())
		}
		_, _ = w.Write(data)
		for _, a := range call.Arguments[1:] {
			if _, ok := goja.AssertFunction(a); ok {
				if nt, ok := goja.AssertFunction(r.prelude.Get("nextTick")); ok {
					_, _ = nt(goja.Undefined(), a)
				}
			}
		}
		return vm.ToValue(true)
	})
	_ = s.Set("isTTY", false)
	_ = s.Set("fd", fd)
	_ = s.Set("columns", 80)
	_ = s.Set("rows", 24)
	_ = s.Set("writable", true)
	self := func(call goja.FunctionCall) goja.Value { return s }
	for _, name := range []string{"on", "once", "off", "removeListener", "end", "cork", "uncork", "setEncoding"} {
		_ = s.Set(name, self)
	}
	_ = s.Set("hasColors", func() bool { return false })
	_ = s.Set("getColorDepth", func() int { return 1 })
	return s
}

// errString is a plain error with a fixed message.
type errString string

func (e errString) Error() string { return string(e) }
