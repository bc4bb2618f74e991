package apply

import (
	"errors"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

// selfLogging makes the logs bucket (spec bucket 1) log into itself.
func selfLogging(s *spec.Spec) {
	s.Buckets[1].AccessLogging = &spec.AccessLogging{TargetBucket: s.Buckets[0].AccessLogging.TargetBucket,
		TargetRef: s.Buckets[0].AccessLogging.TargetRef, TargetPrefix: spec.Attr[string]{Value: "self/", Set: true}}
}

// TestRejectedBeforeLiveRefused: on a server that answers MalformedXML to
// one bucket's new access logging (nothing live, so it is skipped), the
// change of another bucket whose access logging is live is refused, not
// skipped unsent, whichever of the two buckets is written first (review
// diff3 #4): its logging stays as it is and the run stops at the audit
// stage, before the full bucket policies.
func TestRejectedBeforeLiveRefused(t *testing.T) {
	tests := []struct {
		name         string
		before       func(s *spec.Spec) // the live state
		after        func(s *spec.Spec) // the spec applied
		live         string             // the bucket whose logging is live
		wantRejected bool               // the refusal names the earlier write
	}{
		// data (written first) gets new logging, rejected; then the logs
		// bucket's live self-logging is disabled.
		{"skipped bucket first", func(s *spec.Spec) { selfLogging(s); s.Buckets[0].AccessLogging = nil }, nil,
			"acme-teramot-logs", true},
		// data's live logging is disabled first; then the logs bucket's new
		// self-logging is rejected.
		{"live bucket first", nil, func(s *spec.Spec) { selfLogging(s); s.Buckets[0].AccessLogging = nil },
			"teramot-data-acme", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			e.C.Endpoint = testEndpoint
			if _, err := converge(t, e, loadSpec(t, "setup-guide-user", tc.before)); err != nil {
				t.Fatal(err)
			}
			if b := f.buckets[tc.live]; b == nil || b.logging == nil {
				t.Fatalf("setup: logging of %s is not live", tc.live)
			}
			e2 := fakeEngine(t, f)
			e2.C.Endpoint = testEndpoint
			e2.Parallelism = 1 // the buckets in spec order
			malformed := apiErr("MalformedXML", "The XML you provided was not well-formed")
			f.faults["PutBucketLogging"] = []error{malformed, malformed}
			res, err := converge(t, e2, loadSpec(t, "setup-guide-user", tc.after))
			if err == nil || !strings.Contains(err.Error(), `stage "audit" failed`) {
				t.Fatalf("apply error = %v (skipped %v), want the audit stage to fail", err, res.Skipped)
			}
			var p *Problem
			if !errors.As(err, &p) || !strings.Contains(p.Summary, "logging "+tc.live+":") ||
				strings.Contains(p.Summary, "an earlier write") != tc.wantRejected {
				t.Errorf("error = %v, want a Problem refusing the logging of %s (naming the earlier write: %v)", err, tc.live, tc.wantRejected)
			}
			if b := f.buckets[tc.live]; b.logging == nil {
				t.Errorf("logging of %s was removed, want it live", tc.live)
			}
			for _, k := range res.Skipped {
				if strings.Contains(k, tc.live) {
					t.Errorf("skipped %s, want the live bucket's change refused", k)
				}
			}
		})
	}
}

// TestRejectedBeforeDecision: a write not sent because an earlier write of
// its type was skipped is decided on that earlier answer: skipped when
// its item has no live configuration, refused when it has one.
func TestRejectedBeforeDecision(t *testing.T) {
	for _, live := range []bool{false, true} {
		e := fakeEngine(t, newFake())
		e.C.Endpoint = testEndpoint
		first := &Change{Type: TLogging, Name: "a", item: &Item{Type: TLogging, Name: "a", Bucket: "a"}}
		if skip, err := e.skipUnsupported(nil, first, "", apiErr("MalformedXML", "no")); !skip {
			t.Fatalf("first write not skipped: %v", err)
		}
		_, rejected := e.caps.decided(TLogging)
		if !errors.Is(rejected, errUnsupported) {
			t.Fatalf("decided after a skip = %v, want errUnsupported", rejected)
		}
		c := &Change{Type: TLogging, Name: "b", item: &Item{Type: TLogging, Name: "b", Bucket: "b"}}
		p := &Plan{live: newLive()}
		if live {
			p.live.set(c.Key(), map[string]any{"TargetBucket": "logs"})
		}
		skip, err := e.skipUnsupported(p, c, "", rejected)
		if skip == live || !skip && err == nil {
			t.Errorf("live %v: skipped = %v (error %v), want skipped only without a live configuration", live, skip, err)
		}
	}
}

