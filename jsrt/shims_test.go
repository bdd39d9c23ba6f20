package jsrt_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sqzjs/sqzjs/jsrt"
	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

// exprCase is an expression evaluated in a fresh runtime and its expected String() value.
type exprCase struct {
	expr string
	want string
}

func runExprs(t *testing.T, tests []exprCase, opts ...func(*jsrt.Options)) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.expr, func(t *testing.T) {
			t.Parallel()
			rt := jsrttest.NewRuntime(t, opts...)
			got := jsrttest.RunOnLoop(t, rt, "return String("+tc.expr+")").String()
			if got != tc.want {
				t.Fatalf("%s = %q, want %q", tc.expr, got, tc.want)
			}
		})
	}
}

// The expected values are the examples of Node's path documentation and results of Node 20.
func TestPath(t *testing.T) {
	t.Parallel()
	p := "require('path')."
	runExprs(t, []exprCase{
		{p + "join('/foo', 'bar', 'baz/asdf', 'quux', '..')", "/foo/bar/baz/asdf"},
		{p + "join()", "."},
		{p + "join('a/', 'b/')", "a/b/"},
		{p + "join('', '')", "."},
		{"(() => { try { require('path').join('foo', {}, 'bar') } catch (e) { return e.code } })()", "ERR_INVALID_ARG_TYPE"},
		{p + "resolve('/foo/bar', './baz')", "/foo/bar/baz"},
		{p + "resolve('/foo/bar', '/tmp/file/')", "/tmp/file"},
		{p + "resolve('wwwroot', 'static_files/png/', '../gif/image.gif')", "/proj/wwwroot/static_files/gif/image.gif"},
		{p + "resolve()", "/proj"},
		{p + "normalize('/foo/bar//baz/asdf/quux/..')", "/foo/bar/baz/asdf"},
		{p + "normalize('')", "."},
		{p + "normalize('./a/')", "a/"},
		{p + "normalize('../a/..')", ".."},
		{p + "dirname('/foo/bar/baz/asdf/quux')", "/foo/bar/baz/asdf"},
		{p + "dirname('/a/b/')", "/a"},
		{p + "dirname('a')", "."},
		{p + "dirname('/')", "/"},
		{p + "basename('/foo/bar/baz/asdf/quux.html')", "quux.html"},
		{p + "basename('/foo/bar/baz/asdf/quux.html', '.html')", "quux"},
		{p + "basename('/a/b/')", "b"},
		{p + "basename('aaa/bbb', 'bbb')", "bbb"},
		{p + "extname('index.html')", ".html"},
		{p + "extname('index.coffee.md')", ".md"},
		{p + "extname('index.')", "."},
		{p + "extname('index')", ""},
		{p + "extname('.index')", ""},
		{p + "extname('.index.md')", ".md"},
		{p + "extname('..')", ""},
		{p + "relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb')", "../../impl/bbb"},
		{p + "relative('/a', '/a')", ""},
		{p + "relative('/proj', 'src/x.js')", "src/x.js"},
		{p + "isAbsolute('/foo/bar') + ' ' + require('path').isAbsolute('qux/') + ' ' + require('path').isAbsolute('.')", "true false false"},
		{"JSON.stringify(" + p + "parse('/home/user/dir/file.txt'))", `{"root":"/","dir":"/home/user/dir","base":"file.txt","ext":".txt","name":"file"}`},
		{"JSON.stringify(" + p + "parse('file'))", `{"root":"","dir":"","base":"file","ext":"","name":"file"}`},
		{p + "format({ root: '/ignored', dir: '/home/user/dir', base: 'file.txt' })", "/home/user/dir/file.txt"},
		{p + "format({ root: '/', base: 'file.txt', ext: 'ignored' })", "/file.txt"},
		{p + "format({ root: '/', name: 'file', ext: '.txt' })", "/file.txt"},
		{p + "format({ name: 'file', ext: 'txt' })", "file.txt"},
		{p + "sep + " + p + "delimiter", "/:"},
		{p + "posix === require('path')", "true"},
	})
}

