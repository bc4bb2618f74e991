package view

import (
	"bufio"
	"fmt"
	"io"
)

// writeLintCompact writes one line per finding, FILE:LINE:COL: SEVERITY -
// MESSAGE (ID), after one line per spec error, the form editors and
// errorformat-based tools parse.
func writeLintCompact(w io.Writer, r *LintReport) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Errors {
		fmt.Fprintf(bw, "%s: %s - %s\n", compactPos(d.Subject), diagSeverity(d.Severity), diagText(d))
	}
	for _, f := range r.visible() {
		msg := oneLine(f.Message)
		if f.Suppression != nil {
			msg += " [suppressed: " + oneLine(f.Suppression.Reason) + "]"
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s - %s (%s)\n", f.Range.Filename, f.Range.Start.Line, f.Range.Start.Column, findingSeverity(f), msg, ruleID(f))
	}
	return bw.Flush()
}
