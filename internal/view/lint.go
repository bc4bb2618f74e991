package view

import (
	"cmp"
	"fmt"
	"io"
	"slices"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/rules"
)

// LintReport is everything a lint run produced, handed to WriteLint.
type LintReport struct {
	// Findings holds all findings, suppressed ones included (Suppression !=
	// nil), sorted by file, line, column and rule id (see SortFindings).
	Findings []*rules.Finding
	// Rules holds every enabled rule with its default metadata (before
	// configuration overrides, which differ between specs). SARIF describes
	// the rules that produced results with it; each result's level is its
	// finding's severity.
	Rules []*rules.Rule
	// Errors are the problems that stopped evaluation (invalid spec, bad
	// configuration, policy compile errors, a timeout, usage errors), and
	// warnings that are not findings.
	Errors hcl.Diagnostics
	// Origins says what each diagnostic of Errors is about; one without an
	// entry is a problem in the spec.
	Origins map[*hcl.Diagnostic]LintOrigin
	// Files maps file names to parsed files, for source snippets.
	Files map[string]*hcl.File
	// Overrides are the rules the configuration file or the command line
	// disabled or re-graded (rules.MergeOverrides); every format lists them.
	Overrides []rules.RuleOverride
	// InlineIgnoresOff holds the files of the specs whose suppression
	// comments are not honoured (rules.SpecResult.InlineIgnoresOff): their
	// findings' "To suppress" hint names an ignore block of the
	// configuration instead of a comment.
	InlineIgnoresOff map[string]bool
	// Unhonoured counts the suppression comments of those specs, which
	// suppress nothing (rules.SpecResult.Unhonoured).
	Unhonoured int

	FailLevel      rules.Severity // findings at or above it fail the run (default error)
	NoFail         bool           // --no-fail: findings never fail the run
	ShowSuppressed bool           // print suppressed findings too
	Color          bool           // text format only; never set it under NO_COLOR
	ErrColor       bool           // the text format's diagnostics on the error stream, when it is a terminal
	Version        string         // internal/version.Version
	Command        string         // "lint"

	// Paths of the machine formats for GitHub (see docs/cli.md): WorkDir is
	// the absolute directory relative file names are relative to; SARIFRoot,
	// when set, is the absolute directory SARIF's %SRCROOT% stands for (the
	// git work tree, else GITHUB_WORKSPACE); GitHubRoot, when set, the one
	// github annotation paths are made relative to. Empty roots keep the
	// file names as they are.
	WorkDir, SARIFRoot, GitHubRoot string
	// SARIFCategory, when set, is the code scanning category:
	// automationDetails.id "CATEGORY/". Without it SARIF has no
	// automationDetails, so that the uploader's category applies.
	SARIFCategory string
	// SARIFIncludeSuppressed puts suppressed findings in SARIF (with their
	// suppressions); ShowSuppressed does not.
	SARIFIncludeSuppressed bool
}

// lintWriters maps each format name to its writer, in the order of LintFormats.
var lintWriters = []struct {
	name  string
	write func(io.Writer, *LintReport) error
}{
	{"text", writeLintText},
	{"compact", writeLintCompact},
	{"json", writeLintJSON},
	{"sarif", writeLintSARIF},
	{"junit", writeLintJUnit},
	{"checkstyle", writeLintCheckstyle},
	{"github", writeLintGitHub},
}

// LintFormats returns the names of the lint output formats, "text" first.
func LintFormats() []string {
	names := make([]string, len(lintWriters))
	for i, lw := range lintWriters {
		names[i] = lw.name
	}
	return names
}

// WriteLint writes r to w in the named format, with access keys masked
// (see Redactor): findings quote block labels and names, and a format may
// go to a file the CLI's streams do not see.
func WriteLint(w io.Writer, format string, r *LintReport) error {
	red := NewRedactor(w)
	one := *r
	one.ErrColor = r.Color // the diagnostics go to the same stream
	return flushAll(writeLint(red, red, format, &one), red)
}

