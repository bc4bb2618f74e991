package rules

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/cover"
)

// TestCoverage checks that policy test -coverage reports the custom
// policy files only (not their tests, not the built-ins), with the lines
// no test reaches.
func TestCoverage(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"r.rego": ruleSource("r", "#   id: ORG001\n#   severity: error\n", true) +
			"\ndeny contains \"y\" if {\n\tinput.y\n}\n",
		"r_test.rego": "package teramotc.rules.r_test\n\nimport data.teramotc.rules.r\n\ntest_x if r.deny == {\"x\"} with input as {\"x\": true}\n",
	})
	cov := NewCoverage()
	results, err := TestPolicies(context.Background(), TestOptions{Dirs: []string{dir}, Coverage: cov})
	if err != nil || len(results) != 1 || !results[0].Pass() {
		t.Fatalf("run: %v, %v", results, err)
	}
	rep := cov.Report()
	var files []string
	for f := range rep.Files {
		files = append(files, f)
	}
	if diff := cmp.Diff([]string{dir + "/r.rego"}, files); diff != "" {
		t.Fatalf("files (-want +got):\n%s", diff)
	}
	fr := rep.Files[dir+"/r.rego"]
	if diff := cmp.Diff([][2]int{{12, 13}}, NotCoveredSpans(fr)); diff != "" {
		t.Errorf("not covered (-want +got):\n%s", diff)
	}
	if rep.Coverage <= 0 || rep.Coverage >= 100 || rep.Coverage != fr.Coverage {
		t.Errorf("coverage %v, file %v", rep.Coverage, fr.Coverage)
	}
}

func TestNotCoveredSpans(t *testing.T) {
	rng := func(a, b int) cover.Range {
		return cover.Range{Start: cover.Position{Row: a}, End: cover.Position{Row: b}}
	}
	tests := []struct {
		name string
		fr   cover.FileReport
		want [][2]int
	}{
		{"none", cover.FileReport{}, nil},
		{"joined", cover.FileReport{NotCovered: []cover.Range{rng(5, 5), rng(3, 4), rng(9, 9)}}, [][2]int{{3, 5}, {9, 9}}},
		{"covered rows left out", cover.FileReport{Covered: []cover.Range{rng(4, 4)}, NotCovered: []cover.Range{rng(3, 5)}}, [][2]int{{3, 3}, {5, 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, NotCoveredSpans(&tt.fr)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