func TestProcess(t *testing.T) {
	t.Parallel()
	env := jsrttest.WithEnv(map[string]string{"NODE_ENV": "test", "DB": "sqlite"})
	argv := func(o *jsrt.Options) { o.Argv = []string{"node", "sqzjs", "db:migrate"} }
	runExprs(t, []exprCase{
		{"process.env.NODE_ENV + process.env.DB", "testsqlite"},
		{"(() => { process.env.X = 1; return typeof process.env.X + process.env.X })()", "string1"},
		{"(() => { delete process.env.DB; return 'DB' in process.env })()", "false"},
		{"Object.keys(process.env).join()", "DB,NODE_ENV"},
		{"process.cwd()", "/proj"},
		{"process.argv.join(' ')", "node sqzjs db:migrate"},
		{"process.platform", "linux"},
		{"/^v20\\.\\d+\\.\\d+$/.test(process.version) && process.versions.node === process.version.slice(1)", "true"},
		{"Array.isArray(process.hrtime()) && process.hrtime().length", "2"},
		{"typeof process.hrtime.bigint()", "bigint"},
		{"typeof process.memoryUsage().heapUsed", "number"},
		{"process.stdout.write('x') && process.exitCode === undefined", "true"},
		{"process.on('exit', () => {}) === process", "true"},
		{"typeof process.nextTick", "function"},
		{"require('process') === process", "true"},
	}, env, argv)
}

func TestProcessEnvIsACopy(t *testing.T) {
	t.Parallel()
	env := map[string]string{"A": "1"}
	rt := jsrttest.NewRuntime(t, jsrttest.WithEnv(env))
	jsrttest.RunOnLoop(t, rt, `process.env.A = 'changed'; process.env.B = 'new'`)
	if env["A"] != "1" || len(env) != 1 {
		t.Fatalf("the script changed the Go map: %v", env)
	}
	if v := jsrttest.RunOnLoop(t, rt, `return process.env.A + process.env.B`).String(); v != "changednew" {
		t.Fatalf("writes did not persist inside the runtime: %q", v)
	}
}

var fsFiles = fstest.MapFS{
	"proj/config/config.json": {Data: []byte(`{"development": {"dialect": "sqlite"}}`), ModTime: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)},
	"proj/.env":               {Data: []byte("A=1\n")},
	"proj/migrations/2-b.js":  {Data: []byte("")},
	"proj/migrations/1-a.js":  {Data: []byte("")},
	"proj/migrations/sub/x":   {Data: []byte("")},
}

