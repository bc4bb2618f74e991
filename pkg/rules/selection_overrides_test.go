package rules

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The overrides name each rule the configuration file or the command line
// disabled or re-graded, with the source that made the change (a flag wins
// over the file) and the rule block's reason; rules at their defaults, hard
// rules and rules re-enabled by a flag are not listed.
func TestSelectionOverrides(t *testing.T) {
	set := configTestSet(t)
	const cfgSrc = `
rule "TMC102" {
  enabled = false
  reason  = "  a public website  "
}
rule "TMC103" {
  severity = "notice"
}
rule "TMC401" {
  severity = "error"
}
rule "TMC104" {
  severity = "error" # its default: no change
}
rule "TMC903" {
  enabled = false
}
`
	file := writeTestFile(t, t.TempDir(), ConfigFileName, cfgSrc)
	cfg, diags := LoadConfig(file, set)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	def := func(id string) Severity { return set.Rule(id).Severity }
	sec := func(id string) bool { return highSecurity(set.Rule(id)) }
	off := func(id, src, reason string) RuleOverride {
		return RuleOverride{ID: id, Default: def(id), Source: src, Reason: reason, Security: sec(id)}
	}
	regraded := func(id string, sev Severity) RuleOverride {
		return RuleOverride{ID: id, Default: def(id), Enabled: true, Severity: sev, Source: file, Security: sec(id)}
	}
	fromFile := []RuleOverride{off("TMC102", file, "a public website"), regraded("TMC103", "notice"),
		regraded("TMC401", "error"), off("TMC903", file, "")}
	tests := []struct {
		name string
		cfg  *Config
		opts LintOptions
		want []RuleOverride
	}{
		{name: "defaults", want: []RuleOverride{}},
		{name: "file", cfg: cfg, want: fromFile},
		{name: "disable-rule", opts: LintOptions{Disable: []string{"tmc104"}},
			want: []RuleOverride{off("TMC104", SourceDisableRule, "")}},
		{name: "disable-rule wins over the file", cfg: cfg, opts: LintOptions{Disable: []string{"TMC102", "TMC103"}},
			want: []RuleOverride{off("TMC102", SourceDisableRule, ""), off("TMC103", SourceDisableRule, ""),
				regraded("TMC401", "error"), off("TMC903", file, "")}},
		{name: "enable-rule restores a rule", cfg: cfg, opts: LintOptions{Enable: []string{"TMC102"}},
			want: []RuleOverride{regraded("TMC103", "notice"), regraded("TMC401", "error"), off("TMC903", file, "")}},
		{name: "hard rules are never listed", opts: LintOptions{Disable: []string{"TMC701"}}, want: []RuleOverride{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := set.selection(tc.cfg, tc.opts).overrides
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("overrides (-want +got):\n%s", diff)
			}
		})
	}

	// --only: every other rule but the hard and the meta ones is disabled
	// by the flag; the file's own changes to the meta rules remain.
	got := set.selection(cfg, LintOptions{Only: []string{"TMC401"}}).overrides
	bySource := map[string][]string{}
	for _, o := range got {
		bySource[o.Source] = append(bySource[o.Source], o.ID)
	}
	if ids := bySource[file]; !cmp.Equal(ids, []string{"TMC401", "TMC903"}) {
		t.Errorf("--only: file overrides %v, want [TMC401 TMC903]", ids)
	}
	want := 0
	for _, r := range set.Rules() {
		if !r.Hard && r.ID != "TMC401" && !isMetaRuleForTest(r) {
			want++
		}
	}
	if n := len(bySource[SourceOnly]); n != want || want == 0 || len(got) != want+2 {
		t.Errorf("--only: %d rules disabled by --only (of %d overrides), want %d", n, len(got), want)
	}
}

func isMetaRuleForTest(r *Rule) bool {
	for _, m := range MetaRules() {
		if m.ID == r.ID {
			return true
		}
	}
	return false
}

// Lint hands each spec's overrides to the report; MergeOverrides lists
// those of a shared configuration once, sorted by source and id.
func TestLintRuleOverrides(t *testing.T) {
	set := configTestSet(t)
	dir := t.TempDir()
	spec := "bucket \"data\" {\n  name   = \"acme-overrides-data\"\n  region = \"us-east-1\"\n}\n"
	a := filepath.Dir(writeTestFile(t, dir, "a/main.hcl", spec))
	b := filepath.Dir(writeTestFile(t, dir, "b/main.hcl", spec))
	cfgFile := writeTestFile(t, dir, "a/"+ConfigFileName, "rule \"TMC401\" {\n  enabled = false\n  reason = \"r\"\n}\n")
	writeTestFile(t, dir, "b/"+ConfigFileName, "rule \"TMC103\" {\n  severity = \"notice\"\n}\n")
	results := set.Lint(context.Background(), []string{a, b, a}, LintOptions{Disable: []string{"TMC104"}})
	for _, res := range results {
		for _, d := range res.Diagnostics {
			t.Errorf("%s: %s", res.Path, d.Error())
		}
	}
	got := MergeOverrides(results)
	want := []RuleOverride{
		{ID: "TMC104", Default: ovDefault(set, "TMC104"), Source: SourceDisableRule, Security: highSecurity(set.Rule("TMC104"))},
		{ID: "TMC401", Default: ovDefault(set, "TMC401"), Source: cfgFile, Reason: "r", Security: highSecurity(set.Rule("TMC401"))},
		{ID: "TMC103", Default: ovDefault(set, "TMC103"), Enabled: true, Severity: "notice",
			Source: filepath.Join(b, ConfigFileName), Security: highSecurity(set.Rule("TMC103"))},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MergeOverrides (-want +got):\n%s", diff)
	}
	if got := MergeOverrides(nil); got == nil || len(got) != 0 {
		t.Errorf("MergeOverrides(nil) = %#v, want an empty list", got)
	}
}

func ovDefault(set *Set, id string) Severity { return set.Rule(id).Severity }
