package rules

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/teramot/teramotc/pkg/internal/hclcol"
)

// PolicyError is a problem with policy files (a missing directory, a Rego
// syntax or compile error, invalid rule metadata) or with the options of a
// policy test run, as diagnostics. Load and TestPolicies return it.
type PolicyError struct {
	Diags hcl.Diagnostics
	// Files holds the sources of the files the diagnostics' ranges point
	// into, by file name, for source snippets.
	Files map[string]*hcl.File
	err   error // the cause, for errors.Is: fs.ErrNotExist, context.DeadlineExceeded
}

// Error is the diagnostics on one line each: "FILE:LINE:COLUMN: Summary:
// Detail".
func (e *PolicyError) Error() string {
	var b strings.Builder
	for i, d := range e.Diags {
		if i > 0 {
			b.WriteString("\n")
		}
		if d.Subject != nil {
			fmt.Fprintf(&b, "%s:%d:%d: ", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
		}
		b.WriteString(d.Summary)
		if d.Detail != "" {
			b.WriteString(": " + d.Detail)
		}
	}
	return b.String()
}

// As lets errors.As find the diagnostics as an hcl.Diagnostics (without
// the sources: Diagnostics gives them too).
func (e *PolicyError) As(target any) bool {
	if t, ok := target.(*hcl.Diagnostics); ok {
		*t = e.Diags
		return true
	}
	return false
}

// Unwrap returns the cause of the error, when it has one.
func (e *PolicyError) Unwrap() error { return e.err }

// Diagnostics returns the diagnostics of an error of Load or TestPolicies
// and the sources to print their snippets with: those of a *PolicyError, or
// a diagnostic for each of OPA's errors (ast.Errors) in err's chain, or a
// single diagnostic holding the text of any other error. The map is never
// nil.
func Diagnostics(err error) (hcl.Diagnostics, map[string]*hcl.File) {
	if err == nil {
		return nil, map[string]*hcl.File{}
	}
	var pe *PolicyError
	if errors.As(err, &pe) {
		files := pe.Files
		if files == nil {
			files = map[string]*hcl.File{}
		}
		return pe.Diags, files
	}
	var errs ast.Errors
	if errors.As(err, &errs) { // OPA's errors, without their sources
		var diags hcl.Diagnostics
		for _, e := range errs {
			diags = append(diags, regoDiagnostic(e, nil))
		}
		return diags, map[string]*hcl.File{}
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Cannot load the policies",
		Detail:   sentence(err.Error()) + " This is not a problem of your policies: please report it.",
	}}, map[string]*hcl.File{}
}

// EvalFailure marks, as its Extra, the diagnostic of a lint whose rules
// could not be evaluated on a spec: a policy's runtime error, or the
// evaluation deadline passing. Callers classify such a diagnostic by this
// marker (see EvalFailureOf), never by its wording.
type EvalFailure struct {
	// TimedOut is set when the evaluation deadline (lint -timeout) passed.
	TimedOut bool
}

// EvalFailureOf returns the EvalFailure marker of d, if it has one (also
// when wrapped by an hcl.DiagnosticExtraUnwrapper).
func EvalFailureOf(d *hcl.Diagnostic) (EvalFailure, bool) {
	if d == nil {
		return EvalFailure{}, false
	}
	return hcl.DiagnosticExtra[EvalFailure](d)
}

// policyError returns a *PolicyError of one diagnostic without a range.
func policyError(cause error, summary, format string, args ...any) *PolicyError {
	return &PolicyError{
		Diags: hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...)}},
		Files: map[string]*hcl.File{},
		err:   cause,
	}
}

// moduleError returns a *PolicyError of one diagnostic pointing at loc (the
// package clause, a rule) of module m.
func moduleError(m *Module, loc *ast.Location, summary, format string, args ...any) *PolicyError {
	files := sourceFiles([]*Module{m})
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...)}
	if loc != nil {
		rng := regoRange(loc, files[loc.File])
		d.Subject = &rng
	}
	return &PolicyError{Diags: hcl.Diagnostics{d}, Files: files}
}

