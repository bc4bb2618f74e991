package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/teramot/teramotc/pkg/rules"
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
