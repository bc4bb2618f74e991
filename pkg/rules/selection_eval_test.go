package rules

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/internal/benchgen"
)

// A selection of few rules evaluates only those (a query of their own,
// prepared once on the compiled set), and finds exactly what evaluating
// every rule and dropping the others finds: findings, suppressions and
// the meta findings of unused suppressions alike, with one spec (two parts
// at once) and with many.
func TestSelectionEvaluatesOnlySelected(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := benchgen.Write(t.TempDir(), 16)
	if err != nil {
		t.Fatal(err)
	}
	examples, _ := filepath.Glob("../../examples/*")
	paths = append(paths, examples...)
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		opts   LintOptions
		subset bool // evaluated with a query of the selected rules
	}{
		{"only one", LintOptions{Only: []string{"TMC304"}}, true},
		{"only three, lower case", LintOptions{Only: []string{"tmc101", "TMC205", "TMC402"}}, true},
		{"only a suppressed rule", LintOptions{Only: []string{"TMC501", "TMC201"}}, true},
		{"only, then enabled", LintOptions{Only: []string{"TMC104"}, Enable: []string{"TMC605"}}, true},
		{"one disabled", LintOptions{Disable: []string{"TMC304"}}, false},
	} {
		for _, specs := range [][]string{paths[:1], paths} {
			t.Run(fmt.Sprintf("%s/%d specs", tc.name, len(specs)), func(t *testing.T) {
				tc.opts.Now = now
				noSubsets = true
				want := set.Lint(context.Background(), specs, tc.opts)
				noSubsets = false
				before := countSubsets(set)
				got := set.Lint(context.Background(), specs, tc.opts)
				if diff := cmp.Diff(selectedLines(want), selectedLines(got)); diff != "" {
					t.Errorf("findings differ from evaluating every rule (-all +selected):\n%s", diff)
				}
				if n := len(selectedLines(got)); n == 0 && len(specs) > 1 {
					t.Errorf("no findings: the comparison proves nothing")
				}
				if used := countSubsets(set) > before || subsetFor(set, tc.opts); used != tc.subset {
					t.Errorf("evaluated with a query of the selected rules: %t, want %t", used, tc.subset)
				}
			})
		}
	}
}

func selectedLines(rs []*SpecResult) []string {
	var out []string
	for _, r := range rs {
		if r.Diagnostics.HasErrors() {
			out = append(out, r.Path+": "+r.Diagnostics.Error())
		}
		for _, f := range r.Findings {
			line := fmt.Sprintf("%s %s %s %s %q", r.Path, f.Range, f.Rule.ID, f.Rule.Severity, f.Message)
			if f.Suppression != nil {
				line += " suppressed:" + f.Suppression.Kind
			}
			out = append(out, line)
		}
	}
	return out
}

func countSubsets(s *Set) (n int) {
	s.subsets.Range(func(any, any) bool { n++; return true })
	return n
}

// subsetFor reports whether a subset query exists for opts' selection.
func subsetFor(s *Set, opts LintOptions) bool {
	sel := s.selection(nil, opts)
	var ids []string
	for _, r := range s.rules {
		if sel.rules[r.ID] != nil {
			ids = append(ids, r.ID)
		}
	}
	_, ok := s.subsets.Load(strings.Join(ids, ","))
	return ok
}
