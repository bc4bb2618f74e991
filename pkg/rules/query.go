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
//	part0 := [...]
//	part1 := [...]
//
// in the order of the rules' IDs. The query that evaluates it is then a
// single reference, which OPA prepares in microseconds; a query of one
// assignment per rule took a tenth of a lint process's start-up to prepare.
//
// part0 and part1 split the rules in two (partOf), so that a single spec
// is evaluated on two cores at once (Set.evaluate).
const queryFile = "<teramotc>/lint.rego"

// lintQueries are the queries of a Set, x = data.teramotc.internal.lint.R
// for R findings (all rules), then each part. They are built as syntax
// trees: parsing even a one-reference query costs a cold process a quarter
// of a millisecond.
func lintQueries() (qs [1 + parts]ast.Body) {
	for i, name := range [1 + parts]string{"findings", "part0", "part1"} {
		ref := ast.Ref{ast.DefaultRootDocument, ast.InternedTerm("teramotc"), ast.InternedTerm("internal"),
			ast.InternedTerm("lint"), ast.StringTerm(name)}
		qs[i] = ast.NewBody(ast.Equality.Expr(ast.VarTerm("x"), ast.NewTerm(ref)))
	}
	return qs
}

const parts = 2

// partOf puts a rule in one of the two parts by its family, the first digit
// of a TMC id: families share helper rules, which each part evaluates on
// its own, and these two halves take about the same time on the built-in
// rules (TMC1xx, 2xx and 6xx against 3xx, 4xx, 5xx and 7xx; custom rules
// join the second).
func partOf(r *Rule) int {
	if len(r.ID) > 3 && strings.HasPrefix(r.ID, "TMC") && strings.ContainsRune("126", rune(r.ID[3])) {
		return 0
	}
	return 1
}

// Part is the half (0 or 1) in which a lint of one spec on two cores
// evaluates the rule with this id (partOf); bench/ruleprof measures each.
func Part(id string) int { return partOf(&Rule{ID: id}) }

// sortRules orders rules by ID, the order of the findings array.
func sortRules(rs []*Rule) {
	slices.SortFunc(rs, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
}

// querySource is the generated module for rs, sorted by sortRules.
func querySource(rs []*Rule) string {
	var b strings.Builder
	b.WriteString("package teramotc.internal.lint\n")
	list := func(name string, keep func(*Rule) bool) {
		fmt.Fprintf(&b, "\n%s := [\n", name)
		for _, r := range rs {
			if keep(r) {
				fmt.Fprintf(&b, "\t%s.deny,\n", r.Package)
			}
		}
		b.WriteString("]\n")
	}
	list("findings", func(*Rule) bool { return true })
	for p := range parts {
		list(fmt.Sprintf("part%d", p), func(r *Rule) bool { return partOf(r) == p })
	}
	return b.String()
}

func queryModule(rs []*Rule) (*ast.Module, error) {
	return ast.ParseModuleWithOpts(queryFile, querySource(rs), ast.ParserOptions{RegoVersion: ast.RegoV1})
}

// subsetQueries are lintQueries for some of the rules, rs sorted by
// sortRules: x = [data.PKG.deny, ...] of rs, then of each part of rs. The
// array is a query of its own, prepared on the compiled set (no module is
// added, so nothing is compiled again).
func subsetQueries(rs []*Rule) (qs [1 + parts]ast.Body, err error) {
	list := func(keep func(*Rule) bool) (*ast.Term, error) {
		var refs []*ast.Term
		for _, r := range rs {
			if !keep(r) {
				continue
			}
			ref, err := ast.ParseRef(r.Package + ".deny")
			if err != nil {
				return nil, fmt.Errorf("rule %s: package %q: %w", r.ID, r.Package, err)
			}
			refs = append(refs, ast.NewTerm(ref))
		}
		return ast.ArrayTerm(refs...), nil
	}
	for i := range 1 + parts {
		arr, err := list(func(r *Rule) bool { return i == 0 || partOf(r) == i-1 })
		if err != nil {
			return qs, err
		}
		qs[i] = ast.NewBody(ast.Equality.Expr(ast.VarTerm("x"), arr))
	}
	return qs, nil
}
