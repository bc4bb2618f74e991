package view

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// writeLintCompact writes one line per spec error and per finding,
// FILE:LINE:COL: SEVERITY - MESSAGE (ID), the form editors and
// errorformat-based problem matchers parse. An error without a range is
// PATH: SEVERITY - MESSAGE, PATH being the spec, file or directory it
// concerns, or "teramotc" when it concerns none (a bad flag). A last line
// lists the rules the configuration disabled or re-graded, if any.
func writeLintCompact(w io.Writer, r *LintReport) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Errors {
		pos := lintDiagPos(d.Subject)
		if pos == "teramotc" && r.origin(d).Path != "" {
			pos = lintSanitize(r.origin(d).Path) // the spec, file or directory it concerns
		}
		fmt.Fprintln(bw, neutralizeCommand(fmt.Sprintf("%s: %s - %s", pos, lintDiagSeverity(d.Severity), lintDiagText(d))))
	}
	for _, f := range r.visible() {
		msg := lintOneLine(f.Message)
		if f.Suppression != nil {
			msg += " [suppressed: " + lintOneLine(f.Suppression.Reason) + "]"
		}
		// a file name that starts with "::" is guarded too (see neutralizeCommand)
		fmt.Fprintln(bw, neutralizeCommand(fmt.Sprintf("%s:%d:%d: %s - %s (%s)", lintSanitize(f.Range.Filename), f.Range.Start.Line, f.Range.Start.Column, findingSeverity(f), msg, ruleID(f))))
	}
	if line := r.overridesLine(); line != "" {
		fmt.Fprintln(bw, line) // no FILE:LINE: form, so problem matchers skip it
	}
	return bw.Flush()
}

// lintDiagPos is FILE:LINE:COL of a diagnostic, FILE when its range has
// no line, or "teramotc" when it has no subject.
func lintDiagPos(r *hcl.Range) string {
	switch {
	case r == nil || r.Filename == "" && r.Start.Line <= 0:
		return "teramotc"
	case r.Start.Line <= 0:
		return lintSanitize(r.Filename)
	}
	return fmt.Sprintf("%s:%d:%d", lintSanitize(r.Filename), r.Start.Line, r.Start.Column)
}

func lintDiagSeverity(s hcl.DiagnosticSeverity) string {
	if s == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}

// lintDiagText is the summary and detail of a diagnostic on one line.
func lintDiagText(d *hcl.Diagnostic) string {
	if d.Detail == "" {
		return lintOneLine(d.Summary)
	}
	return lintOneLine(strings.TrimSuffix(d.Summary, ".") + ": " + d.Detail)
}

// lintOneLine collapses all whitespace, newlines included, to single spaces,
// and neutralises control characters.
func lintOneLine(s string) string { return strings.Join(strings.Fields(lintSanitize(s)), " ") }

// lintSanitize replaces invalid UTF-8, the characters needsEscape reports
// other than newline and tab (C0 and C1 controls, DEL, line separators,
// bidirectional controls) and the non-characters U+FFFE and U+FFFF (which
// XML forbids) with '?', so that a value quoted from a hostile spec cannot
// drive a terminal, reorder what a reader sees or break an XML document.
func lintSanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if needsEscape(r) || r == utf8.RuneError || r == 0xfffe || r == 0xffff {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
}
