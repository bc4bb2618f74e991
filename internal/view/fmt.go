package view

import (
	"fmt"
	"io"

	"github.com/rogpeppe/go-internal/diff"
)

// WriteFmtChanged names a file that fmt changed (or would change).
func WriteFmtChanged(w io.Writer, path string) {
	fmt.Fprintln(w, path)
}

// WriteFmtDiff writes the unified diff from src, the content of name, to
// its formatted form.
func WriteFmtDiff(w io.Writer, name string, src, formatted []byte) {
	_, _ = w.Write(diff.Diff(name, src, name+" (formatted)", formatted))
}

// WriteFmtSource writes formatted HCL as it is ("fmt -").
func WriteFmtSource(w io.Writer, formatted []byte) {
	_, _ = w.Write(formatted)
}
