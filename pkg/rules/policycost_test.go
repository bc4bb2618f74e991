package rules

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Tools to find what the built-in Rego spends its evaluation time on, over
// 64 generated specs. All skip unless their variable is set.
//
//	TERAMOTC_RULE_COST=1|all|parts|NAME
//	                                CPU time of each rule alone, of the whole
//	                                query (all), of each of the two parts a
//	                                lint of one spec evaluates at once
//	                                (parts), or of the rules matching NAME
//	TERAMOTC_RULE_OPS=1|lines|rules expressions evaluated per spec, by file,
//	                                by line (with the rule and function
//	                                bodies entered, as "enter FILE:LINE") or
//	                                by rule alone (with the library rules it
//	                                uses); TERAMOTC_RULE_ONLY=NAME counts
//	                                only the rules matching NAME
//	TERAMOTC_RULE_PROFILE=1         the Rego lines that take the most time
//
// With TERAMOTC_OLD_POLICIES (see TestPolicyDiff), the cost and the
// expression counts are shown for both copies of the policies.

const costSpecs = 64

// TestPolicyCost prints the CPU time of evaluating each rule alone (with the
// library rules it uses), or of the whole query, the minimum of 7 rounds,
// interleaved with the old policies when given. CPU time of the process is
// steadier than wall time on a busy machine.
func TestPolicyCost(t *testing.T) {
	only := os.Getenv("TERAMOTC_RULE_COST")
	if only == "" {
		t.Skip("set TERAMOTC_RULE_COST to 1, all or part of a rule package name")
	}
	mods, oldMods := costModules(t)
	pkgs := rulePackages(mods)
	queries := map[string]string{}
	if only == "all" {
		queries["all rules"] = denyQuery(pkgs, true)
	}
	if only == "parts" {
		for part, pp := range partPackages(mods) {
			queries[fmt.Sprintf("part %d", part)] = denyQuery(pp, true)
		}
	}
	for _, p := range pkgs {
		if only == "1" || only != "all" && strings.Contains(p, only) {
			queries[p] = "x0 := count(" + p + ".deny)"
		}
	}
	inputs := diffInputs(t, costSpecs)[:costSpecs]
	measure := func(pq rego.PreparedEvalQuery) time.Duration {
		t0 := cpuTime()
		for _, in := range inputs {
			if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.value)); err != nil {
				t.Fatal(err)
			}
		}
		return (cpuTime() - t0) / costSpecs
	}
	type cost struct {
		name     string
		new, old time.Duration
	}
	var costs []cost
	for name, q := range queries {
		a := prepareQuery(t, mods, q)
		var b rego.PreparedEvalQuery
		if oldMods != nil {
			b = prepareQuery(t, oldMods, q)
		}
		c := cost{name: name, new: 1 << 62, old: 1 << 62}
		for range 7 {
			c.new = min(c.new, measure(a))
			if oldMods != nil {
				c.old = min(c.old, measure(b))
			}
		}
		costs = append(costs, c)
	}
	slices.SortFunc(costs, func(a, b cost) int { return int(b.new - a.new) })
	for _, c := range costs {
		if oldMods != nil {
			t.Logf("%10v (old %10v) %s", c.new, c.old, c.name)
		} else {
			t.Logf("%10v %s", c.new, c.name)
		}
	}
}

// TestPolicyOps prints how many expressions the whole query evaluates per
// spec, by file: a count that, unlike time, a busy machine does not change.
func TestPolicyOps(t *testing.T) {
	if os.Getenv("TERAMOTC_RULE_OPS") == "" {
		t.Skip("set TERAMOTC_RULE_OPS=1")
	}
	mods, oldMods := costModules(t)
	inputs := diffInputs(t, costSpecs)[:costSpecs]
	for _, p := range []struct {
		name string
		mods []*Module
	}{{"old", oldMods}, {"new", mods}} {
		if p.mods == nil {
			continue
		}
		pkgs := rulePackages(p.mods)
		if only := os.Getenv("TERAMOTC_RULE_ONLY"); only != "" {
			pkgs = slices.DeleteFunc(pkgs, func(p string) bool { return !strings.Contains(p, only) })
		}
		pq := prepareQuery(t, p.mods, denyQuery(pkgs, true))
		cnt := &opCounter{byFile: map[string]int{}, lines: os.Getenv("TERAMOTC_RULE_OPS") == "lines"}
		for _, in := range inputs {
			if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.value), rego.EvalQueryTracer(cnt)); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("%s: %d expressions, %d rule and function bodies per spec", p.name, cnt.evals/costSpecs, cnt.enters/costSpecs)
		for part, pkgs := range partPackages(p.mods) {
			pq := prepareQuery(t, p.mods, denyQuery(pkgs, true))
			pc := &opCounter{byFile: map[string]int{}}
			for _, in := range inputs {
				if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.value), rego.EvalQueryTracer(pc)); err != nil {
					t.Fatal(err)
				}
			}
			t.Logf("  part %d alone: %d expressions, %d bodies per spec", part, pc.evals/costSpecs, pc.enters/costSpecs)
		}
		if os.Getenv("TERAMOTC_RULE_OPS") == "rules" {
			for _, pkg := range rulePackages(p.mods) {
				pq := prepareQuery(t, p.mods, "x0 := count("+pkg+".deny)")
				pc := &opCounter{byFile: map[string]int{}}
				for _, in := range inputs {
					if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.value), rego.EvalQueryTracer(pc)); err != nil {
						t.Fatal(err)
					}
				}
				t.Logf("  %6d expressions %5d bodies alone: %s", pc.evals/costSpecs, pc.enters/costSpecs, pkg)
			}
			continue
		}
		files := make([]string, 0, len(cnt.byFile))
		for f := range cnt.byFile {
			files = append(files, f)
		}
		slices.SortFunc(files, func(a, b string) int { return cnt.byFile[b] - cnt.byFile[a] })
		for _, f := range files[:min(len(files), 400)] {
			t.Logf("  %6d %s", cnt.byFile[f]/costSpecs, f)
		}
	}
}

