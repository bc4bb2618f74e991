package apply

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestInterruptBetweenChangesOfLastStage: an interrupt after one change
// of a group and before the next fails the stage, even when it is the
// last stage with changes: apply never reports success for a run that
// did not attach the policy.
func TestInterruptBetweenChangesOfLastStage(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	items := loadSpec(t, "setup-guide-user", nil)
	if _, err := converge(t, e, items); err != nil {
		t.Fatal(err)
	}
	// The grant's managed policy and its attachment are gone: the plan
	// creates both, in the same stage and group.
	f.mu.Lock()
	f.iam.policies, f.iam.attached = map[string][]string{}, map[string]bool{}
	f.mu.Unlock()
	p := planFor(t, e, items)
	types := map[string]bool{}
	for _, c := range p.Changes {
		types[c.Type] = true
	}
	if len(types) != 2 || !types[TManagedPolicy] || !types[TAttachment] {
		t.Fatalf("plan changes types %v, want only a managed policy and an attachment", types)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e.OnProgress = func(ev ProgressEvent) {
		if ev.Kind == ProgressComplete && ev.Change != nil && ev.Change.Type == TManagedPolicy {
			cancel()
		}
	}
	f.mu.Lock()
	before := len(f.calls)
	f.mu.Unlock()
	res, err := e.Apply(ctx, p, false)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("apply error = %v, want the interrupt", err)
	}
	if res != nil && res.Added != 0 {
		t.Errorf("added = %d after the interrupt, want 0 (the stage did not complete)", res.Added)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.calls[before:] {
		if strings.HasPrefix(c, "AttachUserPolicy") {
			t.Errorf("%s sent after the interrupt", c)
		}
	}
}

// TestAWSErrorsNeverSkipped: against AWS (no custom endpoint) a rejected
// write fails the run, whatever its code; only a third-party endpoint's
// "not supported" answers are skipped.
func TestAWSErrorsNeverSkipped(t *testing.T) {
	pol := &Change{Type: TBucketPolicy, Name: "b", Address: "bucket.b", item: &Item{Type: TBucketPolicy, Name: "b", Bucket: "b"}}
	tests := []struct {
		name     string
		endpoint string
		phase    string
		err      error
		skip     bool
	}{
		{"AWS: NotImplemented answer", "", phaseFull, apiErr("NotImplemented", "no"), false},
		{"AWS: malformed XML", "", phaseFull, apiErr("MalformedXML", "no"), false},
		{"AWS: malformed policy in the full phase", "", phaseFull, apiErr("MalformedPolicy", "no"), false},
		{"endpoint: NotImplemented answer", "http://127.0.0.1:9000", phaseFull, apiErr("NotImplemented", "no"), true},
		{"endpoint: malformed policy in the service phase", "http://127.0.0.1:9000", phaseService, apiErr("MalformedPolicy", "no"), true},
		{"endpoint: malformed policy in the deny phase", "http://127.0.0.1:9000", phaseDeny, apiErr("MalformedPolicy", "no"), false},
		{"endpoint: malformed policy in the revoke phase", "http://127.0.0.1:9000", phaseRevoke, apiErr("MalformedPolicy", "no"), false},
		{"endpoint: access denied", "http://127.0.0.1:9000", phaseFull, apiErr("AccessDenied", "no"), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := fakeEngine(t, newFake())
			e.C.Endpoint = tc.endpoint
			if got, _ := e.skipUnsupported(nil, pol, tc.phase, tc.err); got != tc.skip {
				t.Errorf("skipped = %v, want %v", got, tc.skip)
			}
		})
	}
}
