package cli

import (
	"context"
	"fmt"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/teramot/teramotc/internal/version"
	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
)

func init() {
	register(&Command{
		Name:     "plan",
		Synopsis: "Show what apply would change in AWS",
		Usage: `
Usage: teramotc plan [flags] [SPEC]

Validates and lints the spec (default "."), reads the live AWS state of
everything it renders, and prints the changes apply would make, in the
order apply makes them: + create, ~ update in place; policy documents are
diffed statement by statement. Each change is classified tighten, loosen
or neutral; a lifecycle change that deletes data sooner is DESTRUCTIVE and
apply refuses it without -allow-destructive. teramotc never deletes a
bucket or any other resource (only, when IAM's limit of five is reached,
the oldest non-default version of a managed policy it updates).

Flags:
  -out=FILE              save the plan (JSON, mode 0600, no secrets, the
                         spec's absolute path) for "apply FILE"
  -f, -format=FORMAT     text (default), json or markdown; json streams
                         JSON Lines events (version, diagnostic,
                         planned_change, change_summary) on stdout
  -json                  same as -format=json
  -detailed-exitcode     exit 2 when there are changes
  -warnings-exitcode=N   exit N (2 to 125) when the plan has warnings
                         (access the spec does not declare, which apply
                         leaves as it is), before -detailed-exitcode's 2:
                         for drift jobs (default 0: warnings exit 0)
  -skip-lint             do not block on lint errors (validation still runs)
  -policy=DIR            custom Rego policies the lint gate runs too, as
                         "lint -policy" does (repeatable)
  -config=FILE           the lint gate's configuration file, as for "lint
                         -config" (default: TERAMOTC_CONFIG, else the
                         .teramotc.hcl in the spec's directory)
  -no-inline-ignores     the lint gate ignores "# teramotc:ignore" comments,
                         as "lint -no-inline-ignores" does
  -profile, -region, -assume-role-arn, -external-id, -endpoint-url
                         AWS connection (default: the SDK's chain and
                         AWS_ENDPOINT_URL)
  -var NAME=VALUE        set a variable (repeatable)
  -var-file=FILE         read variables from an HCL file (repeatable)
  -parallelism=N         buckets, grants and trails read at once (10)
  -no-color              disable colour

The lint gate refuses the spec when "teramotc lint [-config FILE]
[-policy DIR...] [-no-inline-ignores] SPEC" would fail it at the default
fail level, in the same environment: TERAMOTC_NOW, and -config, else
TERAMOTC_CONFIG, else the .teramotc.hcl in the spec's directory. A plan
saved with -out records the -config and -policy paths; apply refuses it
without the same ones. "apply PLANFILE" runs the gate again with its own
-no-inline-ignores: without it, it honours the comments.

Exit codes: 0 no changes (or changes without -detailed-exitcode),
1 error, 2 changes with -detailed-exitcode, N warnings with
-warnings-exitcode=N.
`,
		Run: runPlan,
	})
}

// planFormats are the output formats of plan and show.
var planFormats = []string{"text", "json", "markdown"}

func runPlan(env *Env, args []string) int {
	fs := newFlagSet(env, "plan")
	out := fs.String("out", "", "save the plan to FILE")
	ff := addFormatFlag(fs, "text", "text, json or markdown", true)
	ff.addJSONSwitch(fs)
	detailed := fs.Bool("detailed-exitcode", false, "exit 2 when there are changes")
	warnCode := fs.Int("warnings-exitcode", 0, "exit N when the plan has warnings")
	gate := addGateFlags(fs, env)
	af := addAWSFlags(fs)
	vars := addVarFlags(fs)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	path, ok := oneSpecArg(env, "plan", rest)
	if !ok {
		return view.ExitError
	}
	format, ok := ff.get(env, "plan", planFormats)
	if !ok {
		return view.ExitError
	}
	if *warnCode != 0 && (*warnCode < 2 || *warnCode > 125) {
		r := &reporter{env: env}
		r.fail(fmt.Sprintf("-warnings-exitcode=%d is not an exit code plan can give warnings", *warnCode),
			"Give a code from 2 to 125 (0 and 1 mean success and error), for example -warnings-exitcode=4.")
		return view.ExitError
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	r := &reporter{env: env}
	if format == "json" {
		r.ev = view.NewEvents(env.Stdout, env.Now)
		r.ev.Version(version.Version)
	}
	if *out != "" {
		if p := planOutProblem(*out); p != nil {
			r.fail(p.summary, p.detail)
			return view.ExitError
		}
	}
	opts := vars.options(env)
	pl, ok := planSpec(ctx, r, path, opts, af, gate)
	if !ok {
		return view.ExitError
	}
	inputs := apply.InputsOf(pl.spec, absPaths(opts.VarFiles), gate.skip)
	inputs.RecordSpecFiles(pl.loaded, opts.VarFiles)
	gate.record(inputs)
	recorded := af.conn.Recorded(env.Getenv)
	if *out != "" {
		// The spec's absolute path: apply PLANFILE works from any directory.
		abs, err := filepath.Abs(path)
		if err != nil {
			p := planWriteProblem(*out, err)
			r.fail(p.summary, p.detail)
			return view.ExitError
		}
		if err := apply.WritePlanFile(*out, &apply.SavedPlan{Spec: abs, Connect: recorded, Inputs: inputs, Plan: pl.plan}); err != nil {
			p := planWriteProblem(*out, err)
			r.fail(p.summary, p.detail)
			return view.ExitError
		}
	}
	switch format {
	case "json":
		r.ev.Plan(pl.plan)
		if r.ev.Err() != nil {
			return view.ExitError
		}
	case "markdown":
		view.WritePlanMarkdown(env.Stdout, pl.plan)
	default:
		view.WritePlanText(env.Stdout, pl.plan, env.Color)
		if *out != "" {
			view.WriteApplyHint(env.Stdout, pl.plan, inputs, recorded, false, "Saved the plan to "+*out+".", *out)
		}
	}
	if *warnCode != 0 && len(pl.plan.Warnings) > 0 {
		return *warnCode
	}
	if *detailed && pl.plan.HasChanges() {
		return view.ExitFindings
	}
	return view.ExitOK
}
