package apply

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestPauseGivesPlaceUp: a unit waiting between read-backs or before a
// retry (pause) lets parallel start another unit, even at Parallelism 1.
func TestPauseGivesPlaceUp(t *testing.T) {
	e := &Engine{Parallelism: 1}
	second := make(chan struct{})
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second) // a broken pause fails, not hangs
	defer cancel()
	err := e.parallel(ctx, 2, func(ctx context.Context, i int) error {
		if i == 1 {
			close(second)
			return nil
		}
		for range 1000 { // at most 10 s: the second unit must start meanwhile
			select {
			case <-second:
				return nil
			default:
			}
			if !pause(ctx, 10*time.Millisecond) {
				t.Error("pause ended early without an interrupt")
				return nil
			}
		}
		t.Error("the second unit did not start while the first paused")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestParallelBoundsWorkingUnits: however many units pause, at most
// Parallelism work (send requests) at once, and every unit finishes.
func TestParallelBoundsWorkingUnits(t *testing.T) {
	for _, p := range []int{1, 2, 3} {
		e := &Engine{Parallelism: p}
		var mu sync.Mutex
		working, maxWorking, alive, maxAlive, done := 0, 0, 0, 0, 0
		step := func(d int, track *int, peak *int) {
			mu.Lock()
			defer mu.Unlock()
			*track += d
			*peak = max(*peak, *track)
		}
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second) // a broken pause fails, not hangs
		defer cancel()
		err := e.parallel(ctx, 8, func(ctx context.Context, i int) error {
			step(1, &alive, &maxAlive)
			for range 3 {
				step(1, &working, &maxWorking)
				time.Sleep(time.Millisecond) // a request
				step(-1, &working, &maxWorking)
				if !pause(ctx, 5*time.Millisecond) {
					t.Error("pause ended early without an interrupt")
				}
			}
			step(-1, &alive, &maxAlive)
			mu.Lock()
			done++
			mu.Unlock()
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if maxWorking > p {
			t.Errorf("Parallelism %d: %d units worked at once", p, maxWorking)
		}
		if maxAlive <= p {
			t.Errorf("Parallelism %d: at most %d units were started at once; a pausing unit must let another start", p, maxAlive)
		}
		if done != 8 {
			t.Errorf("Parallelism %d: %d of 8 units finished", p, done)
		}
	}
}

// TestPauseInterrupted: pause on an ended context returns false at once,
// without giving the place up; ended during the wait, it returns false
// holding none. Either way parallel's release leaves every place free.
func TestPauseInterrupted(t *testing.T) {
	tests := []struct {
		name     string
		before   bool // the context ends before pause, else during it
		wantHeld bool
	}{
		{"ended before", true, true},
		{"ends during", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sem := make(chan struct{}, 1)
			sem <- struct{}{}
			s := &slot{sem: sem, held: true}
			ctx, cancel := context.WithCancel(context.WithValue(context.Background(), slotKey{}, s))
			defer cancel()
			if tc.before {
				cancel()
			} else {
				time.AfterFunc(10*time.Millisecond, cancel)
			}
			if pause(ctx, time.Hour) {
				t.Fatal("pause reported the wait as over")
			}
			if s.held != tc.wantHeld || (len(sem) == 1) != tc.wantHeld {
				t.Errorf("after pause: held = %v with %d places taken, want held = %v", s.held, len(sem), tc.wantHeld)
			}
			s.release()
			if len(sem) != 0 {
				t.Errorf("%d places still taken after release", len(sem))
			}
		})
	}
}

// TestWaitingBucketLetsOthersWrite: at Parallelism 1, a bucket whose
// guardrail waits to read back does not hold back the next bucket's writes.
func TestWaitingBucketLetsOthersWrite(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	e.Parallelism, e.WaitInterval = 1, 20*time.Millisecond
	p := planFor(t, e, bucketItems(t, 2))
	if _, err := e.Apply(context.Background(), p, false); err != nil {
		t.Fatal(err)
	}
	firstPut1, lastRead0 := -1, -1
	for i, c := range f.calls {
		if firstPut1 < 0 && strings.HasPrefix(c, "Put") && strings.HasSuffix(c, " tmc-probe-1") {
			firstPut1 = i
		}
		if strings.HasPrefix(c, "Get") && strings.HasSuffix(c, " tmc-probe-0") {
			lastRead0 = i
		}
	}
	if firstPut1 < 0 || lastRead0 < 0 || firstPut1 > lastRead0 {
		t.Errorf("bucket 1's first write (call %d) came after bucket 0's last read-back (call %d): a waiting bucket held its place\n%s",
			firstPut1, lastRead0, strings.Join(f.calls, "\n"))
	}
}

// callsBetween returns the calls made between the first two calls "op
// bucket" (nil when there are fewer than two).
func callsBetween(calls []string, op, bucket string) []string {
	var at []int
	for i, c := range calls {
		if c == op+" "+bucket {
			at = append(at, i)
		}
	}
	if len(at) < 2 {
		return nil
	}
	return calls[at[0]+1 : at[1]]
}

// othersThan returns the calls that are not about bucket.
func othersThan(calls []string, bucket string) []string {
	var o []string
	for _, c := range calls {
		if !strings.HasSuffix(c, " "+bucket) {
			o = append(o, c)
		}
	}
	return o
}

// TestBackOffPlace: at Parallelism 1, a bucket retrying a write gives its
// place up while it waits for the write to propagate (NoSuchBucket right
// after CreateBucket), and keeps it when AWS throttles or fails, so that a
// throttled run sends fewer requests. One read-back per write: only the
// retry waits.
func TestBackOffPlace(t *testing.T) {
	tests := []struct {
		name       string
		fault      error
		wantOthers bool
	}{
		{"propagation: the place is given up", apiErr("NoSuchBucket", "The specified bucket does not exist"), true},
		{"throttled: the place is kept", apiErr("SlowDown", "Please reduce your request rate."), false},
		{"server error: the place is kept", apiErr("InternalError", "We encountered an internal error."), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			e.Parallelism, e.ReadBackEqual, e.Backoff = 1, 1, 50*time.Millisecond
			p := planFor(t, e, bucketItems(t, 2))
			f.faults["PutPublicAccessBlock"] = []error{tc.fault}
			if _, err := e.Apply(context.Background(), p, false); err != nil {
				t.Fatal(err)
			}
			between := callsBetween(f.calls, "PutPublicAccessBlock", "tmc-probe-0")
			if between == nil {
				t.Fatalf("bucket 0's PutPublicAccessBlock was not retried:\n%s", strings.Join(f.calls, "\n"))
			}
			if others := othersThan(between, "tmc-probe-0"); (len(others) > 0) != tc.wantOthers {
				t.Errorf("calls of other buckets during bucket 0's backoff: %v, want some: %v", others, tc.wantOthers)
			}
		})
	}
}

// TestPauseInterruptedWhileQueued: interrupted while it waits for its
// place back, pause returns at once, reporting the wait as not over.
func TestPauseInterruptedWhileQueued(t *testing.T) {
	e := &Engine{Parallelism: 1}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	queued, done := make(chan struct{}), make(chan struct{})
	var over atomic.Bool
	var took atomic.Int64
	e.parallel(ctx, 2, func(ctx context.Context, i int) error {
		if i == 0 {
			time.AfterFunc(20*time.Millisecond, func() { close(queued) })
			start := time.Now()
			over.Store(pause(ctx, 10*time.Millisecond)) // unit 1 holds the only place when the wait ends
			took.Store(int64(time.Since(start)))
			close(done)
			return nil
		}
		<-queued
		cancel()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
		}
		return nil
	})
	if over.Load() {
		t.Error("pause reported the wait as over after the interrupt")
	}
	if d := time.Duration(took.Load()); d > time.Second {
		t.Errorf("pause returned %s after it began: it waited for a place instead of the interrupt", d)
	}
}

