package view

import (
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/rules"
)

// PolicyCheckFormats are the output formats of "teramotc policy check".
var PolicyCheckFormats = []string{"text", "json"}

// WritePolicyCheck writes the result of policy check in format and returns
// the exit code: ExitOK when there is no error (warnings allowed),
// ExitError otherwise. text is one "FILE:LINE:COL: error: Summary" line per
// problem, its detail indented below, then a summary line; json is the
// document of validate -f json.
func WritePolicyCheck(w io.Writer, format string, res *rules.CheckResult, color bool) int {
	errs, warns := CountDiagnostics(res.Diags)
	code := ExitOK
	if errs > 0 {
		code = ExitError
	}
	if format == "json" {
		if err := WriteDiagnosticsJSON(w, res.Diags, res.Files); err != nil {
			return ExitError
		}
		return code
	}
	var b strings.Builder
	for _, d := range res.Diags {
		writeCheckDiagnostic(&b, d, color)
	}
	var line string
	switch {
	case errs > 0:
		line = fmt.Sprintf("The policies have problems: %s, %s.", plural(errs, "error"), plural(warns, "warning"))
	case warns > 0:
		line = fmt.Sprintf("Success! %s and %s checked, with %s shown above.", plural(res.Modules, "policy file"), plural(res.Rules, "rule"), plural(warns, "warning"))
	default:
		line = fmt.Sprintf("Success! %s and %s checked.", plural(res.Modules, "policy file"), plural(res.Rules, "rule"))
	}
	if color {
		tint := "\x1b[32m" // green
		if errs > 0 {
			tint = ansiRed
		}
		line = ansiBold + tint + line + ansiReset
	}
	b.WriteString(line + "\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return ExitError
	}
	return code
}

// writeCheckDiagnostic writes "FILE:LINE:COL: error: Summary" (or without
// the position, when the problem has none), then the detail indented.
func writeCheckDiagnostic(b *strings.Builder, d *hcl.Diagnostic, color bool) {
	label, tint := "error", ansiRed
	if d.Severity == hcl.DiagWarning {
		label, tint = "warning", ansiYellow
	}
	if d.Subject != nil {
		fmt.Fprintf(b, "%s:%d:%d: ", sanitizeText(d.Subject.Filename), d.Subject.Start.Line, d.Subject.Start.Column)
	}
	if color {
		label = ansiBold + tint + label + ansiReset
	}
	fmt.Fprintf(b, "%s: %s\n", label, sanitizeText(d.Summary))
	for _, l := range strings.Split(strings.TrimRight(sanitizeText(d.Detail), "\n"), "\n") {
		if l != "" {
			b.WriteString("  " + l + "\n")
		}
	}
}
