package benchgen

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/teramot/teramotc/pkg/inspect"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// The benchmarks below split a lint run into its stages over the generated
// specs: load (parse, decode, evaluate, validate), render, inspect (build the
// rules' input document), evaluate (the compiled Rego rules), and the whole
// lint of 1 and of N specs in one call. Per-spec figures rotate over 64
// different specs.

const rotation = 64

func specs(b *testing.B, n int) []string {
	b.Helper()
	paths, err := Write(b.TempDir(), n)
	if err != nil {
		b.Fatal(err)
	}
	return paths
}

func loadAll(b *testing.B, paths []string) []*spec.Loaded {
	b.Helper()
	out := make([]*spec.Loaded, len(paths))
	for i, p := range paths {
		l, diags := spec.Load(p, spec.Options{})
		if l == nil || l.Spec == nil {
			b.Fatalf("%s: %s", p, diags.Error())
		}
		out[i] = l
	}
	return out
}

func BenchmarkStageLoad(b *testing.B) {
	paths := specs(b, rotation)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if l, diags := spec.Load(paths[i%rotation], spec.Options{}); l == nil || l.Spec == nil {
			b.Fatal(diags.Error())
		}
		i++
	}
}

func BenchmarkStageRender(b *testing.B) {
	loaded := loadAll(b, specs(b, rotation))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, diags := render.Render(loaded[i%rotation].Spec); diags.HasErrors() {
			b.Fatal(diags.Error())
		}
		i++
	}
}

func BenchmarkStageInspect(b *testing.B) {
	loaded := loadAll(b, specs(b, rotation))
	outs := make([]*render.Output, rotation)
	for i, l := range loaded {
		outs[i], _ = render.Render(l.Spec)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = inspect.Value(loaded[i%rotation], outs[i%rotation])
		i++
	}
}

func BenchmarkStageEvaluate(b *testing.B) {
	set, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	loaded := loadAll(b, specs(b, rotation))
	docs := make([]ast.Value, rotation)
	for i, l := range loaded {
		out, _ := render.Render(l.Spec)
		docs[i] = inspect.Value(l, out)
	}
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := set.EvaluateValue(ctx, docs[i%rotation]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func benchmarkLintN(b *testing.B, n int) {
	set, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	paths := specs(b, n)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		for _, res := range set.Lint(ctx, paths, rules.LintOptions{}) {
			if res.Diagnostics.HasErrors() {
				b.Fatalf("%s: %s", res.Path, res.Diagnostics.Error())
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e6, "ms/spec")
}

// BenchmarkLintGenerated1 lints one generated spec with a compiled set.
func BenchmarkLintGenerated1(b *testing.B) { benchmarkLintN(b, 1) }

// BenchmarkLintGenerated2000 lints 2,000 generated specs in one call.
func BenchmarkLintGenerated2000(b *testing.B) { benchmarkLintN(b, 2000) }

// TestGeneratedSpecsAreValid checks that every generated spec loads without
// a validate error, so that `teramotc inspect` accepts it, and that the
// generator is deterministic.
func TestGeneratedSpecsAreValid(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	paths, err := Write(dir, 120)
	if err != nil {
		t.Fatal(err)
	}
	defects := 0
	for _, res := range set.Lint(context.Background(), paths, rules.LintOptions{}) {
		if res.Diagnostics.HasErrors() {
			t.Errorf("%s: %s", res.Path, res.Diagnostics.Error())
		}
		for _, f := range res.Findings {
			if f.Rule.Severity == rules.SeverityError {
				defects++
				break
			}
		}
	}
	if defects < 20 || defects > 100 {
		t.Errorf("%d of 120 specs have error findings, want between 20 and 100", defects)
	}
	again, err := os.ReadFile(filepath.Join(paths[7], "main.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if want := Spec(7)["main.hcl"]; string(again) != want {
		t.Errorf("Spec(7) differs from the file written for spec 7")
	}
}
