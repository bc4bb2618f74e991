package view

import (
	"fmt"
	"io"

	"github.com/hashicorp/hcl/v2"
)

// ValidateFormats are the output formats of validate.
var ValidateFormats = []string{"text", "json"}

// WriteValidate writes the result of validate (the diagnostics of every
// spec checked) in format and returns the exit code: ExitOK when there is
// no error, ExitError otherwise.
func WriteValidate(w io.Writer, format string, diags hcl.Diagnostics, files map[string]*hcl.File, color bool) int {
	errs, warns := CountDiagnostics(diags)
	code := ExitOK
	if errs > 0 {
		code = ExitError
	}
	if format == "json" {
		if err := WriteDiagnosticsJSON(w, diags, files); err != nil {
			return ExitError
		}
		return code
	}
	WriteDiagnostics(w, diags, files, color)
	var line string
	switch {
	case errs > 0:
		line = fmt.Sprintf("The spec is not valid: %s, %s.", plural(errs, "error"), plural(warns, "warning"))
	case warns > 0:
		line = fmt.Sprintf("Success! The spec is valid, with %s shown above.", plural(warns, "warning"))
	default:
		line = "Success! The spec is valid."
	}
	if color {
		tint := "\x1b[32m" // green
		if errs > 0 {
			tint = ansiRed
		}
		line = ansiBold + tint + line + ansiReset
	}
	fmt.Fprintln(w, line)
	return code
}
