package view

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/rules"
)

// lintNoRangeReport holds errors without a range, one per kind of origin:
// a spec directory that cannot be read, a configuration file that cannot
// be read, a failed evaluation of a one-file spec, an evaluation of a spec
// directory whose path and message need escaping, and a usage error that
// concerns no path.
func lintNoRangeReport() *LintReport {
	errs := hcl.Diagnostics{
		{Severity: hcl.DiagError, Summary: "Cannot read spec", Detail: "specs/missing: no such file or directory."},
		{Severity: hcl.DiagError, Summary: "cannot read configuration file cfg/team.hcl: is a directory", Detail: "Make it a readable HCL file."},
		{Severity: hcl.DiagError, Summary: "Policy evaluation failed", Detail: "evaluating policies: p.rego:12: eval_conflict_error.", Extra: rules.EvalFailure{}},
		{Severity: hcl.DiagError, Summary: "Policy evaluation timed out", Detail: "100% of the time,\r\nline two.", Extra: rules.EvalFailure{TimedOut: true}},
		{Severity: hcl.DiagError, Summary: "Invalid -fail-level", Detail: "Use error, warning or notice."},
		{Severity: hcl.DiagWarning, Summary: "Odd file", Detail: "A range without a line.", Subject: &hcl.Range{Filename: "specs/odd.hcl"}},
	}
	return &LintReport{
		Findings: []*rules.Finding{},
		Rules:    []*rules.Rule{},
		Errors:   errs,
		Origins: map[*hcl.Diagnostic]LintOrigin{
			errs[0]: {Cause: CauseSpec, Path: "specs/missing"},
			errs[1]: {Cause: CauseConfig, Path: "cfg/team.hcl", File: true},
			errs[2]: {Cause: CauseEvaluation, Path: "specs/one.hcl", File: true},
			errs[3]: {Cause: CauseTimeout, Path: "specs/a,b:c%"},
			errs[4]: {Cause: CauseUsage},
			errs[5]: {Cause: CauseSpec, Path: "specs"},
		},
		Files:   map[string]*hcl.File{},
		Version: "1.2.3",
		Command: "lint",
	}
}

// TestLintErrorsWithoutRange: compact, github and SARIF name the file or
// directory an error without a range concerns (GitHub: file= for a file,
// the path in the escaped message for a directory); only an error that
// concerns no path stays anonymous.
func TestLintErrorsWithoutRange(t *testing.T) {
	for _, format := range []string{"compact", "github", "sarif"} {
		t.Run(format, func(t *testing.T) {
			checkGolden(t, "lint/errors-norange-"+format+".golden", writeLintString(t, format, lintNoRangeReport()))
		})
	}
}

// TestLintErrorsWithoutRangeLines checks the lines that matter, so that a
// golden rewritten by -update cannot hide a regression.
func TestLintErrorsWithoutRangeLines(t *testing.T) {
	r := lintNoRangeReport()
	tests := []struct {
		format string
		want   []string
	}{
		{"compact", []string{
			"specs/missing: error - Cannot read spec: specs/missing: no such file or directory.",
			"cfg/team.hcl: error - cannot read configuration file cfg/team.hcl: is a directory: Make it a readable HCL file.",
			"specs/one.hcl: error - Policy evaluation failed: evaluating policies: p.rego:12: eval_conflict_error.",
			"specs/a,b:c%: error - Policy evaluation timed out: 100% of the time,? line two.",
			"teramotc: error - Invalid -fail-level: Use error, warning or notice.",
			"specs/odd.hcl: warning - Odd file: A range without a line.",
		}},
		{"github", []string{
			"::error title=Cannot read spec::specs/missing: Cannot read spec%0A%0Aspecs/missing: no such file or directory.",
			"::error file=cfg/team.hcl,title=cannot read configuration file cfg/team.hcl%3A is a directory::cannot read configuration file cfg/team.hcl: is a directory%0A%0AMake it a readable HCL file.",
			"::error file=specs/one.hcl,title=Policy evaluation failed::Policy evaluation failed%0A%0Aevaluating policies: p.rego:12: eval_conflict_error.",
			"::error title=Policy evaluation timed out::specs/a,b:c%25: Policy evaluation timed out%0A%0A100%25 of the time,%0D%0Aline two.",
			"::error title=Invalid -fail-level::Invalid -fail-level%0A%0AUse error, warning or notice.",
			"::warning file=specs/odd.hcl,title=Odd file::Odd file%0A%0AA range without a line.",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			got := strings.Split(strings.TrimSuffix(string(writeLintString(t, tc.format, r)), "\n"), "\n")
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	t.Run("json", func(t *testing.T) {
		var doc struct {
			Errors []map[string]any `json:"errors"`
		}
		if err := json.Unmarshal(writeLintString(t, "json", r), &doc); err != nil {
			t.Fatal(err)
		}
		var paths []string
		for _, e := range doc.Errors {
			p, ok := e["path"].(string)
			if !ok {
				t.Fatalf("error %v has no path string", e)
			}
			paths = append(paths, p)
		}
		want := []string{"specs/missing", "cfg/team.hcl", "specs/one.hcl", "specs/a,b:c%", "", "specs"}
		if strings.Join(paths, "|") != strings.Join(want, "|") {
			t.Errorf("paths %q, want %q", paths, want)
		}
	})
	t.Run("sarif", func(t *testing.T) {
		out := writeLintString(t, "sarif", r)
		if err := validateSARIF(t, sarifSchema(t), out); err != nil {
			t.Fatalf("invalid SARIF: %v", err)
		}
		var doc struct {
			Runs []struct {
				Invocations []struct {
					Notifications []struct {
						Locations []struct {
							PhysicalLocation struct {
								ArtifactLocation struct{ URI string } `json:"artifactLocation"`
							} `json:"physicalLocation"`
						} `json:"locations"`
					} `json:"toolExecutionNotifications"`
				} `json:"invocations"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		var uris []string
		for _, n := range doc.Runs[0].Invocations[0].Notifications {
			uri := "-"
			if len(n.Locations) == 1 {
				uri = n.Locations[0].PhysicalLocation.ArtifactLocation.URI
			}
			uris = append(uris, uri)
		}
		want := "specs/missing cfg/team.hcl specs/one.hcl specs/a,b:c%25 - specs/odd.hcl"
		if strings.Join(uris, " ") != want {
			t.Errorf("notification artifacts %q, want %q", strings.Join(uris, " "), want)
		}
	})
}
