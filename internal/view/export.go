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
	files := "files"
	if n == 1 {
		files = "file"
	}
	fmt.Fprintf(w, "Wrote %d %s (%s) to %s\n", n, files, format, dir)
	return ExitOK
}
