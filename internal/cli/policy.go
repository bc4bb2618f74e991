package cli

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/hashicorp/hcl/v2"

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
  -f, -format=FORMAT         pretty (default) or json: {"format_version":
                             "1.0", "tests": [...]}, each test as in
                             "opa test -f json"
  -v                         print every test, passing ones too
  -run=REGEX                 run only tests whose name matches REGEX
  -builtin                   also run the built-in policies' tests
  -allow-network-builtins    let policies call http.send and other
                             non-deterministic built-ins
  -timeout=DURATION          fail when the run takes longer than DURATION
                             (default 5m, 0: no limit); no result is
                             reported for a run cut short
  -no-color                  disable colour

An interrupt (Ctrl-C, SIGINT or SIGTERM) stops the run at once; it
reports no result, only that it was interrupted, and exits 1.

Exit codes: 0 all tests pass, 1 error (bad flags, compile error, no tests,
timeout, interrupt), 2 failing tests.
`,
		Run: runPolicy,
	})
}

func runPolicy(env *Env, args []string) int {
	if len(args) == 0 {
		return usageError(env, "policy", "policy needs a subcommand: policy test [DIR...]")
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		view.WriteCommandUsage(env.Stdout, commands["policy"].Usage)
		return view.ExitOK
	}
	if args[0] != "test" {
		if closest(args[0], []string{"test"}) != "" {
			return usageError(env, "policy", "unknown policy subcommand %q. Did you mean \"policy test\"?", args[0])
		}
		return usageError(env, "policy", "unknown policy subcommand %q: the only one is policy test [DIR...]", args[0])
	}
	fs := newFlagSet(env, "policy")
	var (
		verbose  bool
		testOpts rules.TestOptions
	)
	ff := addFormatFlag(fs, "pretty", "pretty or json", true)
	fs.BoolVar(&verbose, "v", false, "verbose")
	fs.StringVar(&testOpts.Run, "run", "", "run only tests matching this regular expression")
	fs.BoolVar(&testOpts.Builtin, "builtin", false, "also run the built-in policies' tests")
	fs.BoolVar(&testOpts.AllowNetworkBuiltins, "allow-network-builtins", false, "allow network built-ins")
	fs.DurationVar(&testOpts.Timeout, "timeout", 5*time.Minute, "deadline")
	dirs, err := parseArgs(fs, args[1:])
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
		return view.WriteNoPolicyTests(env.Stderr)
	}
	return view.WritePolicyTests(env.Stdout, env.Stderr, format, verbose, results)
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
