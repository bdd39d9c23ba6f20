package migrate

import (
	"context"
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/jsrt"
)

// FilePattern is the file name pattern sequelize-cli 6.6 gives umzug for
// migrations and seeders: .cjs, .js, .cts and .ts files, never .d.ts.
var FilePattern = regexp.MustCompile(`^.*\.(cjs|js|cts|ts)$`)

func matches(name string) bool {
	return FilePattern.MatchString(name) && !strings.HasSuffix(name, ".d.ts")
}

// Session is what a Runner needs from the Sequelize surface (package
// bridge): the two arguments of up/down, and Ready, which builds the
// Sequelize instance before the first migration file is required (as
// sequelize-cli has built it by then).
type Session interface {
	Ready() error
	QueryInterface() goja.Value
	Sequelize() goja.Value
}

// Options configure a Runner.
type Options struct {
	// Dir is the absolute path of the migrations (or seeders) folder.
	Dir string
	// ReadDir lists the file names in a folder (not recursive).
	ReadDir func(dir string) ([]string, error)
	Storage Storage
	// Log receives umzug's log lines ("== name: migrating =======").
	Log func(line string)
	// Warn receives warnings, such as statements a migration started but
	// did not await.
	Warn func(msg string)
	// Now is the clock used for the durations printed (default time.Now).
	Now func() time.Time
}

// Runner runs migration files the way umzug v2 runs them for sequelize-cli:
// files of one folder in code-unit order, one at a time, each finished
// (its promise settled and every statement it started done) before its
// name is recorded.
type Runner struct {
	rt   *jsrt.Runtime
	sess Session
	opts Options
	call goja.Callable // the file-runner helper, compiled once
}

// New makes a Runner.
func New(rt *jsrt.Runtime, sess Session, opts Options) *Runner {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = func(string) {}
	}
	if opts.Warn == nil {
		opts.Warn = func(string) {}
	}
	return &Runner{rt: rt, sess: sess, opts: opts}
}

