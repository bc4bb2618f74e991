package view

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

var errPending = errors.New("format not implemented yet")

func writeLintText(io.Writer, *LintReport) error       { return errPending }
func writeLintJSON(io.Writer, *LintReport) error       { return errPending }
func writeLintSARIF(io.Writer, *LintReport) error      { return errPending }
func writeLintJUnit(io.Writer, *LintReport) error      { return errPending }
func writeLintCheckstyle(io.Writer, *LintReport) error { return errPending }
func writeLintGitHub(io.Writer, *LintReport) error     { return errPending }

func compactPos(r *hcl.Range) string {
	if r == nil {
		return "-"
	}
	return fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)
}

func diagSeverity(s hcl.DiagnosticSeverity) string {
	if s == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}

func diagText(d *hcl.Diagnostic) string {
	if d.Detail == "" {
		return oneLine(d.Summary)
	}
	return oneLine(d.Summary + ": " + d.Detail)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
