package spec

import (
	"strings"
	"testing"
)

// TestTrailNameProblem covers each CloudTrail naming rule (TMC706) and the
// names just inside its limits.
func TestTrailNameProblem(t *testing.T) {
	tests := []struct {
		name, label, want string // want: a part of the reason, "" for valid
	}{
		{"shortest valid", "abc", ""},
		{"longest valid", strings.Repeat("a", 128), ""},
		{"mixed case digits underscore dash period", "Audit_2026-v1.data", ""},
		{"one character", "t", "it is 1 character long;"},
		{"two characters", "ab", "2 characters long"},
		{"too long", strings.Repeat("a", 129), "129 characters long"},
		{"space", "audit trail", "only ASCII letters"},
		{"non-ASCII letter", "prüfung", "only ASCII letters"},
		{"starts with a dash", "-audit", "begin and end"},
		{"ends with an underscore", "audit_", "begin and end"},
		{"two dashes", "my--trail", "next to each other"},
		{"dash and underscore", "my-_trail", "next to each other"},
		{"period and dash", "my.-trail", "next to each other"},
		{"IP address", "192.168.5.4", "IP address"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := trailNameProblem(tc.label)
			if tc.want == "" && got != "" {
				t.Fatalf("trailNameProblem(%q) = %q, want valid", tc.label, got)
			}
			if tc.want != "" && !strings.Contains(got, tc.want) {
				t.Fatalf("trailNameProblem(%q) = %q, want it to mention %q", tc.label, got, tc.want)
			}
		})
	}
}
