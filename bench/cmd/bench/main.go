package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/sqzjs/sqzjs/bench"
	"github.com/sqzjs/sqzjs/bench/replayfile"
)

type config struct {
	sqzjs, sqliteReplay, node, oracle, work, out, analysis string
	json, compare                                          string
	dialects                                               []string
	sizes                                                  []int
	runs, warmup, bulk                                     int
	pgHost, myHost                                         string
	pgPort, myPort                                         int
	pgUser, myUser                                         string
	db                                                     string
	check                                                  bool
	noCLI                                                  bool
}

func main() {
	var c config
	var dialects, sizes string
	flag.StringVar(&c.sqzjs, "sqzjs", "tmp/bench/sqzjs", "the sqzjs binary to measure")
	flag.StringVar(&c.sqliteReplay, "sqlite-replay", "tmp/bench/sqlite-replay", "the SQLite replayer (bench/cmd/sqlite-replay)")
	flag.StringVar(&c.node, "node", "node", "the node binary (sequelize-cli is skipped when it is missing)")
	flag.StringVar(&c.oracle, "oracle", "compat-tests/oracle", "the Node project whose node_modules has sequelize-cli")
	flag.StringVar(&c.work, "work", "tmp/bench/work", "scratch directory (generated projects, SQLite files, replay scripts)")
	flag.StringVar(&c.out, "out", "bench/RESULTS.md", "the report to write (\"\" for none)")
	flag.StringVar(&c.analysis, "analysis", "bench/analysis.md", "hand-written notes appended to the report")
	flag.StringVar(&c.json, "json", "bench/results.json", "every sample of the run, for a later -compare (\"\" for none)")
	flag.StringVar(&c.compare, "compare", "", "a previous run's -json file to compare with (default: the -json file as it was before this run, when it exists; \"none\" for no comparison)")
	flag.StringVar(&dialects, "dialects", "sqlite,postgres,mysql,mariadb", "dialects to run")
	flag.StringVar(&sizes, "n", "1,50,200", "migration folder sizes")
	flag.IntVar(&c.runs, "runs", 5, "measured runs of each command")
	flag.IntVar(&c.warmup, "warmup", 1, "warm-up runs before the measured ones")
	flag.IntVar(&c.bulk, "bulk", 100000, "rows of the one-migration bulkInsert case (0: skip)")
	flag.StringVar(&c.pgHost, "pg-host", "127.0.0.1", "PostgreSQL host")
	flag.IntVar(&c.pgPort, "pg-port", 5432, "PostgreSQL port")
	flag.StringVar(&c.pgUser, "pg-user", "postgres", "PostgreSQL user (trust authentication)")
	flag.StringVar(&c.myHost, "mysql-host", "127.0.0.1", "MariaDB host (for mysql and mariadb)")
	flag.IntVar(&c.myPort, "mysql-port", 3306, "MariaDB port")
	flag.StringVar(&c.myUser, "mysql-user", "root", "MariaDB user (no password)")
	flag.StringVar(&c.db, "db", "sqzjs_bench", "database created afresh for every run on the servers")
	flag.BoolVar(&c.check, "check", true, "check the captured statements against what the binary logs")
	flag.BoolVar(&c.noCLI, "no-sequelize-cli", false, "skip sequelize-cli even when Node is present")
	flag.Parse()
	c.dialects = strings.Split(dialects, ",")
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fatal(fmt.Errorf("-n: bad size %q", s))
		}
		c.sizes = append(c.sizes, n)
	}
	if err := run(&c); err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

// sample is one timed process run.
type sample struct {
	wall time.Duration
	cpu  time.Duration // user + system time of the process
	rss  int64         // KiB
}

// series are the measured runs of one tool on one case.
type series struct {
	tool    string
	samples []sample
	err     string // why there are no samples
}

// result is one row of the table: a dialect, a case, and its tools.
type result struct {
	dialect, kase string
	n             int
	tools         map[string]*series
}

// The tools, as the table names them.
const (
	toolSqzjs   = "sqzjs"
	toolCLI     = "sequelize-cli"
	toolReplay  = "replay"
	toolSqlite3 = "sqlite3 shell"
)

type bencher struct {
	c        *config
	ctx      context.Context
	root     string // repository root (the working directory)
	cli      string // path of sequelize-cli's bin, "" when skipped
	cliNote  string
	commands []string // the exact commands, for the report
	seen     map[string]bool
	results  []*result
	admin    map[string]*sql.DB
	timeBin  string // GNU time, "" when missing
}

