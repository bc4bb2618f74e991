// Package cli parses teramotc's command line and runs its commands.
package cli

import (
	"fmt"
	"io"
)

// Main runs teramotc with args (without the program name) and returns the
// process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "teramotc: no commands yet")
	return 1
}
