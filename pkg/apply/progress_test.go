package apply

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

// progressRecord holds an engine's progress lines and events.
type progressRecord struct {
	mu     sync.Mutex
	lines  bytes.Buffer
	events []ProgressEvent
}

func (r *progressRecord) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lines.Write(p)
}

// recordProgress makes e report its progress lines and events to the
// returned record.
func recordProgress(e *Engine) *progressRecord {
	r := &progressRecord{}
	e.Progress = r
	e.OnProgress = func(ev ProgressEvent) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.events = append(r.events, ev)
	}
	return r
}

// check verifies, after a successful apply, that the events say what the
// lines say: one start and, after it, one completion per change, as many
// retries, waits and warnings as lines, and each retry or wait of a change
// naming it.
func (r *progressRecord) check(t *testing.T) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	count := map[ProgressKind]int{}
	started := map[*Change]bool{}
	for _, ev := range r.events {
		count[ev.Kind]++
		switch ev.Kind {
		case ProgressStart:
			if ev.Change == nil || started[ev.Change] {
				t.Errorf("start event without a change, or twice: %+v", ev)
			}
			started[ev.Change] = true
		case ProgressComplete:
			if !started[ev.Change] {
				t.Errorf("completion before its start: %+v", ev)
			}
			delete(started, ev.Change)
		case ProgressRetry, ProgressWaiting:
			if ev.Change == nil {
				t.Errorf("%s event names no change: %+v", ev.Kind, ev)
			}
		}
	}
	for c := range started {
		t.Errorf("%s %s started and never completed", c.Type, c.Name)
	}
	lines := r.lines.String()
	for kind, marker := range map[ProgressKind]string{
		ProgressStart:    "ing...",
		ProgressComplete: " complete after ",
		ProgressRetry:    ": retrying after ",
		ProgressWaiting:  ": still waiting for the write",
		ProgressWarning:  "Warning: ",
	} {
		if n := strings.Count(lines, marker); n != count[kind] {
			t.Errorf("%d %q progress lines but %d %s events", n, marker, count[kind], kind)
		}
	}
}

// TestProgressEventDetailMasked: the Detail of progress events (retries and
// warnings quote AWS errors, which name buckets) reaches -json events with
// the plan's sensitive strings masked, as progress lines have them.
func TestProgressEventDetailMasked(t *testing.T) {
	var got []ProgressEvent
	e := &Engine{secrets: []string{"acme-secret-bucket"}, OnProgress: func(ev ProgressEvent) { got = append(got, ev) }}
	e.report(ProgressEvent{Kind: ProgressRetry, Detail: "NoSuchBucket: acme-secret-bucket is not visible yet"})
	e.report(ProgressEvent{Kind: ProgressWarning, Detail: "kept acme-secret-bucket's ACL"})
	for _, ev := range got {
		if strings.Contains(ev.Detail, "acme-secret-bucket") {
			t.Errorf("%s event detail %q names the sensitive bucket", ev.Kind, ev.Detail)
		}
	}
	if len(got) != 2 {
		t.Fatalf("want 2 events, got %d", len(got))
	}
}
