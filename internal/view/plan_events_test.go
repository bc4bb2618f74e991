package view

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/apply"
	"github.com/teramot/teramotc/pkg/spec"
)

// stepClock starts at a fixed time and moves 1.25s on each call, so
// timestamps and elapsed seconds are deterministic.
func stepClock() func() time.Time {
	t := time.Date(2026, 11, 27, 1, 2, 3, 456789000, time.UTC)
	return func() time.Time {
		now := t
		t = t.Add(1250 * time.Millisecond)
		return now
	}
}

// applyPlan has a bucket, a bucket policy (applied in phases) and a policy
// attachment with an owner, the label shapes apply's progress lines use.
func applyPlan() *apply.Plan {
	return &apply.Plan{FormatVersion: "1.0", Changes: []*apply.Change{
		{Type: apply.TBucket, Name: "b", Address: "bucket.data", Action: apply.ActionCreate, Risk: apply.RiskNeutral, Step: 3},
		{Type: apply.TBucketPolicy, Name: "b", Address: "bucket.data", Action: apply.ActionUpdate, Risk: apply.RiskTighten, Step: 4},
		{Type: apply.TAttachment, Name: "read", Owner: "user/svc", Address: "grant.svc", Action: apply.ActionCreate, Risk: apply.RiskLoosen, Step: 8},
		{Type: apply.TAttachment, Name: "read", Owner: "role/ci", Address: "grant.ci", Action: apply.ActionCreate, Risk: apply.RiskLoosen, Step: 8},
	}}
}

func TestEvents(t *testing.T) {
	src := []byte("bucket \"data\" {\n  name = \"Bad_Name\"\n}\n")
	file := &hcl.File{Bytes: src}
	rng := hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 2, Column: 10, Byte: 25}, End: hcl.Pos{Line: 2, Column: 20, Byte: 35}}
	for _, tc := range []struct {
		name string
		emit func(ev *Events)
		want []string // types, in order
	}{
		{"version", func(ev *Events) { ev.Version("1.2.3") }, []string{"version"}},
		{"diagnostic", func(ev *Events) {
			ev.Diagnostics(hcl.Diagnostics{
				{Severity: hcl.DiagError, Summary: "Invalid bucket name", Detail: "Use lowercase letters.", Subject: &rng,
					Extra: spec.DiagExtra{RuleID: "TMC001"}},
				{Severity: hcl.DiagWarning, Summary: "Deprecated attribute", Detail: "Remove it."},
			}, map[string]*hcl.File{"main.hcl": file})
			ev.Problem(hcl.DiagError, "reading the live state: AccessDenied", "")
		}, []string{"diagnostic", "diagnostic", "diagnostic"}},
		{"plan", func(ev *Events) { ev.Plan(testPlan()) },
			[]string{"planned_change", "planned_change", "planned_change", "planned_change", "change_summary"}},
		{"plan_warnings_no_changes", func(ev *Events) {
			ev.Plan(&apply.Plan{FormatVersion: "1.0", Changes: []*apply.Change{}, Warnings: []string{"trail t is managed elsewhere"}})
		}, []string{"diagnostic", "change_summary"}},
		{"apply_summary_outputs", func(ev *Events) { // in Terraform's order
			ev.Summary("apply", 2, 1)
			ev.ApplyOutputs([]string{"keys/svc.access-key.json"})
		}, []string{"change_summary", "outputs"}},
		{"apply_outputs_empty", func(ev *Events) { ev.ApplyOutputs(nil) }, []string{"outputs"}},
		{"apply_progress", func(ev *Events) {
			pl := applyPlan()
			bucket, policy, user, role := pl.Changes[0], pl.Changes[1], pl.Changes[2], pl.Changes[3]
			p := NewApplyProgress(ev)
			for _, e := range []apply.ProgressEvent{
				{Kind: apply.ProgressStart, Change: bucket},
				{Kind: apply.ProgressRetry, Change: bucket, Detail: "retrying after 1s (attempt 1): OperationAborted"},
				{Kind: apply.ProgressComplete, Change: bucket, Elapsed: 2 * time.Second},
				{Kind: apply.ProgressStart, Change: policy, Phase: "deny-only"},
				{Kind: apply.ProgressWaiting, Change: policy, Elapsed: time.Second, Detail: "still waiting for the write to read back"},
				{Kind: apply.ProgressComplete, Change: policy, Elapsed: time.Second},
				{Kind: apply.ProgressWarning, Detail: "logging is not supported by http://127.0.0.1:9000 (NotImplemented); skipped, nothing was deleted"},
				{Kind: apply.ProgressRetry, Detail: "retrying outside a change"}, // no change: no event
				{Kind: apply.ProgressStart, Change: user},
				{Kind: apply.ProgressStart, Change: role},
				{Kind: apply.ProgressComplete, Change: role, Elapsed: time.Second},
				{Kind: apply.ProgressWaiting, Change: user, Elapsed: time.Second, Detail: "still waiting for the write to read back"},
			} {
				p.Event(e)
			}
			p.Errored(errors.New(`stage "grant identity policies" failed: policy-attachment read: AccessDenied`))
			p.Errored(nil) // nothing is left running
		}, []string{"apply_start", "apply_progress", "apply_complete", "apply_start", "apply_progress", "apply_complete",
			"diagnostic", "apply_start", "apply_start", "apply_complete", "apply_progress", "apply_errored"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			ev := NewEvents(&b, stepClock())
			tc.emit(ev)
			if err := ev.Err(); err != nil {
				t.Fatal(err)
			}
			got := checkEventLines(t, b.Bytes())
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("event types (-want +got):\n%s\n%s", diff, b.String())
			}
			checkGolden(t, "events/"+tc.name+".jsonl", b.Bytes())
		})
	}
}

