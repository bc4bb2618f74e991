package view

import (
	"fmt"
	"io"
	"strings"
)

// WriteImported reports a written import: its notes on diag, one a line
// (a note that is a warning, "Warning: ...", as it is; any other after
// "Note: "), then on out the spec written to path in dir and what to run
// on it next.
func WriteImported(out, diag io.Writer, notes []string, path, dir string) int {
	for _, n := range notes {
		if !strings.HasPrefix(n, "Warning: ") {
			n = "Note: " + n
		}
		fmt.Fprintln(diag, n)
	}
	fmt.Fprintf(out, "Wrote %s. Review its lint findings with: teramotc lint %s (a legacy bucket usually has some), then check it with: teramotc plan %s\n", path, dir, dir)
	return ExitOK
}
