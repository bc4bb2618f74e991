package view

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/rules"
)

// TestWritePolicyCheck checks the text of policy check: FILE:LINE:COL,
// severity and summary, the detail indented, the summary line; and its
// exit code (warnings pass).
func TestWritePolicyCheck(t *testing.T) {
	at := &hcl.Range{Filename: "p/a.rego", Start: hcl.Pos{Line: 3, Column: 2}}
	warn := &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Rule without documentation URL", Detail: "Add one.", Subject: at}
	bad := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Duplicate rule id", Detail: "Give it an id of its own."}
	tests := []struct {
		name string
		res  rules.CheckResult
		code int
		want string
	}{
		{"clean", rules.CheckResult{Modules: 2, Rules: 1}, ExitOK, "Success! 2 policy files and 1 rule checked.\n"},
		{"warning", rules.CheckResult{Diags: hcl.Diagnostics{warn}, Modules: 1, Rules: 1}, ExitOK,
			"p/a.rego:3:2: warning: Rule without documentation URL\n  Add one.\n" +
				"Success! 1 policy file and 1 rule checked, with 1 warning shown above.\n"},
		{"error without position", rules.CheckResult{Diags: hcl.Diagnostics{bad, warn}}, ExitError,
			"error: Duplicate rule id\n  Give it an id of its own.\n" +
				"p/a.rego:3:2: warning: Rule without documentation URL\n  Add one.\n" +
				"The policies have problems: 1 error, 1 warning.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if code := WritePolicyCheck(&out, "text", &tt.res, false); code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			if diff := cmp.Diff(tt.want, out.String()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
