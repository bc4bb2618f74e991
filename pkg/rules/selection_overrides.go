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
	// Ignored marks a blanket ignore: an ignore block of the configuration
	// (Source) that covers every file of the spec (no addresses or paths,
	// or a paths glob such as "*" that matches each file), so that every
	// finding of the enabled rule is suppressed, as if it were disabled.
	// Reason is the block's; Severity the rule's effective one.
	Ignored bool
}

// override returns the RuleOverride of r when c disables or re-grades it
// (never for a hard rule).
func (c choice) override(r *Rule) (RuleOverride, bool) {
	if r.Hard || c.enabled && c.severity == r.Severity {
		return RuleOverride{}, false
	}
	o := RuleOverride{ID: r.ID, Default: r.Severity, Enabled: c.enabled,
		Source: c.source, Reason: c.reason, Security: highSecurity(r)}
	if c.enabled {
		o.Severity = c.severity
	}
	return o, true
}

// highSecurity reports whether r's security_severity is 7.0 or more.
func highSecurity(r *Rule) bool {
	v, err := strconv.ParseFloat(r.SecuritySeverity, 64)
	return err == nil && v >= 7
}

// RuleOverrides returns the rules the configuration of this spec (its
// .teramotc.hcl or -config, and the command line) disabled, re-graded or
// ignored in every file (Ignored), sorted by id; never nil.
func (res *SpecResult) RuleOverrides() []RuleOverride {
	if res == nil || res.sel == nil {
		return []RuleOverride{}
	}
	if len(res.blanket) == 0 {
		return res.sel.overrides
	}
	out := append(slices.Clone(res.sel.overrides), res.blanket...)
	slices.SortStableFunc(out, func(a, b RuleOverride) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// blanketIgnores are the RuleOverrides of the live ignore blocks of cfg
// that cover every file of the spec (directive.blanket), for each enabled
// rule they name.
func (s *Set) blanketIgnores(cfg *Config, sel *selection, files []string, today string) []RuleOverride {
	if cfg == nil {
		return nil
	}
	var out []RuleOverride
	for _, d := range cfg.ignores {
		if d.expired(today) || !d.blanket(files) {
			continue
		}
		for _, id := range d.ids {
			r, base := sel.rules[id], s.byID[id]
			if r == nil || base == nil {
				continue // disabled: its own override says so
			}
			o := RuleOverride{ID: id, Default: base.Severity, Severity: r.Severity, Enabled: true,
				Source: cfg.Filename, Reason: d.reason, Security: highSecurity(base), Ignored: true}
			if !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out
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
			cmp.Compare(a.Severity, b.Severity), boolCompare(a.Ignored, b.Ignored))
	})
	return out
}

// boolCompare orders false before true.
func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
