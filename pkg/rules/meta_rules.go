package rules

import "strings"

// The meta rules report on suppressions themselves. They are implemented in
// Go (suppress.go), not in Rego, because they look at comments and the
// configuration, which are not part of the input document.
var (
	RuleSuppressionMalformed = &Rule{
		ID:    "TMC901",
		Name:  "suppression-malformed",
		Title: "Suppression comments parse and give a reason",
		Description: "A comment that starts like a suppression (`# teramotc:ignore`) must have the form " +
			"`# teramotc:ignore ID[,ID] [until=YYYY-MM-DD] -- reason`, name rules that exist and can be " +
			"suppressed, and give a reason after `--`. A malformed suppression suppresses nothing, and " +
			"is reported instead of being silently dropped.",
		Remediation: "Write `# teramotc:ignore TMC101 until=2027-01-31 -- why this is acceptable`. Hard rules " +
			"(AWS rejects the spec) cannot be suppressed: fix the spec instead.",
		Severity:         SeverityError,
		SecuritySeverity: "5.0",
		RelatedResources: []string{},
		Peers:            []string{},
	}
	RuleSuppressionExpired = &Rule{
		ID:    "TMC902",
		Name:  "suppression-expired",
		Title: "Suppressions are not past their until date",
		Description: "A suppression whose `until` date has passed no longer applies: the findings it " +
			"covered are reported again, and the expired suppression is reported so that it is removed " +
			"or renewed with a new reason.",
		Remediation:      "Fix the finding and delete the suppression, or renew it with a later `until` and a current reason.",
		Severity:         SeverityWarning,
		SecuritySeverity: "3.0",
		RelatedResources: []string{},
		Peers:            []string{},
	}
	RuleSuppressionUnused = &Rule{
		ID:    "TMC903",
		Name:  "suppression-unused",
		Title: "Suppressions match a finding",
		Description: "A suppression that matches no finding is dead weight and would silently hide a " +
			"future problem at the same place.",
		Remediation: "Delete the suppression; or, when it was meant for a finding that still counts " +
			"(a misspelt rule id, address or path: the message suggests the nearest), correct it.",
		Severity:         SeverityNotice,
		SecuritySeverity: "1.0",
		RelatedResources: []string{},
		Peers:            []string{},
	}
)

// MetaRules returns TMC901, TMC902 and TMC903.
func MetaRules() []*Rule {
	return []*Rule{RuleSuppressionMalformed, RuleSuppressionExpired, RuleSuppressionUnused}
}

func init() {
	for _, r := range MetaRules() {
		r.Link = DocsURL + strings.ToLower(r.ID)
	}
}
