package view

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/teramot/teramotc/pkg/rules"
)

// sarifSchema compiles the SARIF 2.1.0 schema from testdata (no network).
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, out []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	return sch.Validate(inst)
}

func TestLintSARIFSchema(t *testing.T) {
	sch := sarifSchema(t)
	noFile := lintTestReport(t)
	noFile.Findings = []*rules.Finding{{Rule: lintTestRules["TMC101"], Message: "no location"}}
	reports := map[string]func() *LintReport{
		"full":       func() *LintReport { return lintTestReport(t) },
		"suppressed": func() *LintReport { r := lintTestReport(t); r.SARIFIncludeSuppressed = true; return r },
		"category and root": func() *LintReport {
			r := lintTestReport(t)
			r.SARIFCategory, r.SARIFRoot, r.WorkDir = "specs-prod", "/repo", "/repo/specs"
			return r
		},
		"empty":    func() *LintReport { return &LintReport{} },
		"no range": func() *LintReport { return noFile },
	}
	for name, mk := range reports {
		t.Run(name, func(t *testing.T) {
			if err := validateSARIF(t, sch, writeLintString(t, "sarif", mk())); err != nil {
				t.Errorf("invalid SARIF: %v", err)
			}
		})
	}
	// The validation must be able to fail: a region without startLine but
	// with a negative column, and a ruleIndex of the wrong type.
	for name, mutate := range map[string]func(string) string{
		"negative column": func(s string) string { return strings.Replace(s, `"startColumn": 3`, `"startColumn": -3`, 1) },
		"string index":    func(s string) string { return strings.Replace(s, `"ruleIndex": 0`, `"ruleIndex": "0"`, 1) },
		"bad level":       func(s string) string { return strings.Replace(s, `"level": "note"`, `"level": "notice"`, 1) },
	} {
		t.Run("reject "+name, func(t *testing.T) {
			out := string(writeLintString(t, "sarif", lintTestReport(t)))
			bad := mutate(out)
			if bad == out {
				t.Fatal("mutation did not apply")
			}
			if err := validateSARIF(t, sch, []byte(bad)); err == nil {
				t.Error("schema accepted an invalid document")
			}
		})
	}
}

// sarifLog is the part of a SARIF log the assertions look at.
type sarifLog struct {
	Runs []struct {
		AutomationDetails struct{ ID string }
		Tool              struct {
			Driver struct {
				Name, Version, SemanticVersion, InformationURI string
				Rules                                          []struct {
					ID         string
					Properties map[string]any
				}
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex *int
			Level     string
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI, URIBaseID string }
					Region           struct{ StartLine int }
				}
			}
			PartialFingerprints map[string]string
			Suppressions        []struct{ Kind, Status, Justification string }
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ExitCode                   int
			ExitCodeDescription        string
			ToolExecutionNotifications []struct {
				Level      string
				Message    struct{ Text string }
				Properties map[string]any
			}
		}
	}
}

func decodeSARIF(t *testing.T, r *LintReport) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(writeLintString(t, "sarif", r), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want exactly 1", len(log.Runs))
	}
	return log
}

func TestLintSARIFContract(t *testing.T) {
	for _, show := range []bool{false, true} {
		r := lintTestReport(t)
		r.SARIFIncludeSuppressed = show
		run := decodeSARIF(t, r).Runs[0]
		d := run.Tool.Driver
		if d.Name != "teramotc" || d.Version != "1.2.3" || d.SemanticVersion != "1.2.3" || d.InformationURI == "" || run.AutomationDetails.ID != "" {
			t.Errorf("driver %+v, automation id %q", d, run.AutomationDetails.ID)
		}
		wantResults := map[bool]int{false: 6, true: 7}[show]
		if len(run.Results) != wantResults || len(d.Rules) != wantResults {
			t.Errorf("show=%v: %d results, %d rules; want %d each (every rule fired once)", show, len(run.Results), len(d.Rules), wantResults)
		}
		for _, res := range run.Results {
			if res.RuleIndex == nil || *res.RuleIndex >= len(d.Rules) || d.Rules[*res.RuleIndex].ID != res.RuleID {
				t.Errorf("result %s: ruleIndex %v does not point at its rule", res.RuleID, res.RuleIndex)
			}
			loc := res.Locations[0].PhysicalLocation
			if loc.Region.StartLine < 1 || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.ArtifactLocation.URI == "" {
				t.Errorf("result %s: location %+v", res.RuleID, loc)
			}
			if len(res.PartialFingerprints[sarifFingerprintKey]) != 32 {
				t.Errorf("result %s: partialFingerprints %v", res.RuleID, res.PartialFingerprints)
			}
			if res.RuleID == "TMC401" {
				if !show || len(res.Suppressions) != 1 || res.Suppressions[0].Kind != "inSource" || res.Suppressions[0].Status != "accepted" {
					t.Errorf("suppressed result with show=%v: %+v", show, res.Suppressions)
				}
			}
		}
		for _, rule := range d.Rules {
			if rule.ID == "TMC101" && rule.Properties["security-severity"] != "9.0" {
				t.Errorf("TMC101 security-severity = %v, want 9.0", rule.Properties["security-severity"])
			}
		}
		inv := run.Invocations[0]
		if inv.ExecutionSuccessful || inv.ExitCode != ExitError || len(inv.ToolExecutionNotifications) != 1 {
			t.Errorf("invocation %+v, want failed execution with 1 notification", inv)
		}
	}
}

