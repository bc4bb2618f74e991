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

	"github.com/teramot/teramotc/internal/version"
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
rerun converges. Nothing is deleted but, when IAM's limit of five is
reached, the oldest non-default version of a managed policy it updates.

Given a plan file saved with "plan -out", apply performs exactly it
without asking (give the same -var values, -config file and -policy
directories). It connects with its own flags and environment, never with
the file's, and refuses when the endpoint, profile, role or region differ
from the plan's, when the spec or the live state changed since, or when
the file's changes are not those of the plan it makes again.

Flags:
  -auto-approve          do not ask for confirmation (required when stdin
                         is not a terminal)
  -allow-destructive     allow lifecycle changes that delete data sooner
  -skip-lint             do not block on lint errors (validation still runs)
  -policy=DIR            custom Rego policies the lint gate runs too, as
                         "lint -policy" does (repeatable)
  -config=FILE           the lint gate's configuration file, as for "lint
                         -config" (default: TERAMOTC_CONFIG, else the
                         .teramotc.hcl in the spec's directory)
  -no-inline-ignores     the lint gate ignores "# teramotc:ignore" comments,
                         as "lint -no-inline-ignores" does
  -json                  stream JSON Lines events on stdout (version,
                         diagnostic, planned_change, change_summary,
                         apply_start, apply_progress, apply_complete,
                         apply_errored, outputs); needs -auto-approve
                         or a plan file
  -parallelism=N         buckets, grants and trails sending requests at once; one
                         waiting for a write to propagate does not count (10)
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
	gate := addGateFlags(fs, env)
	keyDir := fs.String("key-dir", ".", "directory for created access keys")
	asJSON := fs.Bool("json", false, "stream JSON Lines events on stdout")
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
	r := &reporter{env: env}
	if *asJSON {
		r.ev = view.NewEvents(env.Stdout, env.Now)
		r.ev.Version(version.Version)
	}
	saved, isPlan, err := apply.ReadPlanFile(path)
	if err == nil && !isPlan {
		err = apply.DamagedPlanFile(path)
	}
	if err != nil {
		failProblem(r, err)
		return view.ExitError
	}
	if isPlan {
		if path, ok = planFileTarget(r, path, saved, af.conn); !ok {
			return view.ExitError
		}
		r.planSkippedLint = saved.Inputs.LintSkipped()
		if !gate.skip && !gate.matchesPlan(r, saved.Inputs) {
			return view.ExitError
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	opts := vars.options(env)
	pl, ok := planSpec(ctx, r, path, opts, af, gate)
	if !ok {
		return view.ExitError
	}
	now := apply.InputsOf(pl.spec, absPaths(opts.VarFiles), gate.skip)
	now.RecordSpecFiles(pl.loaded, opts.VarFiles)
	if isPlan && !checkPlanFile(r, saved, pl, now) {
		return view.ExitError
	}
	if r.ev != nil {
		r.ev.Plan(pl.plan)
	} else {
		view.WritePlanText(env.Stdout, pl.plan, env.Color)
	}
	if !pl.plan.HasChanges() {
		if r.ev != nil {
			r.ev.Summary("apply", 0, 0)
			r.ev.ApplyOutputs(nil) // the last event, as after changes
			return exitFor(r.ev)
		}
		code := view.WriteApplyComplete(env.Stdout, nil, 0, 0)
		view.WriteApplyEndpoint(env.Stdout, pl.plan.Endpoint)
		return code
	}
	if d := pl.plan.Destructive(); len(d) > 0 && !*allowDestructive {
		r.fail("the plan deletes data sooner than the live configuration: "+d[0].Mask(d[0].Reason)+".",
			"Review the lifecycle change and rerun with -allow-destructive to accept it.")
		return view.ExitError
	}
	if r.ev != nil && !isPlan && !*autoApprove {
		r.fail("apply -json needs -auto-approve or a saved plan file.",
			"The JSON stream has no room for a confirmation prompt: review the plan and rerun with -auto-approve, or apply a plan file saved with \"plan -out\".")
		return view.ExitError
	}
	if !isPlan && !*autoApprove {
		if !stdinIsTerminal(env) {
			return view.WriteApplyNeedsTerminal(env.Stderr)
		}
		view.WriteApplyPrompt(env.Stdout)
		line, _ := bufio.NewReader(env.Stdin).ReadString('\n')
		if strings.TrimSpace(line) != "yes" {
			return view.WriteApplyCancelled(env.Stdout)
		}
	}
	e := pl.engine
	e.OnProgress = view.NewApplyLog(env.Stderr).Event
	e.KeyDir = *keyDir
	if err := e.CheckKeyDir(pl.plan); err != nil {
		failPlanProblem(r, pl.plan, err)
		return view.ExitError
	}
	if r.ev != nil {
		return applyJSON(ctx, r, e, pl.plan, *allowDestructive)
	}
	res, err := e.Apply(ctx, pl.plan, *allowDestructive)
	if res != nil {
		view.WriteAccessKeyFiles(env.Stdout, maskEach(pl.plan, res.KeyFiles))
	}
	if err != nil {
		applyFailed(ctx, r, e, pl.plan, err)
		return view.ExitError
	}
	code := view.WriteApplyComplete(env.Stdout, res.Skipped, res.Added, res.Changed, res.Removed)
	view.WriteApplyEndpoint(env.Stdout, pl.plan.Endpoint)
	return code
}

// applyJSON applies the plan under -json: the engine's progress becomes
// apply_* events (its lines still go to stderr); the stream ends with the
// apply change_summary and then the outputs event, or with the errors.
func applyJSON(ctx context.Context, r *reporter, e *apply.Engine, p *apply.Plan, allowDestructive bool) int {
	prog := view.NewApplyProgress(r.ev)
	lines := e.OnProgress // the log lines go to stderr too
	e.OnProgress = func(p apply.ProgressEvent) { lines(p); prog.Event(p) }
	res, err := e.Apply(ctx, p, allowDestructive)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, context.Canceled) {
			prog.Errored(nil) // the writes the interrupt stopped; the diagnostic says why
		} else {
			prog.Errored(err)
		}
		if res != nil && len(res.KeyFiles) > 0 {
			r.ev.ApplyOutputs(maskEach(p, res.KeyFiles))
		}
		applyFailed(ctx, r, e, p, err)
		return view.ExitError
	}
	r.ev.SummaryRemove("apply", res.Added, res.Changed, res.Removed)
	r.ev.ApplyOutputs(maskEach(p, res.KeyFiles)) // the last event, after the summary, as in Terraform
	return exitFor(r.ev)
}

