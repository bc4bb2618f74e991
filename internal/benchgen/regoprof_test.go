package benchgen

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/teramot/teramotc/pkg/inspect"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestRegoProfile prints the Rego expressions that take the most time over
// 64 generated specs. Run with TERAMOTC_REGO_PROFILE=1 go test -run RegoProfile -v.
func TestRegoProfile(t *testing.T) {
	if os.Getenv("TERAMOTC_REGO_PROFILE") == "" {
		t.Skip("set TERAMOTC_REGO_PROFILE=1 to print the Rego profile")
	}
	files, err := filepath.Glob("../../pkg/rules/policies/*/*.rego")
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	var pkgs []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.rego") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := ast.ParseModuleWithOpts(f, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		modules[f] = m
		p := m.Package.Path.String()
		if strings.HasPrefix(p, "data.teramotc.rules.") {
			pkgs = append(pkgs, p)
		}
	}
	var q []string
	for i, p := range pkgs {
		q = append(q, fmt.Sprintf("x%d := %s.deny", i, p))
	}
	paths, err := Write(t.TempDir(), 64)
	if err != nil {
		t.Fatal(err)
	}
	prof := profiler.New()
	opts := []func(*rego.Rego){rego.Query(strings.Join(q, "; "))}
	for name, m := range modules {
		opts = append(opts, rego.ParsedModule(m))
		_ = name
	}
	pq, err := rego.New(opts...).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		l, _ := spec.Load(p, spec.Options{})
		out, _ := render.Render(l.Spec)
		v, err := ast.InterfaceToValue(inspect.Build(l, out))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(v), rego.EvalQueryTracer(prof)); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range prof.ReportTopNResults(40, []string{"total_time_ns"}) {
		t.Logf("%8.2fms %7d evals %s:%d", float64(s.ExprTimeNs)/1e6, s.NumEval, s.Location.File, s.Location.Row)
	}
}
