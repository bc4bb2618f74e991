package apply

import (
	"context"
	"errors"
	"testing"
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
