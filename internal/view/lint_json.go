package view

import (
	"io"

	"github.com/teramot/teramotc/pkg/rules"
)

// LintFormatVersion is the version of the lint JSON document. Adding fields
// keeps it; renaming or removing one bumps it.
const LintFormatVersion = "1.0"

// JSONLint is the `lint -f json` document. Arrays are never null.
type JSONLint struct {
	FormatVersion string            `json:"format_version"`
	Summary       lintCounts        `json:"summary"`
	Issues        []*JSONIssue      `json:"issues"`
	Errors        []*JSONDiagnostic `json:"errors"`
}

// JSONIssue is one finding.
type JSONIssue struct {
	Rule        JSONIssueRule    `json:"rule"`
	Message     string           `json:"message"`
	Address     string           `json:"address"`
	Range       *JSONRange       `json:"range"`
	Suppression *JSONSuppression `json:"suppression"`
}

// JSONIssueRule identifies the rule of an issue.
type JSONIssueRule struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Severity string `json:"severity"`
	Link     string `json:"link"`
}

// JSONSuppression says why an issue is not counted.
type JSONSuppression struct {
	Kind   string     `json:"kind"` // "inline" | "file" | "config"
	Reason string     `json:"reason"`
	Until  *string    `json:"until"` // YYYY-MM-DD, null when it never expires
	Source *JSONRange `json:"source"`
}

// NewJSONLint builds the JSON document of r: every finding when
// ShowSuppressed is set, else the unsuppressed ones; suppressed findings are
// always counted in the summary.
func NewJSONLint(r *LintReport) *JSONLint {
	visible := r.visible()
	doc := &JSONLint{
		FormatVersion: LintFormatVersion,
		Summary:       r.counts(),
		Issues:        make([]*JSONIssue, 0, len(visible)),
		Errors:        make([]*JSONDiagnostic, 0, len(r.Errors)),
	}
	for _, f := range visible {
		doc.Issues = append(doc.Issues, newJSONIssue(f))
	}
	for _, d := range r.Errors {
		doc.Errors = append(doc.Errors, NewJSONDiagnostic(d, r.Files))
	}
	return doc
}

func newJSONIssue(f *rules.Finding) *JSONIssue {
	is := &JSONIssue{
		Rule:    JSONIssueRule{ID: ruleID(f), Name: ruleName(f), Severity: string(findingSeverity(f))},
		Message: f.Message,
		Address: f.Address,
		Range:   NewJSONRange(f.Range),
	}
	if f.Rule != nil {
		is.Rule.Link = f.Rule.Link
	}
	if s := f.Suppression; s != nil {
		is.Suppression = &JSONSuppression{Kind: s.Kind, Reason: s.Reason, Source: NewJSONRange(s.Source)}
		if s.Until != "" {
			is.Suppression.Until = &s.Until
		}
	}
	return is
}

func writeLintJSON(w io.Writer, r *LintReport) error {
	return writeJSON(w, NewJSONLint(r))
}
