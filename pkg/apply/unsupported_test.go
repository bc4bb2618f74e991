package apply

import (
	"errors"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

const testEndpoint = "http://s3.example.test"

// grantCalls returns the calls that grant access to an identity.
func grantCalls(f *fake) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, c := range f.calls {
		if strings.HasPrefix(c, "AttachUserPolicy") || strings.HasPrefix(c, "AttachRolePolicy") {
			out = append(out, c)
		}
	}
	return append(out, f.violations...)
}

// TestRejectedGuardrailStopsGrants: on an endpoint, a guardrail write
// answered MalformedXML (or NotImplemented after the GET showed the
// feature) is not skipped as unsupported: its stage fails, the error says
// why, and no grant follows (review op2 E3).
func TestRejectedGuardrailStopsGrants(t *testing.T) {
	malformed := apiErr("MalformedXML", "The XML you provided was not well-formed")
	tests := []struct {
		name  string
		setup func(f *fake)
		want  string // in the error
	}{
		{"public access block after a decisive probe", func(f *fake) {
			f.faults["PutPublicAccessBlock"] = []error{malformed}
		}, "public-access-block "},
		{"encryption after a decisive probe", func(f *fake) {
			f.faults["PutBucketEncryption"] = []error{malformed}
		}, "encryption "},
		{"versioning after an undecided probe", func(f *fake) {
			f.faults["GetBucketVersioning"] = []error{apiErr("NoSuchBucket", "not yet visible")}
			f.faults["PutBucketVersioning"] = []error{malformed}
		}, "it is a guardrail"},
		{"NotImplemented after a decisive probe", func(f *fake) {
			f.faults["PutBucketOwnershipControls"] = []error{apiErr("NotImplemented", "no")}
		}, "server showed that it implements ownership-controls"},
		{"deny-only bucket policy", func(f *fake) {
			f.faults["PutBucketPolicy"] = []error{malformed}
		}, "(deny-only phase)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			e.C.Endpoint = testEndpoint
			// One bucket at a time: the faults go to the first bucket's
			// calls, so whether the other bucket's answer showed the
			// feature first does not depend on scheduling.
			e.Parallelism = 1
			items := loadSpec(t, "setup-guide-user", nil)
			tc.setup(f)
			res, err := converge(t, e, items)
			if err == nil {
				t.Fatalf("apply succeeded (skipped %v), want the guardrail's stage to fail", res.Skipped)
			}
			var p *Problem
			if !errors.As(err, &p) || !strings.Contains(p.Summary+" "+p.Detail, tc.want) ||
				!strings.Contains(p.Summary, testEndpoint+" rejected the write") || !strings.Contains(p.Detail, "grants included") {
				t.Errorf("error = %v (detail %q), want a Problem containing %q and saying no grant was applied", err, detail(p), tc.want)
			}
			if !strings.Contains(err.Error(), `stage "guardrails" failed`) {
				t.Errorf("error = %v, want the guardrails stage named", err)
			}
			if len(res.Skipped) != 0 {
				t.Errorf("skipped %v, want nothing skipped", res.Skipped)
			}
			if g := grantCalls(f); len(g) > 0 {
				t.Errorf("grants after a guardrail failed: %v", g)
			}
		})
	}
}

func detail(p *Problem) string {
	if p == nil {
		return ""
	}
	return p.Detail
}

// TestMalformedXMLUndecidedSkips: access logging, whose GET proves nothing
// (MinIO answers it from a dummy handler), answered MalformedXML is skipped
// with one warning, the summary lists it, no second bucket is sent the
// write, and a plan made afterwards marks the change unsupported.
func TestMalformedXMLUndecidedSkips(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	e.C.Endpoint = testEndpoint
	progress := recordProgress(e)
	items := loadSpec(t, "setup-guide-user", func(s *spec.Spec) {
		// the logs bucket logs into itself too: two logging writes
		s.Buckets[1].AccessLogging = &spec.AccessLogging{TargetBucket: s.Buckets[0].AccessLogging.TargetBucket,
			TargetRef: s.Buckets[0].AccessLogging.TargetRef, TargetPrefix: spec.Attr[string]{Value: "self/", Set: true}}
	})
	// As MinIO: every logging write is rejected. One bucket at a time, so
	// the second one can learn from the first.
	malformed := apiErr("MalformedXML", "The XML you provided was not well-formed")
	f.faults["PutBucketLogging"] = []error{malformed, malformed}
	e.Parallelism = 1
	res, err := converge(t, e, items)
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, progress.text())
	}
	if len(res.Skipped) != 2 || !strings.HasPrefix(res.Skipped[0], TLogging) || !strings.HasPrefix(res.Skipped[1], TLogging) {
		t.Errorf("skipped %v, want the two access-logging changes", res.Skipped)
	}
	if n := progress.count(ProgressWarning, "logging is not supported by "+testEndpoint); n != 1 {
		t.Errorf("%d warnings, want 1:\n%s", n, progress.text())
	}
	puts := 0
	for _, c := range f.calls {
		if strings.HasPrefix(c, "PutBucketLogging") {
			puts++
		}
	}
	if puts != 1 {
		t.Errorf("PutBucketLogging sent %d times, want 1 (the second bucket knows the answer)", puts)
	}
	p := planFor(t, e, items)
	marked := 0
	for _, c := range p.Changes {
		if c.Type != TLogging {
			t.Errorf("plan after apply changes %s %s, want only the skipped logging", c.Type, c.Name)
			continue
		}
		if !strings.Contains(c.Unsupported, "MalformedXML") {
			t.Errorf("logging of %s: unsupported = %q, want the MalformedXML answer", c.Name, c.Unsupported)
		}
		marked++
	}
	if marked != 2 || p.HasChanges() {
		t.Errorf("plan marks %d logging changes unsupported, has changes = %v; want 2 and none to apply", marked, p.HasChanges())
	}
	if !strings.Contains(strings.Join(p.Warnings, "\n"), "apply will skip it") {
		t.Errorf("plan warnings %q do not mention the skip", p.Warnings)
	}
}

