package cli

import (
	"context"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/rules"
)

func init() {
	register(&Command{
		Name:     "explain",
		Synopsis: "Show the documentation of a lint rule",
		Usage: `
Usage: teramotc explain [flags] RULE

Prints a rule's title, description, remediation and references. RULE is
its id in any case (TMC101, tmc101) or its name (public-access-block).

Flags:
  -policy=DIR   also look in custom policies (repeatable)
  -no-color     disable colour
`,
		Run: runExplain,
	})
}

func runExplain(env *Env, args []string) int {
	fs := newFlagSet(env, "explain")
	var policies stringsFlag
	fs.Var(&policies, "policy", "custom policy directory (repeatable)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	if len(pos) != 1 {
		return usageError(env, "explain", "explain takes one rule id or name, such as TMC101")
	}
	set, err := rules.Load(context.Background(), rules.Options{PolicyDirs: policies})
	if err != nil {
		diags, files := rules.Diagnostics(err)
		return failDiags(env, diags, files)
	}
	r := set.LookupRule(pos[0]) // an id in any case, or a rule name
	if r == nil {
		return view.WriteUnknownRule(env.Stderr, pos[0], set.DidYouMean(pos[0]))
	}
	return view.WriteExplain(env.Stdout, r)
}
