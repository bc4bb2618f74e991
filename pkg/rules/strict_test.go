package rules

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestBuiltinStrict compiles the built-in policies and their tests in
// OPA's strict mode, as "opa check --strict" does: no unused variables,
// imports or function arguments, no shadowed keywords. Strictness changes
// no result; it keeps the rules free of dead code a reader would puzzle
// over.
func TestBuiltinStrict(t *testing.T) {
	mods, err := BuiltinModules(true)
	if err != nil {
		t.Fatal(err)
	}
	parsed := map[string]*ast.Module{}
	opts := ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}
	for _, m := range mods {
		p, err := ast.ParseModuleWithOpts(m.File, string(m.Source), opts)
		if err != nil {
			t.Fatal(err)
		}
		parsed[m.File] = p
	}
	c := ast.NewCompiler().WithStrict(true)
	if c.Compile(parsed); c.Failed() {
		for _, e := range c.Errors {
			t.Error(e)
		}
	}
}
