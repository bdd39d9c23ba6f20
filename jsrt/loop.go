package jsrt

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// Errors returned by [Loop.Await].
var (
	// ErrClosed is returned by Await once [Runtime.Close] was called.
	ErrClosed = errors.New("jsrt: runtime is closed")
	// ErrReentrant is returned by Await when it is called from inside another Await (from a
	// start function or a callback).
	ErrReentrant = errors.New("jsrt: Loop.Await called from inside Loop.Await")
	// ErrNeverSettled is returned by Await when the promise is still pending but nothing is left
	// that could settle it: no reservation, no timer, no queued callback (for example
	// `await new Promise(() => {})`). Node exits silently in that case; sqzjs reports it.
	ErrNeverSettled = errors.New("jsrt: the promise never settled: no reservation, timer or callback is left that could settle it")
)

// Loop is the event loop of a [Runtime]. There is no loop goroutine: the loop runs on the
// goroutine that calls [Loop.Await], for as long as that call lasts, and "on the loop" means
// "inside a start function, a callback, a timer or any JavaScript they run". Between two Awaits
// nothing runs; callbacks enqueued meanwhile wait for the next Await.
//
// The design follows k6's event loop: a counter of reservations (Go work that owes the loop a
// callback), a queue of callbacks, and a wake-up channel.
type Loop struct {
	rt *Runtime

	mu       sync.Mutex
	queue    []func() error
	reserved int
	closed   bool
	wake     chan struct{}

	// Fields below are used on the loop only.
	running    bool
	exit       *ExitError
	uncaught   *ScriptError // an exception thrown by a microtask (queueMicrotask, nextTick)
	rejections []*goja.Promise
	unhandled  map[*goja.Promise]bool
	timers     timerQueue
}

func newLoop(rt *Runtime) *Loop {
	l := &Loop{rt: rt, wake: make(chan struct{}, 1), unhandled: map[*goja.Promise]bool{}}
	l.timers.init()
	rt.vm.SetPromiseRejectionTracker(l.trackRejection)
	return l
}

func (l *Loop) wakeup() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// Reserve tells the loop that Go work has started which will need to run a callback on the
// loop when it is done, typically to resolve or reject a promise. It must be called on the loop.
// The returned enqueue function may be called from any goroutine, and must be called exactly
// once (a second call panics); it never blocks, even after the Await that made the reservation
// returned or the Runtime was closed. Until it is called, [Loop.Await] does not return (except
// on cancellation, see Await).
//
// The callback passed to enqueue runs on the loop, in the order enqueue calls happened. It may
// use the VM freely. Its error is meant for uncatchable failures only (the error returned by a
// promise's resolve or reject function, such as an interrupt): it stops the current Await, which
// returns that error. Script-level failures should be rejections, not callback errors.
//
//	enqueue := loop.Reserve()
//	p, resolve, reject := vm.NewPromise()
//	go func() {
//		res, err := doWork(ctx) // no goja values here
//		enqueue(func() error {
//			if err != nil {
//				return reject(vm.NewGoError(err))
//			}
//			return resolve(res)
//		})
//	}()
//	return vm.ToValue(p)
func (l *Loop) Reserve() (enqueue func(func() error)) {
	l.mu.Lock()
	l.reserved++
	l.mu.Unlock()
	var called bool
	return func(f func() error) {
		l.mu.Lock()
		if called {
			l.mu.Unlock()
			panic("jsrt: the enqueue function of a Loop.Reserve reservation was called twice")
		}
		called = true
		l.reserved--
		if !l.closed {
			l.queue = append(l.queue, f)
		}
		l.mu.Unlock()
		l.wakeup()
	}
}

// Settled is the successful outcome of [Loop.Await].
type Settled struct {
	// Value is the fulfilment value (undefined for a start function that returned nil). Use it
	// on the loop only.
	Value goja.Value
	// Dangling is the number of reservations still outstanding when the promise settled. Await
	// waited for them, but a non-zero count usually means the script forgot an await.
	Dangling int
}

type interruptReason int

const (
	interruptCancel interruptReason = iota + 1
	interruptExit
	interruptClose
)

func (r interruptReason) String() string {
	switch r {
	case interruptExit:
		return "process.exit called"
	case interruptClose:
		return "runtime closed"
	default:
		return "context canceled"
	}
}

