package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
)

func init() {
	register(&Command{
		Name:     "show",
		Synopsis: "Print a plan saved with \"plan -out\"",
		Usage: `
Usage: teramotc show [flags] PLANFILE

Prints a plan saved with "teramotc plan -out=PLANFILE", without reading
the spec or contacting AWS: the changes in the order apply makes them, as
plan prints them, after where the plan was made (spec, endpoint, account,
region, profile, role). Use it to review a plan file before "teramotc
apply PLANFILE", which plans again and refuses to run if its connection
differs from these, or if the spec, the live state or the changes moved
since the file was saved.

Flags:
  -f, -format=FORMAT     text (default), json or markdown; json is the
                         saved plan as one document (format_version, spec,
                         connect, inputs, plan)
  -json                  same as -format=json
  -no-color              disable colour

Exit codes: 0 shown, 1 error (no such file, not a plan file, or a plan
format this teramotc does not read).
`,
		Run: runShow,
	})
}

func runShow(env *Env, args []string) int {
	fs := newFlagSet(env, "show")
	ff := addFormatFlag(fs, "text", "text, json or markdown", true)
	ff.addJSONSwitch(fs)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	format, ok := ff.get(env, "show", planFormats)
	if !ok {
		return view.ExitError
	}
	if len(rest) != 1 {
		return usageError(env, "show", "show takes one plan file, got %d arguments", len(rest))
	}
	path := rest[0]
	r := &reporter{env: env}
	if _, err := os.Stat(path); err != nil {
		r.fail(fmt.Sprintf("cannot read plan file %s: %v", path, unwrapPathError(err)),
			"Save a plan with \"teramotc plan -out=FILE\", then show that file.")
		return view.ExitError
	}
	saved, isPlan, err := apply.ReadPlanFile(path)
	if err == nil && !isPlan {
		err = apply.DamagedPlanFile(path)
	}
	switch {
	case err != nil:
		failProblem(r, err)
		return view.ExitError
	case !isPlan:
		r.fail(fmt.Sprintf("%s is not a plan file", path),
			fmt.Sprintf("show reads a plan saved with \"teramotc plan -out=FILE\". To see what apply would change for a spec, run \"teramotc plan %s\".", path))
		return view.ExitError
	}
	if _, err := saved.SpecPath(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		r.warn(err.Error() + ": apply refuses this plan file.") // not the case on another machine
	}
	switch format {
	case "json":
		if err := view.WriteSavedPlanJSON(env.Stdout, saved); err != nil {
			r.fail("writing the plan: "+err.Error(), "")
			return view.ExitError
		}
	case "markdown":
		view.WriteSavedPlanMarkdown(env.Stdout, path, saved)
	default:
		view.WritePlanTarget(env.Stdout, path, saved.Target())
		view.WritePlanText(env.Stdout, saved.Plan, env.Color)
		if saved.Plan.HasChanges() {
			view.WriteApplyHint(env.Stdout, saved.Plan, saved.Inputs, saved.Connect, true, "This plan was made from "+saved.Spec+".", path)
		}
	}
	return view.ExitOK
}

// unwrapPathError drops the operation and path that *os.PathError repeats.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
