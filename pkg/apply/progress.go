package apply

import (
	"context"
	"time"
)

// ProgressKind says what a ProgressEvent reports.
type ProgressKind string

const (
	ProgressStart    ProgressKind = "start"    // a change starts: "Creating...", "Modifying..."
	ProgressRetry    ProgressKind = "retry"    // a write is retried after a transient or propagation error
	ProgressWaiting  ProgressKind = "waiting"  // a write has not read back as written yet
	ProgressComplete ProgressKind = "complete" // the change is written and read back
	ProgressWarning  ProgressKind = "warning"  // something was skipped or kept as it was
)

// ProgressEvent is one progress line of an apply, as data, for
// machine-readable output (apply -json). Engine.OnProgress receives it
// with the line, which still goes to Engine.Progress.
type ProgressEvent struct {
	Kind ProgressKind
	// Change is the change the event is about; nil for warnings and for
	// retries outside a change.
	Change *Change
	// Phase is the bucket policy phase a start writes ("deny-only", ...).
	Phase string
	// Elapsed is the time since the change started (complete, waiting).
	Elapsed time.Duration
	// Detail is the retry's delay, attempt and error, the wait, or the
	// warning.
	Detail string
}

// report sends ev to OnProgress, one event at a time.
func (e *Engine) report(ev ProgressEvent) {
	if e.OnProgress == nil {
		return
	}
	e.progressMu.Lock()
	defer e.progressMu.Unlock()
	e.OnProgress(ev)
}

type changeKey struct{}

// withChange marks ctx as working on c, so that the retries and read-back
// waits under it report their change.
func withChange(ctx context.Context, c *Change) context.Context {
	return context.WithValue(ctx, changeKey{}, c)
}

func changeOf(ctx context.Context) *Change {
	c, _ := ctx.Value(changeKey{}).(*Change)
	return c
}