// TestRejectedLoggingKeepsDelivery: removing access logging while it is
// live (its GET showed the feature) is refused when the write answers
// MalformedXML, so the grants phase does not remove the log delivery's
// Allow from the log bucket that still receives the logs.
func TestRejectedLoggingKeepsDelivery(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	e.C.Endpoint = testEndpoint
	if _, err := converge(t, e, loadSpec(t, "setup-guide-user", nil)); err != nil {
		t.Fatal(err)
	}
	logs := "acme-teramot-logs"
	if b := f.buckets[logs]; b == nil || b.policy == nil || !strings.Contains(*b.policy, "logging.s3.amazonaws.com") {
		t.Fatalf("setup: log bucket %s has no log delivery Allow", logs)
	}
	items := loadSpec(t, "setup-guide-user", func(s *spec.Spec) { s.Buckets[0].AccessLogging = nil })
	e2 := fakeEngine(t, f)
	e2.C.Endpoint = testEndpoint
	f.faults["PutBucketLogging"] = []error{apiErr("MalformedXML", "The XML you provided was not well-formed")}
	res, err := converge(t, e2, items)
	if err == nil || !strings.Contains(err.Error(), `stage "audit" failed`) {
		t.Fatalf("apply error = %v (skipped %v), want the audit stage to fail", err, res.Skipped)
	}
	if !strings.Contains(*f.buckets[logs].policy, "logging.s3.amazonaws.com") {
		t.Errorf("log bucket policy lost the log delivery Allow while logging still writes there:\n%s", *f.buckets[logs].policy)
	}
	for name, b := range f.buckets {
		if name != logs && b.logging == nil {
			t.Errorf("logging of %s is gone, want it untouched", name)
		}
	}
}

// TestSkipDecision covers skipUnsupported's table: what an endpoint's
// answer to a write means, by type, phase and what the GET showed.
func TestSkipDecision(t *testing.T) {
	change := func(typ string) *Change {
		it := &Item{Type: typ, Name: "b", Bucket: "b"}
		return &Change{Type: typ, Name: "b", item: it}
	}
	malformed, notImpl := apiErr("MalformedXML", "no"), apiErr("NotImplemented", "no")
	tests := []struct {
		name   string
		typ    string
		phase  string
		proven bool
		err    error
		skip   bool
	}{
		{"probe said NotImplemented", TPublicAccessBlock, "", false, errUnsupported, true},
		{"guardrail MalformedXML, undecided", TEncryption, "", false, malformed, false},
		{"guardrail MalformedXML, proven", TPublicAccessBlock, "", true, malformed, false},
		{"guardrail NotImplemented, undecided", TVersioning, "", false, notImpl, true},
		{"guardrail NotImplemented, proven", TOwnership, "", true, notImpl, false},
		{"logging MalformedXML, undecided", TLogging, "", false, malformed, true},
		{"logging MalformedXML, proven", TLogging, "", true, malformed, false},
		{"lifecycle MalformedXML, proven", TLifecycle, "", true, malformed, false},
		{"tagging NotImplemented, proven", TTagging, "", true, notImpl, true},
		{"revoke policy MalformedXML", TBucketPolicy, phaseRevoke, false, malformed, false},
		{"revoke policy NotImplemented, proven", TBucketPolicy, phaseRevoke, true, notImpl, false},
		{"deny policy MalformedXML", TBucketPolicy, phaseDeny, false, malformed, false},
		{"full policy MalformedXML, undecided", TBucketPolicy, phaseFull, false, malformed, true},
		{"full policy MalformedXML, proven", TBucketPolicy, phaseFull, true, malformed, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := fakeEngine(t, newFake())
			e.C.Endpoint = testEndpoint
			if tc.proven {
				e.caps.learn(tc.typ, capSupported)
			}
			c := change(tc.typ)
			skip, err := e.skipUnsupported(nil, c, tc.phase, tc.err)
			if skip != tc.skip {
				t.Errorf("skipped = %v, want %v (error %v)", skip, tc.skip, err)
			}
			if !skip && err == nil {
				t.Error("not skipped, but no error to stop the stage with")
			}
		})
	}
}

// TestLoggingWriteProves: a successful access-logging write proves the
// feature, so a later MalformedXML for another bucket is refused.
func TestLoggingWriteProves(t *testing.T) {
	e := fakeEngine(t, newFake())
	e.C.Endpoint = testEndpoint
	e.learnRead(&Item{Type: TLogging, Name: "a", Bucket: "a"}, nil)
	if e.caps.proven(TLogging) {
		t.Fatal("an answered GetBucketLogging proves access logging, want it undecided (MinIO's dummy handler)")
	}
	if known, err := e.caps.decided(TLogging); !known || err != nil {
		t.Fatalf("decided = %v, %v; want the probe answered (no second probe)", known, err)
	}
	e.caps.confirm(TLogging)
	c := &Change{Type: TLogging, Name: "b", item: &Item{Type: TLogging, Name: "b", Bucket: "b"}}
	if skip, _ := e.skipUnsupported(nil, c, "", apiErr("MalformedXML", "no")); skip {
		t.Error("MalformedXML skipped after a successful logging write")
	}
}
