package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/rules"
)

func init() {
	register(&Command{
		Name:     "explain",
		Synopsis: "Show the documentation of a lint rule",
		Usage: `
Usage: teramotc explain [flags] RULE-ID

Prints a rule's title, description, remediation and references.

Flags:
  -policy=DIR   also look in custom policies (repeatable)
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
		return usageError(env, "explain", "explain takes one rule id, such as TMC101")
	}
	set, err := rules.Load(context.Background(), rules.Options{PolicyDirs: policies})
	if err != nil {
		diags, files := rules.Diagnostics(err)
		return failDiags(env, diags, files)
	}
	r := set.Rule(strings.ToUpper(pos[0]))
	if r == nil {
		var ids []string
		for _, r := range set.Rules() {
			ids = append(ids, r.ID)
		}
		fmt.Fprintf(env.Stderr, "Error: no rule has the id %q.%s\n\nRun \"teramotc rules\" for the list.\n", pos[0], didYouMean(strings.ToUpper(pos[0]), ids))
		return view.ExitError
	}
	fmt.Fprint(env.Stdout, explainText(r))
	return view.ExitOK
}
