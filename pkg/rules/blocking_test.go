package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sevFinding makes a finding named msg of a rule with severity sev.
func sevFinding(msg string, sev Severity) *Finding {
	return &Finding{Rule: &Rule{ID: "TMC101", Severity: sev}, Message: msg}
}

func TestBlocking(t *testing.T) {
	suppressed := sevFinding("suppressed", SeverityError)
	suppressed.Suppression = &Suppression{Kind: "inline", Reason: "accepted"}
	hardNotice := sevFinding("hard notice", SeverityNotice)
	hardNotice.Rule.Hard = true
	validatedWarning := sevFinding("validated warning", SeverityWarning)
	validatedWarning.validated = true

	tests := []struct {
		name     string
		findings []*Finding
		level    Severity
		want     []string // messages of the blocking findings, in order
	}{
		{"no findings", nil, "", []string{}},
		{"error blocks at the default level", []*Finding{sevFinding("e", SeverityError)}, "", []string{"e"}},
		{"error blocks at error", []*Finding{sevFinding("e", SeverityError)}, SeverityError, []string{"e"}},
		// The case view and the plan gate disagreed on: view failed the
		// run, the gate let the spec through. It fails closed in both.
		{"empty severity counts as error", []*Finding{sevFinding("empty", "")}, SeverityError, []string{"empty"}},
		{"unknown severity counts as error", []*Finding{sevFinding("critical", "critical")}, SeverityError, []string{"critical"}},
		{"finding without a rule counts as error", []*Finding{{Message: "norule"}}, "", []string{"norule"}},
		{"warning passes at error", []*Finding{sevFinding("w", SeverityWarning)}, SeverityError, []string{}},
		{"warning blocks at warning", []*Finding{sevFinding("w", SeverityWarning)}, SeverityWarning, []string{"w"}},
		{"notice passes at warning", []*Finding{sevFinding("n", SeverityNotice)}, SeverityWarning, []string{}},
		{"notice blocks at notice", []*Finding{sevFinding("n", SeverityNotice)}, SeverityNotice, []string{"n"}},
		{"suppressed error passes", []*Finding{suppressed}, SeverityNotice, []string{}},
		{"hard rule blocks whatever its severity", []*Finding{hardNotice}, SeverityError, []string{"hard notice"}},
		{"validated finding blocks whatever its severity", []*Finding{validatedWarning}, SeverityError, []string{"validated warning"}},
		{"nil finding skipped", []*Finding{nil, sevFinding("e", SeverityError)}, "", []string{"e"}},
		{"level that is not a severity blocks everything", []*Finding{sevFinding("n", SeverityNotice)}, "fatal", []string{"n"}},
		{"order kept", []*Finding{
			sevFinding("e1", SeverityError), sevFinding("w", SeverityWarning), sevFinding("n", SeverityNotice), sevFinding("e2", ""),
		}, SeverityWarning, []string{"e1", "w", "e2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Blocking(tc.findings, tc.level)
			if got == nil {
				t.Fatal("Blocking returned nil, want an empty slice")
			}
			msgs := []string{}
			for _, f := range got {
				msgs = append(msgs, f.Message)
			}
			if diff := cmp.Diff(tc.want, msgs); diff != "" {
				t.Errorf("Blocking(level %q) (-want +got):\n%s", tc.level, diff)
			}
		})
	}
}

func TestFindingSeverity(t *testing.T) {
	tests := []struct {
		name string
		f    *Finding
		want Severity
	}{
		{"error", sevFinding("", SeverityError), SeverityError},
		{"warning", sevFinding("", SeverityWarning), SeverityWarning},
		{"notice", sevFinding("", SeverityNotice), SeverityNotice},
		{"empty is error", sevFinding("", ""), SeverityError},
		{"unknown is error", sevFinding("", "critical"), SeverityError},
		{"no rule is error", &Finding{}, SeverityError},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.f.Severity(); got != tc.want {
				t.Errorf("Severity() = %q, want %q", got, tc.want)
			}
		})
	}
}
