package spec

import (
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// referencedVars returns the names of the variables that some expression
// outside the variable blocks refers to (var.NAME or var["NAME"]); all
// reports a reference to the whole var object, which may read any.
func (l *loader) referencedVars() (names map[string]bool, all bool) {
	names = map[string]bool{}
	t := l.top
	groups := [][]*hcl.Block{t.settings, t.aws, t.locals, t.buckets, t.grants, t.trails, t.revoked}
	for _, blocks := range groups {
		for _, b := range blocks {
			body, ok := b.Body.(*hclsyntax.Body)
			if !ok {
				all = true // cannot tell: count every variable as used
				continue
			}
			_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
				e, ok := n.(*hclsyntax.ScopeTraversalExpr)
				if !ok || e.Traversal.RootName() != "var" {
					return nil
				}
				if len(e.Traversal) < 2 {
					all = true
					return nil
				}
				switch step := e.Traversal[1].(type) {
				case hcl.TraverseAttr:
					names[step.Name] = true
				case hcl.TraverseIndex:
					if k := step.Key; k.Type() == cty.String && k.IsKnown() && !k.IsNull() {
						names[k.AsString()] = true
					} else {
						all = true
					}
				default:
					all = true
				}
				return nil
			})
		}
	}
	return names, all
}

// unusedRequired reports a variable without a default or a value that
// nothing refers to: a warning, not "No value for required variable",
// since no value of it could change the spec (a grant became a
// revoked_grant and its external id variable stayed behind).
func (l *loader) unusedRequired(d *varDecl) {
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  "Unused variable",
		Detail: "The variable " + strconv.Quote(d.model.Name) + " has no default and no value was given, but nothing in the spec " +
			"refers to it (var." + d.model.Name + "), so teramotc goes on without it. It is declared but not used: " +
			"remove its variable block (and the value your CI passes for it).",
		Subject: d.block.DefRange.Ptr(),
	})
}
