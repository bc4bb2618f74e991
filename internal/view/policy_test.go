package view

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestWritePolicyTests checks the exit code of "policy test" (a skipped
// test is no failure; an error is) and the JSON envelope, never null.
func TestWritePolicyTests(t *testing.T) {
	pass := &tester.Result{Package: "data.p", Name: "test_ok"}
	skip := &tester.Result{Package: "data.p", Name: "todo_x", Skip: true}
	fail := &tester.Result{Package: "data.p", Name: "test_bad", Fail: true}
	errored := &tester.Result{Package: "data.p", Name: "test_err", Error: errors.New("boom")}
	report := cover.Report{Files: map[string]*cover.FileReport{"p.rego": {
		Covered:      []cover.Range{{Start: cover.Position{Row: 3}, End: cover.Position{Row: 5}}},
		NotCovered:   []cover.Range{{Start: cover.Position{Row: 7}, End: cover.Position{Row: 7}}},
		CoveredLines: 3, NotCoveredLines: 1, Coverage: 75,
	}}, CoveredLines: 3, NotCoveredLines: 1, Coverage: 75}
	low, high := 75.0, 80.0
	tests := []struct {
		name    string
		format  string
		results []*tester.Result
		report  PolicyTestReport
		code    int
		want    string // a substring of stdout
		stderr  string // a substring of stderr, "" for none
	}{
		{"all pass", "pretty", []*tester.Result{pass, skip}, PolicyTestReport{}, ExitOK, "PASS: 1/2", ""},
		{"a failure", "pretty", []*tester.Result{pass, fail}, PolicyTestReport{}, ExitFindings, "FAIL: 1/2", ""},
		{"an error", "json", []*tester.Result{errored}, PolicyTestReport{}, ExitFindings, `"name": "test_err"`, ""},
		{"none as json", "json", nil, PolicyTestReport{}, ExitOK, `"tests": []`, ""},
		{"junit failure", "junit", []*tester.Result{pass, fail}, PolicyTestReport{}, ExitFindings, `<testsuites name="teramotc policy test" tests="2" failures="1" errors="0" skipped="0">`, ""},
		{"junit error and skip", "junit", []*tester.Result{errored, skip}, PolicyTestReport{}, ExitFindings, `errors="1" skipped="1"`, ""},
		{"coverage as text", "pretty", []*tester.Result{pass}, PolicyTestReport{Coverage: true, Report: &report}, ExitOK,
			"Coverage: 75.00% (3 of 4 lines)\n  p.rego   75.00%  3 of 4 lines, not covered: 7", ""},
		{"coverage as json", "json", []*tester.Result{pass}, PolicyTestReport{Coverage: true, Report: &report}, ExitOK, `"coverage": 75`, ""},
		{"coverage as junit", "junit", []*tester.Result{pass}, PolicyTestReport{Coverage: true, Report: &report}, ExitOK,
			`<property name="teramotc.coverage.p.rego" value="75.00"></property>`, ""},
		{"threshold met", "pretty", []*tester.Result{pass}, PolicyTestReport{Coverage: true, Report: &report, Threshold: &low}, ExitOK, "PASS: 1/1", ""},
		{"threshold missed", "pretty", []*tester.Result{pass}, PolicyTestReport{Coverage: true, Report: &report, Threshold: &high}, ExitFindings,
			"PASS: 1/1", "Error: Coverage below threshold\n\nThe tests reach 75.00% of the policies' lines, below -threshold=80. Lines no test reaches:\n  p.rego: 7\n"},
		// A test's print output cannot issue a workflow command (F13).
		{"print guarded", "pretty", []*tester.Result{{Package: "data.p", Name: "test_p", Fail: true, Output: []byte("::add-mask::x\n")}},
			PolicyTestReport{}, ExitFindings, ">   ::add-mask::x", ""},
		// A run failing on -threshold is no green report (review-diff6a F9).
		{"threshold missed as junit", "junit", []*tester.Result{pass}, PolicyTestReport{Coverage: true, Report: &report, Threshold: &high}, ExitFindings,
			`<testsuites name="teramotc policy test" tests="2" failures="1" errors="0" skipped="0">`, "Coverage below threshold"},
		{"threshold missed as junit: the failing case", "junit", []*tester.Result{pass}, PolicyTestReport{Coverage: true, Report: &report, Threshold: &high}, ExitFindings,
			`<testcase name="coverage threshold" classname="teramotc.coverage" time="0.000">
      <failure message="coverage below threshold" type="threshold"><![CDATA[The tests reach 75.00% of the policies' lines, below -threshold=80.`, "Coverage below threshold"},
		{"threshold met as junit", "junit", []*tester.Result{pass}, PolicyTestReport{Coverage: true, Report: &report, Threshold: &low}, ExitOK,
			`tests="2" failures="0"`, ""},
		{"threshold property", "junit", []*tester.Result{pass}, PolicyTestReport{Coverage: true, Report: &report, Threshold: &high}, ExitFindings,
			`<property name="teramotc.coverage.threshold" value="80"></property>`, "Coverage below threshold"},
		{"threshold missed as json", "json", []*tester.Result{pass}, PolicyTestReport{Coverage: true, Report: &report, Threshold: &high}, ExitFindings,
			"\"threshold\": {\n    \"percent\": 80,\n    \"met\": false\n  }", "Coverage below threshold"},
		{"threshold met as json", "json", []*tester.Result{pass}, PolicyTestReport{Coverage: true, Report: &report, Threshold: &low}, ExitOK,
			"\"met\": true", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errw bytes.Buffer
			if code := WritePolicyTests(&out, &errw, tt.format, tt.report, tt.results); code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("missing %q in:\n%s", tt.want, out.String())
			}
			if tt.stderr == "" && errw.Len() > 0 || !strings.Contains(errw.String(), tt.stderr) {
				t.Errorf("stderr %q, want %q in it", errw.String(), tt.stderr)
			}
		})
	}
}
