package view

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/tester"
)

// PolicyTestFormats are the output formats of "teramotc policy test".
var PolicyTestFormats = []string{"pretty", "json", "junit"}

// PolicyTestReport says how WritePolicyTests reports a run.
type PolicyTestReport struct {
	// Verbose lists passing tests too (pretty).
	Verbose bool
	// Coverage: the run was asked for coverage (-coverage, -threshold).
	Coverage bool
	// Report is the coverage of the run, when Coverage is set.
	Report *cover.Report
	// Threshold, when set, is the lowest coverage (percent) that passes.
	Threshold *float64
}

// WritePolicyTests writes the results of the Rego unit tests in format,
// pretty (as "opa test" prints them; verbose lists passing tests too),
// json or junit, with the coverage when r has it, and returns the exit
// code: ExitFindings when a test failed (a skipped one does not count) or
// the coverage is below r.Threshold (said on errW), ExitError when the
// report could not be written (said on errW).
func WritePolicyTests(w, errW io.Writer, format string, r PolicyTestReport, results []*tester.Result) int {
	failed := false
	for _, t := range results {
		failed = failed || !t.Pass() && !t.Skip
	}
	var err error
	switch format {
	case "json":
		err = writePolicyTestJSON(w, results, r)
	case "junit":
		err = writePolicyTestJUnit(w, results, r)
	default:
		err = writePolicyTestPretty(w, r, results)
	}
	if err != nil {
		return WriteWritingError(errW, "the test report", err)
	}
	if r.belowThreshold() {
		writeBelowThreshold(errW, *r.Report, *r.Threshold)
		return ExitFindings
	}
	if failed {
		return ExitFindings
	}
	return ExitOK
}

// writePolicyTestPretty writes the report as "opa test" does. A line that
// would read as a GitHub workflow command (a test's print output, such as
// print("::add-mask::x"), which a pull request's own tests control) is
// guarded, as in -f junit.
func writePolicyTestPretty(w io.Writer, r PolicyTestReport, results []*tester.Result) error {
	ch := make(chan *tester.Result, len(results))
	for _, t := range results {
		ch <- t
	}
	close(ch)
	var b strings.Builder
	reporter := tester.PrettyReporter{Output: &b, Verbose: r.Verbose, FailureLine: true}
	if err := reporter.Report(ch); err != nil {
		return err
	}
	if r.Report != nil {
		if err := writeCoverageText(&b, *r.Report); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, neutralizeCommands(b.String()))
	return err
}

// WriteNoPolicyTests reports a run that found no test, and returns
// ExitError.
func WriteNoPolicyTests(w io.Writer) int {
	return WriteError(w, "No tests found", "Write test_* rules in *_test.rego files, or check the -run expression.")
}

// WriteNoPolicyTestsWarning reports a run that found no test, given
// -fail-on-empty=false.
func WriteNoPolicyTestsWarning(w io.Writer) {
	WriteWarning(w, "no tests found; -fail-on-empty=false makes that a success.")
}

// belowThreshold reports whether the run's coverage is below -threshold,
// which fails it (exit 2) whatever its tests did.
func (r PolicyTestReport) belowThreshold() bool {
	return r.Report != nil && r.Threshold != nil && r.Report.Coverage < *r.Threshold
}

// policyThresholdJSON is policy test -f json's "threshold", with
// -threshold: the percentage and whether the coverage reaches it.
type policyThresholdJSON struct {
	Percent float64 `json:"percent"`
	Met     bool    `json:"met"`
}

// writePolicyTestJSON writes the results of policy test -f json:
// {"format_version": "1.0", "tests": [...]}, each test as OPA's JSON
// reporter writes it, "coverage" as "opa test --coverage" writes its
// report, when there is one, and "threshold" with -threshold.
func writePolicyTestJSON(w io.Writer, results []*tester.Result, r PolicyTestReport) error {
	tests := append([]*tester.Result{}, results...)
	var threshold *policyThresholdJSON
	if r.Report != nil && r.Threshold != nil {
		threshold = &policyThresholdJSON{Percent: *r.Threshold, Met: !r.belowThreshold()}
	}
	b, err := json.MarshalIndent(struct {
		FormatVersion string               `json:"format_version"`
		Tests         []*tester.Result     `json:"tests"`
		Coverage      *cover.Report        `json:"coverage,omitempty"`
		Threshold     *policyThresholdJSON `json:"threshold,omitempty"`
	}{"1.0", tests, r.Report, threshold}, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
