package view

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/rules"
)

// TestXMLFormatsGuardWorkflowCommands: the junit and checkstyle documents
// are often written to stdout, which a GitHub runner reads line by line;
// text quoted from a spec (a validation error_message, a finding message,
// a custom rule's remediation, a file name) never starts one of their
// lines with "::", and the documents stay valid XML that keeps the text.
func TestXMLFormatsGuardWorkflowCommands(t *testing.T) {
	inject := "::error file=specs/prod/main.hcl,line=1::fake annotation"
	rng := hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 2, Byte: 1}}
	r := &LintReport{
		Errors: hcl.Diagnostics{
			{Severity: hcl.DiagError, Summary: "Invalid value for variable", Detail: "Use good.\n" + inject + "\n   ::add-mask::x", Subject: &rng},
			{Severity: hcl.DiagError, Summary: inject},
		},
		Findings: []*rules.Finding{{
			Rule:    &rules.Rule{ID: "ACME1", Name: "acme", Severity: rules.SeverityError, Remediation: "Fix it.\n\t::stop-commands::tok", Link: "https://x.test/\n::warning::y", Custom: true},
			Message: "bad\n" + inject,
			Range:   hcl.Range{Filename: "::warning::x/main.hcl", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 2, Byte: 1}},
		}},
		FailLevel:  rules.SeverityError,
		Unhonoured: 1,
		Command:    "lint",
	}
	for _, format := range []string{"junit", "checkstyle"} {
		t.Run(format, func(t *testing.T) {
			out := writeLintString(t, format, r)
			if n := bytes.Count(out, []byte("fake annotation")); n < 2 {
				t.Fatalf("the quoted text is missing (%d times):\n%s", n, out)
			}
			for i, line := range strings.Split(string(out), "\n") {
				if ghCommandLine(line) {
					t.Errorf("line %d is a workflow command: %q\n%s", i+1, line, out)
				}
			}
			dec := xml.NewDecoder(bytes.NewReader(out))
			for {
				if _, err := dec.Token(); err != nil {
					if err.Error() != "EOF" {
						t.Fatalf("not valid XML: %v\n%s", err, out)
					}
					break
				}
			}
		})
	}
}
