package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/teramot/teramotc/internal/benchgen"
	"github.com/teramot/teramotc/pkg/inspect"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// policies is one copy of the policies and its rule packages, sorted.
type policies struct {
	name string // "new" (embedded) or "old" (-old)
	mods []*rules.Module
	pkgs []string
}

// loadPolicies returns the embedded policies, then those of old if given.
func loadPolicies(old string) ([]policies, error) {
	mods, err := rules.BuiltinModules(false)
	if err != nil {
		return nil, err
	}
	out := []policies{{"new", mods, rulePackages(mods)}}
	if old != "" {
		if mods, err = rules.DirModules(old, false); err != nil {
			return nil, err
		}
		out = append(out, policies{"old", mods, rulePackages(mods)})
	}
	return out, nil
}

// cost prints the CPU time per spec of the queries -cost selects, the
// minimum of 7 rounds, interleaved with the old policies when given.
func cost(o options) error {
	ps, err := loadPolicies(o.old)
	if err != nil {
		return err
	}
	queries := map[string]func(policies) string{}
	switch o.cost {
	case "all":
		queries["all rules"] = func(p policies) string { return denyQuery(p.pkgs) }
	case "parts":
		for part := range 2 {
			queries[fmt.Sprintf("part %d", part)] = func(p policies) string { return denyQuery(partPackages(p.mods)[part]) }
		}
	default:
		for _, pkg := range ps[0].pkgs {
			if o.cost == "1" || strings.Contains(pkg, o.cost) {
				queries[pkg] = func(policies) string { return "x0 := count(" + pkg + ".deny)" }
			}
		}
	}
	inputs, err := specInputs(specs, 0)
	if err != nil {
		return err
	}
	type result struct {
		name string
		cpu  []time.Duration // per copy of the policies
	}
	var results []result
	for name, q := range queries {
		r := result{name: name}
		var pqs []rego.PreparedEvalQuery
		for _, p := range ps {
			pq, err := prepare(p.mods, q(p))
			if err != nil {
				return err
			}
			pqs = append(pqs, pq)
			r.cpu = append(r.cpu, 1<<62)
		}
		for range 7 {
			for i, pq := range pqs {
				t0 := cpuTime()
				if err := evalAll(pq, inputs); err != nil {
					return err
				}
				r.cpu[i] = min(r.cpu[i], (cpuTime()-t0)/time.Duration(len(inputs)))
			}
		}
		results = append(results, r)
	}
	slices.SortFunc(results, func(a, b result) int { return int(b.cpu[0] - a.cpu[0]) })
	for _, r := range results {
		if len(r.cpu) > 1 {
			fmt.Printf("%10v (old %10v) %s\n", r.cpu[0], r.cpu[1], r.name)
		} else {
			fmt.Printf("%10v %s\n", r.cpu[0], r.name)
		}
	}
	return nil
}

