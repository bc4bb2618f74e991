package rules

import (
	"context"
	"path/filepath"
	"testing"
)

// Every Rego unit test of the built-in policies passes.
func TestBuiltinPolicyTests(t *testing.T) {
	results, err := TestPolicies(context.Background(), nil, true, "", false)
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
	results, err := TestPolicies(context.Background(), []string{filepath.Join("testdata", "policies", "custom")}, false, "", false)
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