func TestFS(t *testing.T) {
	t.Parallel()
	withFS := func(o *jsrt.Options) { o.FS = fsFiles }
	f := "require('fs')."
	try := func(code string) string {
		return "(() => { try { " + code + "; return 'no error' } catch (e) { return e.message + ' | ' + e.code } })()"
	}
	runExprs(t, []exprCase{
		{f + "readFileSync('/proj/.env', 'utf8')", "A=1\n"},
		{f + "readFileSync('.env', { encoding: 'utf8' })", "A=1\n"},
		{"Buffer.isBuffer(" + f + "readFileSync('.env')) && " + f + "readFileSync('.env').length", "4"},
		{f + "readFileSync('.env', 'base64')", "QT0xCg=="},
		{"JSON.parse(" + f + "readFileSync('config/config.json', 'utf8')).development.dialect", "sqlite"},
		{f + "existsSync('/proj/.env') + ' ' + require('fs').existsSync('/proj/nope') + ' ' + require('fs').existsSync('migrations')", "true false true"},
		{f + "readdirSync('migrations').join()", "1-a.js,2-b.js,sub"},
		{f + "readdirSync('migrations', { withFileTypes: true }).map(d => d.name + ':' + d.isFile() + d.isDirectory()).join()", "1-a.js:truefalse,2-b.js:truefalse,sub:falsetrue"},
		{f + "statSync('config/config.json').isFile() + ' ' + require('fs').statSync('config').isDirectory()", "true true"},
		{f + "statSync('config/config.json').size", "38"},
		{f + "statSync('config/config.json').mtime.toISOString()", "2024-01-02T03:04:05.000Z"},
		{f + "statSync('nope', { throwIfNoEntry: false })", "undefined"},
		{f + "lstatSync('/proj/.env').isSymbolicLink()", "false"},
		{f + "realpathSync('config/../.env')", "/proj/.env"},
		{try(f + "accessSync('.env', require('fs').constants.R_OK)"), "no error"},
		{try(f + "readFileSync('/proj/missing.js')"), "ENOENT: no such file or directory, open '/proj/missing.js' | ENOENT"},
		{try(f + "readFileSync('migrations')"), "EISDIR: illegal operation on a directory, read | EISDIR"},
		{try(f + "readdirSync('.env')"), "ENOTDIR: not a directory, scandir '/proj/.env' | ENOTDIR"},
		{try(f + "statSync('nope')"), "ENOENT: no such file or directory, stat '/proj/nope' | ENOENT"},
		{try(f + "writeFileSync('x', 'y')"), "fs.writeFileSync(): the file system is read-only in sqzjs (migrations and their helpers cannot write files) | EROFS"},
		{try(f + "mkdirSync('d')"), "fs.mkdirSync(): the file system is read-only in sqzjs (migrations and their helpers cannot write files) | EROFS"},
		{try(f + "unlinkSync('.env')"), "fs.unlinkSync(): the file system is read-only in sqzjs (migrations and their helpers cannot write files) | EROFS"},
		{try(f + "accessSync('.env', require('fs').constants.W_OK)"), "EROFS: read-only file system, access '/proj/.env' | EROFS"},
		{"(() => { try { require('fs').readFileSync('/nope') } catch (e) { return [e instanceof Error, e.errno, e.syscall, e.path].join() } })()", "true,-2,open,/nope"},
	}, withFS)
}

func TestFSAsync(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t, func(o *jsrt.Options) { o.FS = fsFiles })
	v := jsrttest.RunOnLoop(t, rt, `
		const fs = require('fs');
		const { promisify } = require('util');
		const out = [];
		out.push(await fs.promises.readFile('.env', 'utf8'));
		out.push((await require('fs/promises').readdir('migrations')).length);
		out.push((await fs.promises.stat('.env')).isFile());
		try { await fs.promises.readFile('nope') } catch (e) { out.push(e.code) }
		try { await fs.promises.writeFile('x', 'y') } catch (e) { out.push(e.code) }
		out.push(await promisify(fs.readFile)('.env', 'utf8'));
		out.push(await new Promise(r => fs.stat('nope', (err) => r(err.code))));
		out.push(await new Promise(r => fs.exists('.env', r)));
		return out.join('|');
	`)
	if want := "A=1\n|3|true|ENOENT|EROFS|A=1\n|ENOENT|true"; v.String() != want {
		t.Fatalf("got %q, want %q", v, want)
	}
}

// clock returns a fake clock advanced by the JavaScript function tick(ms).
func clock() (func() time.Time, *time.Time) {
	now := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	return func() time.Time { return now }, &now
}

func TestConsoleTime(t *testing.T) {
	t.Parallel()
	now, cur := clock()
	rt := jsrttest.NewRuntime(t, jsrttest.WithClock(now))
	advance := func(d time.Duration) func() { return func() { *cur = cur.Add(d) } }
	_ = rt.VM().Set("tick1234us", advance(1234*time.Microsecond))
	_ = rt.VM().Set("tick2s", advance(2*time.Second))
	_ = rt.VM().Set("tick90s", advance(90*time.Second))
	jsrttest.RunOnLoop(t, rt, `
		console.time('migrate');
		tick1234us();
		console.timeLog('migrate', 'half', 1);
		console.timeEnd('migrate');
		console.time();
		tick2s();
		console.timeEnd();
		console.time('long');
		tick90s();
		console.timeEnd('long');
		console.timeEnd('nope');
		console.count(); console.count(); console.count('x');
		return new Date().toISOString();
	`)
	want := "migrate: 1.234ms half 1\nmigrate: 1.234ms\ndefault: 2.000s\nlong: 1:30.000 (m:ss.mmm)\ndefault: 1\ndefault: 2\nx: 1\n"
	if got := jsrttest.Stdout(rt); got != want {
		t.Fatalf("stdout = %q, want %q", got, want)
	}
	if got := jsrttest.Stderr(rt); !strings.Contains(got, "Warning: No such label 'nope' for console.timeEnd()") {
		t.Fatalf("stderr = %q, want the missing label warning", got)
	}
	if got := jsrttest.RunOnLoop(t, rt, `return new Date().toISOString() + ' ' + Math.round(performance.now())`).String(); got != "2024-05-06T07:09:41.001Z 92001" {
		t.Fatalf("Date/performance do not use the injected clock: %s", got)
	}
}