// Await runs start on the loop and keeps running the loop (callbacks, due timers and the
// microtasks they cause) until the value start returned has settled and no reservation is
// outstanding. A promise or thenable settles when it is fulfilled or rejected; any other value
// (including nil, taken as undefined) is settled at once. Callbacks enqueued before the call run
// first, before start.
//
// Pending timers do not keep Await from returning; they fire during later Awaits.
//
// It returns the fulfilment value, or:
//   - a [*ScriptError] for a synchronous throw in start, a rejection of the promise, an
//     exception thrown by a timer callback, or, once the promise fulfilled, a promise rejection
//     that no handler took during the run (message "Uncaught (in promise) …", as Node ≥ 15);
//   - an [*ExitError] if the script called process.exit;
//   - ctx.Err() when ctx ends first: the VM is interrupted, and Await still waits for
//     outstanding reservations to be released, up to [Options.CancelGrace], before returning;
//   - [ErrNeverSettled], [ErrClosed], [ErrReentrant], an error start returned that is not a
//     script error (returned as is), or the error of a callback.
//
// In every failure case the loop first waits for outstanding reservations; callbacks that arrive
// after the failure are dropped without running, so their promises never settle. Go work must
// therefore not rely on its callback running to clean up.
//
// Await must not be called concurrently with itself or with other uses of the VM; call it from
// one goroutine at a time (not necessarily always the same one).
func (l *Loop) Await(ctx context.Context, start func(vm *goja.Runtime) (goja.Value, error)) (Settled, error) {
	if l.running {
		return Settled{}, ErrReentrant
	}
	l.mu.Lock()
	closed := l.closed
	l.mu.Unlock()
	if closed {
		return Settled{}, ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return Settled{}, err
	}
	l.running = true
	defer func() { l.running = false }()

	vm := l.rt.vm
	vm.ClearInterrupt()
	l.exit = nil
	l.uncaught = nil
	l.rejections = nil
	clear(l.unhandled)

	interrupted := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		defer close(interrupted)
		vm.Interrupt(interruptCancel)
		l.wakeup()
	})
	defer func() {
		if !stop() {
			<-interrupted
		}
		vm.ClearInterrupt()
	}()

	a := &await{l: l, ctx: ctx}
	l.mu.Lock()
	l.queue = append(l.queue, func() error { return a.start(start) })
	l.mu.Unlock()
	return a.run()
}

// await is the state of one Await call.
type await struct {
	l        *Loop
	ctx      context.Context
	promise  *goja.Promise
	settled  bool
	value    goja.Value
	failed   error // a rejection or throw; returned once reservations are released
	dangling int
}

func (a *await) start(start func(vm *goja.Runtime) (goja.Value, error)) error {
	v, err := a.l.rt.catch(func() (goja.Value, error) { return start(a.l.rt.vm) })
	if err != nil {
		if isInterrupt(err) {
			return err
		}
		a.settle(nil, a.l.rt.toScriptError(err))
		return nil
	}
	if v == nil {
		v = goja.Undefined()
	}
	if p := a.l.rt.asPromise(v); p != nil {
		a.promise = p
		return nil
	}
	a.settle(v, nil)
	return nil
}

func (a *await) settle(v goja.Value, err error) {
	a.settled = true
	a.value, a.failed = v, err
	a.l.mu.Lock()
	a.dangling = a.l.reserved
	a.l.mu.Unlock()
}

// checkPromise records the settlement of the promise start returned.
func (a *await) checkPromise() {
	if a.settled || a.promise == nil {
		return
	}
	switch a.promise.State() {
	case goja.PromiseStateFulfilled:
		a.settle(a.promise.Result(), nil)
	case goja.PromiseStateRejected:
		delete(a.l.unhandled, a.promise)
		a.settle(nil, a.l.rt.valueError(a.promise.Result(), ""))
	}
}

func (a *await) run() (Settled, error) {
	l := a.l
	for {
		// Interrupts are delivered to running JavaScript; a callback that swallows the error
		// of resolve/reject must not keep a cancelled or closed loop busy.
		if err := a.ctx.Err(); err != nil {
			return a.abort(err)
		}
		if l.isClosed() {
			return a.abort(ErrClosed)
		}
		l.mu.Lock()
		batch := l.queue
		l.queue = nil
		l.mu.Unlock()

		for _, f := range batch {
			if err := a.call(f); err != nil {
				return a.abort(err)
			}
		}
		if fired, err := a.fireTimers(); err != nil {
			return a.abort(err)
		} else if fired {
			continue
		}

		l.mu.Lock()
		queued, reserved := len(l.queue), l.reserved
		l.mu.Unlock()
		if queued > 0 {
			continue
		}
		if a.settled && reserved == 0 {
			return a.finish()
		}
		if !a.settled && reserved == 0 && l.timers.len() == 0 {
			if err := a.unhandledRejection(); err != nil {
				return Settled{}, err
			}
			return Settled{}, ErrNeverSettled
		}
		if err := a.wait(); err != nil {
			return a.abort(err)
		}
	}
}

