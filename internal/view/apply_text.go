package view

import (
	"fmt"
	"io"
	"strings"
)

// WriteApplyPrompt asks for the confirmation of a text apply; only "yes"
// approves.
func WriteApplyPrompt(w io.Writer) {
	fmt.Fprint(w, "\nDo you want to perform these actions?\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: ")
}

// WriteApplyNeedsTerminal reports an apply that must ask but cannot: stdin
// is not a terminal. It returns ExitError.
func WriteApplyNeedsTerminal(w io.Writer) int {
	return WriteError(w, "apply needs confirmation, but stdin is not a terminal.",
		"Review the plan above and rerun with -auto-approve, or apply a saved plan file.")
}

// WriteApplyCancelled says the prompt was not answered "yes"; the apply
// ends with ExitError.
func WriteApplyCancelled(w io.Writer) int {
	fmt.Fprintln(w, "\nApply cancelled.")
	return ExitError
}

// WriteAccessKeyFiles names the files apply wrote created access keys to.
func WriteAccessKeyFiles(w io.Writer, files []string) {
	for _, f := range files {
		fmt.Fprintf(w, "Access key written to %s (mode 0600); the secret is not printed anywhere else.\n", f)
	}
}

// WriteApplyComplete ends a text apply: the changes the endpoint does not
// support (skipped), then the counts; destroyed, when given, is the
// number of revoked grants' policy attachments detached (Result.Removed).
// It returns ExitOK.
func WriteApplyComplete(w io.Writer, skipped []string, added, changed int, destroyed ...int) int {
	if len(skipped) > 0 {
		fmt.Fprintf(w, "\nSkipped (not supported by the endpoint): %s\n", strings.Join(skipped, ", "))
	}
	removed := 0
	for _, n := range destroyed {
		removed += n
	}
	fmt.Fprintf(w, "\nApply complete! Resources: %d added, %d changed, %d destroyed.\n", added, changed, removed)
	return ExitOK
}

// WriteApplyEndpoint follows apply's completion line when apply ran
// against a custom endpoint: it names it (AtEndpoint), so that a leftover
// AWS_ENDPOINT_URL never reads like a change to AWS. It does not say
// that changes were made: an apply without changes ends with it too.
func WriteApplyEndpoint(w io.Writer, endpoint string) {
	if endpoint != "" {
		fmt.Fprintf(w, "Apply ran%s.\n", AtEndpoint(endpoint))
	}
}
