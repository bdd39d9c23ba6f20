package cli

import (
	"context"
	"errors"
	"fmt"
	"github.com/sqzjs/sqzjs/bridge"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/sqzjs/sqzjs/jsrt"
)

// Version is sqzjs's version, printed by --version and in the first line
// of every run.
const Version = "0.1.0-dev"

// CompatibleWith is the sequelize-cli version whose behaviour sqzjs
// reproduces.
const CompatibleWith = "6.6.5"

// State is everything the program takes from the process (k6's
// GlobalState): cmd/sqzjs fills it from the real process, tests from a
// temporary directory and buffers.
type State struct {
	// Ctx ends the run early (cmd/sqzjs cancels it on SIGINT/SIGTERM).
	Ctx context.Context
	// FS is the whole file system rooted at "/": the file /proj/a.js is
	// "proj/a.js" (production: os.DirFS("/")).
	FS fs.FS
	// Getwd returns the absolute working directory.
	Getwd func() (string, error)
	// Env is the process environment (process.env of the scripts, NODE_ENV,
	// use_env_variable, colours).
	Env map[string]string
	// Args are the command-line arguments without the program name.
	Args []string
	// Stdout and Stderr receive the output. Main serialises its own writes
	// and the scripts' console output, so plain buffers are fine.
	Stdout, Stderr io.Writer
	// WriteFile replaces the content of a file (the json migration storage),
	// creating it when missing.
	WriteFile func(name string, data []byte) error
	// MkdirAll creates a folder and its parents (init, the generators).
	MkdirAll func(name string) error
	// Remove deletes a file or an empty folder (init --force).
	Remove func(name string) error
	// Now is the clock of the durations printed and of the scripts' Date
	// (default time.Now).
	Now func() time.Time
	// StdoutIsTerminal turns colours on as picocolors does for a TTY (unless
	// TERM is "dumb"; NO_COLOR, FORCE_COLOR and CI are read from Env).
	StdoutIsTerminal bool
}

// Main runs sqzjs with st and returns the process exit code: 0 on success
// and for informational exits, 1 for every error (as sequelize-cli), 130
// when st.Ctx was cancelled.
func Main(st *State) int {
	s := *st
	if s.Ctx == nil {
		s.Ctx = context.Background()
	}
	if s.Stdout == nil {
		s.Stdout = io.Discard
	}
	if s.Stderr == nil {
		s.Stderr = io.Discard
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.Env == nil {
		s.Env = map[string]string{}
	}
	out := newOutput(&s)
	out.teaser()
	if s.FS == nil || s.Getwd == nil {
		return out.fail(errors.New("sqzjs: internal error: State.FS and State.Getwd are required"), false)
	}
	cwd, err := s.Getwd()
	if err != nil {
		return out.fail(fmt.Errorf("sqzjs: reading the working directory: %w", err), false)
	}
	cwd = filepath.ToSlash(cwd)
	if !path.IsAbs(cwd) {
		return out.fail(fmt.Errorf("sqzjs: the working directory %q is not absolute", cwd), false)
	}
	r := &run{st: &s, out: out, cwd: path.Clean(cwd)}
	code := r.main()
	if code != 0 && s.Ctx.Err() != nil {
		// Interrupted (SIGINT/SIGTERM): the code a shell gives a process
		// killed by SIGINT.
		return 130
	}
	return code
}

// run is one invocation.
type run struct {
	st  *State
	out *output
	cwd string
	rt  *jsrt.Runtime // the JavaScript runtime, once built
	// sess is the Sequelize surface, prepared with the runtime so that
	// .sequelizerc and config files can require('sequelize'); it connects
	// once the configuration is read.
	sess *bridge.Session
}

// abs resolves p against the working directory (path.resolve(cwd, p)).
func (r *run) abs(p string) string {
	p = filepath.ToSlash(p)
	if path.IsAbs(p) {
		return path.Clean(p)
	}
	return path.Join(r.cwd, p)
}

// rel is path.relative(cwd, p) for messages.
func (r *run) rel(p string) string {
	if rel, err := filepath.Rel(r.cwd, p); err == nil {
		return filepath.ToSlash(rel)
	}
	return p
}

// fsPath turns an absolute slash path into a path of State.FS.
func fsPath(abs string) string {
	p := strings.TrimPrefix(path.Clean(abs), "/")
	if p == "" {
		return "."
	}
	return p
}

// exists is sequelize-cli's path-helper existsSync: the file can be read.
func (r *run) exists(abs string) bool {
	_, err := fs.Stat(r.st.FS, fsPath(abs))
	return err == nil
}

// output writes what sequelize-cli's view-helper writes, serialised with
// the scripts' console output.
type output struct {
	mu     sync.Mutex
	stdout io.Writer
	stderr io.Writer
	color  bool
	debug  bool
	// secrets are masked wherever they would be printed.
	secrets []string
}

func newOutput(st *State) *output {
	o := &output{stdout: st.Stdout, stderr: st.Stderr}
	env := st.Env
	switch {
	case env["NO_COLOR"] != "":
		o.color = false
	case env["FORCE_COLOR"] != "", env["CI"] != "":
		o.color = true
	default:
		o.color = st.StdoutIsTerminal && env["TERM"] != "dumb"
	}
	return o
}

// lockedWriter shares output's lock, for the JavaScript console.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (o *output) stdoutWriter() io.Writer { return lockedWriter{&o.mu, o.stdout} }
func (o *output) stderrWriter() io.Writer { return lockedWriter{&o.mu, o.stderr} }

// log is console.log of view-helper: the arguments joined by spaces.
func (o *output) log(args ...string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	_, _ = io.WriteString(o.stdout, o.mask(strings.Join(args, " "))+"\n")
}

// errorf writes one line to stderr.
func (o *output) errln(s string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	_, _ = io.WriteString(o.stderr, o.mask(s)+"\n")
}

// raw writes text as it is to stdout or stderr.
func (o *output) raw(toStderr bool, s string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	w := o.stdout
	if toStderr {
		w = o.stderr
	}
	_, _ = io.WriteString(w, s)
}

func (o *output) paint(open, close, s string) string {
	if !o.color {
		return s
	}
	return open + s + close
}

func (o *output) red(s string) string       { return o.paint("\x1b[31m", "\x1b[39m", s) }
func (o *output) yellow(s string) string    { return o.paint("\x1b[33m", "\x1b[39m", s) }
func (o *output) blue(s string) string      { return o.paint("\x1b[94m", "\x1b[39m", s) }
func (o *output) underline(s string) string { return o.paint("\x1b[4m", "\x1b[24m", s) }

// teaser replaces sequelize-cli's "Sequelize CLI [Node: …, CLI: …, ORM: …]"
// line, with the same blank lines around it.
func (o *output) teaser() {
	o.log()
	o.log(o.underline("sqzjs " + Version + " (sequelize-cli " + CompatibleWith + " compatible)"))
	o.log()
}

// warn prints a sqzjs warning (unsafe patterns seen while running) on
// stderr.
func (o *output) warn(msg string) {
	o.errln(o.yellow("WARNING:") + " " + msg)
}

// addSecret makes the output mask s from now on.
func (o *output) addSecret(s string) {
	if len(s) < 4 {
		// Too short to mask blindly without mangling unrelated text; URLs
		// are still masked by maskURLs.
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.secrets = append(o.secrets, s)
}

// mask hides passwords: the configured ones and any in URLs. Called with
// o.mu held.
func (o *output) mask(s string) string {
	for _, sec := range o.secrets {
		s = strings.ReplaceAll(s, sec, "*****")
	}
	return maskURLs(s)
}
