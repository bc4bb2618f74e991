package view

import (
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/rules"
)

// TestLintTextSuppressHint checks the "To suppress" note: a comment when
// the spec honours them, an ignore block of the configuration when inline
// ignores are off (a comment would change nothing).
func TestLintTextSuppressHint(t *testing.T) {
	const comment = "To suppress: # teramotc:ignore TMC101 -- <reason>"
	block := "To suppress (inline ignores are off): add to the configuration file (.teramotc.hcl)\n" +
		"  ignore \"TMC101\" {\n" +
		"    addresses = [\"bucket.data\"]\n" +
		"    reason    = \"<reason>\"\n" +
		"  }\n"
	for _, tc := range []struct {
		name      string
		off       bool
		want, not string
	}{
		{name: "inline ignores on", want: comment, not: "inline ignores are off"},
		{name: "inline ignores off", off: true, want: block, not: "# teramotc:ignore"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := lintTestReport(t)
			if tc.off {
				r.InlineIgnoresOff = map[string]bool{}
				for _, f := range r.Findings {
					r.InlineIgnoresOff[f.Range.Filename] = true
				}
			}
			out := string(writeLintString(t, "text", r))
			if !strings.Contains(out, tc.want) {
				t.Errorf("text output lacks %q:\n%s", tc.want, out)
			}
			if strings.Contains(out, tc.not) {
				t.Errorf("text output has %q:\n%s", tc.not, out)
			}
		})
	}
}

// TestOverridesLineUnhonoured: suppression comments of specs whose inline
// ignores are off are counted on the Configuration line.
func TestOverridesLineUnhonoured(t *testing.T) {
	for _, tt := range []struct {
		name string
		r    *LintReport
		want string
	}{
		{"none", &LintReport{}, ""},
		{"one comment", &LintReport{Unhonoured: 1},
			"Configuration: 1 suppression comment not honoured (inline ignores off)"},
		{"with overrides", &LintReport{Unhonoured: 2, Overrides: []rules.RuleOverride{
			{ID: "TMC103", Default: "warning", Source: ".teramotc.hcl"}}},
			"Configuration: TMC103 disabled (.teramotc.hcl); 2 suppression comments not honoured (inline ignores off)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.overridesLine(); got != tt.want {
				t.Errorf("overridesLine() = %q, want %q", got, tt.want)
			}
		})
	}
}
