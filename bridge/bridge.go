package bridge

import (
	"context"
	"crypto/rand"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/jsrt"
)

//go:embed js/prelude.js
var preludeSource string

// The app-model layer (Model, associations, model queries), loaded by the
// prelude through native.loadModelLayer, in this order.
var (
	//go:embed js/model-support.js
	modelSupportSource string
	//go:embed js/model.js
	modelSource string
	//go:embed js/model-query.js
	modelQuerySource string
	//go:embed js/associations.js
	associationsSource string
)

var modelLayerFiles = []struct{ name, src string }{
	{preludeName + "/model-support.js", modelSupportSource},
	{preludeName + "/model.js", modelSource},
	{preludeName + "/model-query.js", modelQuerySource},
	{preludeName + "/associations.js", associationsSource},
}

// compilePrelude and compileModelLayer parse and compile the embedded
// JavaScript once per process; every runtime runs the same Programs. The
// model layer is compiled only when a run first uses it (see
// loadModelLayer in js/prelude.js).
var (
	compilePrelude = sync.OnceValues(func() (*goja.Program, error) {
		return goja.Compile(preludeName, preludeSource, true)
	})
	compileModelLayer = sync.OnceValues(func() ([]*goja.Program, error) {
		progs := make([]*goja.Program, len(modelLayerFiles))
		for i, f := range modelLayerFiles {
			prog, err := goja.Compile(f.name, f.src, true)
			if err != nil {
				return nil, fmt.Errorf("compiling %s: %w", f.name, err)
			}
			progs[i] = prog
		}
		return progs, nil
	})
)

// preludeName is the file name prelude frames carry in stacks; they are
// dropped from the stacks users see.
const preludeName = "sqzjs:sequelize"

// Options configure a Session.
type Options struct {
	// Dialect plans and runs operations; Connector makes its connections.
	Dialect   dialect.Dialect
	Connector dialect.Connector
	// Config is the Sequelize options object the instance is built from
	// (the environment's entry of config/config.json): a goja value made on
	// this runtime, or Go maps and slices.
	Config any
	// CLILogging applies sequelize-cli's logging default: when Config has
	// no `logging` key, messages that do not start with "Executing" are
	// printed with console.log and SQL is not (src/core/migrator.js).
	CLILogging bool
	// Warn receives warnings about statements the database did not run.
	Warn func(msg string)
	// SlowStatement is how long a statement may run before Warn reports it
	// (0 means DefaultSlowStatement, negative never): lock waits are
	// visible instead of silent.
	SlowStatement time.Duration
	// OnStatement, when set, is called with every statement as soon as it
	// ran, on the connection's executor goroutine (tests and dry runs use
	// it). It must not touch the JavaScript runtime.
	OnStatement func(Statement)
}

// Session is the Sequelize surface of one sqzjs run on one runtime: the
// `sequelize` module, the instance migrations reach as
// queryInterface.sequelize, and the serial executors that run its SQL.
//
// Methods marked "on the loop" must be called from the runtime's loop
// (inside jsrt.Loop.Await); Exec and Close must not.
type Session struct {
	rt   *jsrt.Runtime
	vm   *goja.Runtime
	d    dialect.Dialect
	conn dialect.Connector
	opts Options

	ctx    context.Context
	cancel context.CancelFunc

	exports     *goja.Object // what the prelude returned
	class       *goja.Object // Sequelize
	instance    *goja.Object // the first Sequelize instance, built from Config
	qi          *goja.Object
	makeError   goja.Callable
	objectProto *goja.Object
	bufferCtor  goja.Value
	bufferFrom  goja.Value
	consoleLog  goja.Value
	logMigrator goja.Value // sequelize-cli's default logging function, when the instance got it
	classProtos map[string]*goja.Object
	opNames     map[*goja.Symbol]string
	warned      map[string]bool // Sequelize warnings already printed
	opSymbols   map[string]*goja.Symbol

	closeOnce sync.Once
	mu        sync.Mutex
	def       *executor
	txs       map[*goja.Object]*txState
}

type txState struct {
	exec      *executor
	savepoint string
	root      bool
}

var _ = errors.New

