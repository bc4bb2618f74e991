package rules

import (
	"context"
	"path/filepath"
	"testing"
)

// Every Rego unit test of the built-in policies passes.
func TestBuiltinPolicyTests(t *testing.T) {
	results, err := TestPolicies(context.Background(), TestOptions{Builtin: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("the built-in policies have no Rego tests")
	}
	for _, r := range results {
		if !r.Pass() {
			t.Errorf("%s.%s (%s): %v", r.Package, r.Name, r.Location, r.Fail || r.Error != nil)
			if r.Error != nil {
				t.Logf("  error: %v", r.Error)
			}
		}
	}
}

func TestCustomPolicyTests(t *testing.T) {
	results, err := TestPolicies(context.Background(), TestOptions{Dirs: []string{filepath.Join("testdata", "policies", "custom")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 2 {
		t.Fatalf("ran %d tests, want the 2 of the custom policy", len(results))
	}
	for _, r := range results {
		if !r.Pass() {
			t.Errorf("%s.%s failed", r.Package, r.Name)
		}
	}
}

// Results come by file and line, whatever order the parallel tests end in.
func TestPolicyResultsOrdered(t *testing.T) {
	results, err := TestPolicies(context.Background(), TestOptions{Builtin: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(results); i++ {
		a, b := results[i-1].Location, results[i].Location
		if a.File > b.File || a.File == b.File && a.Row > b.Row {
			t.Fatalf("%s:%d comes before %s:%d", a.File, a.Row, b.File, b.Row)
		}
	}
}
