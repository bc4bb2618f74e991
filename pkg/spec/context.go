package spec

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// eval evaluates expr in the spec's context. ok is false when the
// expression refers to something undeclared or fails to evaluate.
func (l *loader) eval(expr hcl.Expression) (cty.Value, bool) {
	ctx, ok := l.ctxFor(expr)
	if !ok {
		return cty.DynamicVal, false
	}
	v, diags := expr.Value(ctx)
	explainFunctions(diags)
	hideSensitive(diags, expr, ctx)
	for _, d := range diags {
		// The context holds variable values, sensitive ones included; a
		// diagnostic printer must not be able to show them.
		d.EvalContext = nil
	}
	l.diags = append(l.diags, diags...)
	return v, !diags.HasErrors()
}

// ctxFor builds the evaluation context of expr, holding only the values it
// refers to, and reports references to undeclared names.
func (l *loader) ctxFor(expr hcl.Expression) (*hcl.EvalContext, bool) {
	locals := map[string]cty.Value{}
	buckets := map[string]cty.Value{}
	ok := true
	for _, t := range expr.Variables() {
		root := t.RootName()
		name, nameRange, has := "", t.SourceRange(), false
		if len(t) > 1 {
			if a, isAttr := t[1].(hcl.TraverseAttr); isAttr {
				name, nameRange, has = a.Name, nameOnly(a), true
			}
		}
		switch root {
		case "var", "local", "bucket":
		default:
			l.errorf(t[0].SourceRange().Ptr(), "Unknown reference",
				"%q is not something a spec can refer to. References start with var., local. or bucket.%s",
				root, didYouMean(root, []string{"var", "local", "bucket"}))
			ok = false
			continue
		}
		if !has {
			l.errorf(t.SourceRange().Ptr(), "Invalid reference",
				"A reference to %s needs a name after the dot, like %s.", root, map[string]string{
					"var": "var.region", "local": "local.bucket_name", "bucket": "bucket.data"}[root])
			ok = false
			continue
		}
		switch root {
		case "var":
			if l.varDecls[name] == nil {
				l.errorf(nameRange.Ptr(), "Reference to undeclared input variable",
					"There is no variable named %q. Declare it with a variable block.%s", name, l.suggestVar(name))
				ok = false
			}
		case "local":
			if l.localDefs[name] == nil {
				l.errorf(nameRange.Ptr(), "Reference to undeclared local value",
					"There is no local value named %q.%s", name, didYouMean(name, keys(l.localDefs)))
				ok = false
				continue
			}
			v, found := l.localVals[name]
			if !found {
				v = cty.DynamicVal
			}
			locals[name] = v
		case "bucket":
			d := l.bucketDef[name]
			if d == nil {
				l.errorf(nameRange.Ptr(), "Reference to undeclared bucket",
					"There is no bucket block labelled %q.%s", name, didYouMean(name, keys(l.bucketDef)))
				ok = false
				continue
			}
			if len(t) > 2 {
				if a, isAttr := t[2].(hcl.TraverseAttr); isAttr && !contains(bucketRefAttrs, a.Name) {
					l.errorf(nameOnly(a).Ptr(), "Unsupported attribute",
						"A bucket reference has the attributes %s; there is no %q.%s",
						quoteList(bucketRefAttrs), a.Name, didYouMean(a.Name, bucketRefAttrs))
					ok = false
					continue
				}
			}
			buckets[name] = d.ref
		}
	}
	return &hcl.EvalContext{
		Variables: map[string]cty.Value{
			"var":    l.varObj,
			"local":  cty.ObjectVal(locals),
			"bucket": cty.ObjectVal(buckets),
		},
		Functions: l.funcs,
	}, ok
}

// bucketRefAttrs are the attributes of a bucket reference (bucket.LABEL).
var bucketRefAttrs = []string{"arn", "label", "name", "region"}

// nameOnly returns the range of an attribute step's name: hclsyntax's range
// of .name starts at the dot.
func nameOnly(a hcl.TraverseAttr) hcl.Range {
	r := a.SrcRange
	if r.End.Byte-r.Start.Byte == len(a.Name)+1 && r.Start.Line == r.End.Line {
		r.Start.Byte++
		r.Start.Column++
	}
	return r
}