// ops prints how many expressions the whole query evaluates per spec, and
// each half, by file, by line or by rule alone, for each copy of the
// policies.
func ops(o options) error {
	ps, err := loadPolicies(o.old)
	if err != nil {
		return err
	}
	inputs, err := specInputs(specs, 0)
	if err != nil {
		return err
	}
	count := func(mods []*rules.Module, q string, lines bool) (*opCounter, error) {
		pq, err := prepare(mods, q)
		if err != nil {
			return nil, err
		}
		c := &opCounter{byFile: map[string]int{}, lines: lines}
		for _, in := range inputs {
			if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in), rego.EvalQueryTracer(c)); err != nil {
				return nil, err
			}
		}
		return c, nil
	}
	n := len(inputs)
	for _, p := range slices.Backward(ps) { // old first
		pkgs := slices.DeleteFunc(slices.Clone(p.pkgs), func(pkg string) bool { return !strings.Contains(pkg, o.only) })
		c, err := count(p.mods, denyQuery(pkgs), o.ops == "lines")
		if err != nil {
			return err
		}
		fmt.Printf("%s: %d expressions, %d rule and function bodies per spec\n", p.name, c.evals/n, c.enters/n)
		for part, pkgs := range partPackages(p.mods) {
			pc, err := count(p.mods, denyQuery(pkgs), false)
			if err != nil {
				return err
			}
			fmt.Printf("  part %d alone: %d expressions, %d bodies per spec\n", part, pc.evals/n, pc.enters/n)
		}
		if o.ops == "rules" {
			for _, pkg := range p.pkgs {
				pc, err := count(p.mods, "x0 := count("+pkg+".deny)", false)
				if err != nil {
					return err
				}
				fmt.Printf("  %6d expressions %5d bodies alone: %s\n", pc.evals/n, pc.enters/n, pkg)
			}
			continue
		}
		files := make([]string, 0, len(c.byFile))
		for f := range c.byFile {
			files = append(files, f)
		}
		slices.SortFunc(files, func(a, b string) int { return c.byFile[b] - c.byFile[a] })
		for _, f := range files[:min(len(files), 400)] {
			fmt.Printf("  %6d %s\n", c.byFile[f]/n, f)
		}
	}
	return nil
}

// cold prints the time of the first and the second evaluation of the whole
// query in this process, on generated spec o.spec.
func cold(o options) error {
	if o.cold != "new" && o.cold != "old" {
		return fmt.Errorf("-cold is new or old, not %q", o.cold)
	}
	ps, err := loadPolicies(o.old)
	if err != nil {
		return err
	}
	p := ps[0]
	if o.cold == "old" {
		if len(ps) < 2 {
			return errors.New("-cold=old needs -old=DIR (or TERAMOTC_OLD_POLICIES)")
		}
		p = ps[1]
	}
	inputs, err := specInputs(1, o.spec)
	if err != nil {
		return err
	}
	pq, err := prepare(p.mods, denyQuery(p.pkgs))
	if err != nil {
		return err
	}
	t0, c0 := time.Now(), cpuTime()
	if err := evalAll(pq, inputs); err != nil {
		return err
	}
	first, firstCPU := time.Since(t0), cpuTime()-c0
	t0 = time.Now()
	if err := evalAll(pq, inputs); err != nil {
		return err
	}
	fmt.Printf("%s: first evaluation %v (CPU %v), second %v\n", o.cold, first, firstCPU, time.Since(t0))
	return nil
}

// profile prints the Rego lines of the built-in policies that take the
// most time, by OPA's profiler.
func profile(o options) error {
	ps, err := loadPolicies("")
	if err != nil {
		return err
	}
	var inputs []ast.Value
	if o.large > 0 {
		inputs, err = largeInput(o.large)
	} else {
		inputs, err = specInputs(specs, 0)
	}
	if err != nil {
		return err
	}
	pq, err := prepare(ps[0].mods, denyQuery(ps[0].pkgs))
	if err != nil {
		return err
	}
	prof := profiler.New()
	for _, in := range inputs {
		if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in), rego.EvalQueryTracer(prof)); err != nil {
			return err
		}
	}
	for _, s := range prof.ReportTopNResults(60, []string{o.by}) {
		fmt.Printf("%9.2fms %8d evals %s:%d\n", float64(s.ExprTimeNs)/1e6, s.NumEval, s.Location.File, s.Location.Row)
	}
	return nil
}

