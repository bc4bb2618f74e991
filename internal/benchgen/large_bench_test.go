package benchgen

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/teramot/teramotc/pkg/inspect"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
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

// TestLargeRegoProfile prints the Rego lines that take the most time in the
// built-in rules on one Large spec of N units, from OPA's profiler. Run with
// TERAMOTC_LARGE_PROFILE=N go test -run LargeRegoProfile -v ./internal/benchgen.
func TestLargeRegoProfile(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("TERAMOTC_LARGE_PROFILE"))
	if n <= 0 {
		t.Skip("set TERAMOTC_LARGE_PROFILE=N to profile the rules on a spec of N units")
	}
	path, err := WriteLarge(t.TempDir(), n)
	if err != nil {
		t.Fatal(err)
	}
	l, diags := spec.Load(path, spec.Options{})
	if l == nil || l.Spec == nil || diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	out, _ := render.Render(l.Spec)
	pq := prepareAllRules(t)
	prof := profiler.New()
	if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(inspect.Value(l, out)), rego.EvalQueryTracer(prof)); err != nil {
		t.Fatal(err)
	}
	for _, s := range prof.ReportTopNResults(60, []string{cmp.Or(os.Getenv("TERAMOTC_LARGE_PROFILE_BY"), "total_time_ns")}) {
		t.Logf("%9.2fms %8d evals %s:%d", float64(s.ExprTimeNs)/1e6, s.NumEval, s.Location.File, s.Location.Row)
	}
}