// Files lists the migration files, sorted as umzug sorts them (JavaScript
// string comparison, which for these names is byte order).
func (r *Runner) Files() ([]string, error) {
	names, err := r.opts.ReadDir(r.opts.Dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, n := range names {
		if matches(n) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out, nil
}

// Executed is the storage's list.
func (r *Runner) Executed(ctx context.Context) ([]string, error) {
	return r.opts.Storage.Executed(ctx)
}

// Pending is every file not in the executed list, in file order.
func (r *Runner) Pending(ctx context.Context) ([]string, error) {
	files, err := r.Files()
	if err != nil {
		return nil, err
	}
	executed, err := r.Executed(ctx)
	if err != nil {
		return nil, err
	}
	done := map[string]bool{}
	for _, e := range executed {
		done[e] = true
	}
	var out []string
	for _, f := range files {
		if !done[f] {
			out = append(out, f)
		}
	}
	return out, nil
}

// find is umzug's _findMigration: the first file whose name starts with
// needle.
func (r *Runner) find(needle string) (string, error) {
	files, err := r.Files()
	if err != nil {
		return "", err
	}
	return findIn(files, needle)
}

func findIn(files []string, needle string) (string, error) {
	for _, f := range files {
		if strings.HasPrefix(f, needle) {
			return f, nil
		}
	}
	return "", fmt.Errorf("Unable to find migration: %s", needle)
}

func (r *Runner) wasExecuted(ctx context.Context, file string) (bool, error) {
	executed, err := r.Executed(ctx)
	if err != nil {
		return false, err
	}
	for _, e := range executed {
		if strings.HasPrefix(e, file) {
			return true, nil
		}
	}
	return false, nil
}

func (r *Runner) isPending(ctx context.Context, file string) (bool, error) {
	pending, err := r.Pending(ctx)
	if err != nil {
		return false, err
	}
	for _, p := range pending {
		if strings.HasPrefix(p, file) {
			return true, nil
		}
	}
	return false, nil
}

// UpOptions select what Up runs: Names (each matched by prefix, each must
// be pending), or the pending files from after From up to and including To.
type UpOptions struct {
	Names    []string
	To, From string
}

// DownOptions select what Down reverts: Names (each must have been
// executed), or the executed list newest first down to and including To;
// with neither, only the newest.
type DownOptions struct {
	Names []string
	To    string
	All   bool
}

// check resolves each name to a file (umzug's _findMigration) and insists
// it is pending (up) or was executed (down), with umzug's messages.
func (r *Runner) check(ctx context.Context, names []string, method string) error {
	for _, n := range names {
		f, err := r.find(n)
		if err != nil {
			return err
		}
		var ok bool
		if method == "up" {
			ok, err = r.isPending(ctx, f)
		} else {
			ok, err = r.wasExecuted(ctx, f)
		}
		if err != nil {
			return err
		}
		if !ok && method == "up" {
			return fmt.Errorf("Migration is not pending: %s", f)
		}
		if !ok {
			return fmt.Errorf("Migration was not executed: %s", f)
		}
	}
	return nil
}

// Up runs migrations up.
func (r *Runner) Up(ctx context.Context, o UpOptions) error {
	if o.Names != nil {
		if err := r.check(ctx, o.Names, "up"); err != nil {
			return err
		}
		return r.Execute(ctx, o.Names, "up")
	}
	list, err := r.Pending(ctx)
	if err != nil {
		return err
	}
	if o.To != "" {
		if err := r.check(ctx, []string{o.To}, "up"); err != nil {
			return err
		}
	}
	if o.From != "" {
		if list, err = r.fromMatch(ctx, o.From, "up"); err != nil {
			return err
		}
	}
	return r.Execute(ctx, untilMatch(o.To, list), "up")
}

// Down reverts migrations.
func (r *Runner) Down(ctx context.Context, o DownOptions) error {
	executed, err := r.Executed(ctx)
	if err != nil {
		return err
	}
	reversed := make([]string, len(executed))
	for i, e := range executed {
		reversed[len(executed)-1-i] = e
	}
	if o.Names == nil && o.To == "" && !o.All {
		if len(reversed) == 0 {
			return nil
		}
		o.Names = []string{reversed[0]}
	}
	if o.Names != nil {
		if err := r.check(ctx, o.Names, "down"); err != nil {
			return err
		}
		return r.Execute(ctx, o.Names, "down")
	}
	if o.To != "" {
		if err := r.check(ctx, []string{o.To}, "down"); err != nil {
			return err
		}
	}
	return r.Execute(ctx, untilMatch(o.To, reversed), "down")
}

// untilMatch keeps names up to and including the first that starts with to.
func untilMatch(to string, names []string) []string {
	var out []string
	for _, n := range names {
		out = append(out, n)
		if to != "" && strings.HasPrefix(n, to) {
			break
		}
	}
	return out
}

// fromMatch is _findMigrationsFromMatch: the files after the first one
// matching from, that are not executed (up) or are executed (down).
func (r *Runner) fromMatch(ctx context.Context, from, method string) ([]string, error) {
	files, err := r.Files()
	if err != nil {
		return nil, err
	}
	var after []string
	found := false
	for _, f := range files {
		if strings.HasPrefix(f, from) {
			found = true
			continue
		}
		if found {
			after = append(after, f)
		}
	}
	var out []string
	for _, f := range after {
		done, err := r.wasExecuted(ctx, f)
		if err != nil {
			return nil, err
		}
		if done == (method == "down") {
			out = append(out, f)
		}
	}
	return out, nil
}

// Execute is umzug's execute: every name is resolved to a file first, then
// each runs in turn; up skips files already executed; a failure stops the
// run and is not recorded.
func (r *Runner) Execute(ctx context.Context, names []string, method string) error {
	// umzug reads the folder once per name (_findMigration); nothing runs
	// between those reads, so one listing finds them all.
	var all []string
	if len(names) > 0 {
		var err error
		if all, err = r.Files(); err != nil {
			return err
		}
	}
	files := make([]string, len(names))
	for i, n := range names {
		f, err := findIn(all, n)
		if err != nil {
			return err
		}
		files[i] = f
	}
	for _, f := range files {
		name := strings.TrimSuffix(f, path.Ext(f))
		executed, err := r.wasExecuted(ctx, f)
		if err != nil {
			return err
		}
		var start time.Time
		if !executed || method == "down" {
			if method == "up" {
				r.opts.Log("== " + name + ": migrating =======")
			} else {
				r.opts.Log("== " + name + ": reverting =======")
			}
			start = r.opts.Now()
			if err := r.runFile(ctx, f, method); err != nil {
				return &FileError{File: path.Join(r.opts.Dir, f), Method: method, Err: err}
			}
		}
		switch {
		case !executed && method == "up":
			if err := r.opts.Storage.Log(ctx, f); err != nil {
				return err
			}
		case method == "down":
			if err := r.opts.Storage.Unlog(ctx, f); err != nil {
				return err
			}
		}
		secs := fmt.Sprintf("%.3f", r.opts.Now().Sub(start).Seconds())
		if start.IsZero() {
			secs = "NaN"
		}
		if method == "up" {
			r.opts.Log("== " + name + ": migrated (" + secs + "s)\n")
		} else {
			r.opts.Log("== " + name + ": reverted (" + secs + "s)\n")
		}
	}
	return nil
}

// FileError is a migration file that failed: the file, the method and the
// error (a *jsrt.ScriptError for JavaScript errors, with file and line).
type FileError struct {
	File   string
	Method string
	Err    error
}

func (e *FileError) Error() string { return e.Err.Error() }

func (e *FileError) Unwrap() error { return e.Err }

// runner is the part of umzug's Migration._exec that runs in JavaScript:
// pick up/down (also from `default`), call it with (queryInterface,
// Sequelize) and `this` the module, and insist on a promise.
const runnerSource = `(function (mod, method, file, qi, Sequelize) {
  let fun = mod[method];
  if (mod.default) fun = mod.default[method] || mod[method];
  if (!fun) throw new Error('Could not find migration method: ' + method);
  const result = fun.apply(mod, [qi, Sequelize]);
  if (!result || typeof result.then !== 'function') {
    throw new Error('Migration ' + file + " (or wrapper) didn't return a promise");
  }
  return result;
})`

// runFile requires the file and runs its method, waiting until the promise
// settled and every statement the migration started has finished.
func (r *Runner) runFile(ctx context.Context, file, method string) error {
	full := path.Join(r.opts.Dir, file)
	settled, err := r.rt.Loop().Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		if r.call == nil {
			v, err := vm.RunScript("sqzjs:runner", runnerSource)
			if err != nil {
				return nil, err
			}
			fn, ok := goja.AssertFunction(v)
			if !ok {
				return nil, errors.New("internal: runner is not a function")
			}
			r.call = fn
		}
		if err := r.sess.Ready(); err != nil {
			return nil, err
		}
		mod, err := r.rt.Require(full)
		if err != nil {
			return nil, err
		}
		return r.call(goja.Undefined(), mod, vm.ToValue(method), vm.ToValue(file), r.sess.QueryInterface(), r.sess.Sequelize())
	})
	if settled.Dangling > 0 {
		r.opts.Warn(fmt.Sprintf("%s: %d database call(s) were still running when %s() finished (a missing await?); sqzjs waited for them before recording the migration", full, settled.Dangling, method))
	}
	return err
}
