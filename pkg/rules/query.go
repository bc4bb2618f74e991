package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Every rule's deny set is read in one pass through one generated rule,
// compiled with the policies (and so into the snapshot):
//
//	package teramotc.internal.lint
//	findings := [data.teramotc.rules.a.deny, data.teramotc.rules.b.deny, ...]
//
// in the order of the rules' IDs. The query that evaluates it is then a
// single reference, which OPA prepares in microseconds; a query of one
// assignment per rule took a tenth of a lint process's start-up to prepare.
const (
	queryFile = "<teramotc>/lint.rego"
	lintQuery = "x := data.teramotc.internal.lint.findings"
)

// sortRules orders rules by ID, the order of the findings array.
func sortRules(rs []*Rule) {
	slices.SortFunc(rs, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
}

// queryModule returns the generated module for rs, sorted by sortRules.
func queryModule(rs []*Rule) (*ast.Module, error) {
	var b strings.Builder
	b.WriteString("package teramotc.internal.lint\n\nfindings := [\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "\t%s.deny,\n", r.Package)
	}
	b.WriteString("]\n")
	return ast.ParseModuleWithOpts(queryFile, b.String(), ast.ParserOptions{RegoVersion: ast.RegoV1})
}
