package view

import (
	"fmt"
	"io"
)

// WritePolicyFmtSkippedLink warns that policy fmt skipped the symbolic link
// name, found in a directory it walks: it never reads one there (fmt skips
// links too). Control characters in the name are escaped.
func WritePolicyFmtSkippedLink(w io.Writer, name string) {
	WriteWarning(w, fmt.Sprintf("skipping %s: a symbolic link, which policy fmt does not follow in a directory; give the file it points to.", escapeControls(name)))
}

// PolicyFmtExit is the exit code of policy fmt: ExitError when a file
// could not be read, parsed or written, else ExitChanged when -fail is
// given and a file is not formatted, else ExitOK.
func PolicyFmtExit(failed, changed, fail bool) int {
	switch {
	case failed:
		return ExitError
	case fail && changed:
		return ExitChanged
	}
	return ExitOK
}
