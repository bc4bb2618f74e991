package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// conflictPolicy fails at evaluation time: the complete rule x has two
// values for any spec with a bucket (eval_conflict_error).
const conflictPolicy = `# METADATA
# title: Conflict
# custom:
#   id: ACME009
#   severity: error
package teramotc.rules.conflict

n := count(input.buckets)

x := 1 if n > 0

x := 2 if n > 0

deny contains "c" if x == 1
`

// TestEvalFailureMarker: the diagnostic of a lint whose rules could not be
// evaluated carries the EvalFailure marker (TimedOut when the deadline
// passed), which callers classify by; other diagnostics do not.
func TestEvalFailureMarker(t *testing.T) {
	pol := writePolicies(t, map[string]string{"conflict.rego": conflictPolicy})
	set, err := Load(context.Background(), Options{PolicyDirs: []string{pol}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeTestFile(t, dir, "main.hcl", configSpec)
	expired, cancel := context.WithTimeout(context.Background(), 0)
	defer cancel()
	tests := []struct {
		name string
		ctx  context.Context
		want EvalFailure
	}{
		{"runtime error", context.Background(), EvalFailure{}},
		{"deadline passed", expired, EvalFailure{TimedOut: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := set.Lint(tc.ctx, []string{dir}, LintOptions{})[0]
			var marked []*hcl.Diagnostic
			for _, d := range res.Diagnostics {
				if _, ok := EvalFailureOf(d); ok {
					marked = append(marked, d)
				}
			}
			if len(marked) != 1 {
				t.Fatalf("%d diagnostics carry the marker, want 1:\n%s", len(marked), diagText(res))
			}
			if got, _ := EvalFailureOf(marked[0]); got != tc.want {
				t.Errorf("marker %+v, want %+v", got, tc.want)
			}
		})
	}
	for _, d := range []*hcl.Diagnostic{
		nil,
		{Summary: "Policy evaluation failed"},
		{Summary: "Policy evaluation failed", Extra: spec.DiagExtra{RuleID: "TMC701"}},
	} {
		if _, ok := EvalFailureOf(d); ok {
			t.Errorf("EvalFailureOf(%+v) found a marker", d)
		}
	}
}
