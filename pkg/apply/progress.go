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
	// Log-only kinds: they say something the log shows and the -json
	// stream does not.
	ProgressAdopted ProgressKind = "adopted"  // a create answered "already exists" after earlier attempts of this run: continuing with it
	ProgressKeyFile ProgressKind = "key-file" // a created access key was written to a file
)

// ProgressEvent is one step of an apply's progress, as data: the view
// turns it into a log line (stderr) and, under apply -json, into an
// event. Engine.OnProgress receives it. Its strings are masked: the
// plan's sensitive values never appear in them.
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
	// warning; for a key file, its path.
	Detail string
	// Subject names what the log line is about: "type.name" (with
	// " (owner)" for starts and completions), what a retry retries, or
	// the user of a key file.
	Subject string
	// Since is the time since the apply started, to the second (zero
	// before it starts).
	Since time.Duration
	// Call, Code and Attempts say, for an adopted create, which call
	// answered which error code after how many attempts of this run.
	Call, Code string
	Attempts   int
}

// report sends ev to OnProgress, one event at a time, and keeps count of
// what started and completed (Tally).
func (e *Engine) report(ev ProgressEvent) {
	e.progressMu.Lock()
	defer e.progressMu.Unlock()
	if c := ev.Change; c != nil && (ev.Kind == ProgressStart || ev.Kind == ProgressComplete) {
		if e.ran == nil {
			e.ran = map[*Change]runState{}
		}
		st := e.ran[c]
		if ev.Kind == ProgressStart {
			st = runState{phase: ev.Phase}
		} else {
			st.done = true
		}
		e.ran[c] = st
	}
	ev.Detail = maskText(ev.Detail, e.secrets) // retry and warning details quote AWS errors and names
	ev.Subject = maskText(ev.Subject, e.secrets)
	if !e.start.IsZero() {
		ev.Since = time.Since(e.start).Round(time.Second)
	}
	if e.OnProgress != nil {
		e.OnProgress(ev)
	}
}

// policyComplete reports whether the live bucket policy of c is the full
// rendered one (a phase that adds nothing is not written, so its start is
// never reported).
func (e *Engine) policyComplete(p *Plan, c *Change) bool {
	if c.item == nil || p.live == nil {
		return false
	}
	_, want := policyPhase(c.item, p.live, phaseFull, e.Partition)
	cur := p.live.get(c.item.Key())
	return want != nil && cur != nil && equal(cur, want)
}

// runState is how far a change got: the last phase started (bucket
// policies), and whether that write completed.
type runState struct {
	phase string
	done  bool
}

// Tally counts how far an apply of p got, for the message of an
// interrupted or failed run.
type Tally struct {
	// Applied changes were written and read back in their last phase (a
	// bucket policy as rendered, not one of its partial phases).
	Applied int
	// Partial changes started and did not finish: a write that was
	// stopped, or a bucket policy whose full phase was not written.
	Partial int
	// NotStarted changes were never begun. Changes the endpoint cannot
	// perform are not counted.
	NotStarted int
}

// Tally says how far the apply of p got so far.
func (e *Engine) Tally(p *Plan) Tally {
	e.progressMu.Lock()
	defer e.progressMu.Unlock()
	var t Tally
	for _, c := range p.Changes {
		st, ok := e.ran[c]
		switch {
		case c.Unsupported != "":
		case !ok:
			t.NotStarted++
		case st.done && (st.phase == "" || st.phase == phaseFull || (c.Type == TBucketPolicy && e.policyComplete(p, c))):
			t.Applied++
		default:
			t.Partial++
		}
	}
	return t
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
