package view

import (
	"strings"
	"testing"
	"time"

	"github.com/teramot/teramotc/pkg/apply"
)

// revokePlan is the plan of a revoked_grant: an access key deactivated
// and a policy attachment detached, both at step 2.
func revokePlan() *apply.Plan {
	return &apply.Plan{Account: "111122223333", Warnings: []string{}, Changes: []*apply.Change{
		{Type: apply.TAccessKey, Name: "old", Owner: "user/old", Address: "revoked_grant.old", Action: apply.ActionUpdate,
			Risk: apply.RiskTighten, Step: 2, Before: map[string]any{"AccessKeys": map[string]any{"AKIA…WXYZ": "Active"}},
			After: map[string]any{"AccessKeys": map[string]any{"AKIA…WXYZ": "Inactive"}}},
		{Type: apply.TAttachment, Name: "old-s3-access", Owner: "user/old", Address: "revoked_grant.old", Action: apply.ActionDelete,
			Risk: apply.RiskTighten, Step: 2, Before: map[string]any{"PolicyName": "old-s3-access", "Attached": true}},
	}}
}

// TestWritePlanTextRevoke: a detach prints with "-" and "will be
// detached", its removed attributes each with "-" (no "+ null"), a key
// deactivation with "will be deactivated", and the summary counts the
// detach as destroyed.
func TestWritePlanTextRevoke(t *testing.T) {
	var b strings.Builder
	WritePlanText(&b, revokePlan(), false)
	got := b.String()
	for _, want := range []string{
		`  # revoked_grant.old: access-key for user/old will be deactivated [tighten, step 2]` + "\n",
		`          ~ "AKIA…WXYZ" = "Active" -> "Inactive"` + "\n",
		`  # revoked_grant.old: policy-attachment "old-s3-access of user/old" will be detached [tighten, step 2]` + "\n",
		"  - policy-attachment \"old-s3-access\" {\n      - Attached   = true\n      - PolicyName = \"old-s3-access\"\n    }\n",
		"Plan: 0 to add, 1 to change, 1 to destroy.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("plan text lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "null") {
		t.Errorf("plan text shows null:\n%s", got)
	}
	b.Reset()
	WritePlanMarkdown(&b, revokePlan())
	if !strings.Contains(b.String(), "| `-` | policy-attachment |") {
		t.Errorf("markdown lacks the detach row:\n%s", b.String())
	}
}

// TestEventsRevoke: the planned_change of a detach has action "delete"
// and the change_summary counts it in remove.
func TestEventsRevoke(t *testing.T) {
	var b strings.Builder
	NewEvents(&b, func() time.Time { return time.Unix(0, 0) }).Plan(revokePlan())
	got := b.String()
	for _, want := range []string{
		`"@message":"policy-attachment.old-s3-access (user/old): Plan to delete"`,
		`"action":"delete"`,
		`"@message":"Plan: 0 to add, 1 to change, 1 to destroy.","@module":"teramotc.ui","@timestamp":"1970-01-01T00:00:00.000000Z","type":"change_summary","changes":{"add":0,"change":1,"remove":1,"operation":"plan"}`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("events lack %s:\n%s", want, got)
		}
	}
	if err := CheckEventLines([]byte(got)); err != nil {
		t.Errorf("events break the contract: %v", err)
	}
}
