package view

import "io"

// WriteInspect prints the lint input document (already redacted) as
// indented JSON with a final newline.
func WriteInspect(w io.Writer, doc map[string]any) error {
	return writeJSON(w, doc)
}
