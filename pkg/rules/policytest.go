package rules

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestPolicies runs the Rego unit tests (test_* rules, usually in
// *_test.rego files) of the modules of dirs with OPA's tester. The built-in
// policies are always loaded, so that user tests can use them and their
// helper libraries; their own tests run when builtinTests is set. filter,
// when not empty, is a regular expression on test names (as `opa test
// --run`).
func TestPolicies(ctx context.Context, dirs []string, builtinTests bool, filter string, allowNetwork bool) ([]*tester.Result, error) {
	mods, err := BuiltinModules(builtinTests)
	if err != nil {
		return nil, err
	}
	for _, dir := range dirs {
		m, err := DirModules(dir, true)
		if err != nil {
			return nil, err
		}
		mods = append(mods, m...)
	}
	modules := make(map[string]*ast.Module, len(mods))
	for _, m := range mods {
		if _, dup := modules[m.File]; dup {
			return nil, fmt.Errorf("policy file %s is given twice", m.File)
		}
		modules[m.File] = m.Parsed
	}
	compiler := ast.NewCompiler().
		WithCapabilities(Capabilities(allowNetwork)).
		WithDefaultRegoVersion(ast.RegoV1).
		WithEnablePrintStatements(true)
	runner := tester.NewRunner().
		SetCompiler(compiler).
		SetModules(modules).
		SetDefaultRegoVersion(ast.RegoV1).
		CapturePrintOutput(true).
		Filter(filter)
	ch, err := runner.RunTests(ctx, nil)
	if err != nil {
		return nil, explainWithheld(err, allowNetwork)
	}
	var results []*tester.Result
	for r := range ch {
		results = append(results, r)
	}
	return results, nil
}