// endsAfterFirstCheck is a context that ends between pause's first check
// and the moment it gets its place back.
type endsAfterFirstCheck struct {
	context.Context
	checks atomic.Int32
}

func (c *endsAfterFirstCheck) Done() <-chan struct{} { return nil }
func (c *endsAfterFirstCheck) Err() error {
	if c.checks.Add(1) > 1 {
		return context.Canceled
	}
	return nil
}

// TestPauseEndAndPlaceTogether: when the end and the place come together,
// pause reports the wait as not over and holds no place.
func TestPauseEndAndPlaceTogether(t *testing.T) {
	sem := make(chan struct{}, 1)
	sem <- struct{}{}
	s := &slot{sem: sem, held: true}
	ctx := &endsAfterFirstCheck{Context: context.WithValue(t.Context(), slotKey{}, s)}
	if pause(ctx, time.Millisecond) {
		t.Error("pause reported the wait as over after the interrupt")
	}
	if s.held || len(sem) != 0 {
		t.Errorf("held = %v with %d places taken, want none", s.held, len(sem))
	}
}

// TestTakePlace: a unit whose pause ended without its place (the budget
// ran out) takes it back before its next change; an ended unit does not.
func TestTakePlace(t *testing.T) {
	sem := make(chan struct{}, 1)
	s := &slot{sem: sem}
	ctx, cancel := context.WithCancel(context.WithValue(t.Context(), slotKey{}, s))
	if err := takePlace(ctx); err != nil || !s.held || len(sem) != 1 {
		t.Fatalf("takePlace = %v, held = %v, %d places taken; want nil, true, 1", err, s.held, len(sem))
	}
	if err := takePlace(ctx); err != nil || len(sem) != 1 {
		t.Fatalf("takePlace of a held place = %v with %d places taken; want nil, 1", err, len(sem))
	}
	s.release()
	sem <- struct{}{} // another unit holds the only place
	cancel()
	if err := takePlace(ctx); err == nil || s.held {
		t.Errorf("takePlace after the interrupt = %v, held = %v; want the context's error, no place", err, s.held)
	}
}
