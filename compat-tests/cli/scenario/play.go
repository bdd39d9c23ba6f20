package scenario

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sqzjs/sqzjs/compat-tests/schemadump"
	"github.com/sqzjs/sqzjs/compat-tests/schemadump/freshdb"
)

// Runner runs one step: args are the sequelize-cli arguments (no program
// name), dir is the project directory (the working directory) and env the
// complete environment ("KEY=value"). It returns what the step printed and
// its exit code; err is for a step that could not be run at all (Node
// missing, a timeout, a panic), never for a non-zero exit.
type Runner func(ctx context.Context, args []string, dir string, env []string) (stdout, stderr []byte, exit int, err error)

// ExecRunner returns a Runner that runs the program argv[0] with argv[1:]
// and then the step's arguments (e.g. "node", ".../sequelize-cli"), each step
// limited to timeout.
func ExecRunner(timeout time.Duration, argv ...string) Runner {
	return func(ctx context.Context, args []string, dir string, env []string) ([]byte, []byte, int, error) {
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		all := append(slices.Clone(argv[1:]), args...)
		cmd := exec.CommandContext(ctx, argv[0], all...)
		cmd.Dir, cmd.Env = dir, env
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		var exitErr *exec.ExitError
		switch {
		case err == nil:
			return out.Bytes(), errOut.Bytes(), 0, nil
		case ctx.Err() != nil:
			err = ctx.Err()
		case errors.As(err, &exitErr) && exitErr.ExitCode() >= 0:
			return out.Bytes(), errOut.Bytes(), exitErr.ExitCode(), nil
		}
		return nil, nil, 0, fmt.Errorf("%s %s: %w\nstdout:\n%s\nstderr:\n%s", filepath.Base(argv[len(argv)-1]), strings.Join(args, " "), err, out.String(), errOut.String())
	}
}

type clockKey struct{}

// WithClock returns ctx carrying the fixed time a step must run under.
func WithClock(ctx context.Context, t time.Time) context.Context {
	return context.WithValue(ctx, clockKey{}, t)
}

// ClockFrom returns the fixed time of a step ([Scenario.Clock], passed by
// [Play] to the [Runner] in its context), if the scenario has one.
func ClockFrom(ctx context.Context) (time.Time, bool) {
	t, ok := ctx.Value(clockKey{}).(time.Time)
	return t, ok && !t.IsZero()
}

// ScratchSuffix is added to the fresh database's name to make the name of
// a second database that does not exist: SCRATCH_DATABASE_URL points at it
// (db:create / db:drop scenarios), and Play drops it at the end.
const ScratchSuffix = "_scratch"

// Options configure [Play].
type Options struct {
	// RepoRoot is the directory the scenario's project is relative to.
	RepoRoot string
	// Dialect is the dialect to play on.
	Dialect string
	// DB is the fresh server database (nil for sqlite, which uses the
	// project's own SQLite file).
	DB *freshdb.DB
	// WorkDir is an empty directory; the project is copied to
	// WorkDir/project.
	WorkDir string
	// Prepare, when set, is called once on the copied project before the
	// first step (the recorder links Node's node_modules into it).
	Prepare func(projectDir string) error
	// Run runs a step.
	Run Runner
	// Teasers are extra patterns of whole lines replaced by "<teaser>" (the
	// tests pass sqzjs's own teaser line).
	Teasers []*regexp.Regexp
	// BaseEnv is the environment steps start from (default os.Environ()).
	BaseEnv []string
	// AfterStep, when set, is called after each step with its number (from
	// 1) and the recorded step.
	AfterStep func(n int, st Step)
}

// SequelizeTeaser matches sequelize-cli's teaser line.
var SequelizeTeaser = regexp.MustCompile(`^Sequelize CLI \[Node: [^,]*, CLI: [^,]*, ORM: [^\]]*\]$`)

// duration matches the time umzug prints after "migrated"/"reverted".
var duration = regexp.MustCompile(`^(== .*: (?:migrated|reverted) )\(\d+(?:\.\d+)?s\)$`)

// mariadbConn matches the connection id the mariadb connector puts in its
// error messages: "(conn=3258, no: 1054, SQLState: 42S22) …".
var mariadbConn = regexp.MustCompile(`\(conn=\d+, `)

// Normalizer replaces what changes from run to run.
type Normalizer struct {
	// Projects are the absolute paths of the temporary project (the path
	// as created and with symlinks resolved), replaced by "<project>".
	Projects []string
	// Database is the random database name, replaced by "<database>".
	Database string
	// Teasers are whole-line patterns replaced by "<teaser>" (besides
	// [SequelizeTeaser]).
	Teasers []*regexp.Regexp
}