func TestConsoleStreams(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	jsrttest.RunOnLoop(t, rt, `
		console.log('log'); console.info('info'); console.debug('debug');
		console.warn('warn'); console.error('error');
		console.assert(1 === 1, 'not printed'); console.assert(false, 'expected %d', 2);
		console.group('G'); console.log('inside'); console.groupEnd(); console.log('outside');
		console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
		console.table([{ a: 1, b: 'x' }, { a: 2 }]);
	`)
	wantOut := "log\ninfo\ndebug\nG\n  inside\noutside\n{ a: [Object] }\n" +
		"┌─────────┬───┬─────┐\n" +
		"│ (index) │ a │  b  │\n" +
		"├─────────┼───┼─────┤\n" +
		"│    0    │ 1 │ 'x' │\n" +
		"│    1    │ 2 │     │\n" +
		"└─────────┴───┴─────┘\n"
	if got := jsrttest.Stdout(rt); got != wantOut {
		t.Fatalf("stdout = %q\nwant     %q", got, wantOut)
	}
	if got, want := jsrttest.Stderr(rt), "warn\nerror\nAssertion failed: expected 2\n"; got != want {
		t.Fatalf("stderr = %q, want %q", got, want)
	}
}

// The expected strings are what Node 20's util.format/util.inspect print.
func TestFormat(t *testing.T) {
	t.Parallel()
	u := "require('util')."
	runExprs(t, []exprCase{
		{u + "format('%s:%s', 'foo')", "foo:%s"},
		{u + "format('%s %d %i %f', 'a', 42.5, 42.5, '1.5')", "a 42.5 42 1.5"},
		{u + "format('%d', '0x10') + ' ' + require('util').format('%i', 'x')", "16 NaN"},
		{u + "format('%s', 1n) + ' ' + require('util').format('%d', -0)", "1n -0"},
		{u + "format('%j', { a: [1, 'b'] })", `{"a":[1,"b"]}`},
		{"(() => { const o = {}; o.self = o; return require('util').format('%j', o) })()", "[Circular]"},
		{u + "format('%o', { a: { b: { c: { d: { e: 1 } } } } })", "{\n  a: {\n    b: { c: { d: { e: 1 } } }\n  }\n}"},
		{u + "format('%O', { a: { b: { c: { d: 1 } } } })", "{ a: { b: { c: [Object] } } }"},
		{u + "format('100%% %s', 'done')", "100% done"},
		{u + "format('%x %s', 1)", "%x 1"},
		{u + "format('%c%s', 'color: red', 'x')", "x"},
		{u + "format('a', 'b', 1, { c: 'd' })", "a b 1 { c: 'd' }"},
		{u + "format(1, 'b', [2])", "1 b [ 2 ]"},
		{u + "format('%s', { toString() { return 'custom' } })", "custom"},
		{u + "format('%s', { a: { b: 1 } })", "{ a: [Object] }"},
		{u + "format('%s', [1, [2]])", "[ 1, [Array] ]"},
		{u + "format('%s', null) + ' ' + require('util').format('%s', undefined) + ' ' + require('util').format('%s', Symbol('s'))", "null undefined Symbol(s)"},
		{u + "format()", ""},
	})
}

