package view

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/teramot/teramotc/pkg/apply"
)

// WritePlanMarkdown prints the plan for a pull-request comment or
// $GITHUB_STEP_SUMMARY: a table of changes, then the text diff folded in a
// <details> block. Text from the plan is escaped (mdCell, mdCode, and
// WritePlanText's escapes in the block), so that no name starts a line of
// its own (a "::error::" workflow command) or breaks the table.
func WritePlanMarkdown(w io.Writer, p *apply.Plan) {
	fmt.Fprintln(w, "### teramotc plan")
	fmt.Fprintln(w)
	if p.Endpoint != "" { // show's table names it already
		fmt.Fprintf(w, "Planned against endpoint %s (not AWS).\n\n", mdCode(apply.EndpointWithoutPassword(p.Endpoint)))
	}
	writePlanMarkdownBody(w, p)
}

// writePlanMarkdownBody is WritePlanMarkdown without its heading.
func writePlanMarkdownBody(w io.Writer, p *apply.Plan) {
	p = p.Redacted()
	if len(p.Changes) == 0 && len(p.Warnings) == 0 {
		fmt.Fprintln(w, "No changes. The live state matches the spec.")
		return
	}
	if len(p.Changes) == 0 {
		fmt.Fprintln(w, "```text")
		var b strings.Builder
		writeNoChanges(&b, p)
		fmt.Fprint(w, strings.ReplaceAll(b.String(), "```", "'''"))
		fmt.Fprintln(w, "```")
		return
	}
	fmt.Fprintln(w, "| | resource | name | address | risk | step |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, c := range p.Changes {
		risk := mdCell(c.Risk)
		if c.Destructive {
			risk = "**destructive** " + risk
		}
		if c.Unsupported != "" {
			risk += " (skipped: unsupported)"
		}
		fmt.Fprintf(w, "| `%s` | %s | %s | %s | %s | %d |\n", symbol(c.Action), mdCell(c.Type), mdCode(c.Name), mdCode(c.Address), risk, c.Step)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "**%s**\n\n", PlanSummary(p))
	fmt.Fprintln(w, "<details><summary>Full plan</summary>")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "```diff")
	var b strings.Builder
	WritePlanText(&b, p, false)
	fmt.Fprint(w, diffMarkers(strings.ReplaceAll(b.String(), "```", "'''")))
	fmt.Fprintln(w, "```")
	fmt.Fprintln(w, "</details>")
}

// changeLine is a line of a change's block: indentation, then its symbol.
var changeLine = regexp.MustCompile(`(?m)^( +)([-+~]) `)

// diffMarkers moves the symbol of each change line to the start of the
// line, where GitHub's diff highlighting reads it (+ green, - red, and
// ~ written as ! for orange), keeping the indentation. Every line still
// starts with a space or a symbol.
func diffMarkers(text string) string {
	return changeLine.ReplaceAllStringFunc(text, func(l string) string {
		m := changeLine.FindStringSubmatch(l)
		sym := m[2]
		if sym == "~" {
			sym = "!"
		}
		return sym + m[1] + " "
	})
}