// New builds a Session on rt and connects it: Prepare, then Connect. It
// must be called before the runtime's first require, and not on the loop.
func New(ctx context.Context, rt *jsrt.Runtime, opts Options) (*Session, error) {
	s, err := Prepare(ctx, rt)
	if err != nil {
		return nil, err
	}
	if err := s.Connect(ctx, opts); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Prepare registers `require('sequelize')` on rt, so that .sequelizerc and
// config files can require it before the configuration (and so the
// dialect) is known. The Sequelize prelude runs the first time something
// needs it (that require, Ready, or a statement logged through the
// instance): a run that only reads the meta table never builds it.
// Database calls fail until Connect. Call it before the runtime's first
// require, not on the loop.
func Prepare(ctx context.Context, rt *jsrt.Runtime) (*Session, error) {
	sctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s := &Session{
		rt: rt, vm: rt.VM(), ctx: sctx, cancel: cancel,
		classProtos: map[string]*goja.Object{}, opNames: map[*goja.Symbol]string{},
		opSymbols: map[string]*goja.Symbol{}, txs: map[*goja.Object]*txState{}, warned: map[string]bool{},
	}
	rt.RegisterNativeModule("sequelize", func(vm *goja.Runtime, module *goja.Object) {
		if err := s.loadPrelude(); err != nil {
			panic(vm.NewGoError(fmt.Errorf("bridge: setting up Sequelize: %w", err)))
		}
		_ = module.Set("exports", s.class)
	})
	return s, nil
}

// Connect gives the Session its dialect and connections and creates the
// Sequelize instance (queryInterface.sequelize) from opts.Config. Not on the
// loop.
func (s *Session) Connect(ctx context.Context, opts Options) error {
	if opts.Dialect == nil || opts.Connector == nil {
		return errors.New("bridge: a Dialect and a Connector are required")
	}
	if s.d != nil {
		return errors.New("bridge: the session is already connected")
	}
	s.d, s.conn, s.opts = opts.Dialect, opts.Connector, opts
	s.def = newExecutor("default", s.conn.Conn)
	return nil
}

// Ready builds the Sequelize instance from Options.Config if it is not
// built yet (and the prelude before it), as sequelize-cli's getMigrator
// does before it loads any migration: call it before requiring project
// code, so that code sees the config object as Sequelize left it (with
// sequelize-cli's logging default). On the loop, after Connect.
func (s *Session) Ready() error {
	if s.instance != nil {
		return nil
	}
	if s.d == nil {
		return errNotConnected
	}
	if err := s.loadPrelude(); err != nil {
		return fmt.Errorf("bridge: setting up Sequelize: %w", err)
	}
	if err := s.createInstance(s.vm); err != nil {
		return fmt.Errorf("bridge: creating the Sequelize instance: %w", err)
	}
	return nil
}

// mustReady is Ready for the accessors, whose callers called Ready first.
func (s *Session) mustReady() {
	if err := s.Ready(); err != nil {
		panic(s.vm.NewGoError(err))
	}
}

// loadPrelude runs the Sequelize prelude once. On the loop.
func (s *Session) loadPrelude() error {
	if s.class != nil {
		return nil
	}
	return s.init(s.vm)
}

func (s *Session) init(vm *goja.Runtime) error {
	s.objectProto = vm.NewObject().Prototype()
	prog, err := compilePrelude()
	if err != nil {
		return err
	}
	fnv, err := vm.RunProgram(prog)
	if err != nil {
		return err
	}
	factory, ok := goja.AssertFunction(fnv)
	if !ok {
		return errors.New("prelude is not a function")
	}
	native := s.natives()
	ev, err := factory(goja.Undefined(), native)
	if err != nil {
		return err
	}
	s.exports = ev.(*goja.Object)
	s.class = s.exports.Get("Sequelize").(*goja.Object)
	mk, _ := goja.AssertFunction(s.exports.Get("makeError"))
	s.makeError = mk
	op := s.exports.Get("Op").(*goja.Object)
	for _, k := range op.Keys() {
		if sym, ok := op.Get(k).(*goja.Symbol); ok {
			s.opNames[sym] = k
			s.opSymbols[k] = sym
		}
	}
	if buf := vm.Get("Buffer"); isSet(buf) {
		s.bufferCtor = buf
		s.bufferFrom = buf.(*goja.Object).Get("from")
	}
	if c := vm.Get("console"); isSet(c) {
		s.consoleLog = c.(*goja.Object).Get("log")
	}
	return nil
}

func (s *Session) createInstance(vm *goja.Runtime) error {
	cfg := s.instanceConfig(vm)
	if cfgObj := s.lacksLogging(cfg); cfgObj != nil {
		// sequelize-cli's _.defaults(config, { logging: logMigrator })
		// changes the object config files gave, which the project's own
		// code (models/index.js requiring config/config.json) shares.
		lm, err := vm.RunString(`(function logMigrator(s) { if (String(s).indexOf('Executing') !== 0) console.log(s); })`)
		if err != nil {
			return err
		}
		_ = cfgObj.Set("logging", lm)
		s.logMigrator = lm
	}
	inst, err := vm.New(s.class, cfg)
	if err != nil {
		return err
	}
	s.instance = inst
	s.qi = inst.Get("queryInterface").(*goja.Object)
	return nil
}

// Sequelize is the Sequelize class (the second argument of up/down). On the
// loop, after Ready.
func (s *Session) Sequelize() goja.Value { s.mustReady(); return s.class }

// Instance is the Sequelize instance (queryInterface.sequelize). On the
// loop, after Ready.
func (s *Session) Instance() goja.Value { s.mustReady(); return s.instance }

// QueryInterface is the first argument of up/down. On the loop, after
// Ready.
func (s *Session) QueryInterface() goja.Value { s.mustReady(); return s.qi }

// Exec runs op on the default connection from Go (sequelize-cli's storage
// uses it) and waits for it. Its statements are logged as Sequelize logs
// them. Not on the loop.
func (s *Session) Exec(ctx context.Context, op dialect.Op) (any, error) {
	type out struct {
		res any
		log []Statement
		err error
	}
	ch := make(chan out, 1)
	s.def.submit(func() {
		res, log, err := s.run(ctx, s.def, op)
		ch <- out{res, log, err}
	})
	var o out
	select {
	case o = <-ch:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if len(o.log) > 0 {
		_, _ = s.rt.Loop().Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
			s.emitLog(o.log, nil)
			return goja.Undefined(), nil
		})
	}
	return o.res, o.err
}

