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
	paths, err := Write(t.TempDir(), 64)
	if err != nil {
		t.Fatal(err)
	}
	pq := prepareAllRules(t)
	prof := profiler.New()
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

// prepareAllRules parses the built-in policies from source and prepares a
// query of every rule's deny set, for the Rego profiles.
func prepareAllRules(t *testing.T) rego.PreparedEvalQuery {
	t.Helper()
	files, err := filepath.Glob("../../pkg/rules/policies/*/*.rego")
	if err != nil {
		t.Fatal(err)
	}
	var q []string
	var opts []func(*rego.Rego)
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
		opts = append(opts, rego.ParsedModule(m))
		if p := m.Package.Path.String(); strings.HasPrefix(p, "data.teramotc.rules.") {
			q = append(q, fmt.Sprintf("x%d := %s.deny", len(q), p))
		}
	}
	pq, err := rego.New(append(opts, rego.Query(strings.Join(q, "; ")))...).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return pq
}