// Normalize applies the normalisation to one output.
func (n Normalizer) Normalize(s string) string {
	projects := slices.Clone(n.Projects)
	// The longest first: one path may end with another (/private/tmp/x, /tmp/x).
	slices.SortFunc(projects, func(a, b string) int { return len(b) - len(a) })
	for _, p := range projects {
		if p != "" {
			s = strings.ReplaceAll(s, p, "<project>")
		}
	}
	if n.Database != "" {
		s = strings.ReplaceAll(s, n.Database, "<database>")
	}
	s = mariadbConn.ReplaceAllString(s, "(conn=<id>, ")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if SequelizeTeaser.MatchString(l) {
			lines[i] = "<teaser>"
			continue
		}
		for _, re := range n.Teasers {
			if re.MatchString(l) {
				lines[i] = "<teaser>"
			}
		}
		if m := duration.FindStringSubmatch(l); m != nil {
			lines[i] = m[1] + "(<duration>)"
		}
	}
	return strings.Join(lines, "\n")
}

// Encode makes output section text: output that does not end in a newline
// gets one plus the line [NoNewline].
func Encode(s string) string {
	if s == "" || strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n" + NoNewline + "\n"
}

// DatabaseURL returns the URL a project's DATABASE_URL holds for a fresh
// server database: postgres://, mysql:// or mariadb:// by dialect.
func DatabaseURL(dialect string, c freshdb.Conn) string {
	u := url.URL{Scheme: dialect, Path: "/" + c.Database}
	if c.Password != "" {
		u.User = url.UserPassword(c.Username, c.Password)
	} else if c.Username != "" {
		u.User = url.User(c.Username)
	}
	u.Host = c.Host
	if c.Port != 0 {
		u.Host = net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
	}
	return u.String()
}

// StepArgs returns the arguments of a step on dialect: the step's words, plus
// "--env test" on the server dialects.
func StepArgs(step, dialect string) ([]string, error) {
	args, err := Args(step)
	if err != nil {
		return nil, err
	}
	if dialect != "sqlite" {
		args = append(args, "--env", "test")
	}
	return args, nil
}

// ExpandURLs replaces the step words "$DATABASE_URL" and
// "$SCRATCH_DATABASE_URL" (whole words only) by those URLs, for steps that
// pass a database with --url. An empty URL leaves its word alone.
func ExpandURLs(args []string, databaseURL, scratchURL string) []string {
	out := slices.Clone(args)
	for i, a := range out {
		switch {
		case a == "$DATABASE_URL" && databaseURL != "":
			out[i] = databaseURL
		case a == "$SCRATCH_DATABASE_URL" && scratchURL != "":
			out[i] = scratchURL
		}
	}
	return out
}

// unsetEnv lists variables removed from the base environment: they change
// what sequelize-cli does (environment, colours, database) or how Node runs.
var unsetEnv = map[string]bool{
	"DATABASE_URL": true, "NODE_ENV": true, "FORCE_COLOR": true, "NO_COLOR": true,
	"TZ": true, "NODE_OPTIONS": true, "NODE_PATH": true,
}

// Env returns the environment of a step: base without [unsetEnv], plus
// TZ=UTC, FORCE_COLOR=0, NO_COLOR=1 and, when databaseURL is not empty,
// DATABASE_URL.
func Env(base []string, databaseURL string) []string {
	var env []string
	for _, kv := range base {
		k, _, _ := strings.Cut(kv, "=")
		if !unsetEnv[k] {
			env = append(env, kv)
		}
	}
	env = append(env, "TZ=UTC", "FORCE_COLOR=0", "NO_COLOR=1")
	if databaseURL != "" {
		env = append(env, "DATABASE_URL="+databaseURL)
	}
	return env
}

// Play copies the scenario's project into o.WorkDir and runs every step on
// o.Dialect with o.Run, returning the normalised steps. It stops at the first
// step o.Run could not run.
func Play(ctx context.Context, s *Scenario, o Options) ([]Step, error) {
	if o.Dialect != "sqlite" && o.DB == nil {
		return nil, fmt.Errorf("%s: no database", o.Dialect)
	}
	work, err := filepath.EvalSymlinks(o.WorkDir)
	if err != nil {
		return nil, err
	}
	project := filepath.Join(work, "project")
	if err := CopyProject(filepath.Join(o.RepoRoot, filepath.FromSlash(s.Project)), project); err != nil {
		return nil, err
	}
	if o.Prepare != nil {
		if err := o.Prepare(project); err != nil {
			return nil, err
		}
	}
	base := o.BaseEnv
	if base == nil {
		base = os.Environ()
	}
	norm := Normalizer{Projects: []string{project}, Teasers: o.Teasers}
	if abs, err := filepath.Abs(filepath.Join(o.WorkDir, "project")); err == nil && abs != project {
		norm.Projects = append([]string{abs}, norm.Projects...)
	}
	dbURL, scratchURL := "", ""
	if o.DB != nil {
		dbURL = DatabaseURL(o.Dialect, o.DB.Conn)
		scratch := o.DB.Conn
		scratch.Database += ScratchSuffix
		scratchURL = DatabaseURL(o.Dialect, scratch)
		norm.Database = o.DB.Name
		defer dropScratch(ctx, o)
	}
	env := Env(base, dbURL)
	if scratchURL != "" {
		env = append(env, "SCRATCH_DATABASE_URL="+scratchURL)
	}
	stepURL := dbURL
	if o.DB == nil {
		// sequelize-cli's parseDbUrl makes "/" + the path the storage.
		stepURL = "sqlite://" + filepath.ToSlash(filepath.Join(project, filepath.FromSlash(s.StorageFile())))
	}
	if !s.Clock.IsZero() {
		ctx = WithClock(ctx, s.Clock)
	}
	var steps []Step
	for i, line := range s.Steps {
		args, err := StepArgs(line, o.Dialect)
		if err != nil {
			return steps, err
		}
		args = ExpandURLs(args, stepURL, scratchURL)
		stdout, stderr, code, err := o.Run(ctx, args, project, env)
		if err != nil {
			return steps, fmt.Errorf("step %d (%s): %w", i+1, line, err)
		}
		st := Step{
			Stdout: Encode(norm.Normalize(string(stdout))),
			Stderr: Encode(norm.Normalize(string(stderr))),
			Exit:   code,
		}
		st.Schema, err = dumpAfter(ctx, o, filepath.Join(project, filepath.FromSlash(s.StorageFile())))
		if err != nil {
			return steps, fmt.Errorf("step %d (%s): schema dump: %w", i+1, line, err)
		}
		st.Schema = norm.Normalize(st.Schema)
		if len(s.Files) > 0 {
			st.Files = norm.Normalize(readFiles(project, s.Files))
		}
		steps = append(steps, st)
		if o.AfterStep != nil {
			o.AfterStep(i+1, st)
		}
	}
	return steps, nil
}

