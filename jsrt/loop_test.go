package jsrt_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/jsrt"
	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

func shortGrace(o *jsrt.Options) { o.CancelGrace = 50 * time.Millisecond }

// eval returns a start function that evaluates code as a script.
func eval(code string) func(vm *goja.Runtime) (goja.Value, error) {
	return func(vm *goja.Runtime) (goja.Value, error) { return vm.RunScript("/proj/start.js", code) }
}

func TestReserveTwicePanics(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	_, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		enqueue := rt.Loop().Reserve()
		enqueue(func() error { return nil })
		defer func() {
			if recover() == nil {
				t.Error("second call of enqueue did not panic")
			}
		}()
		enqueue(func() error { return nil })
		return nil, nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNeverReleasedBlocksUntilContextDone(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t, shortGrace)
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Millisecond)
	defer cancel()
	began := time.Now()
	_, err := rt.Loop().Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		rt.Loop().Reserve() // never released
		return vm.ToValue(1), nil
	})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(began); d < 40*time.Millisecond {
		t.Fatalf("Await returned after %v, before the context ended", d)
	}
}

func TestCancelWaitsForRelease(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	ctx, cancel := context.WithCancel(context.Background())
	var released time.Time
	var mu sync.Mutex
	_, err := rt.Loop().Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		enqueue := rt.Loop().Reserve()
		go func() {
			cancel()
			time.Sleep(30 * time.Millisecond) // a well-behaved executor noticing ctx
			mu.Lock()
			released = time.Now()
			mu.Unlock()
			enqueue(func() error { t.Error("callback ran after cancellation"); return nil })
		}()
		p, _, _ := vm.NewPromise()
		return vm.ToValue(p), nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if released.IsZero() {
		t.Fatal("Await returned before the outstanding reservation was released")
	}
}

func TestCallbacksRunInEnqueueOrder(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	const n = 20
	s, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		order := vm.NewArray()
		enqueues := make([]func(func() error), n)
		for i := range enqueues {
			enqueues[i] = rt.Loop().Reserve()
		}
		go func() {
			for i := n - 1; i >= 0; i-- { // release in reverse reservation order
				i := i
				enqueues[i](func() error {
					push, _ := goja.AssertFunction(order.Get("push"))
					_, err := push(order, vm.ToValue(i))
					return err
				})
			}
		}()
		return order, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	if err := rt.VM().ExportTo(s.Value, &got); err != nil {
		t.Fatal(err)
	}
	for i, v := range got {
		if v != n-1-i {
			t.Fatalf("callbacks ran in order %v, want enqueue order (%d..0)", got, n-1)
		}
	}
	if len(got) != n {
		t.Fatalf("%d callbacks ran, want %d", len(got), n)
	}
}

// goPromise returns a promise resolved with v by a goroutine after d.
func goPromise(rt *jsrt.Runtime, d time.Duration, v any) goja.Value {
	vm := rt.VM()
	p, resolve, _ := vm.NewPromise()
	enqueue := rt.Loop().Reserve()
	go func() {
		time.Sleep(d)
		enqueue(func() error { return resolve(v) })
	}()
	return vm.ToValue(p)
}

func TestAwaitGoResolvedPromise(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	began := time.Now()
	s, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		_ = vm.Set("slow", func() goja.Value { return goPromise(rt, 20*time.Millisecond, 41) })
		return vm.RunString(`(async () => (await slow()) + 1)()`)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Value.ToInteger(); got != 42 {
		t.Fatalf("value = %d, want 42", got)
	}
	if d := time.Since(began); d < 20*time.Millisecond {
		t.Fatalf("Await returned after %v, before the Go work finished", d)
	}
	if s.Dangling != 0 {
		t.Fatalf("Dangling = %d, want 0", s.Dangling)
	}
}

func TestDanglingReservation(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	s, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		_ = vm.Set("slow", func() goja.Value { return goPromise(rt, 10*time.Millisecond, "late") })
		// A forgotten await: the function settles while slow() is still running.
		return vm.RunString(`(async () => { slow().then(v => { globalThis.late = v }); return 'done' })()`)
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.Dangling != 1 {
		t.Fatalf("Dangling = %d, want 1", s.Dangling)
	}
	if got := rt.VM().Get("late"); got == nil || got.String() != "late" {
		t.Fatalf("the dangling work's callback did not run before Await returned (late = %v)", got)
	}
}

