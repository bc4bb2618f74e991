package apply

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestPauseGivesPlaceUp: a unit waiting between read-backs or before a
// retry (pause) lets parallel start another unit, even at Parallelism 1.
func TestPauseGivesPlaceUp(t *testing.T) {
	e := &Engine{Parallelism: 1}
	second := make(chan struct{})
	err := e.parallel(context.Background(), 2, func(ctx context.Context, i int) error {
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
		err := e.parallel(context.Background(), 8, func(ctx context.Context, i int) error {
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
