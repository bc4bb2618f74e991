package apply

import (
	"cmp"
	"context"
	"sync"
	"time"
)

// parallel runs f(0..n-1), each unit (a bucket's, grant's or trail's
// changes) on its own goroutine, with at most Parallelism of them working
// at a time, and returns the first error (all started work finishes
// first). Once ctx is done (an interrupt), nothing more is started; the
// error is then ctx's unless started work failed first.
//
// A unit gives its place up while it waits between read-backs or before a
// retry (pause), so that a wait of seconds for AWS to propagate one
// bucket's configuration does not hold back the others: Parallelism bounds
// the units sending requests, not those sleeping.
func (e *Engine) parallel(ctx context.Context, n int, f func(ctx context.Context, i int) error) error {
	e.defaults()
	sem := make(chan struct{}, e.Parallelism)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first, interrupted error
	for i := 0; i < n; i++ {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil { // also when a slot and the interrupt came together
			interrupted = ctx.Err()
			break
		}
		wg.Add(1)
		s := &slot{sem: sem, held: true}
		go func(i int) {
			defer wg.Done()
			defer s.release()
			if err := f(context.WithValue(ctx, slotKey{}, s), i); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	return cmp.Or(first, interrupted)
}

// slot is a unit's place among parallel's Parallelism. Only the unit's
// goroutine uses it.
type slot struct {
	sem  chan struct{}
	held bool
}

type slotKey struct{}

func (s *slot) release() {
	if s.held {
		s.held = false
		<-s.sem
	}
}

// backOff waits d before a unit retries after err (nil: before it reads a
// write back again). A unit throttled or answered a server error keeps its
// place (sleep), so that fewer requests are sent while AWS sheds load; one
// waiting for a write to propagate gives its place up (pause).
func backOff(ctx context.Context, err error, d time.Duration) bool {
	if err != nil && isTransient(err) {
		return sleep(ctx, d)
	}
	return pause(ctx, d)
}

// sleep waits d, or until ctx is done, and reports whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	if ctx.Err() != nil {
		return false
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// takePlace gives the unit running under ctx its place back when a pause
// ended without one (its budget ran out), before it sends anything more.
func takePlace(ctx context.Context) error {
	s, _ := ctx.Value(slotKey{}).(*slot)
	if s == nil || s.held {
		return ctx.Err()
	}
	select {
	case s.sem <- struct{}{}:
		s.held = true
		return ctx.Err()
	case <-ctx.Done():
		return ctx.Err()
	}
}

// pause waits d, or until ctx is done, and reports whether d passed. The
// unit running under ctx (parallel) gives its place up for the wait and
// takes one again before it returns true, so it never sends a request
// without one; when ctx ends first it returns false holding none, and the
// caller must return without sending anything.
func pause(ctx context.Context, d time.Duration) bool {
	if ctx.Err() != nil {
		return false
	}
	s, _ := ctx.Value(slotKey{}).(*slot)
	if s != nil {
		s.release()
	}
	if !sleep(ctx, d) || s == nil {
		return ctx.Err() == nil
	}
	if takePlace(ctx) != nil { // ended while waiting, or with the place
		s.release()
		return false
	}
	return true
}