// dropScratch drops the scratch database a step may have created (from the
// fresh database's pool: neither server needs another connection for it).
func dropScratch(ctx context.Context, o Options) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	name := o.DB.Name + ScratchSuffix
	if o.Dialect == "postgres" {
		if _, err := o.DB.DB.ExecContext(ctx, `DROP DATABASE IF EXISTS "`+name+`" WITH (FORCE)`); err == nil {
			return
		}
		_, _ = o.DB.DB.ExecContext(ctx, `DROP DATABASE IF EXISTS "`+name+`"`)
		return
	}
	_, _ = o.DB.DB.ExecContext(ctx, "DROP DATABASE IF EXISTS `"+name+"`")
}

// NoDatabaseFile is the schema of a sqlite step after which the project's
// SQLite file does not exist.
const NoDatabaseFile = "(no database file)\n"

func dumpAfter(ctx context.Context, o Options, sqliteFile string) (string, error) {
	if o.DB != nil {
		return schemadump.Dump(ctx, o.DB.DB, o.Dialect, schemadump.Options{})
	}
	if _, err := os.Stat(sqliteFile); errors.Is(err, fs.ErrNotExist) {
		return NoDatabaseFile, nil
	}
	db, err := sql.Open("sqlite", "file:"+sqliteFile+"?mode=ro")
	if err != nil {
		return "", err
	}
	defer db.Close()
	return schemadump.Dump(ctx, db, "sqlite", schemadump.Options{})
}

func readFiles(project string, files []string) string {
	var b strings.Builder
	for _, f := range files {
		if dir, ok := strings.CutSuffix(f, "/"); ok {
			entries, err := os.ReadDir(filepath.Join(project, filepath.FromSlash(dir)))
			switch {
			case errors.Is(err, fs.ErrNotExist):
				fmt.Fprintf(&b, "== %s == (missing)\n", f)
			case err != nil:
				fmt.Fprintf(&b, "== %s == (%v)\n", f, err)
			default:
				fmt.Fprintf(&b, "== %s ==\n", f)
				for _, e := range entries {
					if e.Name() == "node_modules" {
						continue // the recorder links Node's in
					}
					if e.IsDir() {
						fmt.Fprintf(&b, "%s/\n", e.Name())
					} else {
						fmt.Fprintf(&b, "%s\n", e.Name())
					}
				}
			}
			continue
		}
		names := []string{f}
		if strings.ContainsAny(f, "*?[") {
			matches, err := filepath.Glob(filepath.Join(project, filepath.FromSlash(f)))
			if err != nil {
				fmt.Fprintf(&b, "== %s == (%v)\n", f, err)
				continue
			}
			if len(matches) == 0 {
				fmt.Fprintf(&b, "== %s == (no match)\n", f)
				continue
			}
			names = names[:0]
			for _, m := range matches {
				rel, _ := filepath.Rel(project, m)
				names = append(names, filepath.ToSlash(rel))
			}
		}
		for _, n := range names {
			data, err := os.ReadFile(filepath.Join(project, filepath.FromSlash(n)))
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					fmt.Fprintf(&b, "== %s == (missing)\n", n)
				} else {
					fmt.Fprintf(&b, "== %s == (%v)\n", n, err)
				}
				continue
			}
			fmt.Fprintf(&b, "== %s ==\n%s", n, Encode(string(data)))
		}
	}
	return b.String()
}

// CopyProject copies a project folder to dst (which must not exist), leaving
// out node_modules folders and SQLite files a local run may have left behind.
// Symbolic links are copied as links.
func CopyProject(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir() && d.Name() == "node_modules":
			return filepath.SkipDir
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case strings.HasSuffix(d.Name(), ".sqlite") || strings.HasSuffix(d.Name(), ".sqlite-journal"):
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		}
		return copyFile(p, target)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
