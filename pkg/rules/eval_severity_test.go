package rules

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
)

func TestFindingSeverityMayOnlyBeLowered(t *testing.T) {
	rule := &Rule{ID: "TMC404", Severity: SeverityWarning}
	tests := []struct {
		name string
		sev  string
		want Severity
	}{
		{"lowered to notice", "notice", SeverityNotice},
		{"cannot be raised", "error", SeverityWarning},
		{"unknown value ignored", "critical", SeverityWarning},
		{"same severity", "warning", SeverityWarning},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := decodeFinding(rule, map[string]any{"msg": "m", "severity": tc.sev}, hcl.Range{})
			if err != nil {
				t.Fatal(err)
			}
			if f.Rule.Severity != tc.want {
				t.Errorf("severity %s, want %s", f.Rule.Severity, tc.want)
			}
			if f.Rule.ID != "TMC404" || rule.Severity != SeverityWarning {
				t.Errorf("the rule itself changed: %+v", rule)
			}
		})
	}
}