// TestPolicyCold prints the time of the first evaluation of the whole query
// in this process, on the generated spec TERAMOTC_RULE_COLD_SPEC (default
// 1), when nothing (regular expressions, globs, JSON encoders) is cached
// yet: TERAMOTC_RULE_COLD=new or old (with TERAMOTC_OLD_POLICIES) picks the
// policies. Run it in a loop of fresh processes, e.g.
//
//	for i in $(seq 20); do for p in old new; do TERAMOTC_RULE_COLD=$p go test -count=1 -run PolicyCold ./pkg/rules -v | grep first; done; done
func TestPolicyCold(t *testing.T) {
	which := os.Getenv("TERAMOTC_RULE_COLD")
	if which == "" {
		t.Skip("set TERAMOTC_RULE_COLD to new or old")
	}
	mods, oldMods := costModules(t)
	if which == "old" {
		if oldMods == nil {
			t.Fatal("TERAMOTC_RULE_COLD=old needs TERAMOTC_OLD_POLICIES")
		}
		mods = oldMods
	}
	n := 1
	if s := os.Getenv("TERAMOTC_RULE_COLD_SPEC"); s != "" {
		if _, err := fmt.Sscan(s, &n); err != nil {
			t.Fatal(err)
		}
	}
	in := diffInputs(t, n+1)[n]
	pq := prepareQuery(t, mods, denyQuery(rulePackages(mods), true))
	t0, c0 := time.Now(), cpuTime()
	if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.value)); err != nil {
		t.Fatal(err)
	}
	first, firstCPU := time.Since(t0), cpuTime()-c0
	t0 = time.Now()
	if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.value)); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: first evaluation %v (CPU %v), second %v", which, first, firstCPU, time.Since(t0))
}

// partPackages splits the rule packages of mods in the two parts a lint of
// one spec evaluates at once (partOf, by the family of the rule's id).
func partPackages(mods []*Module) [parts][]string {
	var out [parts][]string
	for _, m := range mods {
		p := m.Parsed.Package.Path.String()
		if !strings.HasPrefix(p, "data.teramotc.rules.") || m.Test {
			continue
		}
		for _, a := range m.Parsed.Annotations {
			if id, ok := a.Custom["id"].(string); ok && a.Scope == "package" {
				part := partOf(&Rule{ID: id})
				out[part] = append(out[part], p)
			}
		}
	}
	return out
}

// TestPolicyProfile prints the Rego lines of the built-in policies that take
// the most time with OPA's profiler, which adds its own cost to each line.
func TestPolicyProfile(t *testing.T) {
	if os.Getenv("TERAMOTC_RULE_PROFILE") == "" {
		t.Skip("set TERAMOTC_RULE_PROFILE=1")
	}
	mods, _ := costModules(t)
	pq := prepareQuery(t, mods, denyQuery(rulePackages(mods), true))
	prof := profiler.New()
	for _, in := range diffInputs(t, costSpecs)[:costSpecs] {
		if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.value), rego.EvalQueryTracer(prof)); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range prof.ReportTopNResults(40, []string{"total_time_ns"}) {
		t.Logf("%8.2fms %7d evals %s:%d", float64(s.ExprTimeNs)/1e6, s.NumEval, s.Location.File, s.Location.Row)
	}
}

// costModules returns the embedded policies and, when TERAMOTC_OLD_POLICIES
// is set, the old ones.
func costModules(t *testing.T) (mods, old []*Module) {
	t.Helper()
	mods, err := BuiltinModules(false)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TERAMOTC_OLD_POLICIES"); dir != "" {
		if old, err = DirModules(dir, false); err != nil {
			t.Fatal(err)
		}
	}
	return mods, old
}

// cpuTime is the CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(fmt.Sprintf("getrusage: %v", err))
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// opCounter counts the expressions a query evaluates, by file.
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
