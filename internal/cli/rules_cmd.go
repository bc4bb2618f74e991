package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

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
suppressible), name and title.

Flags:
  -f, -format=FORMAT   text (default), json or markdown (docs/rules.md)
  -policy=DIR          also list the rules of custom policies (repeatable)
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
	format, ok := ff.get(env, "rules", []string{"text", "json", "markdown"})
	if !ok {
		return view.ExitError
	}
	set, err := rules.Load(context.Background(), rules.Options{PolicyDirs: policies})
	if err != nil {
		diags, files := rules.Diagnostics(err)
		return failDiags(env, diags, files)
	}
	rs := set.Rules()
	switch format {
	case "text":
		err = writeRulesText(env.Stdout, rs)
	case "json":
		err = writeRulesJSON(env.Stdout, rs)
	default: // markdown
		err = rules.WriteMarkdown(env.Stdout, rs)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "Error: %v\n", err)
		return view.ExitError
	}
	return view.ExitOK
}

func writeRulesText(w io.Writer, rs []*rules.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tHARD\tNAME\tTITLE")
	for _, r := range rs {
		hard := "-"
		if r.Hard {
			hard = "hard"
		}
		name := r.Name
		if r.Custom {
			name += " (custom)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, hard, name, r.Title)
	}
	return tw.Flush()
}

// writeRulesJSON writes {"format_version":"1.0","rules":[Rule...]}.
func writeRulesJSON(w io.Writer, rs []*rules.Rule) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		FormatVersion string        `json:"format_version"`
		Rules         []*rules.Rule `json:"rules"`
	}{"1.0", rs})
}

// explainText is the documentation of one rule as `teramotc explain` prints it.
func explainText(r *rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (%s", r.ID, r.Name, r.Severity)
	if r.Hard {
		b.WriteString(", hard: AWS rejects the spec; cannot be disabled or suppressed")
	}
	fmt.Fprintf(&b, ")\n%s\n\n", r.Title)
	if r.Description != "" {
		b.WriteString(r.Description + "\n\n")
	}
	if r.Remediation != "" {
		b.WriteString("Remediation: " + r.Remediation + "\n\n")
	}
	for _, u := range r.RelatedResources {
		b.WriteString("See: " + u + "\n")
	}
	if len(r.Peers) > 0 {
		b.WriteString("Corresponds to: " + strings.Join(r.Peers, ", ") + "\n")
	}
	if r.Link != "" { // a custom rule without a related_resources URL has none
		b.WriteString("Documentation: " + r.Link + "\n")
	}
	if !r.Hard {
		fmt.Fprintf(&b, "To suppress: # teramotc:ignore %s until=YYYY-MM-DD -- <reason>\n", r.ID)
	}
	return b.String()
}
