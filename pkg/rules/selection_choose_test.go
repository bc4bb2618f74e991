package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestChoose pins the precedence of the rule selection, highest first: a
// hard rule, --disable-rule, --enable-rule, --only (not over the meta
// rules), the configuration file. Disabled rules name what disabled them.
func TestChoose(t *testing.T) {
	plain := &Rule{ID: "TMC900", Severity: "warning"}
	hard := &Rule{ID: "TMC901", Severity: "error", Hard: true}
	meta := MetaRules()[0]
	off, on := false, true
	cfg := func(r *Rule, enabled *bool, sev Severity) *Config {
		return &Config{Filename: "c.hcl", Rules: map[string]*RuleConfig{r.ID: {ID: r.ID, Enabled: enabled, Severity: sev, Reason: "why"}}}
	}
	tests := []struct {
		name string
		r    *Rule
		cfg  *Config
		opts LintOptions
		want choice
	}{
		{"default", plain, nil, LintOptions{}, choice{enabled: true, severity: "warning"}},
		{"file disables", plain, cfg(plain, &off, ""), LintOptions{},
			choice{severity: "warning", source: "c.hcl", reason: "why"}},
		{"file re-grades", plain, cfg(plain, nil, "notice"), LintOptions{},
			choice{enabled: true, severity: "notice", source: "c.hcl", reason: "why"}},
		{"only over file", plain, cfg(plain, &off, ""), LintOptions{Only: []string{"tmc900"}},
			choice{enabled: true, severity: "warning", source: "c.hcl", reason: "why"}},
		{"only leaves out", plain, nil, LintOptions{Only: []string{"TMC101"}},
			choice{severity: "warning", source: SourceOnly}},
		{"only keeps meta rules", meta, nil, LintOptions{Only: []string{"TMC101"}},
			choice{enabled: true, severity: meta.Severity}},
		{"enable over only, file's severity kept", plain, cfg(plain, &off, "error"),
			LintOptions{Only: []string{"TMC101"}, Enable: []string{"TMC900"}},
			choice{enabled: true, severity: "error", source: "c.hcl", reason: "why"}},
		{"disable over enable", plain, cfg(plain, &on, ""),
			LintOptions{Enable: []string{"TMC900"}, Disable: []string{"TMC900"}},
			choice{severity: "warning", source: SourceDisableRule}},
		{"hard over all", hard, cfg(hard, &off, "notice"), LintOptions{Disable: []string{"TMC901"}},
			choice{enabled: true, severity: "error"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := choose(tc.r, tc.cfg, tc.opts)
			if d := cmp.Diff(tc.want, got, cmp.AllowUnexported(choice{})); d != "" {
				t.Errorf("choose (-want +got):\n%s", d)
			}
		})
	}
}