func run(c *config) error {
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	b := &bencher{c: c, ctx: context.Background(), root: root, seen: map[string]bool{}, admin: map[string]*sql.DB{}}
	for _, p := range []*string{&c.sqzjs, &c.sqliteReplay, &c.oracle, &c.work} {
		if *p, err = filepath.Abs(*p); err != nil {
			return err
		}
	}
	for _, p := range []string{c.sqzjs, c.sqliteReplay} {
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("%v (build it first: make bench)", err)
		}
	}
	b.findCLI()
	if t, err := exec.LookPath("/usr/bin/time"); err == nil {
		b.timeBin = t
	} else {
		b.logf("GNU time (/usr/bin/time) is missing: peak RSS figures include this program's own RSS")
	}
	if err := os.MkdirAll(c.work, 0o755); err != nil {
		return err
	}
	prev, prevPath := b.previous()
	env := b.environment()
	started := time.Now()
	stopSampling := sampleLoad(15 * time.Second)
	for _, d := range c.dialects {
		if err := b.dialect(d); err != nil {
			return fmt.Errorf("%s: %w", d, err)
		}
	}
	env.loadDuring = stopSampling()
	env.loadEnd = loadAverage()
	env.duration = time.Since(started)
	table := b.table()
	fmt.Println()
	fmt.Print(table)
	fmt.Println()
	targets := b.targets(env)
	fmt.Print(targets)
	var compared string
	if prev != nil {
		compared = b.comparison(prev, prevPath)
		fmt.Println()
		fmt.Print(compared)
	}
	if c.out != "" {
		if err := b.writeReport(env, table, targets, compared); err != nil {
			return err
		}
		fmt.Println("\nwrote", c.out)
	}
	if c.json != "" {
		if err := writeJSON(c.json, b.saved(env)); err != nil {
			return err
		}
		fmt.Println("wrote", c.json)
	}
	return nil
}

// previous is the run to compare with (-compare, else the -json file left
// by the last run), or nil.
func (b *bencher) previous() (*savedRun, string) {
	path := b.c.compare
	if path == "none" {
		return nil, ""
	}
	if path == "" {
		path = b.c.json
	}
	if path == "" {
		return nil, ""
	}
	prev, err := readSaved(path)
	if err != nil {
		if b.c.compare != "" || !os.IsNotExist(err) {
			b.logf("no comparison with a previous run: %v", err)
		}
		return nil, ""
	}
	rel, err := filepath.Rel(b.root, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		rel = path
	}
	return prev, rel
}

func (b *bencher) findCLI() {
	if b.c.noCLI {
		b.cliNote = "sequelize-cli skipped (-no-sequelize-cli)"
		return
	}
	if _, err := exec.LookPath(b.c.node); err != nil {
		b.cliNote = "sequelize-cli skipped: Node is not installed (" + b.c.node + " not found)"
		return
	}
	p := filepath.Join(b.c.oracle, "node_modules", ".bin", "sequelize-cli")
	if _, err := os.Stat(p); err != nil {
		b.cliNote = "sequelize-cli skipped: " + p + " is missing (run `npm ci --prefix compat-tests/oracle`)"
		return
	}
	b.cli = p
}

func (b *bencher) logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}

// conn is the generated config's connection for dialect d and project dir.
func (b *bencher) conn(d, dir string) bench.Conn {
	switch d {
	case "sqlite":
		return bench.Conn{Dialect: d, Storage: filepath.Join(dir, "bench.sqlite")}
	case "postgres":
		return bench.Conn{Dialect: d, Host: b.c.pgHost, Port: b.c.pgPort, Username: b.c.pgUser, Database: b.c.db}
	default:
		return bench.Conn{Dialect: d, Host: b.c.myHost, Port: b.c.myPort, Username: b.c.myUser, Database: b.c.db}
	}
}

