package view

import (
	"fmt"
	"io"
)

// WriteError writes a problem as users see it, shaped like Terraform's
// diagnostics: "Error: summary", then, when there is one, a blank line and
// the detail saying what to do. It returns ExitError.
func WriteError(w io.Writer, summary, detail string) int {
	if detail == "" {
		fmt.Fprintf(w, "Error: %s\n", summary)
		return ExitError
	}
	fmt.Fprintf(w, "Error: %s\n\n%s\n", summary, detail)
	return ExitError
}

// WriteUsageError writes a usage error of command cmd, pointing at its
// help, and returns ExitError.
func WriteUsageError(w io.Writer, cmd, msg string) int {
	return WriteError(w, msg, fmt.Sprintf("Run \"teramotc %s -help\" for usage.", cmd))
}

// WriteWarning writes "Warning: summary".
func WriteWarning(w io.Writer, summary string) {
	fmt.Fprintf(w, "Warning: %s\n", summary)
}

// WriteSkippedOperand warns that the operand path of lint or validate is
// skipped: it is a file but not a .hcl file (a README.md beside the spec
// directories of "specs/*"). Control characters in the name are escaped.
func WriteSkippedOperand(w io.Writer, path string) {
	WriteWarning(w, fmt.Sprintf("skipping %s: not a spec (a spec is a directory of *.hcl files or a .hcl file).", escapeControls(path)))
}

// WriteDebug writes "Debug: msg" (TERAMOTC_LOG=debug).
func WriteDebug(w io.Writer, msg string) {
	fmt.Fprintf(w, "Debug: %s\n", msg)
}

// WriteWritingError reports that writing what ("to stdout", "the test
// report") failed, and returns ExitError.
func WriteWritingError(w io.Writer, what string, err error) int {
	return WriteError(w, fmt.Sprintf("writing %s: %v", what, err), "")
}
