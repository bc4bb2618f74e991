package rules

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzHardRulesAgree mutates the rule fixtures and the examples' main.hcl
// and checks that validate and the Rego policies still agree on every hard
// rule (see TestHardRulesAgree).
func FuzzHardRulesAgree(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(fixtureDir, "*", "*.hcl"))
	examples, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "main.hcl"))
	for _, file := range append(seeds, examples...) {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	hard := map[string]bool{}
	for _, r := range set.Rules() {
		hard[r.ID] = r.Hard && !r.Custom
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 8<<10 {
			return
		}
		file := filepath.Join(t.TempDir(), "main.hcl")
		if err := os.WriteFile(file, src, 0o600); err != nil {
			t.Fatal(err)
		}
		goSide, regoSide, ok := bothSides(t, set, file, hard)
		if !ok {
			return
		}
		if diff := cmp.Diff(goSide.hard, regoSide.hard); diff != "" {
			t.Errorf("hard findings differ (-validate +rego):\n%s\nspec:\n%s", diff, src)
		}
		for _, k := range goSide.partly {
			if !slices.Contains(regoSide.partly, k) {
				t.Errorf("validate reports %s that the Rego rule does not\nspec:\n%s", k, src)
			}
		}
	})
}
