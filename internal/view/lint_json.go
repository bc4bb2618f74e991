package view

import (
	"io"

	"github.com/teramot/teramotc/pkg/rules"
)

// LintFormatVersion is the version of the lint JSON document. Adding fields
// keeps it; renaming or removing one, or changing its meaning, bumps it.
// 1.1: summary counts the errors array too, not only the issues; later
// rule_overrides was added, then the path of each error.
const LintFormatVersion = "1.1"

// JSONLint is the `lint -f json` document. Arrays are never null. Summary
// counts what the document holds: issues and errors by severity, the
// suppressed issues (listed only with -show-suppressed), and the hard ones.
type JSONLint struct {
	FormatVersion string `json:"format_version"`
	// Valid is false when an error stopped the lint or a hard rule found
	// the spec invalid: lint then exits 1.
	Valid   bool             `json:"valid"`
	Summary lintCounts       `json:"summary"`
	Issues  []*JSONIssue     `json:"issues"`
	Errors  []*JSONLintError `json:"errors"`
	// RuleOverrides are the rules the configuration file or the command
	// line disabled or re-graded, by source and id.
	RuleOverrides []*JSONRuleOverride `json:"rule_overrides"`
	// UnhonouredInlineIgnores counts the "# teramotc:ignore" comments of
	// the specs whose inline ignores are off (-no-inline-ignores, or
	// inline_ignores = false): they suppress nothing. The text formats'
	// Configuration: line says "N suppression comments not honoured".
	UnhonouredInlineIgnores int `json:"unhonoured_inline_ignores"`
}

// JSONIssue is one finding.
type JSONIssue struct {
	Rule        JSONIssueRule    `json:"rule"`
	Message     string           `json:"message"`
	Address     string           `json:"address"`
	Range       *JSONRange       `json:"range"`
	Suppression *JSONSuppression `json:"suppression"`
	// Hard is true when a hard rule found this issue (AWS rejects it, or teramotc refuses it): it
	// cannot be suppressed and makes lint exit 1.
	Hard bool `json:"hard"`
}

// JSONLintError is one error (or warning) that is not a finding: the
// diagnostic of validate -f json and what it is about.
type JSONLintError struct {
	*JSONDiagnostic
	Cause LintCause `json:"cause"` // spec, config, policy, usage, evaluation or timeout
	// Path is the spec, configuration file or policy directory the error
	// concerns, as given (relative to the working directory), also when it
	// has no range; "" when it concerns none (a usage error).
	Path string `json:"path"`
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
		Valid:         r.Valid(),
		Summary:       r.counts(),
		Issues:        make([]*JSONIssue, 0, len(visible)),
		Errors:        make([]*JSONLintError, 0, len(r.Errors)),
		RuleOverrides: newJSONOverrides(r.Overrides),

		UnhonouredInlineIgnores: r.Unhonoured,
	}
	for _, f := range visible {
		doc.Issues = append(doc.Issues, newJSONIssue(f))
	}
	for _, d := range r.Errors {
		o := r.origin(d)
		doc.Errors = append(doc.Errors, &JSONLintError{NewJSONDiagnostic(d, r.Files), o.Cause, o.Path})
	}
	return doc
}

func newJSONIssue(f *rules.Finding) *JSONIssue {
	is := &JSONIssue{
		Rule:    JSONIssueRule{ID: ruleID(f), Name: ruleName(f), Severity: string(findingSeverity(f))},
		Message: f.Message,
		Address: f.Address,
		Range:   NewJSONRange(f.Range),
		Hard:    f.Hard(),
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