// sourceFiles returns the sources of mods by file name, for snippets.
func sourceFiles(mods []*Module) map[string]*hcl.File {
	files := make(map[string]*hcl.File, len(mods))
	for _, m := range mods {
		files[m.File] = &hcl.File{Bytes: m.Source}
	}
	return files
}

// regoError converts the errors of OPA's parser or compiler to a
// *PolicyError; err is returned as is when it is not an ast.Errors.
func regoError(err error, mods []*Module, allowNetwork bool) error {
	var errs ast.Errors
	if !errors.As(explainWithheld(err, allowNetwork), &errs) {
		return err
	}
	pe := &PolicyError{Files: sourceFiles(mods), err: err}
	for _, e := range errs {
		pe.Diags = append(pe.Diags, regoDiagnostic(e, pe.Files))
	}
	return pe
}

// regoDiagnostic converts one OPA error, with its location as the range.
func regoDiagnostic(e *ast.Error, files map[string]*hcl.File) *hcl.Diagnostic {
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Policy does not compile", Detail: sentence(e.Message)}
	switch {
	case strings.Contains(e.Message, withheldMessage):
		d.Summary = "Built-in function not allowed"
	case e.Code == ast.ParseErr:
		d.Summary = "Invalid Rego syntax"
		d.Detail += " Correct the policy: teramotc reads Rego v1 (`if` and `contains` are keywords)."
	case e.Code == ast.TypeErr:
		d.Summary = "Rego type error"
		d.Detail += " Correct the policy so that it compiles."
	case e.Code == ast.UnsafeVarErr:
		d.Summary = "Unsafe variable"
		d.Detail += " Bind the variable in the rule's body (as in `some x in ...`) before using it."
	default:
		d.Detail += " Correct the policy so that it compiles."
	}
	if e.Location != nil && e.Location.File != "" {
		rng := regoRange(e.Location, files[e.Location.File])
		d.Subject = &rng
	}
	return d
}

// regoRange converts an OPA location (1-based row, 1-based column in
// characters, byte offset, located text) to an hcl.Range over the first
// line of the located text. Without the source, it is the location's
// position.
func regoRange(loc *ast.Location, file *hcl.File) hcl.Range {
	rng := hcl.Range{Filename: loc.File}
	if file == nil {
		rng.Start = hcl.Pos{Line: loc.Row, Column: max(loc.Col, 1), Byte: loc.Offset}
		rng.End = rng.Start
		return rng
	}
	src := file.Bytes
	at := loc.Offset
	if at <= 0 || at > len(src) {
		at = offsetOf(src, loc.Row, loc.Col)
	}
	lineEnd := len(src)
	if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
		lineEnd = at + i
	}
	text := loc.Text
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	end := min(at+len(text), lineEnd)
	// columns in grapheme clusters, as HCL counts those of every other range
	rng.Start = hclcol.Pos(src, at)
	rng.End = hclcol.Pos(src, end)
	return rng
}

// offsetOf returns the byte offset of a 1-based row and character column
// in src, clamped to the row's end.
func offsetOf(src []byte, row, col int) int {
	at := 0
	for r := 1; r < row; r++ {
		i := bytes.IndexByte(src[at:], '\n')
		if i < 0 {
			return len(src)
		}
		at += i + 1
	}
	for c := 1; c < col && at < len(src) && src[at] != '\n'; c++ {
		_, n := utf8.DecodeRune(src[at:])
		at += n
	}
	return at
}

// sentence capitalises msg, unless it starts with a name such as
// http.send, and ends it with a full stop.
func sentence(msg string) string {
	msg = strings.TrimSpace(msg)
	if msg == "" {
		return msg
	}
	first, _, _ := strings.Cut(msg, " ")
	if strings.IndexFunc(first, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
		msg = strings.ToUpper(first[:1]) + msg[1:]
	}
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}
