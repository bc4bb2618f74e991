package cli

import (
	"github.com/teramot/teramotc/internal/view"
)

func init() {
	register(&Command{
		Name:     "policy",
		Synopsis: "Work with Rego policies: policy test, check and fmt",
		Usage: `
Usage: teramotc policy test [flags] [DIR...]
       teramotc policy check [flags] [PATH...]
       teramotc policy fmt [flags] [PATH...]

policy test runs the Rego unit tests (test_* rules in *_test.rego files) of
the custom policies in each DIR with OPA's tester, as "opa test" does. The
built-in policies and their helper library (data.teramotc.lib) are loaded
too, so tests can use them. Without DIR, or with -builtin, the built-in
policies' own tests run.

Flags of policy test:
  -f, -format=FORMAT         pretty (default), json: {"format_version":
                             "1.0", "tests": [...]}, each test as in
                             "opa test -f json", or junit (JUnit XML)
  -v                         print every test, passing ones too
  -run=REGEX                 run only tests whose name matches REGEX
  -builtin                   also run the built-in policies' tests
  -coverage                  also report which lines of the policies the
                             tests reach, per file (test files and, without
                             -builtin, the built-in policies left out)
  -threshold=PCT             fail (exit 2) when the coverage is below PCT
                             percent, 0 to 100; implies -coverage
  -fail-on-empty             fail (exit 1) when no test runs: the default;
                             -fail-on-empty=false exits 0 with a warning
  -allow-network-builtins    let policies call http.send and other
                             non-deterministic built-ins
  -timeout=DURATION          fail when the run takes longer than DURATION
                             (default 5m, 0: no limit); no result is
                             reported for a run cut short

An interrupt (Ctrl-C, SIGINT or SIGTERM) stops the run at once; it
reports no result, only that it was interrupted, and exits 1.

policy check checks the policies in each PATH (a directory, walked
recursively, or a .rego file), tests included, as "opa check --strict" and
"lint -policy" do together: every file parses and compiles in OPA's strict
mode (no unused variables, imports or arguments, no shadowed names), no
module is in a package reserved for the built-ins, and every rule package
has a METADATA with a valid custom.id no other rule uses, a severity
(error, warning or notice), a title, and a deny rule. Unlike lint, it
reports the problem of every file and rule package, not only the first.
A custom rule without an http(s) URL in related_resources, and a custom
METADATA key that looks like a misspelt known one, are warnings. Without
PATH, or with -builtin, the built-in policies are checked.

Flags of policy check:
  -f, -format=FORMAT         text (default): FILE:LINE:COL: severity:
                             summary, then the detail; or json, as
                             "validate -f json"
  -builtin                   also check the built-in policies
  -allow-network-builtins    accept calls of http.send and other
                             non-deterministic built-ins

policy fmt formats the .rego files in each PATH (a directory, walked
recursively, or a .rego file; default ".") with OPA's formatter, as
"opa fmt" does, and prints the result to stdout; "-" reads stdin. It reads
no file through a symbolic link that leads out of the PATH it was given,
and never writes through a link.

Flags of policy fmt:
  -w                         rewrite the files that change, keeping their mode
  -l                         list the files whose formatting differs
  -d                         print a unified diff of each change
  -fail                      exit 3 when any file is not formatted

Common flags:
  -no-color                  disable colour

Exit codes: 0 success, 1 error (bad flags, syntax or compile error, invalid
metadata, no tests, timeout, interrupt), 2 failing tests or coverage below
-threshold (policy test), 3 files not formatted (policy fmt -fail).
`,
		Run: runPolicy,
	})
}

// policySubcommands are the subcommands of policy, by name.
var policySubcommands = map[string]func(*Env, []string) int{
	"test":  runPolicyTest,
	"check": runPolicyCheck,
	"fmt":   runPolicyFmt,
}

func runPolicy(env *Env, args []string) int {
	const all = "policy test, policy check or policy fmt"
	if len(args) == 0 {
		return usageError(env, "policy", "policy needs a subcommand: %s", all)
	}
	if isHelpArg(args[0]) {
		view.WriteCommandUsage(env.Stdout, commands["policy"].Usage)
		return view.ExitOK
	}
	run, ok := policySubcommands[args[0]]
	if !ok {
		if near := closest(args[0], []string{"test", "check", "fmt"}); near != "" {
			return usageError(env, "policy", "unknown policy subcommand %q. Did you mean \"policy %s\"?", args[0], near)
		}
		return usageError(env, "policy", "unknown policy subcommand %q: the subcommands are %s", args[0], all)
	}
	return run(env, args[1:])
}
