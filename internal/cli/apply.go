package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"golang.org/x/term"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
)

func init() {
	register(&Command{
		Name:     "apply",
		Synopsis: "Converge AWS to the spec, guardrails first and grants last",
		Usage: `
Usage: teramotc apply [flags] [SPEC | PLANFILE]

Plans the spec (default ".") like "teramotc plan", asks for confirmation,
then makes the changes in a safe order: bucket; guardrails (public access
block, ownership, encryption, versioning, tags, deny-only bucket policy),
each read back until it holds; lifecycle; access logging and CloudTrail;
users and roles without permissions; and only then the grants (policy
attachment, full bucket policy). A failed run stops before the grants; a
rerun converges. Nothing is ever deleted.

Given a plan file saved with "plan -out", apply performs it without asking
(give the same -var values), and refuses when the spec or the live state
changed since.

Flags:
  -auto-approve          do not ask for confirmation (required when stdin
                         is not a terminal)
  -allow-destructive     allow lifecycle changes that delete data sooner
  -skip-lint             do not block on lint errors (validation still runs)
  -parallelism=N         buckets, grants and trails worked on at once (10)
  -key-dir=DIR           where created access keys are written (0600 files;
                         default ".")
  -profile, -region, -assume-role-arn, -external-id, -endpoint-url
                         AWS connection
  -var NAME=VALUE        set a variable (repeatable)
  -var-file=FILE         read variables from an HCL file (repeatable)
  -no-color              disable colour

Exit codes: 0 applied (or nothing to do), 1 error or cancelled.
`,
		Run: runApply,
	})
}

func runApply(env *Env, args []string) int {
	fs := newFlagSet(env, "apply")
	autoApprove := fs.Bool("auto-approve", false, "do not ask for confirmation")
	allowDestructive := fs.Bool("allow-destructive", false, "allow lifecycle changes that delete data sooner")
	skipLint := fs.Bool("skip-lint", false, "do not block on lint errors")
	keyDir := fs.String("key-dir", ".", "directory for created access keys")
	af := addAWSFlags(fs)
	vars := addVarFlags(fs)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	path, ok := oneSpecArg(env, "apply", rest)
	if !ok {
		return view.ExitError
	}
	saved, isPlan, err := apply.ReadPlanFile(path)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Error: %v\n", err)
		return view.ExitError
	}
	if isPlan {
		path = saved.Spec
		ext := af.conn.ExternalID
		af.conn = saved.Connect
		af.conn.ExternalID = ext
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	pl, ok := planSpec(ctx, env, path, vars.options(env), af, *skipLint)
	if !ok {
		return view.ExitError
	}
	if isPlan {
		if err := apply.CheckSaved(saved.Plan, pl.plan); err != nil {
			fmt.Fprintf(env.Stderr, "Error: %v\n", err)
			return view.ExitError
		}
	}
	view.WritePlanText(env.Stdout, pl.plan, env.Color)
	if !pl.plan.HasChanges() {
		fmt.Fprintln(env.Stdout, "\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.")
		return view.ExitOK
	}
	if d := pl.plan.Destructive(); len(d) > 0 && !*allowDestructive {
		fmt.Fprintf(env.Stderr, "Error: the plan deletes data sooner than the live configuration: %s.\n\nReview the lifecycle change and rerun with -allow-destructive to accept it.\n", d[0].Reason)
		return view.ExitError
	}
	if !isPlan && !*autoApprove {
		if !stdinIsTerminal(env) {
			fmt.Fprintln(env.Stderr, "Error: apply needs confirmation, but stdin is not a terminal.\n\nReview the plan above and rerun with -auto-approve, or apply a saved plan file.")
			return view.ExitError
		}
		fmt.Fprint(env.Stdout, "\nDo you want to perform these actions?\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: ")
		line, _ := bufio.NewReader(env.Stdin).ReadString('\n')
		if strings.TrimSpace(line) != "yes" {
			fmt.Fprintln(env.Stdout, "\nApply cancelled.")
			return view.ExitError
		}
	}
	e := pl.engine
	e.Progress = env.Stderr
	e.KeyDir = *keyDir
	res, err := e.Apply(ctx, pl.plan, *allowDestructive)
	if res != nil {
		for _, f := range res.KeyFiles {
			fmt.Fprintf(env.Stdout, "Access key written to %s (mode 0600); the secret is not printed anywhere else.\n", f)
		}
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(env.Stderr, "Interrupted. Nothing weaker than before was left behind; rerun apply to converge.")
		}
		fmt.Fprintf(env.Stderr, "Error: %v\n", err)
		return view.ExitError
	}
	if len(res.Skipped) > 0 {
		fmt.Fprintf(env.Stdout, "\nSkipped (not supported by the endpoint): %s\n", strings.Join(res.Skipped, ", "))
	}
	fmt.Fprintf(env.Stdout, "\nApply complete! Resources: %d added, %d changed, 0 destroyed.\n", res.Added, res.Changed)
	return view.ExitOK
}

func stdinIsTerminal(env *Env) bool {
	f, ok := env.Stdin.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
