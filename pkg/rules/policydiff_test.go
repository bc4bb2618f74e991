package rules

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/teramot/teramotc/internal/benchgen"
	"github.com/teramot/teramotc/pkg/inspect"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestPolicyDiff compares the deny sets of the built-in policies with those
// of another copy of them (TERAMOTC_OLD_POLICIES, e.g. the policies directory
// of an earlier commit) over generated specs, the rule fixtures and the
// examples. Used to prove a rewrite of the Rego changes no result.
//
//	git archive HEAD~1 pkg/rules/policies | tar -x -C /tmp/old
//	TERAMOTC_OLD_POLICIES=/tmp/old/pkg/rules/policies go test -run PolicyDiff ./pkg/rules
func TestPolicyDiff(t *testing.T) {
	old := os.Getenv("TERAMOTC_OLD_POLICIES")
	if old == "" {
		t.Skip("set TERAMOTC_OLD_POLICIES to a policies directory to compare with")
	}
	n := 500
	if s := os.Getenv("TERAMOTC_DIFF_SPECS"); s != "" {
		fmt.Sscan(s, &n)
	}
	oldMods, err := DirModules(old, false)
	if err != nil {
		t.Fatal(err)
	}
	newMods, err := BuiltinModules(false)
	if err != nil {
		t.Fatal(err)
	}
	oldQ, oldPkgs := prepareAll(t, oldMods)
	newQ, newPkgs := prepareAll(t, newMods)
	if !slices.Equal(oldPkgs, newPkgs) {
		t.Fatalf("rule packages differ:\nold %v\nnew %v", oldPkgs, newPkgs)
	}
	inputs := diffInputs(t, n)
	ctx := context.Background()
	var oldTime, newTime time.Duration
	compared, findings := 0, 0
	for _, in := range inputs {
		t0 := cpuTime()
		a := denySets(t, oldQ, oldPkgs, in.value)
		t1 := cpuTime()
		b := denySets(t, newQ, newPkgs, in.value)
		newTime += cpuTime() - t1
		oldTime += t1 - t0
		for i, p := range oldPkgs {
			findings += len(a[i])
			if !slices.Equal(a[i], b[i]) {
				t.Errorf("%s: %s differs:\nold %s\nnew %s", in.name, p, strings.Join(a[i], "\n    "), strings.Join(b[i], "\n    "))
			}
		}
		compared++
		_ = ctx
	}
	t.Logf("%d inputs, %d findings identical; old %v/input, new %v/input", compared, findings,
		oldTime/time.Duration(compared), newTime/time.Duration(compared))
}

type diffInput struct {
	name  string
	value ast.Value
}

