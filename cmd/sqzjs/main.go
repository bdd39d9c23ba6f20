package main

import (
	"context"
	"os"
	"os/signal"
	"strings"
	"syscall"

	// Time zones for binaries built FROM scratch.
	_ "time/tzdata"

	"github.com/sqzjs/sqzjs/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(&cli.State{
		Ctx:              ctx,
		FS:               os.DirFS("/"),
		Getwd:            os.Getwd,
		Env:              environ(),
		Args:             os.Args[1:],
		Stdout:           os.Stdout,
		Stderr:           os.Stderr,
		WriteFile:        func(name string, data []byte) error { return os.WriteFile(name, data, 0o666) },
		MkdirAll:         func(name string) error { return os.MkdirAll(name, 0o777) },
		Remove:           os.Remove,
		StdoutIsTerminal: isTerminal(os.Stdout),
	})
	stop()
	os.Exit(code)
}

func environ() map[string]string {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	return env
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
