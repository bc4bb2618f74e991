package rules

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// maxRunningNamed caps the tests an incomplete run's error names.
const maxRunningNamed = 3

// incomplete returns the *PolicyError of a test run whose context ended
// (timeout passed, or parent was cancelled) after results, out of total
// tests; nil when every test had finished by then. The tests the end
// interrupted have a cancellation error as result: they did not run.
func incomplete(parent context.Context, results []*tester.Result, total int, timeout time.Duration) error {
	ran := 0
	var running []string
	for _, r := range results {
		if r.Error != nil && topdown.IsCancel(r.Error) {
			running = append(running, r.Package+"."+r.Name)
			continue
		}
		ran++
	}
	if ran >= total && len(running) == 0 {
		return nil
	}
	still := ""
	switch {
	case len(running) == 1:
		still = fmt.Sprintf(" (%s was still running)", running[0])
	case len(running) > maxRunningNamed:
		still = fmt.Sprintf(" (%s and %d more were still running)", strings.Join(running[:maxRunningNamed], ", "), len(running)-maxRunningNamed)
	case len(running) > 1:
		still = fmt.Sprintf(" (%s were still running)", strings.Join(running, ", "))
	}
	if cause := parent.Err(); cause != nil || timeout <= 0 {
		why := "it was cancelled"
		if errors.Is(cause, context.DeadlineExceeded) || cause == nil {
			why = "its deadline passed"
		}
		return policyError(cause, "Policy tests interrupted",
			"The run stopped after %d of %d tests%s: %s. No result is reported for an incomplete run; run the tests again.", ran, total, still, why)
	}
	return policyError(context.DeadlineExceeded, "Policy tests timed out",
		"The run stopped after %d of %d tests when -timeout=%s passed%s. No result is reported for an incomplete run. "+
			"Give a longer -timeout, such as -timeout=%s, or run fewer tests with -run.", ran, total, flagDuration(timeout), still, flagDuration(max(2*timeout, time.Minute)))
}

// flagDuration formats d as a -timeout value: 5m rather than 5m0s.
func flagDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
