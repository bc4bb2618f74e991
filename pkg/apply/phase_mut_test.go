package apply

import (
	"fmt"
	"strings"
	"testing"
)

// TestBucketPolicyStepKeepsLive: a change that only adds a grant to a
// live policy keeps the live statements in its earlier phases, so they
// write nothing and the change is listed at the grant step.
func TestBucketPolicyStepKeepsLive(t *testing.T) {
	allowOther := strings.NewReplacer(`"Sid":"A"`, `"Sid":"B"`, "111111111111", "222222222222").Replace(allowPartner)
	tests := []struct {
		name         string
		before, want []string
		step         int
	}{
		{"second partner added", []string{denyTLS, allowPartner}, []string{denyTLS, allowPartner, allowOther}, StepGrant},
		{"partner added next to a service grant", []string{denyTLS, allowLogs}, []string{denyTLS, allowLogs, allowPartner}, StepGrant},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ParsePolicy(`{"Version":"2012-10-17","Statement":[` + strings.Join(tc.want, ",") + `]}`)
			if err != nil {
				t.Fatal(err)
			}
			it := &Item{Type: TBucketPolicy, Name: "b", Bucket: "b", Step: StepGrant, Desired: policyOf(t, tc.want...), Doc: doc}
			if got := bucketPolicyStep(it, policyOf(t, tc.before...), "aws"); got != tc.step {
				t.Errorf("step = %d, want %d", got, tc.step)
			}
		})
	}
}

// TestRevokeNoteNamesGrantStep: a bucket-policy change that keeps one
// partner, revokes a second and grants a third says its additions wait
// for the grant step (not the audit step: it adds no service grant).
func TestRevokeNoteNamesGrantStep(t *testing.T) {
	allowOther := strings.NewReplacer(`"Sid":"A"`, `"Sid":"B"`, "111111111111", "222222222222").Replace(allowPartner)
	allowGone := strings.NewReplacer(`"Sid":"A"`, `"Sid":"C"`, "111111111111", "333333333333").Replace(allowPartner)
	want := []string{denyTLS, allowPartner, allowOther}
	doc, err := ParsePolicy(`{"Version":"2012-10-17","Statement":[` + strings.Join(want, ",") + `]}`)
	if err != nil {
		t.Fatal(err)
	}
	it := &Item{Type: TBucketPolicy, Name: "b", Bucket: "b", Step: StepGrant, Desired: policyOf(t, want...), Doc: doc}
	step, note := revokeStep(it, policyOf(t, denyTLS, allowPartner, allowGone), "aws")
	if wantNote := fmt.Sprintf("removals applied at step 2, additions at step %d", StepGrant); step != StepRevoke || note != wantNote {
		t.Errorf("revokeStep = %d, %q; want %d, %q", step, note, StepRevoke, wantNote)
	}
}