// TestEventsRedactPlan: sensitive values are "(sensitive)" in
// planned_change, as in the plan document.
func TestEventsRedactPlan(t *testing.T) {
	var b bytes.Buffer
	NewEvents(&b, stepClock()).Plan(testPlan())
	if strings.Contains(b.String(), "secret-external-id") {
		t.Fatalf("sensitive value printed:\n%s", b.String())
	}
	if !strings.Contains(b.String(), `"after":"(sensitive)"`) {
		t.Errorf("no redacted value:\n%s", b.String())
	}
}

// TestEventsWriteError: the first write error is kept and nothing more is
// written.
func TestEventsWriteError(t *testing.T) {
	w := &failWriter{}
	ev := NewEvents(w, nil)
	ev.Version("1")
	ev.Summary("plan", 0, 0)
	if ev.Err() == nil || w.calls != 1 {
		t.Errorf("Err() = %v after %d writes, want an error after 1", ev.Err(), w.calls)
	}
}

type failWriter struct{ calls int }

func (f *failWriter) Write(p []byte) (int, error) {
	f.calls++
	return 0, errors.New("broken pipe")
}

// checkEventLines checks that every line of out is one JSON object with
// the @-fields, @module "teramotc.ui", an RFC 3339 @timestamp with a
// fraction and a known type, and returns the types.
func checkEventLines(t *testing.T, out []byte) []string {
	t.Helper()
	if err := CheckEventLines(out); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var types []string
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		var ev Event
		_ = json.Unmarshal([]byte(line), &ev)
		types = append(types, ev.Type)
	}
	return types
}

func TestCheckEventLines(t *testing.T) {
	good := `{"@level":"info","@message":"m","@module":"teramotc.ui","@timestamp":"2026-11-27T01:02:03.456789Z","type":"version"}` + "\n"
	for _, tc := range []struct {
		name, out string
		ok        bool
	}{
		{"good", good, true},
		{"empty", "", false},
		{"no final newline", strings.TrimSuffix(good, "\n"), false},
		{"not an object", "[1]\n", false},
		{"indented", "{\n\"type\":\"version\"}\n", false},
		{"missing level", strings.Replace(good, `"@level":"info",`, "", 1), false},
		{"other module", strings.Replace(good, "teramotc.ui", "terraform.ui", 1), false},
		{"no fraction", strings.Replace(good, ".456789", "", 1), false},
		{"unknown type", strings.Replace(good, `"version"`, `"log"`, 1), false},
		{"blank line", good + "\n" + good, false},
		{"apply stream", stream("version", "diagnostic", "planned_change", "change_summary:plan",
			"apply_start", "apply_progress", "diagnostic", "apply_complete", "change_summary:apply", "outputs"), true},
		{"plan stream", stream("version", "planned_change", "planned_change", "change_summary:plan"), true},
		{"failed apply", stream("version", "change_summary:plan", "apply_start", "apply_errored", "outputs", "diagnostic", "diagnostic"), true},
		{"failed apply, no keys", stream("version", "change_summary:plan", "apply_start", "apply_errored", "diagnostic"), true},
		{"fragment", stream("apply_start", "apply_complete"), true},
		{"outputs before apply summary", stream("version", "change_summary:plan", "outputs", "change_summary:apply"), false},
		{"apply summary without outputs", stream("version", "change_summary:plan", "change_summary:apply"), false},
		{"diagnostic between summary and outputs", stream("change_summary:apply", "diagnostic", "outputs"), false},
		{"event after final outputs", stream("change_summary:apply", "outputs", "diagnostic"), false},
		{"two outputs", stream("apply_errored", "outputs", "outputs"), false},
		{"version not first", stream("diagnostic", "version"), false},
		{"two versions", stream("version", "version"), false},
		{"planned_change after summary", stream("change_summary:plan", "planned_change"), false},
		{"plan summary after apply events", stream("apply_start", "change_summary:plan"), false},
		{"summary without operation", stream("change_summary:"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := CheckEventLines([]byte(tc.out)); (err == nil) != tc.ok {
				t.Errorf("CheckEventLines = %v, want ok=%v", err, tc.ok)
			}
		})
	}
}

// stream returns an event stream of the given types, each a minimal valid
// line; "change_summary:OP" is a change_summary of operation OP.
func stream(types ...string) string {
	var b strings.Builder
	for _, typ := range types {
		extra := ""
		if t, op, ok := strings.Cut(typ, ":"); ok {
			typ, extra = t, fmt.Sprintf(`,"changes":{"add":0,"change":0,"remove":0,"operation":%q}`, op)
		}
		fmt.Fprintf(&b, `{"@level":"info","@message":"m","@module":"teramotc.ui","@timestamp":"2026-11-27T01:02:03.456789Z","type":%q%s}`+"\n", typ, extra)
	}
	return b.String()
}

// The outputs message says what the one output holds: "Outputs: 1" alone
// read as one key file when the list was empty.
func TestOutputsMessage(t *testing.T) {
	for n, want := range map[int]string{
		0: "Outputs: 1 (access_key_files: none, no access key was created)",
		1: "Outputs: 1 (access_key_files: 1 file)",
		3: "Outputs: 1 (access_key_files: 3 files)",
	} {
		if got := outputsMessage(n); got != want {
			t.Errorf("outputsMessage(%d) = %q, want %q", n, got, want)
		}
	}
}
