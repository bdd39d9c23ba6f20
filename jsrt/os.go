package jsrt

import (
	"runtime"

	"github.com/dop251/goja"
)

// osModule builds require('os'). Values that would reveal the host (hostname, users) are
// fixed or taken from Options.Env, so a Runtime sees only what it was given.
func (r *Runtime) osModule() goja.Value {
	vm := r.vm
	m := vm.NewObject()
	env := func(keys ...string) string {
		for _, k := range keys {
			if v := r.opts.Env[k]; v != "" {
				return v
			}
		}
		return ""
	}
	home := func() string {
		if h := env("HOME"); h != "" {
			return h
		}
		return "/"
	}
	_ = m.Set("EOL", "\n")
	_ = m.Set("devNull", "/dev/null")
	_ = m.Set("platform", func() string { return "linux" })
	_ = m.Set("type", func() string { return "Linux" })
	_ = m.Set("release", func() string { return "6.0.0" })
	_ = m.Set("version", func() string { return "#1 SMP" })
	_ = m.Set("machine", func() string {
		switch runtime.GOARCH {
		case "amd64":
			return "x86_64"
		case "arm64":
			return "aarch64"
		}
		return runtime.GOARCH
	})
	_ = m.Set("arch", nodeArch)
	_ = m.Set("endianness", func() string { return "LE" })
	_ = m.Set("homedir", home)
	_ = m.Set("tmpdir", func() string {
		if t := env("TMPDIR", "TMP", "TEMP"); t != "" {
			return t
		}
		return "/tmp"
	})
	_ = m.Set("hostname", func() string { return "localhost" })
	_ = m.Set("uptime", func() float64 { return r.sinceStart().Seconds() })
	_ = m.Set("loadavg", func() []float64 { return []float64{0, 0, 0} })
	_ = m.Set("totalmem", func() int64 { return 8 << 30 })
	_ = m.Set("freemem", func() int64 { return 4 << 30 })
	_ = m.Set("availableParallelism", runtime.NumCPU)
	_ = m.Set("cpus", func() []map[string]any {
		cpus := make([]map[string]any, runtime.NumCPU())
		for i := range cpus {
			cpus[i] = map[string]any{
				"model": "cpu", "speed": 0,
				"times": map[string]any{"user": 0, "nice": 0, "sys": 0, "idle": 0, "irq": 0},
			}
		}
		return cpus
	})
	_ = m.Set("networkInterfaces", func() map[string]any { return map[string]any{} })
	_ = m.Set("userInfo", func() map[string]any {
		user := env("USER", "LOGNAME")
		if user == "" {
			user = "root"
		}
		var shell any
		if s := env("SHELL"); s != "" {
			shell = s
		}
		return map[string]any{"uid": 0, "gid": 0, "username": user, "homedir": home(), "shell": shell}
	})
	constants := vm.NewObject()
	_ = constants.Set("signals", vm.NewObject())
	_ = constants.Set("errno", vm.NewObject())
	_ = m.Set("constants", constants)
	return m
}