func TestLintSARIFExitCode(t *testing.T) {
	soft := func(t *testing.T) *LintReport { // the fixed report without its spec error and hard finding
		r := lintTestReport(t)
		r.Errors = nil
		r.Findings = slices.DeleteFunc(r.Findings, func(f *rules.Finding) bool { return f.Hard() })
		return r
	}
	tests := []struct {
		name       string
		report     func(t *testing.T) *LintReport
		successful bool
		code       int
		desc       string
	}{
		{"findings", soft, true, ExitFindings, "findings at or above the fail level"},
		{"no-fail", func(t *testing.T) *LintReport { r := soft(t); r.NoFail = true; return r }, true, ExitOK, "no findings at or above the fail level"},
		{"hard with no-fail", func(t *testing.T) *LintReport {
			r := lintTestReport(t)
			r.Errors, r.NoFail = nil, true
			return r
		}, true, ExitError, "The spec is invalid: 1 hard-rule error."},
		{"spec error", lintTestReport, false, ExitError, "Lint stopped by 1 error in the spec. The spec is invalid: 1 hard-rule error."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv := decodeSARIF(t, tt.report(t)).Runs[0].Invocations[0]
			if inv.ExecutionSuccessful != tt.successful || inv.ExitCode != tt.code || inv.ExitCodeDescription != tt.desc {
				t.Errorf("invocation %+v, want executionSuccessful %v, exitCode %d, description %q", inv, tt.successful, tt.code, tt.desc)
			}
		})
	}
}

func TestSARIFArtifact(t *testing.T) {
	tests := []struct{ name, root, in, uri, base string }{
		{"relative", "", "main.hcl", "main.hcl", "%SRCROOT%"},
		{"nested", "", "specs/prod/main.hcl", "specs/prod/main.hcl", "%SRCROOT%"},
		{"dot prefix", "", "./specs/a b.hcl", "specs/a%20b.hcl", "%SRCROOT%"},
		{"a colon in the first segment", "", "c:x/main.hcl", "./c:x/main.hcl", "%SRCROOT%"},
		{"a colon in a later segment", "", "specs/a,b:c%d/main.hcl", "specs/a,b:c%25d/main.hcl", "%SRCROOT%"},
		{"absolute", "", "/work/spec/main.hcl", "file:///work/spec/main.hcl", ""},
		// with a root (the working directory is /repo/specs)
		{"under the root", "/repo", "find/main.hcl", "specs/find/main.hcl", "%SRCROOT%"},
		{"absolute under the root", "/repo", "/repo/specs/a b.hcl", "specs/a%20b.hcl", "%SRCROOT%"},
		{"the root is the working directory's parent", "/repo", "../top.hcl", "top.hcl", "%SRCROOT%"},
		{"a colon in the first segment under the root", "/repo", "/repo/c:x/main.hcl", "./c:x/main.hcl", "%SRCROOT%"},
		{"outside the root", "/repo", "../../elsewhere/main.hcl", "file:///elsewhere/main.hcl", ""},
		{"a sibling with the root as prefix", "/repo", "/repo2/main.hcl", "file:///repo2/main.hcl", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := (&LintReport{SARIFRoot: tt.root, WorkDir: "/repo/specs"}).sarifArtifact(tt.in)
			base := ""
			if a.URIBaseId != nil {
				base = *a.URIBaseId
			}
			if *a.URI != tt.uri || base != tt.base {
				t.Errorf("got %q %q, want %q %q", *a.URI, base, tt.uri, tt.base)
			}
		})
	}
}

func TestSARIFNoRangeGetsLineOne(t *testing.T) {
	loc := sarifLocation(&LintReport{Files: map[string]*hcl.File{"b.hcl": nil, "a.hcl": nil}}, hcl.Range{})
	if got := *loc.PhysicalLocation.ArtifactLocation.URI; got != "a.hcl" {
		t.Errorf("uri %q, want the first file a.hcl", got)
	}
	if got := *loc.PhysicalLocation.Region.StartLine; got != 1 {
		t.Errorf("startLine %d, want 1", got)
	}
}
