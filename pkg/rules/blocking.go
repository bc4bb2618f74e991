package rules

import "cmp"

// Severity is the effective severity of the finding: its rule's, after
// configuration overrides and the finding's own lower severity. A finding
// without a rule or with a severity that is not error, warning or notice
// counts as an error: the rule never said it was less severe, so it fails
// closed. (Rules the loader accepts always carry one of the three, and
// configuration and deny elements cannot set another, so only findings
// built by hand lack one.)
func (f *Finding) Severity() Severity {
	if f.Rule == nil || !f.Rule.Severity.Valid() {
		return SeverityError
	}
	return f.Rule.Severity
}

// Blocking returns, in order, the findings that fail a lint run at level
// (error when level is empty; any finding when it is not a severity) and
// make plan and apply refuse the spec: every unsuppressed finding that is
// hard or whose Severity ranks at or above level. Nil findings are
// skipped; the result is never nil.
func Blocking(findings []*Finding, level Severity) []*Finding {
	floor := cmp.Or(level, SeverityError).Rank()
	out := []*Finding{}
	for _, f := range findings {
		if f != nil && f.Suppression == nil && (f.Hard() || f.Severity().Rank() >= floor) {
			out = append(out, f)
		}
	}
	return out
}
