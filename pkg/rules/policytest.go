package rules

import (
	"cmp"
	"context"
	"errors"
	"math"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestOptions select the Rego unit tests TestPolicies runs.
type TestOptions struct {
	// Dirs are custom policy directories (or .rego files), with their
	// *_test.rego files.
	Dirs []string
	// Builtin also runs the built-in policies' own tests.
	Builtin bool
	// Run, when not empty, is a regular expression on test names (as
	// `opa test --run`): only the tests it matches run.
	Run string
	// AllowNetworkBuiltins: see Options.
	AllowNetworkBuiltins bool
	// Timeout bounds the whole run; 0 means no bound. A run that it cuts
	// short is an error, never a shorter list of results.
	Timeout time.Duration
	// Coverage, when set, collects the run's coverage (NewCoverage).
	Coverage *Coverage
}

// TestPolicies runs the Rego unit tests (test_* rules, usually in
// *_test.rego files) of the modules of opts.Dirs with OPA's tester. The
// built-in policies are always loaded, so that user tests can use them and
// their helper libraries. It returns the result of every selected test, by
// file and line, or
// a *PolicyError: policies that do not load or compile (or whose package is
// reserved for the built-ins, see checkReserved), an invalid Run, or
// a run that ended (its timeout passed, or ctx was cancelled) before every
// test ran.
func TestPolicies(ctx context.Context, opts TestOptions) ([]*tester.Result, error) {
	filter, err := testFilter(opts.Run)
	if err != nil {
		return nil, err
	}
	mods, err := BuiltinModules(opts.Builtin)
	if err != nil {
		return nil, err
	}
	builtin := len(mods)
	for _, dir := range opts.Dirs {
		m, err := DirModules(dir, true)
		if err != nil {
			return nil, err
		}
		mods = append(mods, m...)
	}
	if err := checkReserved(mods[:builtin], mods[builtin:]); err != nil {
		return nil, err
	}
	modules := make(map[string]*ast.Module, len(mods))
	for _, m := range mods {
		if _, dup := modules[m.File]; dup {
			return nil, policyError(nil, "Policy file given twice",
				"%s is loaded twice. Give each policy directory or file once.", m.File)
		}
		modules[m.File] = m.Parsed
	}
	runCtx, cancel := ctx, context.CancelFunc(func() {})
	if opts.Timeout > 0 {
		runCtx, cancel = context.WithTimeout(ctx, opts.Timeout)
	}
	defer cancel()
	compiler := ast.NewCompiler().
		WithCapabilities(Capabilities(opts.AllowNetworkBuiltins)).
		WithDefaultRegoVersion(ast.RegoV1).
		WithEnablePrintStatements(true)
	runner := tester.NewRunner().
		SetCompiler(compiler).
		SetModules(modules).
		SetDefaultRegoVersion(ast.RegoV1).
		CapturePrintOutput(true).
		// Only the run's deadline applies: no test has a bound of its own
		// (the tester's default is 5 s).
		SetTimeout(time.Duration(math.MaxInt64)).
		Filter(opts.Run)
	if opts.Coverage != nil {
		runner = opts.Coverage.track(runner, mods, builtin, opts.Builtin)
	}
	ch, err := runner.RunTests(runCtx, nil)
	if err != nil {
		return nil, regoError(err, mods, opts.AllowNetworkBuiltins)
	}
	var results []*tester.Result
	for r := range ch {
		results = append(results, r)
	}
	if runCtx.Err() != nil {
		if err := incomplete(ctx, results, countTests(compiler, filter), opts.Timeout); err != nil {
			return nil, err
		}
	}
	sortResults(results)
	return results, nil
}

// sortResults orders results by file and line: the tester runs tests in
// parallel and reports them as they end.
func sortResults(results []*tester.Result) {
	slices.SortStableFunc(results, func(a, b *tester.Result) int {
		if a.Location == nil || b.Location == nil {
			return cmp.Compare(a.Package+"."+a.Name, b.Package+"."+b.Name)
		}
		return cmp.Or(
			cmp.Compare(a.Location.File, b.Location.File),
			cmp.Compare(a.Location.Row, b.Location.Row),
			cmp.Compare(a.Name, b.Name))
	})
}

// testFilter compiles a -run expression; "" gives nil.
func testFilter(run string) (*regexp.Regexp, error) {
	if run == "" {
		return nil, nil
	}
	re, err := regexp.Compile(run)
	if err == nil {
		return re, nil
	}
	msg := err.Error()
	var se *syntax.Error
	if errors.As(err, &se) {
		msg = se.Code.String() + ": `" + se.Expr + "`"
	}
	return nil, policyError(err, "Invalid -run expression",
		"-run is not a valid regular expression: %s. Give a Go regular expression that matches test names, such as -run=test_deny or -run='versioning_test\\.'.", msg)
}

// countTests returns the number of tests the tester runs from the modules
// of a compiler: the test_* and todo_* rules that filter (if any) matches,
// as their full names (data.pkg.test_name).
func countTests(c *ast.Compiler, filter *regexp.Regexp) int {
	n := 0
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			if isTestRule(m, r, filter) {
				n++
			}
		}
	}
	return n
}

// isTestRule reports whether the tester runs rule r of module m: the first
// part of its name with the test_ or todo_ prefix decides, as in OPA's
// tester.
func isTestRule(m *ast.Module, r *ast.Rule, filter *regexp.Regexp) bool {
	var ref ast.Ref
	for _, t := range r.Head.Ref().GroundPrefix() {
		ref = ref.Append(t)
		var name string
		switch v := t.Value.(type) {
		case ast.Var:
			name = string(v)
		case ast.String:
			name = string(v)
		}
		if strings.HasPrefix(name, tester.TestPrefix) || strings.HasPrefix(name, tester.SkipTestPrefix) {
			return filter == nil || filter.MatchString(m.Package.Path.Extend(ref).String())
		}
	}
	return false
}
