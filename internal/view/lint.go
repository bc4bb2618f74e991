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
	// Rules holds every enabled rule. SARIF lists those that produced results.
	Rules []*rules.Rule
	// Errors are the spec errors that stopped evaluation (invalid spec,
	// policy compile errors).
	Errors hcl.Diagnostics
	// Files maps file names to parsed files, for source snippets.
	Files map[string]*hcl.File

	FailLevel      rules.Severity // findings at or above it fail the run (default error)
	NoFail         bool           // --no-fail: findings never fail the run
	ShowSuppressed bool           // print suppressed findings too
	Color          bool           // text format only; never set it under NO_COLOR
	Version        string         // internal/version.Version
	Command        string         // "lint"
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
	for _, lw := range lintWriters {
		if lw.name == format {
			red := NewRedactor(w)
			err := lw.write(red, r)
			if ferr := red.Flush(); err == nil {
				err = ferr
			}
			return err
		}
	}
	return fmt.Errorf("unknown lint format %q (want one of %v)", format, LintFormats())
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

// Failed reports whether any unsuppressed finding is at or above the fail
// level (error when FailLevel is empty), ignoring NoFail.
func (r *LintReport) Failed() bool {
	for _, f := range r.Findings {
		if f != nil && f.Suppression == nil && severityRank(findingSeverity(f)) >= severityRank(cmp.Or(r.FailLevel, rules.SeverityError)) {
			return true
		}
	}
	return false
}

// ExitCode is the exit code of the lint run: ExitError when a spec error
// stopped evaluation, ExitFindings when Failed and not NoFail, else ExitOK.
func (r *LintReport) ExitCode() int {
	switch {
	case r.Errors.HasErrors():
		return ExitError
	case r.Failed() && !r.NoFail:
		return ExitFindings
	}
	return ExitOK
}

// lintCounts is the summary of a report: unsuppressed findings by severity
// and the number of suppressed ones.
type lintCounts struct {
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Notices    int `json:"notices"`
	Suppressed int `json:"suppressed"`
}

func (r *LintReport) counts() lintCounts {
	var c lintCounts
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

func severityRank(s rules.Severity) int {
	switch s {
	case rules.SeverityError:
		return 3
	case rules.SeverityWarning:
		return 2
	case rules.SeverityNotice:
		return 1
	}
	return 0
}

func findingSeverity(f *rules.Finding) rules.Severity {
	if f.Rule == nil || f.Rule.Severity == "" {
		return rules.SeverityError
	}
	return f.Rule.Severity
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