// specInputs returns the inspect documents of generated specs from, ...,
// from+n-1.
func specInputs(n, from int) ([]ast.Value, error) {
	dir, err := os.MkdirTemp("", "ruleprof-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	paths, err := benchgen.Write(dir, from+n)
	if err != nil {
		return nil, err
	}
	var out []ast.Value
	for _, p := range paths[from:] {
		in, err := inspectValue(p)
		if err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

// largeInput returns the inspect document of one Large spec of n units.
func largeInput(n int) ([]ast.Value, error) {
	dir, err := os.MkdirTemp("", "ruleprof-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path, err := benchgen.WriteLarge(dir, n)
	if err != nil {
		return nil, err
	}
	in, err := inspectValue(path)
	return []ast.Value{in}, err
}

func inspectValue(path string) (ast.Value, error) {
	l, diags := spec.Load(path, spec.Options{})
	if l == nil || l.Spec == nil || diags.HasErrors() {
		return nil, fmt.Errorf("%s: %s", path, diags.Error())
	}
	out, _ := render.Render(l.Spec)
	return inspect.Value(l, out), nil
}

// rulePackages lists the rule packages of mods, sorted.
func rulePackages(mods []*rules.Module) []string {
	var pkgs []string
	for _, m := range mods {
		if p := m.Parsed.Package.Path.String(); strings.HasPrefix(p, "data.teramotc.rules.") {
			pkgs = append(pkgs, p)
		}
	}
	sort.Strings(pkgs)
	return slices.Compact(pkgs)
}

// partPackages splits the rule packages of mods in the two halves a lint
// of one spec evaluates at once (rules.Part of the rule's id).
func partPackages(mods []*rules.Module) [2][]string {
	var out [2][]string
	for _, m := range mods {
		p := m.Parsed.Package.Path.String()
		if !strings.HasPrefix(p, "data.teramotc.rules.") {
			continue
		}
		for _, a := range m.Parsed.Annotations {
			if id, ok := a.Custom["id"].(string); ok && a.Scope == "package" {
				part := rules.Part(id)
				out[part] = append(out[part], p)
			}
		}
	}
	return out
}

// denyQuery binds x0, x1, ... to the sizes of the deny sets of pkgs.
func denyQuery(pkgs []string) string {
	q := make([]string, len(pkgs))
	for i, p := range pkgs {
		q[i] = fmt.Sprintf("x%d := count(%s.deny)", i, p)
	}
	return strings.Join(q, "; ")
}

// prepare compiles mods as rules.Set does and prepares q on them.
func prepare(mods []*rules.Module, q string) (rego.PreparedEvalQuery, error) {
	modules := map[string]*ast.Module{}
	for _, m := range mods {
		modules[m.File] = m.Parsed
	}
	c := ast.NewCompiler().WithCapabilities(rules.Capabilities(false)).WithDefaultRegoVersion(ast.RegoV1)
	if c.Compile(modules); c.Failed() {
		return rego.PreparedEvalQuery{}, c.Errors
	}
	return rego.New(rego.Query(q), rego.Compiler(c), rego.StrictBuiltinErrors(false)).PrepareForEval(context.Background())
}

func evalAll(pq rego.PreparedEvalQuery, inputs []ast.Value) error {
	for _, in := range inputs {
		if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in)); err != nil {
			return err
		}
	}
	return nil
}

// cpuTime is the CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(fmt.Sprintf("getrusage: %v", err))
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// opCounter counts the expressions a query evaluates, by file (or line).
type opCounter struct {
	evals  int
	enters int // rule and function bodies entered
	byFile map[string]int
	lines  bool
}

func (c *opCounter) Enabled() bool { return true }

func (c *opCounter) Config() topdown.TraceConfig { return topdown.TraceConfig{} }

func (c *opCounter) TraceEvent(ev topdown.Event) {
	if ev.Op == topdown.EnterOp {
		c.enters++
		if ev.Location != nil && c.lines {
			c.byFile[fmt.Sprintf("enter %s:%d", ev.Location.File, ev.Location.Row)]++
		}
	}
	if ev.Op != topdown.EvalOp {
		return
	}
	c.evals++
	if ev.Location != nil && c.lines {
		c.byFile[fmt.Sprintf("%s:%d", ev.Location.File, ev.Location.Row)]++
	} else if ev.Location != nil {
		c.byFile[ev.Location.File]++
	}
}
