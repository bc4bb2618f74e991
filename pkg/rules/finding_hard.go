package rules

// Hard reports whether AWS would reject the spec for this finding: its rule
// is hard, or validate reported it (also for rules that are only partly
// hard, such as TMC602 and TMC604). Hard findings are never suppressed, and
// they make lint fail as an invalid spec whatever its fail level.
func (f *Finding) Hard() bool {
	return f.validated || f.Rule != nil && f.Rule.Hard
}