// applyFailed reports why an apply stopped. An interrupt (SIGINT,
// SIGTERM) is one message, after any error that came before it, counting
// what was applied and what was not started; an interrupt is never
// reported as the failure of the write it stopped.
func applyFailed(ctx context.Context, r *reporter, e *apply.Engine, p *apply.Plan, err error) {
	if ctx.Err() == nil || !errors.Is(err, context.Canceled) {
		x := e.C.Explain(err)
		detail := x.Detail
		if detail != "" {
			detail += " "
		}
		detail += "Fix the cause and rerun apply: it converges from wherever this run stopped."
		r.fail(p.Mask(x.Summary), p.Mask(detail)) // names from sensitive values, as in the plan
		if r.debug() {
			view.WriteDebug(r.env.Stderr, p.Mask(x.Debug))
		}
	}
	if ctx.Err() == nil {
		return
	}
	t := e.Tally(p)
	r.fail(fmt.Sprintf("apply interrupted: %d %s applied, %d stopped part way, %d not started",
		t.Applied, plural(t.Applied, "change", "changes"), t.Partial, t.NotStarted),
		"Nothing weaker than before was left behind: each stage protects before it shares. Run \"teramotc plan\" to see what remains, and apply again to converge.")
}

// maskEach returns texts (key file paths) masked with the plan's
// sensitive values. A key file of a user whose name is sensitive is named
// after its grant (pkg/apply, keyFilePath); this is the net under it.
func maskEach(p *apply.Plan, texts []string) []string {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = p.Mask(t)
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// exitFor is ExitError when the event stream could not be written.
func exitFor(ev *view.Events) int {
	if ev.Err() != nil {
		return view.ExitError
	}
	return view.ExitOK
}

func stdinIsTerminal(env *Env) bool {
	f, ok := env.Stdin.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