// Close waits for queued statements, closes every connection and the
// connector. Transactions still open are rolled back by closing their
// connections. Calling it again does nothing. Not on the loop.
func (s *Session) Close() error {
	var err error
	s.closeOnce.Do(func() { err = s.close() })
	return err
}

func (s *Session) close() error {
	s.mu.Lock()
	var execs []*executor
	for _, t := range s.txs {
		if t.root {
			execs = append(execs, t.exec)
		}
	}
	s.txs = map[*goja.Object]*txState{}
	s.mu.Unlock()
	for _, e := range execs {
		e.stop()
	}
	if s.def != nil {
		s.def.stop()
	}
	s.cancel()
	if s.conn == nil {
		return nil
	}
	return s.conn.Close()
}

func (s *Session) natives() *goja.Object {
	vm := s.vm
	n := vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { _ = n.Set(name, fn) }
	set("run", s.nativeRun)
	set("begin", s.nativeBegin)
	set("commit", func(c goja.FunctionCall) goja.Value { return s.nativeFinish(c, false) })
	set("rollback", func(c goja.FunctionCall) goja.Value { return s.nativeFinish(c, true) })
	set("release", s.nativeRelease)
	set("uuid", func(goja.FunctionCall) goja.Value { return vm.ToValue(uuidV4()) })
	set("quoteIdentifier", func(c goja.FunctionCall) goja.Value {
		if s.d == nil {
			panic(s.jsError(errNotConnected, ""))
		}
		return vm.ToValue(s.d.QuoteIdentifier(c.Argument(0).String()))
	})
	set("quoteTable", func(c goja.FunctionCall) goja.Value {
		if s.d == nil {
			panic(s.jsError(errNotConnected, ""))
		}
		t, _ := s.tableRef(c.Argument(0))
		return vm.ToValue(s.d.QuoteTable(t))
	})
	set("escape", func(c goja.FunctionCall) goja.Value {
		if s.d == nil {
			panic(s.jsError(errNotConnected, ""))
		}
		v, err := s.toValue(c.Argument(0))
		if err == nil {
			var str string
			if str, err = s.d.Escape(v); err == nil {
				if _, isBool := v.(bool); isBool && (str == "1" || str == "0") {
					// SqlString.escape returns +!!val, a number, on SQLite.
					return vm.ToValue(float64(str[0] - '0'))
				}
				return vm.ToValue(str)
			}
		}
		panic(s.jsError(err, ""))
	})
	set("unsupported", func(c goja.FunctionCall) goja.Value {
		e, _ := vm.New(vm.Get("Error"), vm.ToValue(c.Argument(0).String()+" is not supported by sqzjs yet"))
		return e
	})
	set("attach", func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	set("dialectName", func(goja.FunctionCall) goja.Value {
		if s.d == nil {
			return vm.ToValue("")
		}
		return vm.ToValue(string(s.d.Name()))
	})
	set("loadModelLayer", func(c goja.FunctionCall) goja.Value {
		lib := c.Argument(0)
		progs, err := compileModelLayer()
		if err != nil {
			panic(vm.NewGoError(err))
		}
		for i, f := range modelLayerFiles {
			fnv, err := vm.RunProgram(progs[i])
			if err != nil {
				panic(err)
			}
			factory, ok := goja.AssertFunction(fnv)
			if !ok {
				panic(vm.NewTypeError(f.name + " is not a function"))
			}
			if _, err := factory(goja.Undefined(), n, lib); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	return n
}

// callSite is the JavaScript stack at the moment a method was called,
// without the prelude's own frames, in Node's format. Errors that settle
// later carry it, since no user frame is on the stack then.
func (s *Session) callSite() string {
	frames := s.vm.CaptureCallStack(0, nil)
	var b strings.Builder
	for _, f := range frames {
		src := f.SrcName()
		if src == preludeName || strings.HasPrefix(src, preludeName+"/") || src == "" || f.FuncName() == "" && src == "<native>" {
			continue
		}
		pos := f.Position()
		if pos.Line == 0 {
			continue
		}
		name := f.FuncName()
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		if name == "" {
			fmt.Fprintf(&b, "    at %s:%d:%d", src, pos.Line, pos.Column)
		} else {
			fmt.Fprintf(&b, "    at %s (%s:%d:%d)", name, src, pos.Line, pos.Column)
		}
	}
	return b.String()
}

// executorFor returns the executor for a query's options: its
// transaction's, or the default one.
func (s *Session) executorFor(options goja.Value) (*executor, error) {
	o := s.object(options)
	if o == nil {
		return s.def, nil
	}
	t := s.object(o.Get("transaction"))
	if t == nil {
		return s.def, nil
	}
	if f := t.Get("finished"); truthy(f) && !truthy(o.Get("completesTransaction")) {
		return nil, &finishedError{msg: fmt.Sprintf("%s has been called on this transaction(%s), you can no longer use it. (The rejected query is attached as the 'sql' property of this error)", f.String(), jsString(t.Get("id")))}
	}
	s.mu.Lock()
	st, ok := s.txs[t]
	s.mu.Unlock()
	if !ok {
		return nil, errors.New("the transaction passed in options.transaction was not started by this sequelize instance")
	}
	return st.exec, nil
}

// errNotConnected is the rejection of database calls made before Connect
// (from a config file or .sequelizerc).
var errNotConnected = errors.New("sqzjs: the database connection is not configured yet (queries cannot run while the configuration is being read)")

func (s *Session) nativeRun(call goja.FunctionCall) goja.Value {
	if s.d == nil {
		return s.rejected(errNotConnected, s.callSite())
	}
	method := call.Argument(0).String()
	options := call.Argument(1)
	var args []goja.Value
	if len(call.Arguments) > 2 {
		args = call.Arguments[2:]
	}
	stack := s.callSite()
	op, _, err := s.op(method, args)
	if err != nil {
		return s.rejected(err, stack)
	}
	e, err := s.executorFor(options)
	if err != nil {
		var fe *finishedError
		if errors.As(err, &fe) {
			fe.sql = s.firstStatement(op)
		}
		return s.rejected(err, stack)
	}
	return s.submit(e, op, options, stack)
}

// submit runs op on e and returns the promise it settles.
func (s *Session) submit(e *executor, op dialect.Op, options goja.Value, stack string) goja.Value {
	promise, resolve, reject := s.vm.NewPromise()
	enqueue := s.rt.Loop().Reserve()
	e.submit(func() {
		res, log, err := s.run(s.ctx, e, op)
		enqueue(func() error {
			s.emitLog(log, options)
			if err != nil {
				return reject(s.jsError(err, stack))
			}
			return resolve(s.toJS(res))
		})
	})
	return s.vm.ToValue(promise)
}

func (s *Session) rejected(err error, stack string) goja.Value {
	promise, _, reject := s.vm.NewPromise()
	_ = reject(s.jsError(err, stack))
	return s.vm.ToValue(promise)
}

func (s *Session) nativeBegin(call goja.FunctionCall) goja.Value {
	if s.d == nil {
		return s.rejected(errNotConnected, s.callSite())
	}
	t := s.object(call.Argument(0))
	parent := s.object(call.Argument(1))
	opts := s.object(call.Argument(2))
	stack := s.callSite()
	if t == nil {
		return s.rejected(errors.New("Unable to start a transaction without transaction object!"), stack)
	}
	if parent != nil {
		s.mu.Lock()
		ps, ok := s.txs[parent]
		s.mu.Unlock()
		if !ok {
			return s.rejected(errors.New("the parent transaction was not started by this sequelize instance"), stack)
		}
		name := jsString(t.Get("name"))
		s.mu.Lock()
		s.txs[t] = &txState{exec: ps.exec, savepoint: name}
		s.mu.Unlock()
		return s.submit(ps.exec, dialect.Begin{Savepoint: name}, goja.Undefined(), stack)
	}
	id := jsString(t.Get("id"))
	exec := newExecutor(id, s.conn.Conn)
	s.mu.Lock()
	s.txs[t] = &txState{exec: exec, root: true}
	s.mu.Unlock()
	op := dialect.Begin{ID: id, Type: s.optString(opts, "type"), Isolation: s.optString(opts, "isolationLevel"),
		ReadOnly: truthy(s.objGet(opts, "readOnly")), DeferSQL: s.optString(opts, "deferSQL")}
	logOpts := s.vm.NewObject()
	_ = logOpts.Set("transaction", t)
	return s.submit(exec, op, logOpts, stack)
}

func (s *Session) nativeFinish(call goja.FunctionCall, rollback bool) goja.Value {
	t := s.object(call.Argument(0))
	stack := s.callSite()
	s.mu.Lock()
	st, ok := s.txs[t]
	s.mu.Unlock()
	if !ok {
		return s.rejected(errors.New("the transaction was not started by this sequelize instance"), stack)
	}
	var op dialect.Op = dialect.Commit{Savepoint: st.savepoint}
	if rollback {
		op = dialect.Rollback{Savepoint: st.savepoint}
	}
	return s.submit(st.exec, op, goja.Undefined(), stack)
}

func (s *Session) nativeRelease(call goja.FunctionCall) goja.Value {
	t := s.object(call.Argument(0))
	s.mu.Lock()
	st, ok := s.txs[t]
	if ok {
		delete(s.txs, t)
	}
	s.mu.Unlock()
	promise, resolve, _ := s.vm.NewPromise()
	if !ok || !st.root {
		_ = resolve(goja.Undefined())
		return s.vm.ToValue(promise)
	}
	enqueue := s.rt.Loop().Reserve()
	go func() {
		st.exec.stop()
		enqueue(func() error { return resolve(goja.Undefined()) })
	}()
	return s.vm.ToValue(promise)
}

// emitLog logs statements as Sequelize's Query._logQuery does:
// sequelize.log("Executing (<connection>): <sql>", options).
func (s *Session) emitLog(log []Statement, options goja.Value) {
	for _, st := range log {
		if st.Warning != "" {
			s.sequelizeWarn(st.Warning)
			continue
		}
		if st.Internal || st.Unlogged {
			continue
		}
		if st.Ignored != "" && s.opts.Warn != nil {
			s.opts.Warn(fmt.Sprintf("SQLite ran only the first statement of a query, as Sequelize's SQLite driver does; not run: %s", st.Ignored))
		}
		s.logOne(st, options)
	}
}

// sequelizeWarn prints a warning as Sequelize's logger does
// (console.warn("(sequelize) Warning: …")), once per text for the run.
func (s *Session) sequelizeWarn(msg string) {
	if s.warned[msg] {
		return
	}
	s.warned[msg] = true
	if c, ok := s.vm.Get("console").(*goja.Object); ok {
		if w, ok := goja.AssertFunction(c.Get("warn")); ok {
			_, _ = w(c, s.vm.ToValue("(sequelize) Warning: "+msg))
		}
	}
}

// cliLoggingDefault reports whether the instance, once built, would log
// with sequelize-cli's logMigrator. On the loop.
func (s *Session) cliLoggingDefault() bool {
	return s.lacksLogging(s.instanceConfig(s.vm)) != nil
}

// instanceConfig is Options.Config as the instance's constructor gets it.
func (s *Session) instanceConfig(vm *goja.Runtime) goja.Value {
	cfg := vm.ToValue(s.opts.Config)
	if !isSet(cfg) {
		cfg = vm.NewObject()
	}
	return cfg
}

// lacksLogging returns the config object when sequelize-cli's logging
// default applies to it (CLILogging, and no logging of its own), else nil.
func (s *Session) lacksLogging(cfg goja.Value) *goja.Object {
	o := s.object(cfg)
	if !s.opts.CLILogging || o == nil {
		return nil
	}
	if l := o.Get("logging"); l != nil && !goja.IsUndefined(l) {
		return nil
	}
	return o
}

func (s *Session) logOne(st Statement, options goja.Value) {
	o := s.object(options)
	var logging goja.Value
	if o != nil && containsString(o.Keys(), "logging") {
		logging = o.Get("logging")
	} else if s.instance == nil && s.cliLoggingDefault() {
		// sequelize-cli's default (logMigrator) prints no "Executing"
		// line: nothing to build the instance for.
		return
	} else {
		if s.Ready() != nil {
			return // the runner's Ready reports it
		}
		if opts := s.object(s.instance.Get("options")); opts != nil {
			logging = opts.Get("logging")
		}
	}
	if !truthy(logging) {
		return
	}
	if b, ok := logging.Export().(bool); ok && b {
		logging = s.consoleLog
	}
	if s.logMigrator != nil && logging.SameAs(s.logMigrator) {
		// logMigrator prints nothing that starts with "Executing": skip
		// building the message (a bulkInsert's is megabytes).
		return
	}
	fn, ok := goja.AssertFunction(logging)
	if !ok {
		return
	}
	msg := "Executing (" + st.Conn + "): " + st.SQL
	if logging.SameAs(s.consoleLog) {
		_, _ = fn(goja.Undefined(), s.vm.ToValue(msg))
		return
	}
	lo := s.vm.NewObject()
	if o != nil {
		for _, k := range o.Keys() {
			_ = lo.Set(k, o.Get(k))
		}
	}
	if st.Params != nil {
		_ = lo.Set("bind", s.toJS(toAnySlice(st.Params)))
	} else if st.Named != nil {
		_ = lo.Set("bind", s.toJS(st.Named))
	}
	_, _ = fn(goja.Undefined(), s.vm.ToValue(msg), lo)
}

func toAnySlice(a []any) []any {
	out := make([]any, len(a))
	for i, v := range a {
		switch x := v.(type) {
		case int64:
			out[i] = float64(x)
		default:
			out[i] = x
		}
	}
	return out
}

// jsError turns a Go error into the JavaScript error a Sequelize method
// rejects with: Sequelize's error classes for database errors, Error (or
// TypeError) for the rest, with the call site's stack.
func (s *Session) jsError(err error, stack string) goja.Value {
	var dbe *dialect.DBError
	if errors.As(err, &dbe) && s.makeError != nil {
		info := s.vm.NewObject()
		_ = info.Set("kind", errorKindName(dbe.Kind))
		_ = info.Set("message", dbe.Message)
		if dbe.Code != "" {
			_ = info.Set("code", dbe.Code)
		}
		if dbe.Errno != 0 {
			_ = info.Set("errno", dbe.Errno)
		}
		if dbe.Detail != "" {
			_ = info.Set("detail", dbe.Detail)
		}
		if dbe.SQL != "" {
			_ = info.Set("sql", dbe.SQL)
		}
		if p, ok := dbe.Params.([]any); ok {
			_ = info.Set("parameters", s.toJS(toAnySlice(p)))
		}
		if dbe.FieldValues != nil {
			_ = info.Set("fieldValues", s.toJS(dbe.FieldValues))
		} else if dbe.Fields != nil {
			f := make([]any, len(dbe.Fields))
			for i, x := range dbe.Fields {
				f[i] = x
			}
			_ = info.Set("fields", s.vm.NewArray(f...))
		}
		if dbe.SequelizeMessage != "" {
			_ = info.Set("sequelizeMessage", dbe.SequelizeMessage)
		}
		if dbe.Constraint != "" {
			_ = info.Set("constraint", dbe.Constraint)
		}
		if dbe.Table != "" {
			_ = info.Set("table", dbe.Table)
		}
		_ = info.Set("dialect", string(s.d.Name()))
		if fk := dbe.ForeignKey; fk != nil {
			o := s.vm.NewObject()
			if fk.Table != "" {
				_ = o.Set("table", fk.Table)
			}
			if fk.Index != "" {
				_ = o.Set("index", fk.Index)
			}
			if fk.Reltype != "" {
				_ = o.Set("reltype", fk.Reltype)
			}
			switch {
			case fk.NullFields:
				_ = o.Set("fields", goja.Null())
			case fk.Fields != nil:
				f := make([]any, len(fk.Fields))
				for i, x := range fk.Fields {
					f[i] = x
				}
				_ = o.Set("fields", s.vm.NewArray(f...))
			}
			_ = info.Set("foreignKey", o)
		}
		if stack != "" {
			_ = info.Set("stack", stack)
		}
		v, e := s.makeError(goja.Undefined(), info)
		if e == nil {
			return v
		}
	}
	var fe *finishedError
	sqlText := ""
	if errors.As(err, &fe) {
		sqlText = fe.sql
	}
	msg := err.Error()
	ctor := "Error"
	if rest, ok := strings.CutPrefix(msg, "TypeError: "); ok {
		ctor, msg = "TypeError", rest
	}
	obj, e := s.vm.New(s.vm.Get(ctor), s.vm.ToValue(msg))
	if e != nil {
		return s.vm.ToValue(msg)
	}
	if stack != "" {
		_ = obj.Set("stack", ctor+": "+msg+"\n"+stack)
	}
	if sqlText != "" {
		_ = obj.Set("sql", sqlText)
	}
	return obj
}

// uuidV4 makes a random UUID (transaction ids).
func uuidV4() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// finishedError is the error of a query given a finished transaction; it
// carries the SQL Sequelize would have sent (the rejected query).
type finishedError struct {
	msg string
	sql string
}

func (e *finishedError) Error() string { return e.msg }

// errCaptured stops an operation at its first statement.
var errCaptured = errors.New("captured")

// captureQuerier records the first statement of an operation and runs
// nothing.
type captureQuerier struct{ sql string }

func (c *captureQuerier) Exec(_ context.Context, sql string, _ ...any) (dialect.ExecResult, error) {
	c.sql = sql
	return dialect.ExecResult{}, errCaptured
}

func (c *captureQuerier) Query(_ context.Context, sql string, _ ...any) (*dialect.Rows, error) {
	c.sql = sql
	return nil, errCaptured
}

// firstStatement is the first SQL statement op would run; the dialect
// plans it without touching the database.
func (s *Session) firstStatement(op dialect.Op) string {
	c := &captureQuerier{}
	_, _ = s.d.Exec(s.ctx, c, op)
	return c.sql
}
