package view

import (
	"fmt"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/teramot/teramotc/pkg/rules"
)

// JSONRuleOverride is a rule the configuration disabled or re-graded
// (rule_overrides of lint -f json).
type JSONRuleOverride struct {
	RuleID          string  `json:"rule_id"`
	DefaultSeverity string  `json:"default_severity"`
	Severity        *string `json:"severity"` // null when disabled
	Enabled         bool    `json:"enabled"`
	// Source is the configuration file, or the flag (--only,
	// --disable-rule) that made the change.
	Source string `json:"source"`
	Reason string `json:"reason"`
	// Ignored is set on a blanket ignore: an ignore block that covers
	// every file of the spec, so that the enabled rule reports nothing.
	Ignored bool `json:"ignored,omitempty"`
}

func newJSONOverrides(os []rules.RuleOverride) []*JSONRuleOverride {
	out := make([]*JSONRuleOverride, 0, len(os))
	for _, o := range os {
		j := &JSONRuleOverride{RuleID: o.ID, DefaultSeverity: string(o.Default), Enabled: o.Enabled,
			Source: o.Source, Reason: o.Reason, Ignored: o.Ignored}
		if o.Enabled {
			j.Severity = ptr(string(o.Severity))
		}
		out = append(out, j)
	}
	return out
}

// overridesLine is the line of the text formats that says which rules the
// configuration disabled or re-graded, grouped by source in the order of
// r.Overrides: `Configuration: TMC102 disabled ("public website"), TMC401
// warning -> error (.teramotc.hcl); 38 rules disabled (--only)`; "" when
// the configuration changed nothing. A rule of high security severity
// disabled or lowered without a reason says so: `(no reason given)`. A
// blanket ignore (an ignore block covering every file) reads `TMC304
// ignored in every file ("reason")`, marked `(blanket ignore)` for a rule
// of high security severity.
//
// Suppression comments of specs whose inline ignores are off add a group
// `2 suppression comments not honoured (inline ignores off)`.
func (r *LintReport) overridesLine() string {
	if len(r.Overrides) == 0 && r.Unhonoured == 0 {
		return ""
	}
	var groups []string
	for i := 0; i < len(r.Overrides); {
		src := r.Overrides[i].Source
		j := i
		for j < len(r.Overrides) && r.Overrides[j].Source == src {
			j++
		}
		group := r.Overrides[i:j]
		i = j
		if src == rules.SourceOnly {
			groups = append(groups, plural(len(group), "rule")+" disabled ("+src+")")
			continue
		}
		items := make([]string, len(group))
		for k, o := range group {
			items[k] = overrideItem(o)
		}
		groups = append(groups, strings.Join(items, ", ")+" ("+lintOneLine(src)+")")
	}
	if r.Unhonoured > 0 {
		groups = append(groups, plural(r.Unhonoured, "suppression comment")+" not honoured (inline ignores off)")
	}
	return "Configuration: " + strings.Join(groups, "; ")
}

func overrideItem(o rules.RuleOverride) string {
	if o.Ignored {
		s := fmt.Sprintf("%s ignored in every file (%q)", o.ID, lintOneLine(o.Reason))
		if o.Security {
			s += " (blanket ignore)"
		}
		return s
	}
	s := o.ID + " disabled"
	if o.Enabled {
		s = fmt.Sprintf("%s %s -> %s", o.ID, o.Default, o.Severity)
	}
	switch {
	case o.Reason != "":
		s += fmt.Sprintf(" (%q)", lintOneLine(o.Reason))
	case o.Security && o.Source != rules.SourceDisableRule && (!o.Enabled || o.Severity.Rank() < o.Default.Rank()):
		s += " (no reason given)"
	}
	return s
}

// sarifOverrides are r.Overrides as SARIF ruleConfigurationOverrides: the
// rule's id, enabled, level (when enabled) and, in properties, the
// default severity, source and reason.
func (r *LintReport) sarifOverrides() []*sarif.ConfigurationOverride {
	var out []*sarif.ConfigurationOverride
	for _, o := range r.Overrides {
		cfg := &sarif.ReportingConfiguration{Enabled: ptr(o.Enabled)}
		if o.Enabled {
			cfg.Level = sarifLevel(o.Severity)
		}
		cfg.Properties = sarif.Properties{"defaultSeverity": string(o.Default), "source": o.Source, "reason": o.Reason}
		if o.Ignored {
			cfg.Properties["ignored"] = true
		}
		out = append(out, &sarif.ConfigurationOverride{
			Descriptor:    sarif.NewReportingDescriptorReference().WithId(o.ID),
			Configuration: cfg,
		})
	}
	return out
}
