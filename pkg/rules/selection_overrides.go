package rules

import (
	"cmp"
	"slices"
	"strconv"
)

// Sources of a RuleOverride other than a configuration file.
const (
	SourceOnly        = "--only"
	SourceDisableRule = "--disable-rule"
)

// RuleOverride is a rule the configuration file or the command line
// disabled or re-graded, compared with the built-in defaults. Every lint
// output lists them, so that a pull request cannot quietly turn a rule off.
type RuleOverride struct {
	ID string
	// Default is the rule's built-in severity; Severity the effective one
	// ("" when the rule is disabled).
	Default, Severity Severity
	Enabled           bool
	// Source is the configuration file's name as lint found or was given
	// it, or the flag that made the change (SourceOnly, SourceDisableRule).
	Source string
	// Reason is the reason of the configuration's rule block ("" without).
	Reason string
	// Security is true for a rule whose security_severity is high (7.0 or
	// more, GitHub's "high" and "critical").
	Security bool
}

// overrides lists the rules sel disables or re-grades, by id.
func (s *Set) overrides(cfg *Config, opts LintOptions, sel *selection) []RuleOverride {
	out := []RuleOverride{}
	for _, r := range s.Rules() {
		if r.Hard {
			continue
		}
		var rc *RuleConfig
		if cfg != nil {
			rc = cfg.Rules[r.ID]
		}
		o := RuleOverride{ID: r.ID, Default: r.Severity, Security: highSecurity(r)}
		if eff := sel.rules[r.ID]; eff != nil {
			if eff.Severity == r.Severity {
				continue
			}
			o.Enabled, o.Severity = true, eff.Severity
		}
		switch {
		case o.Enabled: // re-graded: only the configuration file does that
			o.Source, o.Reason = cfg.Filename, rc.Reason
		case hasID(opts.Disable, r.ID):
			o.Source = SourceDisableRule
		case len(opts.Only) > 0 && !hasID(opts.Only, r.ID) && !hasID(opts.Enable, r.ID) && !slices.Contains(MetaRules(), r):
			o.Source = SourceOnly
		case rc != nil:
			o.Source, o.Reason = cfg.Filename, rc.Reason
		}
		out = append(out, o)
	}
	return out
}

// highSecurity reports whether r's security_severity is 7.0 or more.
func highSecurity(r *Rule) bool {
	v, err := strconv.ParseFloat(r.SecuritySeverity, 64)
	return err == nil && v >= 7
}

// RuleOverrides returns the rules the configuration of this spec (its
// .teramotc.hcl or -config, and the command line) disabled or re-graded,
// sorted by id; never nil.
func (res *SpecResult) RuleOverrides() []RuleOverride {
	if res == nil || res.sel == nil {
		return []RuleOverride{}
	}
	return res.sel.overrides
}

// MergeOverrides returns the overrides of every result, each once, sorted
// by source and id: the specs of a directory share one configuration.
func MergeOverrides(results []*SpecResult) []RuleOverride {
	out := []RuleOverride{}
	for _, res := range results {
		for _, o := range res.RuleOverrides() {
			if !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	slices.SortFunc(out, func(a, b RuleOverride) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.ID, b.ID),
			cmp.Compare(a.Severity, b.Severity))
	})
	return out
}
