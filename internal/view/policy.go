package view

import (
	"encoding/json"
	"io"

	"github.com/open-policy-agent/opa/v1/tester"
)

// PolicyTestFormats are the output formats of "teramotc policy test".
var PolicyTestFormats = []string{"pretty", "json"}

// WritePolicyTests writes the results of the Rego unit tests in format,
// pretty (as "opa test" prints them; verbose lists passing tests too) or
// json, and returns the exit code: ExitFindings when a test failed (a
// skipped one does not count), ExitError when the report could not be
// written (said on errW).
func WritePolicyTests(w, errW io.Writer, format string, verbose bool, results []*tester.Result) int {
	var reporter tester.Reporter = tester.PrettyReporter{Output: w, Verbose: verbose, FailureLine: true}
	if format == "json" {
		reporter = policyTestJSON{w}
	}
	ch := make(chan *tester.Result, len(results))
	failed := false
	for _, r := range results {
		failed = failed || !r.Pass() && !r.Skip
		ch <- r
	}
	close(ch)
	if err := reporter.Report(ch); err != nil {
		return WriteWritingError(errW, "the test report", err)
	}
	if failed {
		return ExitFindings
	}
	return ExitOK
}

// WriteNoPolicyTests reports a run that found no test, and returns
// ExitError.
func WriteNoPolicyTests(w io.Writer) int {
	return WriteError(w, "No tests found", "Write test_* rules in *_test.rego files, or check the -run expression.")
}

// policyTestJSON writes the results of policy test -f json:
// {"format_version": "1.0", "tests": [...]}, each test as OPA's JSON
// reporter writes it.
type policyTestJSON struct{ w io.Writer }

func (r policyTestJSON) Report(ch chan *tester.Result) error {
	tests := []*tester.Result{}
	for t := range ch {
		tests = append(tests, t)
	}
	b, err := json.MarshalIndent(struct {
		FormatVersion string           `json:"format_version"`
		Tests         []*tester.Result `json:"tests"`
	}{"1.0", tests}, "", "  ")
	if err != nil {
		return err
	}
	_, err = r.w.Write(append(b, '\n'))
	return err
}
