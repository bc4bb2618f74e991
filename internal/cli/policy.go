package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/rules"
)

func init() {
	register(&Command{
		Name:     "policy",
		Synopsis: "Work with Rego policies: policy test",
		Usage: `
Usage: teramotc policy test [flags] [DIR...]

Runs the Rego unit tests (test_* rules in *_test.rego files) of the custom
policies in each DIR with OPA's tester, as "opa test" does. The built-in
policies and their helper library (data.teramotc.lib) are loaded too, so
tests can use them. Without DIR, or with -builtin, the built-in policies'
own tests run.

Flags:
  -f, -format=FORMAT         pretty (default) or json
  -v                         print every test, passing ones too
  -run=REGEX                 run only tests whose name matches REGEX
  -builtin                   also run the built-in policies' tests
  -allow-network-builtins    let policies call http.send and other
                             non-deterministic built-ins
  -timeout=DURATION          stop after DURATION (default 5m)

Exit codes: 0 all tests pass, 1 error (bad flags, compile error, no tests),
2 failing tests.
`,
		Run: runPolicy,
	})
}

func runPolicy(env *Env, args []string) int {
	if len(args) == 0 || args[0] != "test" {
		return usageError(env, "policy", "policy needs a subcommand: policy test [DIR...]")
	}
	fs := newFlagSet(env, "policy")
	var (
		format, run          string
		verbose, builtin, nw bool
		timeout              time.Duration
	)
	fs.StringVar(&format, "format", "pretty", "pretty or json")
	fs.StringVar(&format, "f", "pretty", "shorthand for -format")
	fs.BoolVar(&verbose, "v", false, "verbose")
	fs.StringVar(&run, "run", "", "run only tests matching this regular expression")
	fs.BoolVar(&builtin, "builtin", false, "also run the built-in policies' tests")
	fs.BoolVar(&nw, "allow-network-builtins", false, "allow network built-ins")
	fs.DurationVar(&timeout, "timeout", 5*time.Minute, "deadline")
	dirs, err := parseArgs(fs, args[1:])
	if err != nil {
		return exitCodeForParse(err)
	}
	var reporter tester.Reporter
	switch format {
	case "pretty":
		reporter = tester.PrettyReporter{Output: env.Stdout, Verbose: verbose, FailureLine: true}
	case "json":
		reporter = tester.JSONReporter{Output: env.Stdout}
	default:
		return usageError(env, "policy", "unknown format %q; policy test writes pretty or json", format)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	results, err := rules.TestPolicies(ctx, dirs, builtin || len(dirs) == 0, run, nw)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Error: %v\n", err)
		return view.ExitError
	}
	if len(results) == 0 {
		fmt.Fprintln(env.Stderr, "Error: no tests found: write test_* rules in *_test.rego files")
		return view.ExitError
	}
	ch := make(chan *tester.Result, len(results))
	failed := false
	for _, r := range results {
		failed = failed || !r.Pass() && !r.Skip
		ch <- r
	}
	close(ch)
	if err := reporter.Report(ch); err != nil {
		fmt.Fprintf(env.Stderr, "Error: %v\n", err)
		return view.ExitError
	}
	if failed {
		return view.ExitFindings
	}
	return view.ExitOK
}
