package cli

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/view"
)

func init() {
	register(&Command{
		Name:     "validate",
		Synopsis: "Check that specs are valid, without AWS access or lint rules",
		Usage: `
Usage: teramotc validate [flags] [SPEC...]

Loads each spec (a directory of *.hcl files, or a single file; default "."),
checks it against the language and every hard rule of the catalog, renders
it and checks the rendered documents' sizes. It never touches AWS and runs
no lint rules.

Flags:
  -f, -format=FORMAT   text (default) or json
  -var NAME=VALUE      set a variable (repeatable)
  -var-file=FILE       read variables from an HCL file (repeatable)
  -no-color            disable colour

Exit codes: 0 valid (warnings allowed), 1 invalid or error.
`,
		Run: runValidate,
	})
}

func runValidate(env *Env, args []string) int {
	fs := newFlagSet(env, "validate")
	ff := addFormatFlag(fs, "text", "output format: text or json", true)
	vars := addVarFlags(fs)
	paths, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	format, ok := ff.get(env, "validate", view.ValidateFormats)
	if !ok {
		return view.ExitError
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	paths = specOperands(env, paths)
	var all hcl.Diagnostics
	var cs []*compiled
	for _, p := range paths {
		c, diags := compileSpec(p, vars.options(env))
		cs = append(cs, c)
		all = append(all, diags...)
	}
	return view.WriteValidate(env.Stdout, format, all, mergeFiles(cs), env.Color)
}