// fresh gives the project's database a fresh start.
func (b *bencher) fresh(d string, cn bench.Conn) error {
	switch d {
	case "sqlite":
		for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
			if err := os.Remove(cn.Storage + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
		return nil
	case "postgres":
		db, err := b.server(d)
		if err != nil {
			return err
		}
		if _, err := db.ExecContext(b.ctx, `DROP DATABASE IF EXISTS "`+b.c.db+`" WITH (FORCE)`); err != nil {
			return err
		}
		_, err = db.ExecContext(b.ctx, `CREATE DATABASE "`+b.c.db+`"`)
		return err
	default:
		db, err := b.server(d)
		if err != nil {
			return err
		}
		if _, err := db.ExecContext(b.ctx, "DROP DATABASE IF EXISTS `"+b.c.db+"`"); err != nil {
			return err
		}
		_, err = db.ExecContext(b.ctx, "CREATE DATABASE `"+b.c.db+"`")
		return err
	}
}

// server is an administrative connection to d's server.
func (b *bencher) server(d string) (*sql.DB, error) {
	key := d
	if d == "mariadb" {
		key = "mysql"
	}
	if db := b.admin[key]; db != nil {
		return db, nil
	}
	var db *sql.DB
	var err error
	if key == "postgres" {
		db, err = sql.Open("pgx", fmt.Sprintf("postgres://%s@%s:%d/postgres", b.c.pgUser, b.c.pgHost, b.c.pgPort))
	} else {
		mc := mysql.NewConfig()
		mc.User, mc.Net, mc.Addr = b.c.myUser, "tcp", fmt.Sprintf("%s:%d", b.c.myHost, b.c.myPort)
		db, err = sql.Open("mysql", mc.FormatDSN())
	}
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(b.ctx); err != nil {
		return nil, fmt.Errorf("the %s server is not reachable: %w", key, err)
	}
	b.admin[key] = db
	return db, nil
}

// proc is one command to time.
type proc struct {
	tool  string
	name  string
	args  []string
	dir   string
	stdin string // file fed to stdin
	// check inspects stdout after a successful run.
	check func(stdout string) error
}

func (p proc) String() string {
	s := strings.Join(append([]string{p.name}, p.args...), " ")
	if p.stdin != "" {
		s += " < " + p.stdin
	}
	return s
}

// environ is the environment of the measured processes: this one's without
// NODE_ENV (so "development" is used) and without colours.
func environ() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NODE_ENV=") {
			env = append(env, kv)
		}
	}
	return append(env, "NO_COLOR=1")
}