func TestAwaitOutcomes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		code    string
		want    string // fulfilment value (String())
		wantErr string // prefix of the error message
	}{
		{name: "plain value", code: `1 + 1`, want: "2"},
		{name: "thenable", code: `({ then(res) { res(5) } })`, want: "5"},
		{name: "async function", code: `(async () => { await null; return 'ok' })()`, want: "ok"},
		{name: "timer settles the promise", code: `new Promise(r => setTimeout(() => r('t'), 5))`, want: "t"},
		{name: "rejection", code: `(async () => { throw new TypeError('bad') })()`, wantErr: "TypeError: bad"},
		{name: "synchronous throw", code: `null.x`, wantErr: "TypeError: Cannot read property 'x' of "},
		{name: "unhandled rejection", code: `Promise.reject(new Error('lost')); 1`, wantErr: "Uncaught (in promise) Error: lost"},
		{name: "rejection handled later", code: `(async () => { const p = Promise.reject(new Error('x')); await null; await p.catch(() => {}); return 'fine' })()`, want: "fine"},
		{name: "never settles", code: `new Promise(() => {})`, wantErr: jsrt.ErrNeverSettled.Error()},
		{name: "microtask throws", code: `queueMicrotask(() => { throw new Error('in microtask') }); new Promise(r => setTimeout(r, 5))`, wantErr: "Error: in microtask"},
		{name: "timer throws", code: `setTimeout(() => { throw new RangeError('in timer') }, 1); new Promise(r => setTimeout(r, 20))`, wantErr: "RangeError: in timer"},
		{name: "nextTick order", code: `(async () => { const seen = []; process.nextTick((a) => seen.push(a), 'tick'); seen.push('sync'); await null; return seen.join(',') })()`, want: "sync,tick"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rt := jsrttest.NewRuntime(t)
			s, err := rt.Loop().Await(context.Background(), eval(tc.code))
			if tc.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want prefix %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Value.String(); got != tc.want {
				t.Fatalf("value = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTimersDoNotKeepAwaitAliveButFireLater(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	began := time.Now()
	if _, err := rt.Loop().Await(context.Background(), eval(`setTimeout(() => { globalThis.fired = true }, 300); 1`)); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(began); d >= 300*time.Millisecond {
		t.Fatalf("Await waited %v for a pending timer", d)
	}
	s, err := rt.Loop().Await(context.Background(), eval(`new Promise(r => setTimeout(() => r(globalThis.fired === true), 350))`))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Value.ToBoolean() {
		t.Fatal("the timer set during the first Await did not fire during the second")
	}
}

func TestIntervalAndClear(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	v := jsrttest.RunOnLoop(t, rt, `
		let n = 0;
		await new Promise(resolve => {
			const id = setInterval(() => { if (++n === 3) { clearInterval(id); resolve() } }, 1);
		});
		const cleared = setTimeout(() => { n = 100 }, 1);
		clearTimeout(cleared);
		let imm = false;
		await new Promise(r => setImmediate(() => { imm = true; r() }));
		await new Promise(r => setTimeout(r, 10));
		return n + ':' + imm;
	`)
	if v.String() != "3:true" {
		t.Fatalf("got %s, want 3:true", v)
	}
}

func TestCallbacksEnqueuedBetweenAwaitsRunFirst(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	vm := rt.VM()
	enqueue := rt.Loop().Reserve() // between Awaits, the driving goroutine is the loop
	done := make(chan struct{})
	go func() {
		enqueue(func() error { return vm.Set("early", "yes") })
		close(done)
	}()
	<-done
	s, err := rt.Loop().Await(context.Background(), eval(`globalThis.early`))
	if err != nil {
		t.Fatal(err)
	}
	if s.Value.String() != "yes" {
		t.Fatalf("early = %v: the callback did not run before start", s.Value)
	}
}

func TestCallbackErrorStopsAwait(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	boom := errors.New("boom")
	_, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		enqueue := rt.Loop().Reserve()
		go enqueue(func() error { return boom })
		p, _, _ := vm.NewPromise()
		return vm.ToValue(p), nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the callback's error", err)
	}
}

func TestInterruptBusyScript(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	_, err := rt.Loop().Await(ctx, eval(`for (;;) {}`))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	// The runtime is usable again afterwards.
	s, err := rt.Loop().Await(context.Background(), eval(`'again'`))
	if err != nil || s.Value.String() != "again" {
		t.Fatalf("after an interrupt: %v, %v", s.Value, err)
	}
}

func TestProcessExit(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	_, err := rt.Loop().Await(context.Background(), eval(`
		(async () => {
			try { await null; process.exit(3) } finally { globalThis.finallyRan = true }
			globalThis.after = true;
		})()`))
	var exit *jsrt.ExitError
	if !errors.As(err, &exit) || exit.Code != 3 {
		t.Fatalf("err = %v, want *ExitError{3}", err)
	}
	for _, name := range []string{"after", "finallyRan"} {
		if v := rt.VM().Get(name); v != nil && !goja.IsUndefined(v) {
			t.Fatalf("%s is set: the script kept running after process.exit", name)
		}
	}
}

func TestReentrantAwait(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	var inner error
	_, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		_, inner = rt.Loop().Await(context.Background(), eval(`1`))
		return nil, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(inner, jsrt.ErrReentrant) {
		t.Fatalf("inner Await err = %v, want ErrReentrant", inner)
	}
}

func TestClosedLoopNeverBlocksResolver(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t, shortGrace)
	var enqueue func(func() error)
	awaitDone := make(chan error, 1)
	started := make(chan struct{})
	go func() {
		_, err := rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
			enqueue = rt.Loop().Reserve()
			close(started)
			p, _, _ := vm.NewPromise()
			return vm.ToValue(p), nil
		})
		awaitDone <- err
	}()
	<-started
	rt.Close()
	released := make(chan struct{})
	go func() {
		enqueue(func() error { t.Error("callback ran on a closed runtime"); return nil })
		close(released)
	}()
	select {
	case <-released:
	case <-time.After(2 * time.Second):
		t.Fatal("enqueue blocked on a closed runtime")
	}
	select {
	case err := <-awaitDone:
		if !errors.Is(err, jsrt.ErrClosed) {
			t.Fatalf("Await err = %v, want ErrClosed", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Await did not return after Close")
	}
	if _, err := rt.Loop().Await(context.Background(), eval(`1`)); !errors.Is(err, jsrt.ErrClosed) {
		t.Fatalf("Await after Close: err = %v, want ErrClosed", err)
	}
}