// call runs one callback and classifies its outcome.
func (a *await) call(f func() error) error {
	err := f()
	switch {
	case a.l.exit != nil:
		return a.l.exit
	case err != nil:
		return err
	case a.l.uncaught != nil:
		return a.l.uncaught
	}
	a.checkPromise()
	return nil
}

// wait sleeps until a callback is enqueued, the next timer is due or ctx ends.
func (a *await) wait() error {
	var due <-chan time.Time
	if d, ok := a.l.timers.next(); ok {
		t := time.NewTimer(time.Until(d))
		defer t.Stop()
		due = t.C
	}
	select {
	case <-a.l.wake:
	case <-due:
	case <-a.ctx.Done():
		return a.ctx.Err()
	}
	if a.l.isClosed() {
		return ErrClosed
	}
	return nil
}

func (a *await) finish() (Settled, error) {
	if a.failed != nil {
		return Settled{}, a.failed
	}
	if err := a.unhandledRejection(); err != nil {
		return Settled{}, err
	}
	return Settled{Value: a.value, Dangling: a.dangling}, nil
}

// unhandledRejection returns the first rejection of the run that no handler took, as a
// ScriptError, or nil.
func (a *await) unhandledRejection() error {
	for _, p := range a.l.rejections {
		if a.l.unhandled[p] {
			return a.l.rt.valueError(p.Result(), "Uncaught (in promise) ")
		}
	}
	return nil
}

// abort stops running JavaScript, waits for outstanding reservations (dropping their callbacks)
// and returns the reason translated for the caller.
func (a *await) abort(err error) (Settled, error) {
	err = a.reason(err)
	var grace <-chan time.Time
	startGrace := func() {
		if grace == nil && a.l.rt.opts.CancelGrace >= 0 {
			grace = time.After(a.l.rt.opts.CancelGrace)
		}
	}
	done := a.ctx.Done()
	if a.ctx.Err() != nil || errors.Is(err, ErrClosed) {
		startGrace()
	}
	for {
		a.l.mu.Lock()
		a.l.queue = nil
		reserved := a.l.reserved
		a.l.mu.Unlock()
		if reserved == 0 {
			return Settled{}, err
		}
		select {
		case <-a.l.wake:
		case <-done:
			done = nil
			startGrace()
		case <-grace:
			return Settled{}, err
		}
	}
}

// reason maps the error that stopped the loop to what Await returns.
func (a *await) reason(err error) error {
	if a.l.exit != nil {
		return a.l.exit
	}
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		switch ie.Value() {
		case interruptExit:
			if a.l.exit != nil {
				return a.l.exit
			}
		case interruptClose:
			return ErrClosed
		}
		if a.ctx.Err() != nil {
			return a.ctx.Err()
		}
		if a.l.isClosed() {
			return ErrClosed
		}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		if a.ctx.Err() != nil {
			return a.ctx.Err()
		}
	}
	return a.l.rt.toScriptError(err)
}

func isInterrupt(err error) bool {
	var ie *goja.InterruptedError
	return errors.As(err, &ie)
}

func (l *Loop) isClosed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.closed
}

// close marks the loop closed: enqueued callbacks are dropped from now on and Await returns
// ErrClosed.
func (l *Loop) close() {
	l.mu.Lock()
	l.closed = true
	l.queue = nil
	l.mu.Unlock()
	l.wakeup()
}

// trackRejection is goja's promise rejection tracker: it is called on the loop when a promise
// is rejected without a handler, and when a handler is later attached to such a promise.
func (l *Loop) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	if op == goja.PromiseRejectionReject {
		if !l.unhandled[p] {
			l.rejections = append(l.rejections, p)
		}
		l.unhandled[p] = true
		return
	}
	delete(l.unhandled, p)
}

// exitNow implements process.exit: it records the code and interrupts the running script.
func (l *Loop) exitNow(code int) {
	l.exit = &ExitError{Code: code}
	l.rt.vm.Interrupt(interruptExit)
}
