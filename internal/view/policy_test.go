package view

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/tester"
)

// TestWritePolicyTests checks the exit code of "policy test" (a skipped
// test is no failure; an error is) and the JSON envelope, never null.
func TestWritePolicyTests(t *testing.T) {
	pass := &tester.Result{Package: "data.p", Name: "test_ok"}
	skip := &tester.Result{Package: "data.p", Name: "todo_x", Skip: true}
	fail := &tester.Result{Package: "data.p", Name: "test_bad", Fail: true}
	errored := &tester.Result{Package: "data.p", Name: "test_err", Error: errors.New("boom")}
	tests := []struct {
		name    string
		format  string
		results []*tester.Result
		code    int
		want    string // a substring of stdout
	}{
		{"all pass", "pretty", []*tester.Result{pass, skip}, ExitOK, "PASS: 1/2"},
		{"a failure", "pretty", []*tester.Result{pass, fail}, ExitFindings, "FAIL: 1/2"},
		{"an error", "json", []*tester.Result{errored}, ExitFindings, `"name": "test_err"`},
		{"none as json", "json", nil, ExitOK, `"tests": []`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errw bytes.Buffer
			if code := WritePolicyTests(&out, &errw, tt.format, false, tt.results); code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("missing %q in:\n%s", tt.want, out.String())
			}
			if errw.Len() > 0 {
				t.Errorf("stderr: %s", errw.String())
			}
		})
	}
}