func TestInspect(t *testing.T) {
	t.Parallel()
	i := "require('util').inspect"
	runExprs(t, []exprCase{
		{i + "({ a: 1, b: 'x' })", "{ a: 1, b: 'x' }"},
		{i + "([1, 2])", "[ 1, 2 ]"},
		{i + "([])", "[]"},
		{i + "({})", "{}"},
		{i + "('it\\'s')", `"it's"`},
		{i + "({ 'a-b': 1, [Symbol('s')]: 2 })", "{ 'a-b': 1, [Symbol(s)]: 2 }"},
		{i + "({ a: { b: { c: { d: 1 } } } })", "{ a: { b: { c: [Object] } } }"},
		{i + "({ a: { b: { c: {} } } })", "{ a: { b: { c: {} } } }"},
		{i + "(function foo() {}) + ' ' + " + i + "(() => {}) + ' ' + " + i + "(async function bar() {})", "[Function: foo] [Function (anonymous)] [AsyncFunction: bar]"},
		{i + "(class A {}) + ' ' + " + i + "(class B extends Array {})", "[class A] [class B extends Array]"},
		{i + "(new Date(0))", "1970-01-01T00:00:00.000Z"},
		{i + "(/a+/g)", "/a+/g"},
		{i + "(null) + ' ' + " + i + "(undefined) + ' ' + " + i + "(-0) + ' ' + " + i + "(10n)", "null undefined -0 10n"},
		{i + "(new Map([['k', { v: 1 }]]))", "Map(1) { 'k' => { v: 1 } }"},
		{i + "(new Set([1, 'a']))", "Set(2) { 1, 'a' }"},
		{i + "(Promise.resolve(4)) + ' ' + " + i + "(new Promise(() => {}))", "Promise { 4 } Promise { <pending> }"},
		{"(() => { class Foo { constructor() { this.x = 1 } }; return " + i + "(new Foo()) })()", "Foo { x: 1 }"},
		{i + "(Object.create(null))", "[Object: null prototype] {}"},
		{"(() => { const o = { name: 'o' }; o.self = o; return " + i + "(o) })()", "<ref *1> { name: 'o', self: [Circular *1] }"},
		{i + "([1, , 3])", "[ 1, <1 empty item>, 3 ]"},
		{i + "(Buffer.from('hi'))", "<Buffer 68 69>"},
		{i + "(new Uint8Array([1, 2]))", "Uint8Array(2) [ 1, 2 ]"},
		{i + "({ get a() { return 1 }, set b(v) {} })", "{ a: [Getter], b: [Setter] }"},
		{i + "(new Error('boom')).split('\\n')[0]", "Error: boom"},
		{i + "(new Error('boom')).split('\\n')[1].startsWith('    at ')", "true"},
		{"(() => { const e = new Error('x'); e.code = 'E_X'; return " + i + "(e).endsWith(\"{\\n  code: 'E_X'\\n}\") })()", "true"},
		{i + "(new Error('o', { cause: 'c' })).endsWith(\"{\\n  [cause]: 'c'\\n}\")", "true"},
		{"(() => { const e = new Error('nostack'); e.stack = ''; return " + i + "(e) })()", "[Error: nostack]"},
		{i + "({ a: 'x'.repeat(30), b: 'y'.repeat(30), c: 'z'.repeat(30) })",
			"{\n  a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',\n  b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy',\n  c: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'\n}"},
		{i + "([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])", "[\n  1, 2, 3, 4,  5,\n  6, 7, 8, 9, 10\n]"},
		{i + "(Array.from({ length: 120 }, () => 0)).endsWith('... 20 more items\\n]')", "true"},
		{i + "({ a: 1 }, { compact: false })", "{\n  a: 1\n}"},
		{i + "({ a: { b: { c: { d: 1 } } } }, { depth: Infinity })", "{\n  a: { b: { c: { d: 1 } } }\n}"},
		{i + "({ [Symbol.for('nodejs.util.inspect.custom')]() { return 'custom!' } })", "custom!"},
		{i + "(new (class Q { [require('util').inspect.custom]() { return { q: 1 } } })())", "{ q: 1 }"},
	})
}