// WriteLintStreams is WriteLint for a format printed on stdout (out): the
// text format writes the diagnostics of r.Errors to diag (stderr) instead,
// as the diagnostics of a command that could not produce its result, and
// its summary line too when it printed no finding. Machine formats keep
// their errors in their document on out.
func WriteLintStreams(out, diag io.Writer, format string, r *LintReport) error {
	redOut, redDiag := NewRedactor(out), NewRedactor(diag)
	return flushAll(writeLint(redOut, redDiag, format, r), redOut, redDiag)
}

func writeLint(out, diag io.Writer, format string, r *LintReport) error {
	if format == "text" {
		return writeLintTextStreams(out, diag, r)
	}
	for _, lw := range lintWriters {
		if lw.name == format {
			return lw.write(out, r)
		}
	}
	return fmt.Errorf("unknown lint format %q (want one of %v)", format, LintFormats())
}

// flushAll flushes reds and returns err, else the first flush error.
func flushAll(err error, reds ...*Redactor) error {
	for _, red := range reds {
		if ferr := red.Flush(); err == nil {
			err = ferr
		}
	}
	return err
}

// SortFindings sorts findings by file, line, column and rule id, the order
// every format prints them in.
func SortFindings(fs []*rules.Finding) {
	slices.SortStableFunc(fs, func(a, b *rules.Finding) int {
		return cmp.Or(
			cmp.Compare(a.Range.Filename, b.Range.Filename),
			cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
			cmp.Compare(a.Range.Start.Column, b.Range.Start.Column),
			cmp.Compare(ruleID(a), ruleID(b)),
		)
	})
}

// Failed reports whether any finding blocks at the fail level (error when
// FailLevel is empty; see rules.Blocking), ignoring NoFail.
func (r *LintReport) Failed() bool {
	return len(rules.Blocking(r.Findings, r.FailLevel)) > 0
}

// Valid reports whether lint found the spec valid: no error stopped it and
// no hard rule fired. An invalid spec exits 1.
func (r *LintReport) Valid() bool {
	return !r.Errors.HasErrors() && r.HardErrors() == 0
}

// HardErrors counts the hard-rule findings, which make the spec invalid
// (see rules.Finding.Hard).
func (r *LintReport) HardErrors() int {
	n := 0
	for _, f := range r.Findings {
		if f != nil && f.Suppression == nil && f.Hard() {
			n++
		}
	}
	return n
}

// ExitCode is the exit code of the lint run: ExitError when an error
// stopped evaluation or a hard rule found the spec invalid (whatever
// NoFail and FailLevel say: validate rejects such a spec), ExitFindings
// when Failed and not NoFail, else ExitOK.
func (r *LintReport) ExitCode() int {
	switch {
	case !r.Valid():
		return ExitError
	case r.Failed() && !r.NoFail:
		return ExitFindings
	}
	return ExitOK
}

// lintCounts is the summary of a report: what it prints by severity
// (unsuppressed findings and the diagnostics of Errors), the number of
// suppressed findings, and how many error findings are hard.
type lintCounts struct {
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Notices    int `json:"notices"`
	Suppressed int `json:"suppressed"`
	Hard       int `json:"hard"`
}

func (r *LintReport) counts() lintCounts {
	var c lintCounts
	c.Errors, c.Warnings = CountDiagnostics(r.Errors)
	c.Hard = r.HardErrors()
	for _, f := range r.Findings {
		switch {
		case f == nil:
		case f.Suppression != nil:
			c.Suppressed++
		case findingSeverity(f) == rules.SeverityError:
			c.Errors++
		case findingSeverity(f) == rules.SeverityWarning:
			c.Warnings++
		default:
			c.Notices++
		}
	}
	return c
}

// visible returns the findings a format prints, in SortFindings order: the
// unsuppressed ones, and the suppressed ones too when ShowSuppressed is set.
func (r *LintReport) visible() []*rules.Finding {
	out := make([]*rules.Finding, 0, len(r.Findings))
	for _, f := range r.Findings {
		if f != nil && (f.Suppression == nil || r.ShowSuppressed) {
			out = append(out, f)
		}
	}
	SortFindings(out)
	return out
}

func findingSeverity(f *rules.Finding) rules.Severity {
	return f.Severity()
}

func ruleID(f *rules.Finding) string {
	if f.Rule == nil {
		return ""
	}
	return f.Rule.ID
}

func ruleName(f *rules.Finding) string {
	if f.Rule == nil {
		return ""
	}
	return f.Rule.Name
}
