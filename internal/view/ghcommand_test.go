package view

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/rules"
)

// ghCommandLine reports whether a GitHub runner would run line as a
// workflow command: it trims leading white space, then looks for "::".
func ghCommandLine(line string) bool {
	return strings.HasPrefix(strings.TrimSpace(line), "::")
}

// TestTextFormatsGuardWorkflowCommands: text quoted from a spec (here a
// validation error_message, a finding message, a custom rule's remediation
// and a file name) never starts a line of the text or compact formats
// with "::", indented or not.
func TestTextFormatsGuardWorkflowCommands(t *testing.T) {
	inject := "::error file=specs/prod/main.hcl,line=1::fake annotation"
	r := &LintReport{
		Errors: hcl.Diagnostics{
			{Severity: hcl.DiagError, Summary: "Invalid value for variable", Detail: "Use good.\n" + inject + "\n   ::add-mask::x"},
			{Severity: hcl.DiagError, Summary: inject},
		},
		Findings: []*rules.Finding{{
			Rule:    &rules.Rule{ID: "ACME1", Name: "acme", Severity: rules.SeverityError, Remediation: "Fix it.\n\t::stop-commands::tok", Custom: true},
			Message: "bad\n" + inject,
			Range:   hcl.Range{Filename: "::warning::x/main.hcl", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 2, Byte: 1}},
		}},
		FailLevel: rules.SeverityError,
		Command:   "lint",
	}
	for _, format := range []string{"text", "compact"} {
		t.Run(format, func(t *testing.T) {
			out := writeLintString(t, format, r)
			if !bytes.Contains(out, []byte("fake annotation")) {
				t.Fatalf("the quoted text is missing:\n%s", out)
			}
			for i, line := range strings.Split(string(out), "\n") {
				if ghCommandLine(line) {
					t.Errorf("line %d is a workflow command: %q\n%s", i+1, line, out)
				}
			}
		})
	}
	var diag bytes.Buffer
	WriteDiagnostics(&diag, r.Errors, nil, false)
	for _, line := range strings.Split(diag.String(), "\n") {
		if ghCommandLine(line) {
			t.Errorf("diagnostics: %q is a workflow command", line)
		}
	}
}

func TestNeutralizeCommand(t *testing.T) {
	for in, want := range map[string]string{
		"::error::x":        "> ::error::x",
		"  ::error::x":      ">   ::error::x",
		"\u00a0::x::":       "> \u00a0::x::",
		"a ::error::x":      "a ::error::x",
		":not a command":    ":not a command",
		"":                  "",
		"Error: ::error::x": "Error: ::error::x",
	} {
		if got := neutralizeCommand(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}
