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

// writeLintText writes the human format: errors as diagnostics, then each
// finding Terraform-style (summary with rule id, location, source snippet
// with the range marked, remediation, reference, how to suppress), then one
// summary line.
func writeLintText(w io.Writer, r *LintReport) error {
	return writeLintTextStreams(w, w, r)
}

// writeLintTextStreams writes the text format with the diagnostics on diag,
// the findings and the summary line on out; the summary goes to diag too
// when no finding was printed and errors stopped the lint, so that out
// stays empty, as for any command that could not produce its result.
func writeLintTextStreams(out, diag io.Writer, r *LintReport) error {
	dw := bufio.NewWriter(diag)
	WriteDiagnostics(dw, r.Errors, r.Files, r.ErrColor)
	if err := dw.Flush(); err != nil {
		return err
	}
	visible := r.visible()
	bw := bufio.NewWriter(out)
	for _, f := range visible {
		writeLintTextFinding(bw, r, f)
		fmt.Fprintln(bw)
	}
	if len(visible) == 0 && r.Errors.HasErrors() {
		if err := bw.Flush(); err != nil {
			return err
		}
		bw = bufio.NewWriter(diag)
	}
	if line := r.overridesLine(); line != "" {
		fmt.Fprintln(bw, line)
	}
	fmt.Fprintln(bw, lintSummaryLine(r))
	return bw.Flush()
}

func writeLintTextFinding(w io.Writer, r *LintReport, f *rules.Finding) {
	label, tint := lintSeverityLabel(findingSeverity(f))
	if f.Suppression != nil {
		label += " (suppressed)"
	}
	msg := neutralizeCommands(lintSanitize(f.Message))
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
	case lintSuppressible(f):
		notes = append(notes, r.suppressHint(f))
	}
	if len(notes) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, neutralizeCommands(lintSanitize(strings.Join(notes, "\n"))))
	}
}

// suppressHint says how to suppress f: a "# teramotc:ignore" comment, or,
// when its spec does not honour comments (inline_ignores = false,
// --no-inline-ignores), an ignore block of the configuration file.
func (r *LintReport) suppressHint(f *rules.Finding) string {
	if !r.InlineIgnoresOff[f.Range.Filename] {
		return "To suppress: # teramotc:ignore " + f.Rule.ID + " -- <reason>"
	}
	addr := "<address>"
	if f.Address != "" {
		addr = f.Address
	}
	return "To suppress (inline ignores are off): add to the configuration file (.teramotc.hcl)\n" +
		fmt.Sprintf("  ignore %q {\n    addresses = [%q]\n    reason    = \"<reason>\"\n  }", f.Rule.ID, addr)
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
// finding: hard ones (AWS rejects the spec) and those of the suppression
// rules themselves (TMC9xx) cannot.
func lintSuppressible(f *rules.Finding) bool {
	return f.Rule != nil && f.Rule.ID != "" && !f.Hard() && !strings.HasPrefix(f.Rule.ID, "TMC9")
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
