package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/teramot/teramotc/internal/benchgen"
	"github.com/teramot/teramotc/pkg/inspect"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

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
