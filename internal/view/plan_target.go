package view

import (
	"fmt"
	"io"

	"github.com/teramot/teramotc/pkg/apply"
)

// targetNote tells the reviewer of a saved plan why its origin matters.
const targetNote = "Apply connects with its own flags and environment, and refuses to run where these differ."

// WritePlanTarget prints where and as whom a saved plan was made: apply of
// the file connects with its own flags and environment and refuses to run
// when they differ, so the reviewer sees where it will go.
func WritePlanTarget(w io.Writer, path string, t apply.PlanTarget) {
	fmt.Fprintf(w, "Plan file %s, made from spec %s:\n", escapeControls(path), t.Spec)
	fmt.Fprintf(w, "  endpoint: %s\n  account:  %s\n  region:   %s\n  profile:  %s\n  role:     %s\n",
		t.Endpoint, t.Account, t.Region, t.Profile, t.Role)
	fmt.Fprintln(w, targetNote)
	fmt.Fprintln(w)
}

// WriteSavedPlanMarkdown prints a saved plan for a pull-request comment:
// the heading, a table of where and as whom it was made (WritePlanTarget's
// lines), then the plan as WritePlanMarkdown prints it.
func WriteSavedPlanMarkdown(w io.Writer, path string, saved *apply.SavedPlan) {
	t := saved.Target()
	fmt.Fprintln(w, "### teramotc plan")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Plan file %s, made from spec %s. %s\n\n", mdCode(path), mdCode(t.Spec), targetNote)
	fmt.Fprintln(w, "| endpoint | account | region | profile | role |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n\n", mdCell(t.Endpoint), mdCode(t.Account), mdCell(t.Region), mdCell(t.Profile), mdCell(t.Role))
	writePlanMarkdownBody(w, saved.Plan)
}
