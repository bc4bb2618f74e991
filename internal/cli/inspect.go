package cli

import (
	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/inspect"
)

func init() {
	register(&Command{
		Name:     "inspect",
		Synopsis: "Print the lint input document of a spec as JSON",
		Usage: `
Usage: teramotc inspect [flags] [SPEC]

Prints the document that lint rules (built-in and custom) receive as
input: the evaluated model with a source range beside every value, and the
rendered documents with their provenance. Use it to write custom rules and
their tests. Sensitive values are printed as "(sensitive)".

Flags:
  -var NAME=VALUE      set a variable (repeatable)
  -var-file=FILE       read variables from an HCL file (repeatable)
  -no-color            disable colour (diagnostics only)

Exit codes: 0 printed, 1 the spec is invalid or an error occurred.
`,
		Run: runInspect,
	})
}

func runInspect(env *Env, args []string) int {
	fs := newFlagSet(env, "inspect")
	vars := addVarFlags(fs)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	path, ok := oneSpecArg(env, "inspect", rest)
	if !ok {
		return view.ExitError
	}
	c, diags := compileSpec(path, vars.options(env))
	if diags.HasErrors() || c.Out == nil {
		return failDiags(env, diags, c.files())
	}
	view.WriteDiagnostics(env.Stderr, diags, c.files(), env.ErrColor) // warnings
	doc := inspect.Redact(inspect.Build(c.Loaded, c.Out))
	// Values derived from a sensitive variable outside the attributes marked
	// sensitive (a sensitive bucket name in the paths of its documents).
	doc = view.RedactStrings(doc, c.Loaded.Redact).(map[string]any)
	if err := view.WriteInspect(env.Stdout, doc); err != nil {
		return view.WriteWritingError(env.Stderr, "to stdout", err)
	}
	return view.ExitOK
}
