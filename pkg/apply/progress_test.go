package apply

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// progressRecord holds an engine's progress events.
type progressRecord struct {
	mu     sync.Mutex
	events []ProgressEvent
}

// recordProgress makes e report its progress events to the returned
// record.
func recordProgress(e *Engine) *progressRecord {
	r := &progressRecord{}
	e.OnProgress = func(ev ProgressEvent) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.events = append(r.events, ev)
	}
	return r
}

// text is every string the events carry, one event a line: what the
// log (internal/view ApplyLog) can print.
func (r *progressRecord) text() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return progressText(r.events)
}

func progressText(events []ProgressEvent) string {
	var b strings.Builder
	for _, ev := range events {
		fmt.Fprintf(&b, "%s %s: %s %s %s %s\n", ev.Kind, ev.Subject, ev.Phase, ev.Detail, ev.Call, ev.Code)
	}
	return b.String()
}

// count is how many events of kind k whose Detail holds s were reported.
func (r *progressRecord) count(k ProgressKind, s string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, ev := range r.events {
		if ev.Kind == k && strings.Contains(ev.Detail, s) {
			n++
		}
	}
	return n
}

// check verifies, after a successful apply, that the events tell a
// consistent story: one start and, after it, one completion per change,
// each retry or wait of a change naming it, and every event but a
// warning naming its subject for the log line.
func (r *progressRecord) check(t *testing.T) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	count := map[ProgressKind]int{}
	started := map[*Change]bool{}
	for _, ev := range r.events {
		count[ev.Kind]++
		if ev.Kind != ProgressWarning && ev.Subject == "" {
			t.Errorf("%s event has no subject: %+v", ev.Kind, ev)
		}
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
	if count[ProgressStart] == 0 {
		t.Errorf("no start events: %v", count)
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
	e.report(ProgressEvent{Kind: ProgressStart, Subject: "s3_bucket.acme-secret-bucket"})
	for _, ev := range got {
		if strings.Contains(ev.Detail+ev.Subject, "acme-secret-bucket") {
			t.Errorf("%s event %q / %q names the sensitive bucket", ev.Kind, ev.Subject, ev.Detail)
		}
	}
	if len(got) != 3 {
		t.Fatalf("want 3 events, got %d", len(got))
	}
}
