package spec

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// checkValidations evaluates the variable's validation blocks and reports
// whether the value passed them all.
func (l *loader) checkValidations(d *varDecl) bool {
	passed := true
	for _, vb := range d.validations {
		content, diags := vb.Body.Content(validationSchema)
		l.diags = append(l.diags, diags...)
		cond, msg := content.Attributes["condition"], content.Attributes["error_message"]
		if cond == nil || msg == nil {
			l.errorf(vb.DefRange.Ptr(), "Incomplete validation block",
				"A validation block needs both condition and error_message.")
			continue
		}
		if !l.ownReferences(d, cond, "condition") || !l.ownReferences(d, msg, "error message") {
			continue
		}
		if !d.value.IsWhollyKnown() {
			continue
		}
		v, ok := l.eval(cond.Expr)
		if !ok || !v.IsWhollyKnown() {
			continue
		}
		v, _ = v.Unmark()
		if v.IsNull() || !v.Type().Equals(cty.Bool) {
			l.errorf(cond.Expr.Range().Ptr(), "Invalid validation condition", "The condition must be true or false.")
			continue
		}
		if v.True() {
			continue
		}
		text := "The value is invalid."
		if m, ok := l.eval(msg.Expr); ok && m.IsWhollyKnown() {
			if m, err := convert.Convert(m, cty.String); err == nil && !m.IsNull() && !m.IsMarked() {
				text = m.AsString()
			}
		}
		subject := d.valueRange
		if subject == nil {
			subject = cond.Expr.Range().Ptr()
		}
		l.errorf(subject, "Invalid value for variable",
			"%s\n\nThis was checked by the validation rule at %s.", text, cond.Expr.Range())
		passed = false
	}
	return passed
}

// ownReferences reports each reference of a validation attribute to
// anything but its own variable, and whether there was none. Validations run
// before locals and buckets are evaluated, and a rule about one variable
// must not depend on another.
func (l *loader) ownReferences(d *varDecl, attr *hcl.Attribute, what string) bool {
	ok := true
	for _, t := range attr.Expr.Variables() {
		if t.RootName() == "var" && len(t) > 1 {
			if a, isAttr := t[1].(hcl.TraverseAttr); isAttr && a.Name == d.model.Name {
				continue
			}
		}
		l.errorf(t.SourceRange().Ptr(), "Invalid reference in variable validation",
			"The %s may refer only to var.%s, the variable it validates. Check other values where they are used, "+
				"or write the rule in terms of var.%s alone.", what, d.model.Name, d.model.Name)
		ok = false
	}
	return ok
}
