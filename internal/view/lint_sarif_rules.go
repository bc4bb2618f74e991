package view

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/teramot/teramotc/pkg/rules"
)

// lintRuleOf returns the metadata of the rule of f: its entry in r.Rules,
// the rule's defaults, rather than the finding's copy, whose severity a
// spec's configuration may have changed; so rule metadata (default level,
// security-severity) does not depend on which spec came first.
func lintRuleOf(r *LintReport, f *rules.Finding) *rules.Rule {
	for _, rule := range r.Rules {
		if rule != nil && rule.ID == ruleID(f) {
			return rule
		}
	}
	if f.Rule != nil {
		return f.Rule
	}
	return &rules.Rule{Severity: rules.SeverityError}
}

func sarifRule(rule *rules.Rule) *sarif.ReportingDescriptor {
	d := sarif.NewRule(rule.ID)
	d.ShortDescription = sarif.NewMultiformatMessageString(cmp.Or(rule.Title, rule.Name, rule.ID))
	if rule.Name != "" {
		d.WithName(rule.Name)
	}
	d.WithFullDescription(sarif.NewMultiformatMessageString(cmp.Or(rule.Description, rule.Title, rule.Name, rule.ID)))
	if rule.Link != "" {
		d.WithHelpURI(rule.Link)
	}
	text, markdown := sarifHelp(rule)
	d.WithHelp(&sarif.MultiformatMessageString{Text: &text, Markdown: &markdown})
	d.WithDefaultConfiguration(&sarif.ReportingConfiguration{Level: sarifLevel(rule.Severity)})
	tags := []string{"security", "teramotc", string(rule.Severity)}
	if rule.Hard {
		tags = append(tags, "aws-rejects")
	}
	if rule.Custom {
		tags = append(tags, "custom")
	}
	d.Properties = sarif.Properties{
		"tags":              tags,
		"precision":         "very-high",
		"security-severity": sarifSecuritySeverity(rule),
	}
	return d
}

// sarifHelp is the help of a rule as plain text and Markdown: description,
// remediation, related resources.
func sarifHelp(rule *rules.Rule) (text, markdown string) {
	var t, m []string
	if rule.Description != "" {
		t, m = append(t, rule.Description), append(m, rule.Description)
	}
	if rule.Remediation != "" {
		t = append(t, "Remediation: "+rule.Remediation)
		m = append(m, "**Remediation:** "+rule.Remediation)
	}
	if len(rule.RelatedResources) > 0 {
		t = append(t, "Related: "+strings.Join(rule.RelatedResources, ", "))
		var list []string
		for _, res := range rule.RelatedResources {
			list = append(list, "- "+res)
		}
		m = append(m, "**Related:**\n\n"+strings.Join(list, "\n"))
	}
	if rule.Link != "" {
		t = append(t, "Reference: "+rule.Link)
		m = append(m, fmt.Sprintf("[%s documentation](%s)", rule.ID, rule.Link))
	}
	if len(t) == 0 {
		t, m = []string{cmp.Or(rule.Title, rule.ID)}, []string{cmp.Or(rule.Title, rule.ID)}
	}
	return strings.Join(t, "\n\n"), strings.Join(m, "\n\n")
}

// sarifSecuritySeverity is the rule's numeric security-severity, or one
// derived from its severity (GitHub: >= 7 high, >= 4 medium, else low).
func sarifSecuritySeverity(rule *rules.Rule) string {
	if v, err := strconv.ParseFloat(rule.SecuritySeverity, 64); err == nil && v >= 0 && v <= 10 {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	switch rule.Severity {
	case rules.SeverityWarning:
		return "5.0"
	case rules.SeverityNotice:
		return "2.0"
	}
	return "8.0"
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.SeverityWarning:
		return "warning"
	case rules.SeverityNotice:
		return "note"
	}
	return "error"
}
