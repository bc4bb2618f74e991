package rules

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/teramot/teramotc/internal/benchgen"
	"github.com/teramot/teramotc/pkg/inspect"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestPolicyDiffLarge is TestPolicyDiff on large specs (benchgen.Large: 1
// to 150 units of a bucket and a cross-account grant in one spec), where
// the rules' lookups across buckets, grants and documents do the most
// work.
//
//	TERAMOTC_OLD_POLICIES=/tmp/old/pkg/rules/policies go test -run PolicyDiffLarge -v ./pkg/rules
func TestPolicyDiffLarge(t *testing.T) {
	old := os.Getenv("TERAMOTC_OLD_POLICIES")
	if old == "" {
		t.Skip("set TERAMOTC_OLD_POLICIES to a policies directory to compare with")
	}
	oldMods, err := DirModules(old, false)
	if err != nil {
		t.Fatal(err)
	}
	newMods, err := BuiltinModules(false)
	if err != nil {
		t.Fatal(err)
	}
	pkgs := rulePackages(newMods)
	if o := rulePackages(oldMods); !slices.Equal(o, pkgs) {
		t.Fatalf("rule packages differ:\nold %v\nnew %v", o, pkgs)
	}
	oldQ := prepareQuery(t, oldMods, denyQuery(pkgs, false))
	newQ := prepareQuery(t, newMods, denyQuery(pkgs, false))
	findings := 0
	for _, n := range []int{1, 2, 3, 5, 8, 13, 33, 34, 40, 75, 150} {
		path, err := benchgen.WriteLarge(t.TempDir(), n)
		if err != nil {
			t.Fatal(err)
		}
		l, diags := spec.Load(path, spec.Options{})
		if l == nil || l.Spec == nil || diags.HasErrors() {
			t.Fatalf("N=%d: %s", n, diags.Error())
		}
		r, _ := render.Render(l.Spec)
		in := inspect.Value(l, r)
		a, b := denySets(t, oldQ, len(pkgs), in), denySets(t, newQ, len(pkgs), in)
		for i, p := range pkgs {
			findings += len(a[i])
			if !slices.Equal(a[i], b[i]) {
				t.Errorf("N=%d: %s differs:\nold %s\nnew %s", n, p, strings.Join(a[i], "\n    "), strings.Join(b[i], "\n    "))
			}
		}
	}
	if findings == 0 {
		t.Fatal("no findings at all: the comparison proves nothing")
	}
	t.Log(fmt.Sprintf("%d findings, identical", findings))
}
