package view

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/rules"
)

// lintStopReport is a report that an error of cause stopped before any
// spec was linted: only Errors, no findings.
func lintStopReport(cause LintCause, path string, diags ...*hcl.Diagnostic) *LintReport {
	r := &LintReport{Errors: diags, Origins: map[*hcl.Diagnostic]LintOrigin{}, Files: map[string]*hcl.File{}}
	for _, d := range diags {
		r.Origins[d] = LintOrigin{Cause: cause, Path: path}
	}
	return r
}

func lintErr(summary string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: "Do something about it."}
}

// lintSoftFindings are the unsuppressed findings of the fixed report that
// are not hard: 2 errors, 1 warning, 2 notices.
func lintSoftFindings(t *testing.T) []*rules.Finding {
	return slices.DeleteFunc(lintTestReport(t).Findings, func(f *rules.Finding) bool { return f.Hard() || f.Suppression != nil })
}

func TestLintSummaryLine(t *testing.T) {
	full := lintTestReport(t)
	cfgErr, specErr := lintErr("Unknown rule"), lintErr("Unsupported argument")
	mixed := &LintReport{Findings: lintSoftFindings(t), Errors: hcl.Diagnostics{cfgErr, specErr, lintErr("Missing name")},
		Origins: map[*hcl.Diagnostic]LintOrigin{cfgErr: {Cause: CauseConfig}}}
	warnOnly := &LintReport{Findings: lintSoftFindings(t)[:1], Errors: hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Deprecated"}}}
	tests := []struct {
		name string
		r    *LintReport
		want string
	}{
		{"findings", &LintReport{Findings: full.Findings}, "6 issues (3 errors, 1 warning, 2 notices), 1 suppressed. The spec is invalid: 1 hard-rule error."},
		{"soft findings", &LintReport{Findings: lintSoftFindings(t)}, "5 issues (2 errors, 1 warning, 2 notices)"},
		{"one", &LintReport{Findings: full.Findings[2:3]}, "1 issue (1 error)"},
		{"only suppressed", &LintReport{Findings: lintSuppressedOnly(full)}, "No issues found, 1 suppressed."},
		{"empty", &LintReport{}, "No issues found."},
		{"spec error", &LintReport{Errors: full.Errors}, "Lint stopped by 1 error in the spec."},
		{"spec errors and findings of another spec", &LintReport{Findings: lintSoftFindings(t), Errors: slices.Repeat(full.Errors, 3)},
			"8 issues (5 errors, 1 warning, 2 notices). Lint stopped by 3 errors in the spec."},
		{"timeout", lintStopReport(CauseTimeout, "spec", lintErr("Policy evaluation timed out")), "Lint stopped by the -timeout deadline."},
		{"config", lintStopReport(CauseConfig, ".teramotc.hcl", lintErr("Unknown rule")), "Lint stopped by 1 error in the configuration file."},
		{"policy", lintStopReport(CausePolicy, "policy", lintErr("Invalid Rego syntax"), lintErr("Invalid Rego syntax")), "Lint stopped by 2 errors in the policies."},
		{"usage", lintStopReport(CauseUsage, "", lintErr("Unknown rule")), "Lint stopped by 1 usage error."},
		{"evaluation", lintStopReport(CauseEvaluation, "spec", lintErr("Policy evaluation failed")), "Lint stopped by 1 error evaluating the rules."},
		{"config and spec", mixed, "8 issues (5 errors, 1 warning, 2 notices). Lint stopped by 1 error in the configuration file and 2 errors in the spec."},
		{"warning diagnostic", warnOnly, "2 issues (1 error, 1 warning)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lintSummaryLine(tt.r); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestLintExitCode(t *testing.T) {
	soft := func() *LintReport { return &LintReport{Findings: lintSoftFindings(t)} }
	hard := func() *LintReport { return &LintReport{Findings: lintTestReport(t).Findings} }
	notices := func() *LintReport {
		return &LintReport{Findings: slices.DeleteFunc(lintSoftFindings(t), func(f *rules.Finding) bool {
			return findingSeverity(f) != rules.SeverityNotice
		})}
	}
	with := func(r *LintReport, f func(*LintReport)) *LintReport { f(r); return r }
	tests := []struct {
		name string
		r    *LintReport
		want int
	}{
		{"soft error finding", soft(), ExitFindings},
		{"soft error finding, no-fail", with(soft(), func(r *LintReport) { r.NoFail = true }), ExitOK},
		{"notices at the default level", notices(), ExitOK},
		{"notices at fail level notice", with(notices(), func(r *LintReport) { r.FailLevel = rules.SeverityNotice }), ExitFindings},
		{"hard finding", hard(), ExitError},
		{"hard finding, no-fail", with(hard(), func(r *LintReport) { r.NoFail = true }), ExitError},
		{"hard finding, no-fail, fail level notice", with(hard(), func(r *LintReport) { r.NoFail, r.FailLevel = true, rules.SeverityNotice }), ExitError},
		{"error that stopped the lint, no-fail", with(lintStopReport(CauseUsage, "", lintErr("Unknown rule")), func(r *LintReport) { r.NoFail = true }), ExitError},
		{"warning diagnostic", &LintReport{Errors: hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Deprecated"}}}, ExitOK},
		{"empty", &LintReport{}, ExitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.ExitCode(); got != tt.want {
				t.Errorf("ExitCode() = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestLintJSONSummaryCountsDocument checks that the JSON summary counts the
// issues and errors the document lists.
func TestLintJSONSummaryCountsDocument(t *testing.T) {
	specErrs := lintTestReport(t).Errors
	tests := []struct {
		name  string
		r     *LintReport
		valid bool
	}{
		{"fixed report", lintTestReport(t), false},
		{"findings of one spec, errors of another", &LintReport{Findings: lintSoftFindings(t), Errors: slices.Repeat(specErrs, 3)}, false},
		{"stopped by a policy error", lintStopReport(CausePolicy, "policy", lintErr("Invalid Rego syntax")), false},
		{"warning diagnostic", &LintReport{Findings: lintSoftFindings(t), Errors: hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Deprecated"}}}, true},
		{"soft findings", &LintReport{Findings: lintSoftFindings(t)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := NewJSONLint(tt.r)
			var want lintCounts
			want.Suppressed = doc.Summary.Suppressed // counted whether listed or not
			for _, is := range doc.Issues {
				switch is.Rule.Severity {
				case "error":
					want.Errors++
				case "warning":
					want.Warnings++
				default:
					want.Notices++
				}
				if is.Hard {
					want.Hard++
				}
			}
			for _, e := range doc.Errors {
				if e.Severity == "error" {
					want.Errors++
				} else {
					want.Warnings++
				}
			}
			if doc.Summary != want {
				t.Errorf("summary %+v, want %+v (what the document lists)", doc.Summary, want)
			}
			if doc.Valid != tt.valid || doc.Valid != (tt.r.ExitCode() != ExitError) {
				t.Errorf("valid = %v, want %v (exit code %d)", doc.Valid, tt.valid, tt.r.ExitCode())
			}
		})
	}
}

func TestLintTextStreams(t *testing.T) {
	full := lintTestReport(t)
	tests := []struct {
		name                string
		r                   *LintReport
		wantOut, wantDiag   []string
		notInOut, notInDiag []string
	}{
		{"findings and a spec error", full,
			[]string{"Error: bucket \"data\" does not block public access", "7 issues (4 errors"},
			[]string{"Error: Unsupported argument", "on extra.hcl line 2"},
			[]string{"Unsupported argument"}, []string{"block public access", "issues"}},
		{"only an error", &LintReport{Errors: full.Errors, Files: full.Files},
			nil,
			[]string{"Error: Unsupported argument", "Lint stopped by 1 error in the spec."},
			nil, nil},
		{"clean", &LintReport{},
			[]string{"No issues found."}, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, diag bytes.Buffer
			if err := WriteLintStreams(&out, &diag, "text", tt.r); err != nil {
				t.Fatal(err)
			}
			if tt.wantOut == nil && out.Len() > 0 {
				t.Errorf("stdout should be empty, got:\n%s", out.String())
			}
			if tt.wantDiag == nil && diag.Len() > 0 {
				t.Errorf("stderr should be empty, got:\n%s", diag.String())
			}
			for _, s := range tt.wantOut {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
			for _, s := range tt.wantDiag {
				if !strings.Contains(diag.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, diag.String())
				}
			}
			for _, s := range tt.notInOut {
				if strings.Contains(out.String(), s) {
					t.Errorf("stdout has %q:\n%s", s, out.String())
				}
			}
			for _, s := range tt.notInDiag {
				if strings.Contains(diag.String(), s) {
					t.Errorf("stderr has %q:\n%s", s, diag.String())
				}
			}
		})
	}
	// A machine format keeps its errors in its document.
	var out, diag bytes.Buffer
	if err := WriteLintStreams(&out, &diag, "json", full); err != nil {
		t.Fatal(err)
	}
	if diag.Len() > 0 || !strings.Contains(out.String(), `"summary": "Unsupported argument"`) {
		t.Errorf("json: stderr %q; stdout lacks the error:\n%s", diag.String(), out.String())
	}
}

// TestLintFormatsCarryStopErrors checks that an error that stopped the lint
// before any spec was linted is in every format's output.
func TestLintFormatsCarryStopErrors(t *testing.T) {
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid Rego syntax", Detail: "policy/x.rego:5:1: unexpected } token."}
	r := lintStopReport(CausePolicy, "policy", d)
	checks := map[string]func(t *testing.T, out []byte){
		"text": func(t *testing.T, out []byte) {
			mustContain(t, out, "Error: Invalid Rego syntax", "Lint stopped by 1 error in the policies.")
		},
		"compact": func(t *testing.T, out []byte) { mustContain(t, out, "error - Invalid Rego syntax: policy/x.rego:5:1") },
		"github":  func(t *testing.T, out []byte) { mustContain(t, out, "::error title=Invalid Rego syntax::") },
		"json": func(t *testing.T, out []byte) {
			var doc struct {
				Valid  bool
				Errors []struct{ Summary, Cause string }
			}
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Valid || len(doc.Errors) != 1 || doc.Errors[0].Summary != d.Summary || doc.Errors[0].Cause != "policy" {
				t.Errorf("json document %+v", doc)
			}
		},
		"sarif": func(t *testing.T, out []byte) {
			var log sarifLog
			if err := json.Unmarshal(out, &log); err != nil {
				t.Fatal(err)
			}
			inv := log.Runs[0].Invocations[0]
			if inv.ExecutionSuccessful || inv.ExitCode != ExitError || len(inv.ToolExecutionNotifications) != 1 ||
				!strings.HasPrefix(inv.ToolExecutionNotifications[0].Message.Text, d.Summary) ||
				inv.ToolExecutionNotifications[0].Properties["cause"] != "policy" ||
				inv.ExitCodeDescription != "Lint stopped by 1 error in the policies." {
				t.Errorf("sarif invocation %+v", inv)
			}
		},
		"junit": func(t *testing.T, out []byte) {
			var ju junitSuites
			if err := xml.Unmarshal(out, &ju); err != nil {
				t.Fatal(err)
			}
			c := ju.Suites[0].Cases
			if ju.Errors != 1 || len(c) != 1 || c[0].Error == nil || c[0].File != "policy" || !strings.Contains(c[0].Error.Message, d.Summary) {
				t.Errorf("junit %+v", ju)
			}
		},
		"checkstyle": func(t *testing.T, out []byte) {
			var cs checkstyleDoc
			if err := xml.Unmarshal(out, &cs); err != nil {
				t.Fatal(err)
			}
			if len(cs.Files) != 1 || cs.Files[0].Name != "policy" || len(cs.Files[0].Errors) != 1 || cs.Files[0].Errors[0].Source != "teramotc.policy" {
				t.Errorf("checkstyle %+v", cs)
			}
			if bytes.Contains(out, []byte(`line="0"`)) || bytes.Contains(out, []byte(`name=""`)) {
				t.Errorf("checkstyle has an empty file name or line 0:\n%s", out)
			}
		},
	}
	for _, format := range LintFormats() {
		t.Run(format, func(t *testing.T) {
			check := checks[format]
			if check == nil {
				t.Fatalf("no check for format %s", format)
			}
			check(t, writeLintString(t, format, r))
		})
	}
}

// TestLintCheckstyleErrorWithoutRange: an error without a range is
// reported against the spec path, without a line.
func TestLintCheckstyleErrorWithoutRange(t *testing.T) {
	d := lintErr("Cannot read spec")
	r := lintStopReport(CauseSpec, "specs/missing", d)
	out := writeLintString(t, "checkstyle", r)
	mustContain(t, out, `<file name="specs/missing">`, `<error severity="error" message="Cannot read spec: Do something about it." source="teramotc.spec">`)
	delete(r.Origins, d) // no path known: "." rather than an empty name
	mustContain(t, writeLintString(t, "checkstyle", r), `<file name=".">`)
}

func mustContain(t *testing.T, out []byte, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !bytes.Contains(out, []byte(s)) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
}
