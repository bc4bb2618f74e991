package view

import (
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/apply"
)

// A plan without changes but with warnings (access the spec does not
// declare, which apply keeps) prints them and does not claim that the
// live state matches the spec; without warnings it does.
func TestWriteNoChanges(t *testing.T) {
	const warn = "user u holds access the spec does not declare: inline policy sneaky"
	cases := []struct {
		name     string
		warnings []string
		want     []string
		notWant  string
	}{
		{"converged", []string{}, []string{"No changes. The live state matches the spec."}, "Warning:"},
		{"hidden access", []string{warn}, []string{"Warning: " + warn + ".", "No changes to write, but see the warnings above"}, "matches the spec"},
	}
	for _, tc := range cases {
		for format, write := range map[string]func(*strings.Builder, *apply.Plan){
			"text":     func(b *strings.Builder, p *apply.Plan) { WritePlanText(b, p, false) },
			"markdown": func(b *strings.Builder, p *apply.Plan) { WritePlanMarkdown(b, p) },
		} {
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				var b strings.Builder
				write(&b, &apply.Plan{Account: "111122223333", Changes: []*apply.Change{}, Warnings: tc.warnings})
				got := b.String()
				for _, w := range tc.want {
					if !strings.Contains(got, w) {
						t.Errorf("output lacks %q:\n%s", w, got)
					}
				}
				if strings.Contains(got, tc.notWant) {
					t.Errorf("output has %q:\n%s", tc.notWant, got)
				}
			})
		}
	}
}
