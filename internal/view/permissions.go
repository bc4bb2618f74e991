package view

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/teramot/teramotc/pkg/render"
)

// SensitiveResourceWarning is printed when the permissions policy names a
// resource after a sensitive value, which it prints masked.
const SensitiveResourceWarning = "the policy names a resource after a sensitive value, printed as \"(sensitive value)\" " +
	"(as render -o - prints it): put the real name in its place before you use the policy, and keep that copy out of version control."

// WritePermissions prints the IAM identity policy of `teramotc permissions`
// on out, in render's encoding (two-space indent, policy keys in AWS's
// order), so it can be given to the aws CLI with file:// as it is; then
// its notes on errw. redact (nil: none) masks sensitive values, such as a
// bucket name from a sensitive variable in an ARN; when it masked one, a
// warning on errw says so. It returns the exit code.
func WritePermissions(out, errw io.Writer, doc map[string]any, notes []string, redact func(string) string) int {
	shown := RedactStrings(doc, redact)
	b := render.MarshalValue(shown)
	if _, err := out.Write(b); err != nil {
		return WriteWritingError(errw, "to stdout", err)
	}
	if !slices.Equal(b, render.MarshalValue(doc)) {
		WriteWarning(errw, SensitiveResourceWarning)
	}
	for _, n := range notes {
		if redact != nil {
			n = redact(n)
		}
		fmt.Fprintln(errw, "Note: "+strings.TrimSpace(n))
	}
	return ExitOK
}
