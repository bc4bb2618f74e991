package view

import (
	"fmt"
	"io"
	"strings"
)

// WriteImported reports a written import: its notes on diag, one a line
// (a note that is a warning, "Warning: ...", as it is; any other after
// "Note: "), then on out the spec written to path in dir and what to run
// on it next. required names the variables the spec declares without a
// default (the role's external_id, which import never writes): the
// commands then set each from the environment, with a placeholder for
// its value, so that they run as printed once it is filled in.
func WriteImported(out, diag io.Writer, notes []string, path, dir string, required []string) int {
	for _, n := range notes {
		if !strings.HasPrefix(n, "Warning: ") {
			n = "Note: " + n
		}
		fmt.Fprintln(diag, n)
	}
	prefix := ""
	var flags []string
	for _, name := range required {
		prefix += "TERAMOTC_VAR_" + name + "=... "
		flags = append(flags, "-var '"+name+"=...'")
	}
	fmt.Fprintf(out, "Wrote %s. Review its lint findings with: %steramotc lint %s (a legacy bucket usually has some), then check it with: %steramotc plan %s\n", path, prefix, dir, prefix, dir)
	if len(required) > 0 {
		fmt.Fprintf(out, "The spec declares %s without a value (import never writes it to disk): replace ... with it, or give it with %s.\n",
			strings.Join(required, ", "), strings.Join(flags, " "))
	}
	return ExitOK
}
