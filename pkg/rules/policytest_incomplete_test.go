package rules

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// slowTests has a quick test and one that runs for hours unless cancelled
// (10^10 steps, with two arrays of 10^5 numbers in memory).
var slowTests = map[string]string{"slow_test.rego": `package acme.slow_test

test_quick if {
	1 == 1
}

test_slow if {
	every i in numbers.range(1, 100000) {
		every j in numbers.range(1, 100000) {
			i + j > 0
		}
	}
}
`}

// A run that its context or timeout ends before every test ran is an
// error that says how many of how many tests ran, never a shorter list of
// results that could pass.
func TestPoliciesIncomplete(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		opts    TestOptions
		summary string
		detail  []string // substrings of the detail
		cause   error
	}{
		{
			name:    "cancelled before the run",
			ctx:     cancelled,
			summary: "Policy tests interrupted",
			detail:  []string{"The run stopped after 0 of 2 tests: it was cancelled."},
			cause:   context.Canceled,
		},
		{
			name:    "-run selects the tests counted",
			ctx:     cancelled,
			opts:    TestOptions{Run: "slow_test.test_q"},
			summary: "Policy tests interrupted",
			detail:  []string{"after 0 of 1 tests"},
			cause:   context.Canceled,
		},
		{
			// The tests cannot start before a 1 ns deadline: compiling
			// takes longer.
			name:    "timeout before the first test",
			ctx:     context.Background(),
			opts:    TestOptions{Timeout: time.Nanosecond},
			summary: "Policy tests timed out",
			detail:  []string{"The run stopped after 0 of 2 tests when -timeout=1ns passed.", "Give a longer -timeout, such as -timeout=1m, or run fewer tests with -run."},
			cause:   context.DeadlineExceeded,
		},
		{
			// test_slow cannot end in 300 ms; how many tests ran by
			// then depends on the machine, the total does not.
			name:    "timeout in a slow test",
			ctx:     context.Background(),
			opts:    TestOptions{Timeout: 300 * time.Millisecond},
			summary: "Policy tests timed out",
			detail:  []string{" of 2 tests when -timeout=300ms passed", "such as -timeout=1m"},
			cause:   context.DeadlineExceeded,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.Dirs = []string{writePolicies(t, slowTests)}
			start := time.Now()
			results, err := TestPolicies(tc.ctx, opts)
			if took := time.Since(start); took > time.Minute {
				t.Errorf("the run took %v: the timeout did not stop test_slow", took)
			}
			if results != nil {
				t.Errorf("got %d results of an incomplete run, want none", len(results))
			}
			var pe *PolicyError
			if !errors.As(err, &pe) || len(pe.Diags) != 1 {
				t.Fatalf("got error %v, want a *PolicyError of one diagnostic", err)
			}
			if !errors.Is(err, tc.cause) {
				t.Errorf("errors.Is(err, %v) is false", tc.cause)
			}
			if d := pe.Diags[0]; d.Summary != tc.summary {
				t.Errorf("summary %q, want %q", d.Summary, tc.summary)
			}
			for _, s := range tc.detail {
				if !strings.Contains(pe.Diags[0].Detail, s) {
					t.Errorf("detail %q lacks %q", pe.Diags[0].Detail, s)
				}
			}
		})
	}
}

func TestFlagDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{time.Nanosecond: "1ns", 840 * time.Millisecond: "840ms", time.Minute: "1m", 90 * time.Second: "1m30s", 2 * time.Hour: "2h", 10*time.Hour + time.Minute: "10h1m"} {
		if got := flagDuration(d); got != want {
			t.Errorf("flagDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

// incomplete classifies the results of a run its context ended: those
// cancelled did not run, and are named.
func TestIncompleteRunning(t *testing.T) {
	cancelled := &topdown.Error{Code: topdown.CancelErr, Message: "caller cancelled query execution"}
	res := func(name string, err error) *tester.Result {
		return &tester.Result{Package: "data.p", Name: name, Error: err}
	}
	tests := []struct {
		name    string
		results []*tester.Result
		total   int
		want    string // a substring of the detail; "" for no error
	}{
		{"every test ran", []*tester.Result{res("test_a", nil), res("test_b", errors.New("eval_conflict_error"))}, 2, ""},
		{"one cut", []*tester.Result{res("test_a", nil), res("test_b", cancelled)}, 2, "after 1 of 2 tests when -timeout=1s passed (data.p.test_b was still running)."},
		{"some never started", []*tester.Result{res("test_a", nil)}, 3, "after 1 of 3 tests when -timeout=1s passed."},
		{"several cut", []*tester.Result{res("test_a", cancelled), res("test_b", cancelled)}, 2, "(data.p.test_a, data.p.test_b were still running)"},
		{"many cut", []*tester.Result{res("test_a", cancelled), res("test_b", cancelled), res("test_c", cancelled), res("test_d", cancelled)}, 4, "(data.p.test_a, data.p.test_b, data.p.test_c and 1 more were still running)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := incomplete(context.Background(), tc.results, tc.total, time.Second)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
