package view

import (
	"fmt"
	"io"
)

// WriteExportFile prints the one file of a single-file export format
// (render -format terraform|cloudformation without -o) as it is.
func WriteExportFile(w io.Writer, data []byte) int {
	_, _ = w.Write(data)
	return ExitOK
}

// WriteExported says how many files of format an export wrote to dir.
func WriteExported(w io.Writer, n int, format, dir string) int {
	fmt.Fprintf(w, "Wrote %d files (%s) to %s\n", n, format, dir)
	return ExitOK
}