// TestTaggingMalformedXMLSkipped: tagging, written in the guardrails stage,
// is no guardrail: a tagging write answered MalformedXML while the GET
// decided nothing is skipped with a warning and the run goes on (review
// diff3 #5).
func TestTaggingMalformedXMLSkipped(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	e.C.Endpoint = testEndpoint
	progress := recordProgress(e)
	f.faults["GetBucketTagging"] = []error{apiErr("NoSuchBucket", "not yet visible")}
	f.faults["PutBucketTagging"] = []error{apiErr("MalformedXML", "The XML you provided was not well-formed")}
	res, err := converge(t, e, loadSpec(t, "setup-guide-user", nil))
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	if len(res.Skipped) != 1 || !strings.HasPrefix(res.Skipped[0], TTagging) {
		t.Errorf("skipped %v, want the tagging change", res.Skipped)
	}
	if n := progress.count(ProgressWarning, "tagging is not supported by "+testEndpoint); n != 1 {
		t.Errorf("%d warnings, want 1:\n%s", n, progress.text())
	}
	for _, tc := range []struct{ typ, phase string }{{TTagging, phaseDeny}, {TIAMRole, phaseRevoke}, {TBucketPolicy, phaseDeny},
		{TBucketPolicy, phaseRevoke}, {TEncryption, ""}} {
		if want := tc.typ != TTagging; guardrail(tc.typ, tc.phase) != want {
			t.Errorf("guardrail(%s, %q) = %v, want %v", tc.typ, tc.phase, !want, want)
		}
	}
	if guardrail(TBucketPolicy, phaseService) || guardrail(TBucketPolicy, phaseFull) {
		t.Error("a bucket policy phase that adds access counts as a guardrail")
	}
}

// TestSkipMessagesHidePassword: the skip and refusal messages, the skipped
// reasons a later plan shows and the plan's warnings name an endpoint
// given with credentials without its password (review diff3 #7).
func TestSkipMessagesHidePassword(t *testing.T) {
	const endpoint = "http://teramot:s3cret-pw@s3.example.test"
	var out []string
	malformed := apiErr("MalformedXML", "The XML you provided was not well-formed")

	// A skipped logging write, one sent and one not, and a later plan.
	f := newFake()
	e := fakeEngine(t, f)
	e.C.Endpoint = endpoint
	e.Parallelism = 1
	progress := recordProgress(e)
	items := loadSpec(t, "setup-guide-user", selfLogging)
	f.faults["PutBucketLogging"] = []error{malformed, malformed}
	res, err := converge(t, e, items)
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	out = append(out, res.Skipped...)
	f.faults["GetBucketTagging"] = []error{apiErr("NotImplemented", "no")}
	p := planFor(t, e, items)
	for _, c := range p.Changes {
		out = append(out, c.Unsupported)
	}
	out = append(out, p.Warnings...)

	// A refused guardrail.
	f2 := newFake()
	e2 := fakeEngine(t, f2)
	e2.C.Endpoint = endpoint
	recordProgress(e2)
	f2.faults["PutPublicAccessBlock"] = []error{malformed}
	if _, err := converge(t, e2, items); err == nil {
		t.Fatal("apply succeeded, want the public access block refused")
	} else {
		var pr *Problem
		errors.As(err, &pr)
		out = append(out, err.Error(), detail(pr))
	}

	// A policy phase the server rejects, and a refusal of a write not sent.
	c := &Change{Type: TBucketPolicy, Name: "b", item: &Item{Type: TBucketPolicy, Name: "b", Bucket: "b"}}
	if skip, err := e.skipUnsupported(nil, c, phaseFull, apiErr("MalformedPolicy", "no")); !skip {
		t.Errorf("MalformedPolicy in the full phase not skipped: %v", err)
	}
	_, rejected := e.caps.decided(TLogging)
	lc := &Change{Type: TLogging, Name: "b", item: &Item{Type: TLogging, Name: "b", Bucket: "b"}}
	lp := &Plan{live: newLive()}
	lp.live.set(lc.Key(), map[string]any{"TargetBucket": "logs"})
	if _, err := e.skipUnsupported(lp, lc, "", rejected); err == nil {
		t.Error("a live logging change after a skip was not refused")
	} else {
		var pr *Problem
		errors.As(err, &pr)
		out = append(out, err.Error(), detail(pr))
	}
	out = append(out, progress.text())

	all := strings.Join(out, "\n")
	if strings.Contains(all, "s3cret-pw") {
		t.Errorf("a message shows the endpoint's password:\n%s", all)
	}
	for _, want := range []string{"logging is not supported by http://teramot:xxxxx@s3.example.test", "tagging is not supported by",
		"rejects the full phase", "public-access-block", "an earlier write of logging"} {
		if !strings.Contains(all, want) {
			t.Errorf("messages lack %q:\n%s", want, all)
		}
	}
}