// exec runs p once and measures it.
func (b *bencher) exec(p proc) (sample, string, error) {
	// The peak RSS comes from GNU time when it is installed: Go starts
	// processes with vfork, and Linux counts the parent's resident set in
	// the child's maximum when the child calls exec (the mm it replaces is
	// the parent's), so the rusage of a child of this program is never less
	// than this program's own RSS. GNU time forks a real, small child.
	name, args := p.name, p.args
	rssFile := ""
	if b.timeBin != "" {
		f, err := os.CreateTemp(b.c.work, "rss-*")
		if err != nil {
			return sample{}, "", err
		}
		f.Close()
		rssFile = f.Name()
		defer os.Remove(rssFile)
		name, args = b.timeBin, append([]string{"-f", "%U %S %M", "-o", rssFile, p.name}, p.args...)
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = p.dir
	cmd.Env = environ()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if p.stdin != "" {
		f, err := os.Open(p.stdin)
		if err != nil {
			return sample{}, "", err
		}
		defer f.Close()
		cmd.Stdin = f
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, stdout.String(), fmt.Errorf("%s: %v\n%s%s", p, err, tail(stdout.String()), tail(stderr.String()))
	}
	rss, cpu := int64(0), time.Duration(0)
	if rssFile != "" {
		data, err := os.ReadFile(rssFile)
		if err != nil {
			return sample{}, "", err
		}
		if rss, cpu, err = parseTime(string(data)); err != nil {
			return sample{}, "", fmt.Errorf("%s: GNU time: %v", p, err)
		}
	} else if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
		cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	if p.check != nil {
		if err := p.check(stdout.String()); err != nil {
			return sample{}, stdout.String(), fmt.Errorf("%s: %v\n%s", p, err, tail(stdout.String()))
		}
	}
	return sample{wall: wall, cpu: cpu, rss: rss}, stdout.String(), nil
}

// parseTime reads what GNU time -f "%U %S %M" wrote: user and system
// seconds, then the peak RSS in KiB.
func parseTime(out string) (rss int64, cpu time.Duration, err error) {
	f := strings.Fields(out)
	if len(f) < 3 {
		return 0, 0, fmt.Errorf("unexpected output %q", out)
	}
	f = f[len(f)-3:]
	user, err1 := strconv.ParseFloat(f[0], 64)
	sys, err2 := strconv.ParseFloat(f[1], 64)
	rss, err3 := strconv.ParseInt(f[2], 10, 64)
	if err := errors.Join(err1, err2, err3); err != nil {
		return 0, 0, err
	}
	return rss, time.Duration((user + sys) * float64(time.Second)), nil
}

func tail(s string) string {
	if len(s) > 2000 {
		s = "…" + s[len(s)-2000:]
	}
	return s
}

func (b *bencher) record(p proc) {
	s := p.String()
	s = strings.ReplaceAll(s, b.c.work, "$WORK")
	s = strings.ReplaceAll(s, b.root+"/", "")
	if !b.seen[s] {
		b.seen[s] = true
		b.commands = append(b.commands, s)
	}
}

// measure runs the procs in turn, warm-up rounds first, each on a fresh
// database, and returns their series.
func (b *bencher) measure(d string, cn bench.Conn, procs []proc, freshEach bool) map[string]*series {
	out := map[string]*series{}
	for _, p := range procs {
		out[p.tool] = &series{tool: p.tool}
		b.record(p)
	}
	for round := 0; round < b.c.warmup+b.c.runs; round++ {
		for _, p := range procs {
			s := out[p.tool]
			if s.err != "" {
				continue
			}
			if freshEach {
				if err := b.fresh(d, cn); err != nil {
					s.err = "fresh database: " + err.Error()
					continue
				}
			}
			smp, _, err := b.exec(p)
			if err != nil {
				s.err = err.Error()
				b.logf("FAILED %s", err)
				continue
			}
			if round >= b.c.warmup {
				s.samples = append(s.samples, smp)
			}
		}
	}
	return out
}

func countLines(prefix string, want int) func(string) error {
	return func(stdout string) error {
		n := 0
		for _, l := range strings.Split(stdout, "\n") {
			if strings.HasPrefix(l, prefix) {
				n++
			}
		}
		if n != want {
			return fmt.Errorf("%d lines start with %q, want %d", n, prefix, want)
		}
		return nil
	}
}

// dialect runs every case of one dialect.
func (b *bencher) dialect(d string) error {
	type kase struct {
		name  string
		n     int
		files map[string]string
	}
	var cases []kase
	for _, n := range b.c.sizes {
		cases = append(cases, kase{fmt.Sprintf("N=%d", n), n, bench.Migrations(n)})
	}
	if b.c.bulk > 0 {
		cases = append(cases, kase{fmt.Sprintf("bulkInsert %d rows", b.c.bulk), 1, bench.BulkMigration(b.c.bulk)})
	}
	if d != "sqlite" {
		if _, err := b.server(d); err != nil {
			return err
		}
	}
	for _, k := range cases {
		dir := filepath.Join(b.c.work, d+"-"+strings.ReplaceAll(strings.ReplaceAll(k.name, " ", "-"), "=", ""))
		cn := b.conn(d, dir)
		nm := ""
		if b.cli != "" {
			nm = filepath.Join(b.c.oracle, "node_modules")
		}
		if err := bench.WriteProject(dir, cn, k.files, nm); err != nil {
			return err
		}
		logging := cn
		logging.Logging = true
		if err := writeJSON(filepath.Join(dir, "config", "logging.json"), map[string]bench.Conn{"development": logging}); err != nil {
			return err
		}
		b.logf("%s %s: capturing the statements", d, k.name)
		replay, err := b.capture(d, dir, cn)
		if err != nil {
			return fmt.Errorf("%s: %w", k.name, err)
		}
		migrated := countLines("== ", 2*k.n)
		procs := []proc{{tool: toolSqzjs, name: b.c.sqzjs, args: []string{"db:migrate"}, dir: dir, check: migrated}}
		if b.cli != "" {
			procs = append(procs, proc{tool: toolCLI, name: b.c.node, args: []string{filepath.Join(dir, "node_modules", ".bin", "sequelize-cli"), "db:migrate"}, dir: dir, check: migrated})
		}
		procs = append(procs, replay...)
		b.logf("%s %s: db:migrate, %d+%d rounds of %d commands", d, k.name, b.c.warmup, b.c.runs, len(procs))
		r := &result{dialect: d, kase: k.name + " migrate", n: k.n, tools: b.measure(d, cn, procs, true)}
		b.results = append(b.results, r)
		if strings.HasPrefix(k.name, "bulk") {
			continue
		}
		// db:migrate:status with nothing pending, on a database migrated
		// by sqzjs.
		if err := b.fresh(d, cn); err != nil {
			return err
		}
		if _, _, err := b.exec(procs[0]); err != nil {
			return err
		}
		up := countLines("up ", k.n)
		status := []proc{{tool: toolSqzjs, name: b.c.sqzjs, args: []string{"db:migrate:status"}, dir: dir, check: up}}
		if b.cli != "" {
			status = append(status, proc{tool: toolCLI, name: b.c.node, args: []string{filepath.Join(dir, "node_modules", ".bin", "sequelize-cli"), "db:migrate:status"}, dir: dir, check: up})
		}
		b.logf("%s %s: db:migrate:status", d, k.name)
		b.results = append(b.results, &result{dialect: d, kase: k.name + " status", n: k.n, tools: b.measure(d, cn, status, false)})
	}
	return nil
}

func writeJSON(path string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// capture records the statements sqzjs sends for the project, checks them
// against the binary's log, writes the replay files and returns the replay
// commands.
func (b *bencher) capture(d, dir string, cn bench.Conn) ([]proc, error) {
	if err := b.fresh(d, cn); err != nil {
		return nil, err
	}
	stmts, err := bench.Capture(b.ctx, dir, cn)
	if err != nil {
		return nil, fmt.Errorf("capture: %w", err)
	}
	if b.c.check {
		if err := b.fresh(d, cn); err != nil {
			return nil, err
		}
		_, stdout, err := b.exec(proc{name: b.c.sqzjs, args: []string{"--config", "config/logging.json", "db:migrate"}, dir: dir})
		if err != nil {
			return nil, err
		}
		if err := bench.CheckAgainstLog(stmts, stdout); err != nil {
			return nil, fmt.Errorf("the captured statements are not the binary's: %w", err)
		}
	}
	rs, err := bench.ReplayStatements(stmts)
	if err != nil {
		return nil, err
	}
	var procs []proc
	switch d {
	case "sqlite":
		jsonl := filepath.Join(dir, "replay.jsonl")
		f, err := os.Create(jsonl)
		if err != nil {
			return nil, err
		}
		if err := replayfile.Write(f, rs); err != nil {
			f.Close()
			return nil, err
		}
		if err := f.Close(); err != nil {
			return nil, err
		}
		procs = append(procs, proc{tool: toolReplay, name: b.c.sqliteReplay, args: []string{cn.Storage, jsonl}, dir: dir})
		if sh, err := exec.LookPath("sqlite3"); err == nil {
			file, err := writeScript(dir, "sqlite", d, rs)
			if err != nil {
				return nil, err
			}
			procs = append(procs, proc{tool: toolSqlite3, name: sh, args: []string{"-bail", cn.Storage}, dir: dir, stdin: file})
		}
	case "postgres":
		file, err := writeScript(dir, "postgres", d, rs)
		if err != nil {
			return nil, err
		}
		psql, err := exec.LookPath("psql")
		if err != nil {
			return nil, fmt.Errorf("the replay needs psql: %w", err)
		}
		procs = append(procs, proc{tool: toolReplay, name: psql, args: []string{"-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", cn.Host, "-p", strconv.Itoa(cn.Port), "-U", cn.Username, "-d", cn.Database, "-o", "/dev/null", "-f", file}, dir: dir})
	default:
		file, err := writeScript(dir, "mysql", d, rs)
		if err != nil {
			return nil, err
		}
		client, err := exec.LookPath("mariadb")
		if err != nil {
			if client, err = exec.LookPath("mysql"); err != nil {
				return nil, fmt.Errorf("the replay needs the mariadb client: %w", err)
			}
		}
		procs = append(procs, proc{tool: toolReplay, name: client, args: []string{"--batch", "-h", cn.Host, "-P", strconv.Itoa(cn.Port), "-u", cn.Username, cn.Database}, dir: dir, stdin: file})
	}
	b.logf("%s: %d statements captured", d, len(stmts))
	return procs, nil
}

// writeScript writes the replay script for the client of flavor into dir.
func writeScript(dir, flavor, dialectName string, rs []replayfile.Statement) (string, error) {
	script, err := bench.Script(flavor, bench.SetupStatements(dialectName), rs)
	if err != nil {
		return "", err
	}
	file := filepath.Join(dir, "replay.sql")
	return file, os.WriteFile(file, []byte(script), 0o644)
}

// stats of a series.
type stats struct {
	med, min, max time.Duration
	cpu           time.Duration // median user + system time
	rss           int64         // median peak RSS, KiB
	rssMax        int64
	ok            bool
}

func (s *series) stats() stats {
	if s == nil || len(s.samples) == 0 {
		return stats{}
	}
	walls := make([]time.Duration, len(s.samples))
	cpus := make([]time.Duration, len(s.samples))
	rss := make([]int64, len(s.samples))
	for i, x := range s.samples {
		walls[i], cpus[i], rss[i] = x.wall, x.cpu, x.rss
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	slices.Sort(rss)
	return stats{med: median(walls), min: walls[0], max: walls[len(walls)-1], cpu: median(cpus), rss: median(rss), rssMax: rss[len(rss)-1], ok: true}
}

func median[T int64 | time.Duration](xs []T) T {
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

func ms(d time.Duration) string {
	f := float64(d) / float64(time.Millisecond)
	switch {
	case f >= 100:
		return fmt.Sprintf("%.0f", f)
	case f >= 10:
		return fmt.Sprintf("%.1f", f)
	}
	return fmt.Sprintf("%.2f", f)
}

func cell(s stats) string {
	if !s.ok {
		return "—"
	}
	return fmt.Sprintf("%s (%s–%s)", ms(s.med), ms(s.min), ms(s.max))
}

func mib(kib int64) string { return fmt.Sprintf("%.1f", float64(kib)/1024) }

func ratio(a, b stats) string { return ratioCell(wallRatioOf(a, b)) }

func ratioCell(r float64) string {
	if math.IsNaN(r) {
		return "—"
	}
	return fmt.Sprintf("%.3f", r)
}

func cpuCell(s stats) string {
	if !s.ok {
		return "—"
	}
	return ms(s.cpu)
}

func cpuRatio(a, b stats) string { return ratioCell(cpuRatioOf(a, b)) }

func rssRatio(a, b stats) string { return ratioCell(rssRatioOf(a, b)) }

// table renders the results as one Markdown table.
func (b *bencher) table() string {
	var w strings.Builder
	w.WriteString("| dialect | case | sqzjs ms median (min–max) | sequelize-cli ms | replay ms | sqzjs / sequelize-cli | sqzjs / replay | CPU ms sqzjs / sequelize-cli / replay | CPU sqzjs / sequelize-cli | peak RSS MiB sqzjs / sequelize-cli / replay | RSS sqzjs / sequelize-cli |\n")
	w.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, r := range b.results {
		sq, cl, rp := r.tools[toolSqzjs].stats(), r.tools[toolCLI].stats(), r.tools[toolReplay].stats()
		rssCell := func(s stats) string {
			if !s.ok {
				return "—"
			}
			return mib(s.rss)
		}
		fmt.Fprintf(&w, "| %s | %s | %s | %s | %s | %s | %s | %s / %s / %s | %s | %s / %s / %s | %s |\n",
			r.dialect, r.kase, cell(sq), cell(cl), cell(rp), ratio(sq, cl), ratio(sq, rp),
			cpuCell(sq), cpuCell(cl), cpuCell(rp), cpuRatio(sq, cl),
			rssCell(sq), rssCell(cl), rssCell(rp), rssRatio(sq, cl))
		if sh := r.tools[toolSqlite3]; sh != nil {
			st := sh.stats()
			fmt.Fprintf(&w, "| %s | %s, replayed by the sqlite3 shell (C SQLite %s) | | | %s | | %s | — / — / %s | | — / — / %s | |\n",
				r.dialect, r.kase, sqlite3Version(), cell(st), ratio(sq, st), cpuCell(st), rssCell(st))
		}
	}
	var failures []string
	for _, r := range b.results {
		for _, t := range []string{toolSqzjs, toolCLI, toolReplay, toolSqlite3} {
			if s := r.tools[t]; s != nil && s.err != "" {
				failures = append(failures, fmt.Sprintf("- %s %s, %s failed: %s", r.dialect, r.kase, t, firstLine(s.err)))
			}
		}
	}
	if b.cliNote != "" {
		failures = append(failures, "- "+b.cliNote)
	}
	if len(failures) > 0 {
		w.WriteString("\n" + strings.Join(failures, "\n") + "\n")
	}
	return w.String()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func (b *bencher) find(d, kase string) *result {
	for _, r := range b.results {
		if r.dialect == d && r.kase == kase {
			return r
		}
	}
	return nil
}

// targets checks the targets against the results.
func (b *bencher) targets(env *environment) string {
	var w strings.Builder
	w.WriteString("| target | dialect | measured | met |\n| --- | --- | --- | --- |\n")
	mark := func(ok bool) string {
		if ok {
			return "yes"
		}
		return "**no**"
	}
	row := func(target, d string, a, c stats, limit float64, rss bool) {
		if !a.ok || !c.ok {
			fmt.Fprintf(&w, "| %s | %s | not measured | — |\n", target, d)
			return
		}
		x := wallRatioOf(a, c)
		if rss {
			x = rssRatioOf(a, c)
		}
		fmt.Fprintf(&w, "| %s | %s | %.3f | %s |\n", target, d, x, mark(x <= limit))
	}
	smallest, largest := slices.Min(b.c.sizes), slices.Max(b.c.sizes)
	for _, d := range b.c.dialects {
		if r := b.find(d, fmt.Sprintf("N=%d status", smallest)); r != nil {
			row(fmt.Sprintf("start-up (db:migrate:status, N=%d, nothing pending) ≤ 1/50 of sequelize-cli's", smallest), d, r.tools[toolSqzjs].stats(), r.tools[toolCLI].stats(), 1.0/50, false)
			if a, c := r.tools[toolSqzjs].stats(), r.tools[toolCLI].stats(); !math.IsNaN(cpuRatioOf(a, c)) {
				fmt.Fprintf(&w, "| (the same in CPU time, user + system: not a target, less sensitive to the machine's load) | %s | %.3f (%s ms / %s ms) | — |\n", d, cpuRatioOf(a, c), ms(a.cpu), ms(c.cpu))
			}
		}
	}
	for _, d := range b.c.dialects {
		if r := b.find(d, fmt.Sprintf("N=%d migrate", largest)); r != nil {
			row(fmt.Sprintf("db:migrate N=%d ≤ 1.15 × the replay", largest), d, r.tools[toolSqzjs].stats(), r.tools[toolReplay].stats(), 1.15, false)
		}
	}
	for _, d := range b.c.dialects {
		worst, worstCase := -1.0, ""
		var ws, wc stats
		for _, r := range b.results {
			if r.dialect != d {
				continue
			}
			a, c := r.tools[toolSqzjs].stats(), r.tools[toolCLI].stats()
			if x := rssRatioOf(a, c); x > worst { // false for NaN (not measured)
				worst, worstCase, ws, wc = x, r.kase, a, c
			}
		}
		if worst >= 0 {
			row("peak RSS ≤ 1/4 of sequelize-cli's (worst case: "+worstCase+")", d, ws, wc, 0.25, true)
		}
	}
	if b.c.bulk > 0 {
		for _, d := range b.c.dialects {
			if r := b.find(d, fmt.Sprintf("bulkInsert %d rows migrate", b.c.bulk)); r != nil {
				row(fmt.Sprintf("bulkInsert of %d rows ≤ 1/3 of sequelize-cli's time", b.c.bulk), d, r.tools[toolSqzjs].stats(), r.tools[toolCLI].stats(), 1.0/3, false)
			}
		}
	}
	size := float64(env.binarySize) / 1e6
	fmt.Fprintf(&w, "| static binary ≤ 35 MB | all | %.1f MB (%d bytes) | %s |\n", size, env.binarySize, mark(size <= 35))
	return w.String()
}

// environment describes the machine and the versions.
type environment struct {
	cpu, cores, kernel, loadStart, loadEnd string
	loadDuring                             string // 1-minute load average sampled during the run
	versions                               [][2]string
	binarySize                             int64
	commit                                 string
	date                                   time.Time
	duration                               time.Duration
}

// sampleLoad reads the 1-minute load average every interval until the
// returned function is called; that function describes the samples
// (minimum, median and maximum).
func sampleLoad(interval time.Duration) func() string {
	var samples []float64
	done := make(chan struct{})
	finished := make(chan struct{})
	read := func() {
		f := strings.Fields(loadAverage())
		if v, err := strconv.ParseFloat(f[0], 64); err == nil {
			samples = append(samples, v)
		}
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			read()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() string {
		close(done)
		<-finished
		if len(samples) == 0 {
			return "?"
		}
		slices.Sort(samples)
		return fmt.Sprintf("%.1f min, %.1f median, %.1f max over %d samples every %s", samples[0], samples[len(samples)/2], samples[len(samples)-1], len(samples), interval)
	}
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func output(name string, args ...string) string {
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		return "unavailable"
	}
	return strings.TrimSpace(firstLine(strings.TrimSpace(string(out))))
}

func sqlite3Version() string {
	v := output("sqlite3", "--version")
	if f := strings.Fields(v); len(f) > 0 {
		return f[0]
	}
	return v
}

func (b *bencher) environment() *environment {
	env := &environment{cores: strconv.Itoa(runtime.NumCPU()), loadStart: loadAverage(), date: time.Now()}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				env.cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	env.kernel = output("uname", "-sr")
	if fi, err := os.Stat(b.c.sqzjs); err == nil {
		env.binarySize = fi.Size()
	}
	env.commit = output("git", "rev-parse", "--short", "HEAD")
	// The reports a run writes do not count as changes to what is measured.
	if out := output("git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/RESULTS.md", ":!bench/results.json", ":!bench/analysis.md"); out != "" && out != "unavailable" {
		env.commit += " (with uncommitted changes in the checkout)"
	}
	add := func(k, v string) { env.versions = append(env.versions, [2]string{k, v}) }
	add("sqzjs", output(b.c.sqzjs, "--version"))
	add("Go", runtime.Version())
	if b.cli != "" {
		add("Node", output(b.c.node, "--version"))
		for _, pkg := range []string{"sequelize-cli", "sequelize", "sqlite3", "pg", "mysql2", "mariadb"} {
			add(pkg, packageVersion(filepath.Join(b.c.oracle, "node_modules", pkg, "package.json")))
		}
	}
	for _, d := range b.c.dialects {
		switch d {
		case "postgres":
			add("PostgreSQL server", b.serverVersion(d, "SELECT version()"))
			add("psql", output("psql", "--version"))
		case "mysql", "mariadb":
			add("MariaDB server", b.serverVersion(d, "SELECT version()"))
			add("mariadb client", output("mariadb", "--version"))
		case "sqlite":
			add("sqlite3 shell", output("sqlite3", "--version"))
		}
	}
	// Dedupe (mysql and mariadb share the server).
	seen := map[string]bool{}
	var vs [][2]string
	for _, v := range env.versions {
		if !seen[v[0]] {
			seen[v[0]] = true
			vs = append(vs, v)
		}
	}
	env.versions = vs
	return env
}

func packageVersion(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "not installed"
	}
	var pkg struct{ Version string }
	if err := json.Unmarshal(data, &pkg); err != nil {
		return "?"
	}
	return pkg.Version
}

func (b *bencher) serverVersion(d, q string) string {
	db, err := b.server(d)
	if err != nil {
		return "unreachable"
	}
	var v string
	if err := db.QueryRowContext(b.ctx, q).Scan(&v); err != nil {
		return "?"
	}
	return v
}

func (b *bencher) writeReport(env *environment, table, targets, compared string) error {
	var w strings.Builder
	w.WriteString("# sqzjs benchmarks\n\n")
	w.WriteString("Written by `make bench` (bench/cmd/bench); do not edit by hand — notes that survive a re-run go in `bench/analysis.md`, appended below.\n\n")
	w.WriteString("## Machine\n\n")
	fmt.Fprintf(&w, "- CPU: %s, %s cores (shared: other jobs run on it; load average %s at the start, %s at the end)\n", env.cpu, env.cores, env.loadStart, env.loadEnd)
	fmt.Fprintf(&w, "- Load during the run (1-minute load average): %s\n", env.loadDuring)
	fmt.Fprintf(&w, "- Kernel: %s\n", env.kernel)
	fmt.Fprintf(&w, "- Run: %s, %s, sqzjs commit %s\n", env.date.UTC().Format("2006-01-02 15:04 UTC"), env.duration.Round(time.Second), env.commit)
	fmt.Fprintf(&w, "- Runs: %d measured after %d warm-up, each `db:migrate` on a fresh database (SQLite file deleted; server database dropped and created)\n", b.c.runs, b.c.warmup)
	w.WriteString("\n## Versions\n\n")
	for _, v := range env.versions {
		fmt.Fprintf(&w, "- %s: %s\n", v[0], v[1])
	}
	w.WriteString("\n## Results\n\n")
	w.WriteString("Wall time in milliseconds, from fork to exit: median (min–max). CPU is the median of the process's user + system time (GNU time, 10 ms resolution; the client only: the server's work is not in it, so for postgres and mysql the replay's CPU is psql's or mariadb's own); on a shared machine it moves far less than wall time. Peak RSS is the median of the process's maximum resident set (the client only, not the database server). " +
		"\"replay\" is the statements sqzjs sent (captured in-process and checked against the binary's log), replayed in one process and one session: by `psql` (postgres), `mariadb` (mysql, mariadb) and, for sqlite, by bench/cmd/sqlite-replay, a small Go program on the same SQLite engine sqzjs embeds (the sqlite3 shell, C SQLite, is shown on a second line). " +
		"The replay starts with the connection set-up Sequelize runs unlogged (SET client_min_messages/TIME ZONE and the type OID query; SET time_zone; PRAGMA FOREIGN_KEYS=ON).\n\n")
	w.WriteString(table)
	w.WriteString("\n## Targets\n\n")
	w.WriteString(targets)
	if compared != "" {
		w.WriteString("\n## Against the previous run\n\n")
		w.WriteString(compared)
	}
	w.WriteString("\n## Commands\n\n")
	w.WriteString("Built by `make bench`:\n\n```sh\nCGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o tmp/bench/sqzjs ./cmd/sqzjs\ngo build -o tmp/bench/sqlite-replay ./bench/cmd/sqlite-replay\ngo run ./bench/cmd/bench " + strings.Join(os.Args[1:], " ") + "\n```\n\n")
	w.WriteString("Each measured command, run in its project directory ($WORK = " + strings.TrimPrefix(b.c.work, b.root+"/") + "/<dialect>-<case>):\n\n```sh\n")
	for _, c := range b.commands {
		w.WriteString(c + "\n")
	}
	w.WriteString("```\n")
	if data, err := os.ReadFile(b.c.analysis); err == nil {
		w.WriteString("\n")
		w.Write(data)
	}
	return os.WriteFile(b.c.out, []byte(w.String()), 0o644)
}