func TestUtilAndFriends(t *testing.T) {
	t.Parallel()
	runExprs(t, []exprCase{
		{"require('util').promisify((a, cb) => cb(null, a + 1))(1).then(v => v)", "[object Promise]"},
		{"typeof require('util').types.isPromise", "function"},
		{"require('util').types.isDate(new Date()) && !require('util').types.isDate({})", "true"},
		{"require('util').isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })", "true"},
		{"require('util').isDeepStrictEqual({ a: 1 }, { a: '1' })", "false"},
		{"(() => { function A() {}; function B() {}; require('util').inherits(A, B); return new A() instanceof B && A.super_ === B })()", "true"},
		{"new TextDecoder().decode(new TextEncoder().encode('héllo'))", "héllo"},
		{"new TextEncoder().encode('é').length", "2"},
		{"require('os').EOL === '\\n' && require('os').platform()", "linux"},
		{"require('os').homedir() + ' ' + require('os').tmpdir()", "/home/u /tmp"},
		{"typeof require('os').cpus().length + typeof require('os').hostname()", "numberstring"},
		{"typeof performance.now() + typeof require('perf_hooks').performance.now()", "numbernumber"},
		{"globalThis === global", "true"},
		{"require('crypto').createHash('sha256').update('abc').digest('hex')", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"require('crypto').createHmac('sha1', 'key').update('msg').digest('base64')", "ECkAtyt78QMe7Ha0gEtmBSN2iWs="},
		{"/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(require('crypto').randomUUID())", "true"},
		{"require('crypto').randomBytes(8).length + crypto.getRandomValues(new Uint8Array(4)).length", "12"},
		{"Buffer.from('aGk=', 'base64').toString()", "hi"},
		{"new URL('postgres://u:p@localhost:5432/db').port", "5432"},
		{"require('url').URL === URL", "true"},
		{"structuredClone({ a: [1, { b: new Date(0) }] }).a[1].b.getTime()", "0"},
	}, jsrttest.WithEnv(map[string]string{"HOME": "/home/u"}))
}

func TestEventsAndAssert(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	v := jsrttest.RunOnLoop(t, rt, `
		const EventEmitter = require('events');
		const assert = require('assert');
		const e = new EventEmitter();
		const seen = [];
		e.on('x', (a, b) => seen.push('on:' + a + b));
		e.once('x', (a) => seen.push('once:' + a));
		assert.strictEqual(e.emit('x', 1, 2), true);
		e.emit('x', 3, 4);
		assert.strictEqual(e.listenerCount('x'), 1);
		assert.throws(() => e.emit('error', new Error('unhandled')), /unhandled/);
		const later = EventEmitter.once(e, 'ready');
		e.emit('ready', 'go');
		assert.deepStrictEqual(await later, ['go']);
		assert.deepEqual({ a: 1 }, { a: '1' });
		assert.throws(() => assert.deepStrictEqual({ a: 1 }, { a: '1' }), { code: 'ERR_ASSERTION' });
		assert.throws(() => assert.strictEqual(1, 2), { message: 'Expected values to be strictly equal:\n\n1 !== 2\n' });
		assert.throws(() => assert(false, 'custom'), { name: 'AssertionError', message: 'custom' });
		await assert.rejects(Promise.reject(new TypeError('r')), TypeError);
		assert.ok(require('assert/strict') === assert.strict);
		return seen.join();
	`)
	if v.String() != "on:12,once:1,on:34" {
		t.Fatalf("got %q", v)
	}
}

func TestWarnings(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	jsrttest.RunOnLoop(t, rt, `
		const util = require('util');
		const old = util.deprecate(() => 'r', 'old() is deprecated', 'DEP0001');
		if (old() !== 'r' || old() !== 'r') throw new Error('deprecated function broken');
		process.emitWarning('careful');
		process.emitWarning('typed', { type: 'CustomWarning', code: 'C1' });
	`)
	want := "(sqzjs) [DEP0001] DeprecationWarning: old() is deprecated\n(sqzjs) Warning: careful\n(sqzjs) [C1] CustomWarning: typed\n"
	if got := jsrttest.Stderr(rt); got != want {
		t.Fatalf("stderr = %q, want %q", got, want)
	}
}
