package benchgen

import (
	"context"
	"fmt"
	"testing"

	"github.com/teramot/teramotc/pkg/rules"
)

// BenchmarkLintLargeSpec lints one spec of N units (Large: a bucket and a
// cross-account grant each), to show that lint grows linearly with the size
// of a spec. ns/unit is the time per unit.
func BenchmarkLintLargeSpec(b *testing.B) {
	set, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 200, 400, 800} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			path, err := WriteLarge(b.TempDir(), n)
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				res := set.Lint(ctx, []string{path}, rules.LintOptions{})
				if res[0].Diagnostics.HasErrors() {
					b.Fatal(res[0].Diagnostics.Error())
				}
				if len(res[0].Findings) < n {
					b.Fatalf("%d findings for %d units, want at least one per unit", len(res[0].Findings), n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/unit")
		})
	}
}