func diffInputs(t *testing.T, n int) []diffInput {
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

func prepareAll(t *testing.T, mods []*Module) (rego.PreparedEvalQuery, []string) {
	modules := map[string]*ast.Module{}
	var pkgs []string
	for _, m := range mods {
		modules[m.File] = m.Parsed
		if p := m.Parsed.Package.Path.String(); strings.HasPrefix(p, "data.teramotc.rules.") {
			pkgs = append(pkgs, p)
		}
	}
	sort.Strings(pkgs)
	pkgs = slices.Compact(pkgs)
	c := ast.NewCompiler().WithCapabilities(Capabilities(false)).WithDefaultRegoVersion(ast.RegoV1)
	if c.Compile(modules); c.Failed() {
		t.Fatal(c.Errors)
	}
	var q []string
	for i, p := range pkgs {
		q = append(q, fmt.Sprintf("x%d := %s.deny", i, p))
	}
	pq, err := rego.New(rego.Query(strings.Join(q, "; ")), rego.Compiler(c), rego.StrictBuiltinErrors(false)).
		PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return pq, pkgs
}

// denySets returns, per package, the sorted JSON of its deny elements.
func denySets(t *testing.T, pq rego.PreparedEvalQuery, pkgs []string, in ast.Value) [][]string {
	rs, err := pq.Eval(context.Background(), rego.EvalParsedInput(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 {
		t.Fatalf("%d results", len(rs))
	}
	out := make([][]string, len(pkgs))
	for i := range pkgs {
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

// TestRuleCost prints the evaluation time of each rule package alone (with
// the library rules it uses) over generated specs, most expensive first, and
// the time with the policies of TERAMOTC_OLD_POLICIES when set.
// Run with TERAMOTC_RULE_COST=1 go test -run RuleCost -v ./pkg/rules.
func TestRuleCost(t *testing.T) {
	if os.Getenv("TERAMOTC_RULE_COST") == "" {
		t.Skip("set TERAMOTC_RULE_COST=1 to print the cost of each rule")
	}
	mods, err := BuiltinModules(false)
	if err != nil {
		t.Fatal(err)
	}
	oldMods := mods
	if old := os.Getenv("TERAMOTC_OLD_POLICIES"); old != "" {
		if oldMods, err = DirModules(old, false); err != nil {
			t.Fatal(err)
		}
	}
	_, pkgs := prepareAll(t, mods)
	inputs := diffInputs(t, 64)[:64]
	prep := func(mods []*Module, q string) rego.PreparedEvalQuery {
		modules := map[string]*ast.Module{}
		for _, m := range mods {
			modules[m.File] = m.Parsed
		}
		c := ast.NewCompiler().WithCapabilities(Capabilities(false)).WithDefaultRegoVersion(ast.RegoV1)
		if c.Compile(modules); c.Failed() {
			t.Fatal(c.Errors)
		}
		pq, err := rego.New(rego.Query(q), rego.Compiler(c)).PrepareForEval(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return pq
	}
	measure := func(pq rego.PreparedEvalQuery) time.Duration {
		t0 := cpuTime()
		for _, in := range inputs {
			if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.value)); err != nil {
				t.Fatal(err)
			}
		}
		return (cpuTime() - t0) / time.Duration(len(inputs))
	}
	type cost struct {
		pkg      string
		new, old time.Duration
	}
	var costs []cost
	var total, oldTotal time.Duration
	only := os.Getenv("TERAMOTC_RULE_COST")
	if only == "all" {
		var q []string
		for i, p := range pkgs {
			q = append(q, fmt.Sprintf("x%d := count(%s.deny)", i, p))
		}
		pkgs = []string{strings.Join(q, "; ")}
	}
	for _, p := range pkgs {
		if only != "1" && only != "all" && !strings.Contains(p, only) {
			continue
		}
		q := "x := count(" + p + ".deny)"
		if only == "all" {
			q = p
		}
		a, b := prep(mods, q), prep(oldMods, q)
		c := cost{pkg: p, new: 1 << 62, old: 1 << 62}
		for range 7 {
			c.new = min(c.new, measure(a))
			c.old = min(c.old, measure(b))
		}
		costs = append(costs, c)
		total += c.new
		oldTotal += c.old
	}
	slices.SortFunc(costs, func(a, b cost) int { return int(b.new - a.new) })
	for _, c := range costs {
		t.Logf("%9v (old %9v) %s", c.new, c.old, c.pkg)
	}
	t.Logf("%9v (old %9v) sum", total, oldTotal)
}

func TestQueryCost(t *testing.T) {
	q := os.Getenv("TERAMOTC_QUERY_COST")
	if q == "" {
		t.Skip("set TERAMOTC_QUERY_COST to a query")
	}
	mods, err := BuiltinModules(false)
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	for _, m := range mods {
		modules[m.File] = m.Parsed
	}
	c := ast.NewCompiler().WithCapabilities(Capabilities(false)).WithDefaultRegoVersion(ast.RegoV1)
	c.Compile(modules)
	pq, err := rego.New(rego.Query(q), rego.Compiler(c)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	inputs := diffInputs(t, 64)[:64]
	best := time.Duration(1 << 62)
	for range 9 {
		t0 := cpuTime()
		for _, in := range inputs {
			if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.value)); err != nil {
				t.Fatal(err)
			}
		}
		best = min(best, (cpuTime()-t0)/time.Duration(len(inputs)))
	}
	t.Logf("%v %s", best, q)
}

// cpuTime is the CPU time the process has used: less sensitive than wall
// time to other processes on a busy machine.
var cpuTime = func() time.Duration {
	if os.Getenv("TERAMOTC_ALLOCS") != "" {
		// Allocations are deterministic where time on a busy machine is not.
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return time.Duration(ms.Mallocs)
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestQueryProfile prints the Rego lines that take the most time evaluating
// the query TERAMOTC_QUERY_PROFILE over generated specs.
func TestQueryProfile(t *testing.T) {
	q := os.Getenv("TERAMOTC_QUERY_PROFILE")
	if q == "" {
		t.Skip("set TERAMOTC_QUERY_PROFILE to a query")
	}
	mods, err := BuiltinModules(false)
	if dir := os.Getenv("TERAMOTC_POLICIES_DIR"); dir != "" {
		mods, err = DirModules(dir, false)
	}
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	for _, m := range mods {
		modules[m.File] = m.Parsed
	}
	c := ast.NewCompiler().WithCapabilities(Capabilities(false)).WithDefaultRegoVersion(ast.RegoV1)
	c.Compile(modules)
	pq, err := rego.New(rego.Query(q), rego.Compiler(c)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	prof := profiler.New()
	for _, in := range diffInputs(t, 64)[:64] {
		if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.value), rego.EvalQueryTracer(prof)); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range prof.ReportTopNResults(2000, []string{"total_time_ns"}) {
		t.Logf("%8.2fms %7d evals %s:%d", float64(s.ExprTimeNs)/1e6, s.NumEval, s.Location.File, s.Location.Row)
	}
}

// opCounter counts the evaluation events of a query: a deterministic proxy
// of its cost.
type opCounter struct {
	evals, enters, redos int
	byFile               map[string]int
}

func (c *opCounter) Enabled() bool { return true }

func (c *opCounter) Config() topdown.TraceConfig { return topdown.TraceConfig{PlugLocalVars: false} }

func (c *opCounter) TraceEvent(ev topdown.Event) {
	switch ev.Op {
	case topdown.EvalOp:
		c.evals++
		if ev.Location != nil {
			c.byFile[ev.Location.File]++
			if os.Getenv("TERAMOTC_OPS_LINES") != "" {
				c.byFile[fmt.Sprintf("%s:%d", ev.Location.File, ev.Location.Row)]++
			}
		}
	case topdown.EnterOp:
		c.enters++
	case topdown.RedoOp:
		c.redos++
	}
}

// TestQueryOps prints the evaluation events of the whole rule query, old
// (TERAMOTC_OLD_POLICIES) and new, over generated specs.
func TestQueryOps(t *testing.T) {
	old := os.Getenv("TERAMOTC_OLD_POLICIES")
	if old == "" || os.Getenv("TERAMOTC_OPS") == "" {
		t.Skip("set TERAMOTC_OLD_POLICIES and TERAMOTC_OPS")
	}
	oldMods, err := DirModules(old, false)
	if err != nil {
		t.Fatal(err)
	}
	newMods, err := BuiltinModules(false)
	if err != nil {
		t.Fatal(err)
	}
	only := os.Getenv("TERAMOTC_OPS")
	for _, p := range []struct {
		name string
		mods []*Module
	}{{"old", oldMods}, {"new", newMods}} {
		_, pkgs := prepareAll(t, p.mods)
		modules := map[string]*ast.Module{}
		for _, m := range p.mods {
			modules[m.File] = m.Parsed
		}
		c := ast.NewCompiler().WithCapabilities(Capabilities(false)).WithDefaultRegoVersion(ast.RegoV1)
		c.Compile(modules)
		var q []string
		for i, pkg := range pkgs {
			if only == "all" || strings.Contains(pkg, only) {
				q = append(q, fmt.Sprintf("x%d := count(%s.deny)", i, pkg))
			}
		}
		pq, err := rego.New(rego.Query(strings.Join(q, "; ")), rego.Compiler(c)).PrepareForEval(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		cnt := &opCounter{byFile: map[string]int{}}
		inputs := diffInputs(t, 64)[:64]
		for _, in := range inputs {
			if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.value), rego.EvalQueryTracer(cnt)); err != nil {
				t.Fatal(err)
			}
		}
		n := len(inputs)
		t.Logf("%s: %d evals, %d enters, %d redos per spec", p.name, cnt.evals/n, cnt.enters/n, cnt.redos/n)
		if os.Getenv("TERAMOTC_OPS_FILES") != "" {
			var files []string
			for f := range cnt.byFile {
				files = append(files, f)
			}
			slices.SortFunc(files, func(a, b string) int { return cnt.byFile[b] - cnt.byFile[a] })
			for _, f := range files[:min(len(files), 400)] {
				t.Logf("  %6d %s", cnt.byFile[f]/n, f)
			}
		}
	}
}
