package cli

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/rules"
)

// TestLintFilterApply: -filter keeps the findings of the given files, the
// warnings in them or without a range, every error and every hard-rule
// finding (what AWS rejects) whatever its file; the report's files shrink
// to those and the files of the kept diagnostics and findings.
func TestLintFilterApply(t *testing.T) {
	at := func(name string) *hcl.Range {
		return &hcl.Range{Filename: name, Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 2, Byte: 1}}
	}
	finding := func(name string) *rules.Finding {
		return &rules.Finding{Rule: &rules.Rule{ID: "TMC101"}, Message: "in " + name, Range: *at(name)}
	}
	diag := func(sev hcl.DiagnosticSeverity, summary string, subject *hcl.Range) *hcl.Diagnostic {
		return &hcl.Diagnostic{Severity: sev, Summary: summary, Subject: subject}
	}
	r := &view.LintReport{
		Findings: []*rules.Finding{finding("spec/a.hcl"), finding("spec/b.hcl"), finding("spec/c.hcl"),
			{Rule: &rules.Rule{ID: "TMC302", Hard: true}, Message: "hard in d", Range: *at("spec/d.hcl")}},
		Errors: hcl.Diagnostics{
			diag(hcl.DiagWarning, "warning in a", at("spec/a.hcl")),
			diag(hcl.DiagWarning, "warning in b", at("spec/b.hcl")),
			diag(hcl.DiagWarning, "warning without range", nil),
			diag(hcl.DiagError, "error in c", at("spec/c.hcl")),
		},
		Files: map[string]*hcl.File{"spec/a.hcl": {}, "spec/b.hcl": {}, "spec/c.hcl": {}, "spec/d.hcl": {}, "spec/.teramotc.hcl": {}},
	}
	f := newLintFilter([]string{"./spec/a.hcl"})
	if d := f.unknown(r, []string{"spec"}); d != nil {
		t.Fatalf("unknown: %v", d)
	}
	f.apply(r)
	var findings, diags, files []string
	for _, fd := range r.Findings {
		findings = append(findings, fd.Message)
	}
	for _, d := range r.Errors {
		diags = append(diags, d.Summary)
	}
	for name := range r.Files {
		files = append(files, name)
	}
	slices.Sort(files)
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"findings", findings, []string{"in spec/a.hcl", "hard in d"}},
		{"diagnostics", diags, []string{"warning in a", "warning without range", "error in c"}},
		{"files", files, []string{"spec/a.hcl", "spec/c.hcl", "spec/d.hcl"}},
	} {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.what, diff)
		}
	}
	if newLintFilter(nil) != nil {
		t.Error("no -filter must filter nothing")
	}
}
