package rules

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/teramot/teramotc/internal/benchgen"
	"github.com/teramot/teramotc/pkg/inspect"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestPolicyDiff proves that a rewrite of the built-in Rego changes no
// result: it compares every rule's deny set (message, range, address,
// severity) under the embedded policies with the deny set under another copy
// of them (TERAMOTC_OLD_POLICIES) over generated specs (TERAMOTC_DIFF_SPECS,
// default 500), the rule fixtures, the examples and the policy test specs.
//
//	mkdir /tmp/old && git archive HEAD~1 pkg/rules/policies | tar -x -C /tmp/old
//	TERAMOTC_OLD_POLICIES=/tmp/old/pkg/rules/policies go test -run PolicyDiff -v ./pkg/rules
func TestPolicyDiff(t *testing.T) {
	old := os.Getenv("TERAMOTC_OLD_POLICIES")
	if old == "" {
		t.Skip("set TERAMOTC_OLD_POLICIES to a policies directory to compare with")
	}
	n := 500
	if s := os.Getenv("TERAMOTC_DIFF_SPECS"); s != "" {
		if _, err := fmt.Sscan(s, &n); err != nil {
			t.Fatalf("TERAMOTC_DIFF_SPECS: %v", err)
		}
	}
	d := newPolicyDiff(t, old)
	inputs := diffInputs(t, n)
	for _, in := range inputs {
		d.compare(t, in.name, in.value)
	}
	findings := d.findings(t)
	t.Logf("%d inputs, %d findings, identical", len(inputs), findings)
}

// policyDiff compares every rule's deny set under the embedded policies
// with that under the policies of another directory.
type policyDiff struct {
	pkgs       []string
	oldQ, newQ rego.PreparedEvalQuery
	found      int
}

func newPolicyDiff(t *testing.T, oldDir string) *policyDiff {
	t.Helper()
	oldMods, err := DirModules(oldDir, false)
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
	return &policyDiff{pkgs: pkgs, oldQ: prepareQuery(t, oldMods, denyQuery(pkgs)), newQ: prepareQuery(t, newMods, denyQuery(pkgs))}
}

// compare reports every rule whose deny set for in differs.
func (d *policyDiff) compare(t *testing.T, name string, in ast.Value) {
	t.Helper()
	a, b := denySets(t, d.oldQ, len(d.pkgs), in), denySets(t, d.newQ, len(d.pkgs), in)
	for i, p := range d.pkgs {
		d.found += len(a[i])
		if !slices.Equal(a[i], b[i]) {
			t.Errorf("%s: %s differs:\nold %s\nnew %s", name, p, strings.Join(a[i], "\n    "), strings.Join(b[i], "\n    "))
		}
	}
}

// findings returns how many findings were compared; none proves nothing.
func (d *policyDiff) findings(t *testing.T) int {
	t.Helper()
	if d.found == 0 {
		t.Fatal("no findings at all: the comparison proves nothing")
	}
	return d.found
}

type diffInput struct {
	name  string
	value ast.Value
}

// diffInputs returns the inspect documents of n generated specs, then of the
// rule fixtures, the examples and the policy test specs that load.
func diffInputs(t *testing.T, n int) []diffInput {
	t.Helper()
	paths, err := benchgen.Write(t.TempDir(), n)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []string{"../../testdata/rules/*/*.hcl", "../../examples/*", "testdata/policies/*"} {
		m, _ := filepath.Glob(g)
		paths = append(paths, m...)
	}
	var out []diffInput
	for _, p := range paths {
		l, _ := spec.Load(p, spec.Options{})
		if l == nil || l.Spec == nil {
			continue
		}
		r, _ := render.Render(l.Spec)
		out = append(out, diffInput{p, inspect.Value(l, r)})
	}
	if len(out) < n {
		t.Fatalf("only %d inputs load", len(out))
	}
	return out
}

// rulePackages lists the rule packages of mods, sorted.
func rulePackages(mods []*Module) []string {
	var pkgs []string
	for _, m := range mods {
		if p := m.Parsed.Package.Path.String(); strings.HasPrefix(p, "data.teramotc.rules.") {
			pkgs = append(pkgs, p)
		}
	}
	sort.Strings(pkgs)
	return slices.Compact(pkgs)
}

// denyQuery binds x0, x1, ... to the deny sets of pkgs.
func denyQuery(pkgs []string) string {
	var q []string
	for i, p := range pkgs {
		q = append(q, fmt.Sprintf("x%d := %s.deny", i, p))
	}
	return strings.Join(q, "; ")
}

// prepareQuery compiles mods as Set does and prepares q on them.
func prepareQuery(t *testing.T, mods []*Module, q string) rego.PreparedEvalQuery {
	t.Helper()
	modules := map[string]*ast.Module{}
	for _, m := range mods {
		modules[m.File] = m.Parsed
	}
	c := ast.NewCompiler().WithCapabilities(Capabilities(false)).WithDefaultRegoVersion(ast.RegoV1)
	if c.Compile(modules); c.Failed() {
		t.Fatal(c.Errors)
	}
	pq, err := rego.New(rego.Query(q), rego.Compiler(c), rego.StrictBuiltinErrors(false)).
		PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return pq
}

// denySets returns, for each of the n deny sets of a denyQuery, the sorted
// JSON of its elements.
func denySets(t *testing.T, pq rego.PreparedEvalQuery, n int, in ast.Value) [][]string {
	t.Helper()
	rs, err := pq.Eval(context.Background(), rego.EvalParsedInput(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 {
		t.Fatalf("the query returned %d results", len(rs))
	}
	out := make([][]string, n)
	for i := range n {
		set, _ := rs[0].Bindings[fmt.Sprintf("x%d", i)].([]any)
		for _, v := range set {
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			out[i] = append(out[i], string(b))
		}
		sort.Strings(out[i])
	}
	return out
}
