package view

import (
	"fmt"
	"io"
)

// WriteSARIFSuppressedWarning warns that -sarif-include-suppressed puts
// findings in SARIF that GitHub code scanning shows as open alerts.
func WriteSARIFSuppressedWarning(w io.Writer) {
	WriteWarning(w, "-sarif-include-suppressed: GitHub code scanning does not honour SARIF suppressions and shows suppressed findings as open alerts.")
}

// WriteLintGate writes the lint report that blocks a plan or an apply, as
// text followed by a blank line (the error that says so comes next).
func WriteLintGate(w io.Writer, r *LintReport) {
	_ = WriteLint(w, "text", r)
	fmt.Fprintln(w)
}
