package apply

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestRetryInterruptedSendsNothing: once apply is interrupted, retry
// makes no further call, not even the first.
func TestRetryInterruptedSendsNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	e := &Engine{C: &Clients{}}
	calls := 0
	err := e.retry(ctx, "bucket b", func() error { calls++; return nil })
	if calls != 0 {
		t.Errorf("calls after the interrupt = %d, want 0", calls)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}

// TestWaitEqualInterruptedWhilePausing: an interrupt between two reads
// ends the read-back wait with the interrupt, not as a read-back failure.
func TestWaitEqualInterruptedWhilePausing(t *testing.T) {
	f := newFake()
	f.buckets["b"] = &fakeBucket{}
	e := fakeEngine(t, f)
	e.PropagationTimeout = 10 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	it := &Item{Type: TVersioning, Name: "b", Bucket: "b", Desired: map[string]any{"Status": "Enabled"}}
	err := e.waitEqual(ctx, it, it.Desired, 1, time.Second)
	if !errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "did not read back") {
		t.Errorf("error = %v, want the interrupt", err)
	}
}
