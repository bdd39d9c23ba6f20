package jsrt

import (
	"container/heap"
	"time"

	"github.com/dop251/goja"
)

// timer is one setTimeout, setInterval or setImmediate registration. Timers use the real clock
// (an injected Options.Now would never advance on its own).
type timer struct {
	id       int64
	when     time.Time
	seq      int64 // tie-breaker: registration order
	interval time.Duration
	repeat   bool
	fn       goja.Callable
	args     []goja.Value
	index    int // position in the heap, -1 once removed
}

// timerQueue is a min-heap of timers ordered by due time, then registration order.
type timerQueue struct {
	items []*timer
	byID  map[int64]*timer
	seq   int64
}

func (q *timerQueue) init() { q.byID = map[int64]*timer{} }

func (q *timerQueue) Len() int { return len(q.items) }
func (q *timerQueue) Less(i, j int) bool {
	a, b := q.items[i], q.items[j]
	if !a.when.Equal(b.when) {
		return a.when.Before(b.when)
	}
	return a.seq < b.seq
}
func (q *timerQueue) Swap(i, j int) {
	q.items[i], q.items[j] = q.items[j], q.items[i]
	q.items[i].index, q.items[j].index = i, j
}
func (q *timerQueue) Push(x any) {
	t := x.(*timer)
	t.index = len(q.items)
	q.items = append(q.items, t)
}
func (q *timerQueue) Pop() any {
	t := q.items[len(q.items)-1]
	q.items = q.items[:len(q.items)-1]
	t.index = -1
	return t
}

func (q *timerQueue) len() int { return len(q.items) }

func (q *timerQueue) add(t *timer) {
	q.seq++
	t.seq = q.seq
	if t.id == 0 {
		t.id = q.seq
	}
	q.byID[t.id] = t
	heap.Push(q, t)
}

func (q *timerQueue) remove(id int64) {
	if t, ok := q.byID[id]; ok {
		delete(q.byID, id)
		if t.index >= 0 {
			heap.Remove(q, t.index)
		}
	}
}

// next returns the due time of the earliest timer.
func (q *timerQueue) next() (time.Time, bool) {
	if len(q.items) == 0 {
		return time.Time{}, false
	}
	return q.items[0].when, true
}

// popDue removes and returns the earliest timer if it is due at now.
func (q *timerQueue) popDue(now time.Time) *timer {
	if len(q.items) == 0 || q.items[0].when.After(now) {
		return nil
	}
	return heap.Pop(q).(*timer)
}

// fireTimers runs the timers that are due now (not those a fired timer schedules for now, so an
// immediate that re-schedules itself cannot starve the loop). It reports whether any ran.
func (a *await) fireTimers() (bool, error) {
	q := &a.l.timers
	now := time.Now()
	var due []*timer
	for t := q.popDue(now); t != nil; t = q.popDue(now) {
		due = append(due, t)
	}
	for _, t := range due {
		if _, live := q.byID[t.id]; !live {
			continue // cleared by an earlier timer of this batch
		}
		if t.repeat {
			t.when = now.Add(t.interval)
			q.add(t)
		} else {
			delete(q.byID, t.id)
		}
		// An exception thrown by a timer callback is uncaught, as in Node: it fails the Await.
		if err := a.call(func() error {
			_, err := t.fn(goja.Undefined(), t.args...)
			return err
		}); err != nil {
			return true, err
		}
	}
	return len(due) > 0, nil
}

// timerDelay converts a JavaScript delay argument as Node does: not a number or below 1 means
// 1 ms.
func timerDelay(v goja.Value) time.Duration {
	ms := 1.0
	if v != nil && !goja.IsUndefined(v) {
		if f := v.ToFloat(); f >= 1 && f <= 2147483647 {
			ms = f
		}
	}
	return time.Duration(ms * float64(time.Millisecond))
}

// installTimers defines setTimeout, setInterval, setImmediate, their clear functions and
// queueMicrotask on the global object.
func (r *Runtime) installTimers() {
	vm := r.vm
	l := r.loop
	idSym := goja.NewSymbol("jsrt.timerId")
	timerProto := vm.NewObject()
	self := func(call goja.FunctionCall) goja.Value { return call.This }
	_ = timerProto.Set("ref", self)
	_ = timerProto.Set("unref", self)
	_ = timerProto.Set("hasRef", func() bool { return true })
	_ = timerProto.Set("refresh", func(call goja.FunctionCall) goja.Value {
		if id, ok := timerID(call.This, idSym); ok {
			if t, ok := l.timers.byID[id]; ok && t.index >= 0 {
				heap.Remove(&l.timers, t.index)
				t.when = time.Now().Add(t.interval)
				l.timers.add(t)
			}
		}
		return call.This
	})
	_ = timerProto.SetSymbol(goja.SymToPrimitive, func(call goja.FunctionCall) goja.Value {
		id, _ := timerID(call.This, idSym)
		return vm.ToValue(id)
	})

	schedule := func(kind string, repeat, immediate bool) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(r.newNodeError(errInvalidArg("callback", "function", call.Argument(0)), "TypeError", "code", "ERR_INVALID_ARG_TYPE"))
			}
			t := &timer{fn: fn, repeat: repeat}
			argStart := 2
			if immediate {
				argStart = 1
			} else {
				t.interval = timerDelay(call.Argument(1))
			}
			if len(call.Arguments) > argStart {
				t.args = append([]goja.Value(nil), call.Arguments[argStart:]...)
			}
			t.when = time.Now().Add(t.interval)
			l.timers.add(t)
			obj := vm.CreateObject(timerProto)
			_ = obj.DefineDataPropertySymbol(idSym, vm.ToValue(t.id), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
			_ = obj.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue(kind), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
			return obj
		}
	}
	clearTimer := func(call goja.FunctionCall) goja.Value {
		if id, ok := timerID(call.Argument(0), idSym); ok {
			l.timers.remove(id)
		}
		return goja.Undefined()
	}
	g := vm.GlobalObject()
	_ = g.Set("setTimeout", schedule("Timeout", false, false))
	_ = g.Set("setInterval", schedule("Timeout", true, false))
	_ = g.Set("setImmediate", schedule("Immediate", false, true))
	_ = g.Set("clearTimeout", clearTimer)
	_ = g.Set("clearInterval", clearTimer)
	_ = g.Set("clearImmediate", clearTimer)
}

// timerID accepts a timer object or the number it converts to.
func timerID(v goja.Value, idSym *goja.Symbol) (int64, bool) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return 0, false
	}
	if obj, ok := v.(*goja.Object); ok {
		if id := obj.GetSymbol(idSym); id != nil {
			return id.ToInteger(), true
		}
		return 0, false
	}
	if goja.IsNumber(v) || goja.IsString(v) {
		return v.ToInteger(), true
	}
	return 0, false
}
