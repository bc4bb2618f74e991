package apply

import "strings"

// regroupRisk classifies a policy change that looks wider statement by
// statement (loosen is not empty) but may only group the statements
// differently: a legacy policy of one statement per action against the
// rendered one that lists them together. narrowPolicy intersects the two
// documents; when that covers every Allow of want and want keeps every
// Deny of before, want grants nothing before did not, and the change is
// neutral (grants the same) or tighten (grants less). ok is false when
// want may grant more: the statement-level classification stands.
func regroupRisk(before, want any, tighten, loosen []string) (risk, reason string, ok bool) {
	if len(loosen) == 0 || before == nil || want == nil {
		return "", "", false
	}
	narrowed := narrowPolicy(before, want, "")
	if narrowed == nil || grantsLess(narrowed, want) {
		return "", "", false
	}
	all := strings.Join(append(append([]string{}, tighten...), loosen...), ", ")
	if grantsLess(narrowed, before) {
		return RiskTighten, "regroups statements and grants nothing new: " + all, true
	}
	return RiskNeutral, "regroups statements and grants the same: " + all, true
}
