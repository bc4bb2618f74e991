package rules

import (
	"fmt"
	"os"
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
	d := newPolicyDiff(t, old)
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
		d.compare(t, fmt.Sprintf("N=%d", n), inspect.Value(l, r))
	}
	t.Logf("%d findings, identical", d.findings(t))
}
