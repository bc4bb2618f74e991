package cli

import (
	"context"
	"errors"
	"flag"
	"math"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/rules"
)

// runPolicyTest runs "policy test [flags] [DIR...]".
func runPolicyTest(env *Env, args []string) int {
	fs := newFlagSet(env, "policy")
	var (
		testOpts    rules.TestOptions
		report      view.PolicyTestReport
		threshold   float64
		failOnEmpty bool
	)
	ff := addFormatFlag(fs, "pretty", "pretty, json or junit", true)
	fs.BoolVar(&report.Verbose, "v", false, "verbose")
	fs.StringVar(&testOpts.Run, "run", "", "run only tests matching this regular expression")
	fs.BoolVar(&testOpts.Builtin, "builtin", false, "also run the built-in policies' tests")
	fs.BoolVar(&report.Coverage, "coverage", false, "report coverage")
	fs.Float64Var(&threshold, "threshold", 0, "fail when coverage is below this percentage")
	fs.BoolVar(&failOnEmpty, "fail-on-empty", true, "fail when no test runs")
	fs.BoolVar(&testOpts.AllowNetworkBuiltins, "allow-network-builtins", false, "allow network built-ins")
	fs.DurationVar(&testOpts.Timeout, "timeout", 5*time.Minute, "deadline")
	dirs, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	format, ok := ff.get(env, "policy", view.PolicyTestFormats)
	if !ok {
		return view.ExitError
	}
	if testOpts.Timeout < 0 {
		return usageError(env, "policy", "-timeout must be a duration such as 5m (0: no limit), not %s", testOpts.Timeout)
	}
	if threshold < 0 || threshold > 100 || math.IsNaN(threshold) {
		return usageError(env, "policy", "-threshold must be a percentage from 0 to 100, not %v", threshold)
	}
	if isFlagSet(fs, "threshold") {
		report.Coverage, report.Threshold = true, &threshold
	}
	if report.Coverage {
		testOpts.Coverage = rules.NewCoverage()
	}
	testOpts.Dirs = dirs
	testOpts.Builtin = testOpts.Builtin || len(dirs) == 0
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop) // a second Ctrl-C ends the process at once
	results, err := rules.TestPolicies(ctx, testOpts)
	if ctx.Err() != nil {
		return policyInterrupted(env, err)
	}
	if err != nil {
		diags, files := rules.Diagnostics(err)
		return failDiags(env, diags, files)
	}
	if len(results) == 0 {
		if failOnEmpty {
			return view.WriteNoPolicyTests(env.Stderr)
		}
		view.WriteNoPolicyTestsWarning(env.Stderr)
	}
	if testOpts.Coverage != nil {
		cov := testOpts.Coverage.Report()
		report.Report = &cov
	}
	return view.WritePolicyTests(env.Stdout, env.Stderr, format, report, results)
}

// isFlagSet reports whether the flag name was given on the command line.
func isFlagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// policyInterrupted reports a run that SIGINT or SIGTERM stopped: never
// its results (not even those of the tests that had finished), only that
// it was interrupted, as apply and plan do; exit 1. err is the run's error,
// which says how far it got when the interrupt cut it short.
func policyInterrupted(env *Env, err error) int {
	diags, files := rules.Diagnostics(err)
	var pe *rules.PolicyError
	if !errors.As(err, &pe) || !errors.Is(err, context.Canceled) {
		diags, files = hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Policy tests interrupted",
			Detail:   "The run was interrupted. No result is reported for an interrupted run; run the tests again.",
		}}, nil
	}
	failDiags(env, diags, files)
	return view.ExitError
}
