package cli

import (
	"context"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/rules"
)

func init() {
	register(&Command{
		Name:     "rules",
		Synopsis: "List the lint rules",
		Usage: `
Usage: teramotc rules [flags]

Lists the built-in lint rules (and those of -policy directories) with their
id, severity, whether they are hard (AWS rejects the spec; never
suppressible), name, title and documentation URL ("-" for a custom rule
without one).

Flags:
  -f, -format=FORMAT   text (default), json or markdown (docs/rules.md)
  -policy=DIR          also list the rules of custom policies (repeatable)
  -no-color            disable colour
`,
		Run: runRules,
	})
}

func runRules(env *Env, args []string) int {
	fs := newFlagSet(env, "rules")
	var policies stringsFlag
	ff := addFormatFlag(fs, "text", "text, json or markdown", true)
	fs.Var(&policies, "policy", "custom policy directory (repeatable)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	if len(pos) > 0 {
		return usageError(env, "rules", "rules takes no arguments, got %q", pos)
	}
	format, ok := ff.get(env, "rules", view.RulesFormats)
	if !ok {
		return view.ExitError
	}
	set, err := rules.Load(context.Background(), rules.Options{PolicyDirs: policies})
	if err != nil {
		diags, files := rules.Diagnostics(err)
		return failDiags(env, diags, files)
	}
	if err := view.WriteRules(env.Stdout, format, set.Rules()); err != nil {
		return view.WriteError(env.Stderr, err.Error(), "")
	}
	return view.ExitOK
}
