package view

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/teramot/teramotc/pkg/render"
)

// StaleDiff is the diff "render -check DIR -diff" shows for the stale file
// path: from old, its content on disk (readErr when reading it failed; a
// missing file is empty), to doc, the document the spec renders there (nil
// when the file would be removed). Sensitive content is never shown, and
// neither is the content of a file that would be removed (it may once have
// been sensitive).
func StaleDiff(path string, doc *render.Document, old []byte, readErr error) []byte {
	switch {
	case doc == nil:
		return fmt.Appendf(nil, "--- %s\n(no longer rendered: the file would be removed)\n", path)
	case doc.Sensitive:
		return fmt.Appendf(nil, "--- %s\n+++ %s\n(sensitive content not shown)\n", path, path)
	case readErr != nil && !errors.Is(readErr, fs.ErrNotExist):
		return fmt.Appendf(nil, "--- %s\n(cannot read: %v)\n", path, readErr)
	}
	return diff.Diff(path+" (on disk)", old, path+" (rendered)", render.Marshal(doc))
}
