package view

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/teramot/teramotc/pkg/rules"
)

// RulesFormats are the output formats of "teramotc rules".
var RulesFormats = []string{"text", "json", "markdown"}

// WriteRules writes the rule list in format: a text table (id, severity,
// hard, name, title and documentation URL, "-" when the rule has none), JSON
// ({"format_version":"1.0","rules":[...]}) or the Markdown reference
// (docs/rules.md).
func WriteRules(w io.Writer, format string, rs []*rules.Rule) error {
	switch format {
	case "json":
		return writeIndentedJSON(w, struct {
			FormatVersion string        `json:"format_version"`
			Rules         []*rules.Rule `json:"rules"`
		}{"1.0", rs})
	case "markdown":
		return rules.WriteMarkdown(w, rs)
	}
	// A custom rule's id, name, title and link are the policy author's
	// text: each cell is one line without control characters or tabs, and
	// a row that would read as a GitHub workflow command is guarded.
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tHARD\tNAME\tTITLE\tDOCUMENTATION")
	for _, r := range rs {
		hard := "-"
		if r.Hard {
			hard = "hard"
		}
		name := lintOneLine(r.Name)
		if r.Custom {
			name += " (custom)"
		}
		// a custom rule without a related_resources URL has no link
		link := cmp.Or(lintOneLine(r.Link), "-")
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", lintOneLine(r.ID), lintOneLine(string(r.Severity)), hard, name,
			cmp.Or(lintOneLine(r.Title), "-"), link)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, neutralizeCommands(b.String()))
	return err
}

// WriteExplain writes the documentation of one rule ("teramotc explain")
// and returns ExitOK.
func WriteExplain(w io.Writer, r *rules.Rule) int {
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
	fmt.Fprint(w, neutralizeCommands(b.String())) // a custom rule's text is the policy author's
	return ExitOK
}

// WriteUnknownRule reports a rule id or name that none has; suggestion is
// " Did you mean ...?" or "". It returns ExitError.
func WriteUnknownRule(w io.Writer, name, suggestion string) int {
	return WriteError(w, fmt.Sprintf("no rule has the id or name %q.%s", name, suggestion),
		`Run "teramotc rules" for the list.`)
}
