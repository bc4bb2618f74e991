package apply

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLoggingOffCanonical: logging that is off reads as an empty state,
// so turning it off is reported as such, not as a move to s3:///.
func TestLoggingOffCanonical(t *testing.T) {
	off, err := canonical(TLogging, map[string]any{}, "aws")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(map[string]any{}, off); d != "" {
		t.Errorf("canonical logging off (-want +got):\n%s", d)
	}
	on, err := canonical(TLogging, map[string]any{"LoggingEnabled": map[string]any{"TargetBucket": "logs", "TargetPrefix": "data/"}}, "aws")
	if err != nil {
		t.Fatal(err)
	}
	risk, reason := classify(&Item{Type: TLogging}, on, off)
	if want := "disables access logging (was to s3://logs/data/)"; risk != RiskLoosen || reason != want {
		t.Errorf("got [%s] %q, want [%s] %q", risk, reason, RiskLoosen, want)
	}
}

// TestParsePolicyRejects: a document that is not JSON is an error, never
// an empty policy.
func TestParsePolicyRejects(t *testing.T) {
	for _, text := range []string{`{"Statement":[`, "%7B%22Statement%22", "not json"} {
		if v, err := ParsePolicy(text); err == nil {
			t.Errorf("ParsePolicy(%q) = %v, want an error", text, v)
		}
	}
}

// TestEmptyConditionEquivalent: a statement with an empty Condition is
// the statement without one (no perpetual diff against a live policy
// that spells it).
func TestEmptyConditionEquivalent(t *testing.T) {
	with := policyOf(t, `{"Sid":"A","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{}}`)
	without := policyOf(t, `{"Sid":"A","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}`)
	if !equal(with, without) {
		t.Errorf("not equal:\n%s\n%s", mustJSON(with), mustJSON(without))
	}
}

// TestCanonicalPolicyRejects: a statement that is not an object is an
// error, never dropped or read as an empty statement.
func TestCanonicalPolicyRejects(t *testing.T) {
	for _, doc := range []any{
		map[string]any{"Statement": []any{"s3:GetObject"}},
		map[string]any{"Statement": []any{map[string]any{"Effect": "Deny"}, nil}},
		map[string]any{"Statement": "x"},
		[]any{},
	} {
		if c, err := CanonicalPolicy(doc, "aws"); err == nil {
			t.Errorf("CanonicalPolicy(%s) = %s, want an error", mustJSON(doc), mustJSON(c))
		}
	}
}
