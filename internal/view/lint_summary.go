package view

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// LintCause is what an error of a lint report is about. It words the
// summary line, and is the "cause" of an entry of the JSON errors.
type LintCause string

// The causes of lint errors.
const (
	CauseSpec       LintCause = "spec"       // the spec does not load or render
	CauseConfig     LintCause = "config"     // .teramotc.hcl or the -config file
	CausePolicy     LintCause = "policy"     // the policies do not load or compile
	CauseUsage      LintCause = "usage"      // a flag or environment variable
	CauseEvaluation LintCause = "evaluation" // evaluating the rules failed
	CauseTimeout    LintCause = "timeout"    // the -timeout deadline passed
)

// LintOrigin says where an error of a lint report comes from.
type LintOrigin struct {
	Cause LintCause
	// Path is the spec, configuration file or policy directory the error
	// concerns; formats that need a file for every entry (checkstyle,
	// junit) use it when the error has no range, and the others name it.
	Path string
	// File is set when Path is a regular file (a one-file spec, a
	// configuration file), not a directory: the github format then
	// annotates it with file=.
	File bool
}

// origin returns the origin of d: CauseSpec unless Origins says otherwise.
func (r *LintReport) origin(d *hcl.Diagnostic) LintOrigin {
	o := r.Origins[d]
	if o.Cause == "" {
		o.Cause = CauseSpec
	}
	return o
}

// diagFile is the file an error is reported against: its range's, else
// its origin's path, else ".".
func (r *LintReport) diagFile(d *hcl.Diagnostic) string {
	if d.Subject != nil && d.Subject.Filename != "" {
		return d.Subject.Filename
	}
	return cmp.Or(r.origin(d).Path, ".")
}

// lintCauseOrder is the order in which the stop reason names the causes.
var lintCauseOrder = []LintCause{CauseUsage, CausePolicy, CauseConfig, CauseSpec, CauseEvaluation, CauseTimeout}

// stopReason says what stopped the lint, counting the errors of each cause:
// `Lint stopped by 1 error in the configuration file and 2 errors in the
// spec.`, `Lint stopped by the -timeout deadline.`; "" when no error
// stopped it.
func (r *LintReport) stopReason() string {
	byCause := map[LintCause]int{}
	for _, d := range r.Errors {
		if d.Severity == hcl.DiagError {
			byCause[r.origin(d).Cause]++
		}
	}
	var parts []string
	for _, c := range lintCauseOrder {
		n := byCause[c]
		if n == 0 {
			continue
		}
		switch c {
		case CauseUsage:
			parts = append(parts, plural(n, "usage error"))
		case CausePolicy:
			parts = append(parts, plural(n, "error")+" in the policies")
		case CauseConfig:
			parts = append(parts, plural(n, "error")+" in the configuration file")
		case CauseSpec:
			parts = append(parts, plural(n, "error")+" in the spec")
		case CauseEvaluation:
			parts = append(parts, plural(n, "error")+" evaluating the rules")
		case CauseTimeout:
			parts = append(parts, "the -timeout deadline")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	if len(parts) > 1 {
		parts = []string{strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]}
	}
	return "Lint stopped by " + parts[0] + "."
}

// hardReason says that hard-rule findings make the spec invalid, or "".
func (r *LintReport) hardReason() string {
	n := r.HardErrors()
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("The spec is invalid: %s.", plural(n, "hard-rule error"))
}

// lintSummaryLine is the last line of the text format. It counts what the
// format printed (findings and diagnostics) and says why the run is an
// error: `3 issues (1 error, 1 warning, 1 notice), 2 suppressed`, `No
// issues found.`, `Lint stopped by 1 error in the spec.`, `5 issues (3
// errors, 2 warnings). Lint stopped by 3 errors in the spec.`.
func lintSummaryLine(r *LintReport) string {
	c := r.counts()
	n := c.Errors + c.Warnings + c.Notices
	stop, hard := r.stopReason(), r.hardReason()
	stopErrs, _ := CountDiagnostics(r.Errors)
	if stop != "" && n == stopErrs && c.Suppressed == 0 {
		return stop // only the errors that stopped the lint were printed
	}
	var line string
	if n == 0 {
		line = "No issues found"
	} else {
		var parts []string
		for _, p := range []struct {
			n    int
			word string
		}{{c.Errors, "error"}, {c.Warnings, "warning"}, {c.Notices, "notice"}} {
			if p.n > 0 {
				parts = append(parts, plural(p.n, p.word))
			}
		}
		line = fmt.Sprintf("%s (%s)", plural(n, "issue"), strings.Join(parts, ", "))
	}
	if c.Suppressed > 0 {
		line += fmt.Sprintf(", %d suppressed", c.Suppressed)
	}
	var more []string
	for _, s := range []string{stop, hard} {
		if s != "" {
			more = append(more, s)
		}
	}
	if n == 0 || len(more) > 0 {
		line += "."
	}
	return strings.Join(append([]string{line}, more...), " ")
}

// exitCodeDescription says why the run exits with code (SARIF
// invocations[0].exitCodeDescription).
func (r *LintReport) exitCodeDescription(code int) string {
	switch code {
	case ExitOK:
		return "no findings at or above the fail level"
	case ExitFindings:
		return "findings at or above the fail level"
	}
	reasons := []string{r.stopReason(), r.hardReason()}
	return cmp.Or(strings.TrimSpace(strings.Join(reasons, " ")), "error")
}
