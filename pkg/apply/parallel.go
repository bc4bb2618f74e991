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
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
	}
	if s == nil {
		return true
	}
	select {
	case s.sem <- struct{}{}:
		s.held = true
	case <-ctx.Done():
		return false
	}
	if ctx.Err() != nil { // the place and the end came together
		s.release()
		return false
	}
	return true
}
