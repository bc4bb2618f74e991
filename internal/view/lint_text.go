package view

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/teramot/teramotc/pkg/rules"
)

// Colours of the lint text format beyond those of diagnostics.go.
const (
	lintAnsiCyan = "\x1b[36m"
	lintAnsiDim  = "\x1b[2m"
)

// writeLintText writes the human format: spec errors as diagnostics, then
// each finding Terraform-style (summary with rule id, location, source
// snippet with the range marked, remediation, reference, how to suppress),
// then one summary line.
func writeLintText(w io.Writer, r *LintReport) error {
	bw := bufio.NewWriter(w)
	WriteDiagnostics(bw, r.Errors, r.Files, r.Color)
	for _, f := range r.visible() {
		writeLintTextFinding(bw, r, f)
		fmt.Fprintln(bw)
	}
	fmt.Fprintln(bw, lintSummaryLine(r))
	return bw.Flush()
}

func writeLintTextFinding(w io.Writer, r *LintReport, f *rules.Finding) {
	label, tint := lintSeverityLabel(findingSeverity(f))
	if f.Suppression != nil {
		label += " (suppressed)"
	}
	msg := lintSanitize(f.Message)
	ref := lintSanitize("(" + strings.TrimSpace(ruleID(f)+" "+ruleName(f)) + ")")
	if r.Color {
		if f.Suppression != nil {
			tint = lintAnsiDim
		}
		fmt.Fprintf(w, "%s%s%s:%s %s%s%s %s\n", ansiBold, tint, label, ansiReset, ansiBold, msg, ansiReset, ref)
	} else {
		fmt.Fprintf(w, "%s: %s %s\n", label, msg, ref)
	}
	if f.Range.Filename != "" {
		fmt.Fprintln(w)
		WriteSnippet(w, f.Range, r.Files, r.Color)
	}

	var notes []string
	if f.Rule != nil && f.Rule.Remediation != "" {
		notes = append(notes, "Remediation: "+strings.TrimSpace(f.Rule.Remediation))
	}
	if f.Rule != nil && f.Rule.Link != "" {
		notes = append(notes, "Reference: "+f.Rule.Link)
	}
	switch s := f.Suppression; {
	case s != nil:
		notes = append(notes, "Suppressed: "+lintDescribeSuppression(s))
	case lintSuppressible(f.Rule):
		notes = append(notes, "To suppress: # teramotc:ignore "+f.Rule.ID+" -- <reason>")
	}
	if len(notes) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, lintSanitize(strings.Join(notes, "\n")))
	}
}

// lintSeverityLabel returns the capitalised label of a severity and its
// colour.
func lintSeverityLabel(s rules.Severity) (label, tint string) {
	switch s {
	case rules.SeverityWarning:
		return "Warning", ansiYellow
	case rules.SeverityNotice:
		return "Notice", lintAnsiCyan
	}
	return "Error", ansiRed
}

// lintSuppressible reports whether a suppression comment can silence the
// rule: hard rules (AWS rejects the spec) and the suppression rules
// themselves (TMC9xx) cannot.
func lintSuppressible(rule *rules.Rule) bool {
	return rule != nil && rule.ID != "" && !rule.Hard && !strings.HasPrefix(rule.ID, "TMC9")
}

// lintDescribeSuppression says where a suppression comes from, until when,
// and why: `inline comment at main.hcl:4 until 2027-01-31 -- reason`.
func lintDescribeSuppression(s *rules.Suppression) string {
	var b strings.Builder
	switch s.Kind {
	case "inline":
		b.WriteString("inline comment")
	case "file":
		b.WriteString("file-level comment")
	case "config":
		b.WriteString("config ignore block")
	default:
		b.WriteString(cmp.Or(s.Kind, "suppression"))
	}
	if s.Source.Filename != "" {
		fmt.Fprintf(&b, " at %s:%d", s.Source.Filename, s.Source.Start.Line)
	}
	if s.Until != "" {
		b.WriteString(" until " + s.Until)
	}
	if s.Reason != "" {
		b.WriteString(" -- " + s.Reason)
	}
	return b.String()
}

// lintSummaryLine is the last line of the text format:
// `3 issues (1 error, 1 warning, 1 notice), 2 suppressed`, `No issues
// found.`, or the count of spec errors when they stopped the lint.
func lintSummaryLine(r *LintReport) string {
	c := r.counts()
	n := c.Errors + c.Warnings + c.Notices
	if errs, _ := CountDiagnostics(r.Errors); errs > 0 && n == 0 {
		return fmt.Sprintf("Lint stopped by %s in the spec.", plural(errs, "error"))
	}
	var line string
	if n == 0 {
		line = "No issues found"
	} else {
		var parts []string
		for _, p := range []struct {
			n    int
			word string
		}{{c.Errors, "error"}, {c.Warnings, "warning"}, {c.Notices, "notice"}} {
			if p.n > 0 {
				parts = append(parts, plural(p.n, p.word))
			}
		}
		line = fmt.Sprintf("%s (%s)", plural(n, "issue"), strings.Join(parts, ", "))
	}
	if c.Suppressed > 0 {
		line += fmt.Sprintf(", %d suppressed", c.Suppressed)
	}
	if n == 0 {
		line += "."
	}
	return line
}
