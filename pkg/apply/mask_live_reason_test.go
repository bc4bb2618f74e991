package apply

import (
	"strings"
	"testing"
)

// TestReasonHidesReplacedLiveValue: the live value a sensitive desired
// value replaces is masked in the plan display, and so in the change's
// reason, which quotes both ("sessions may last X s instead of Y s").
func TestReasonHidesReplacedLiveValue(t *testing.T) {
	before := map[string]any{"Path": "/", "MaxSessionDuration": float64(3600), "AssumeRolePolicyDocument": map[string]any{}}
	after := map[string]any{"Path": "/", "MaxSessionDuration": float64(7200), "AssumeRolePolicyDocument": map[string]any{}}
	it := &Item{Type: TIAMRole, Name: "partner", Sensitive: true, secrets: []string{"7200"}}
	risk, reason := classify(it, before, after)
	if risk != RiskLoosen || !strings.Contains(reason, "3600") {
		t.Fatalf("classify = %s %q, want a loosening reason quoting the live 3600", risk, reason)
	}
	c := &Change{Type: TIAMRole, Name: "partner", Address: "grant.partner", Before: before, After: after,
		Sensitive: true, secrets: it.secrets, Reason: reason, Risk: risk}
	got := (&Plan{Changes: []*Change{c}}).Redacted().Changes[0].Reason
	if want := "sessions may last (sensitive) s instead of (sensitive) s"; got != want {
		t.Errorf("reason = %q, want %q", got, want)
	}
	if got := c.Mask("role partner: " + reason); strings.Contains(got, "3600") || strings.Contains(got, "7200") {
		t.Errorf("Change.Mask = %q, still quotes a value", got)
	}
	// A live value at a place whose desired value is not sensitive stays.
	plain := &Change{Type: TIAMRole, Name: "partner", Before: before, After: map[string]any{"Path": "/", "MaxSessionDuration": float64(7200),
		"AssumeRolePolicyDocument": map[string]any{}}, secrets: []string{"other-secret"}, Reason: reason}
	if got := (&Plan{Changes: []*Change{plain}}).Redacted().Changes[0].Reason; got != reason {
		t.Errorf("reason without a sensitive session = %q, want %q", got, reason)
	}
}
