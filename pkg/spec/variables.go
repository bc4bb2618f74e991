package spec

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// sensitiveMark marks values derived from a sensitive variable.
const sensitiveMark = "sensitive"

// varDecl is a declared variable during evaluation.
type varDecl struct {
	model      *Variable
	block      *hcl.Block
	ty         cty.Type
	defaults   *typeexpr.Defaults
	sensitive  bool
	nullable   bool
	hasDefault bool
	// def is the default value and defRange where it is written (NilVal
	// and nil without one).
	def         cty.Value
	defRange    *hcl.Range
	value       cty.Value
	valueRange  *hcl.Range // where the chosen value was written, when in a file
	validations []*hcl.Block
	// given holds the texts of every value given to a sensitive variable,
	// redacted from all diagnostics, and written the ranges of those written
	// in a file, masked in snippets (redact_sensitive.go).
	given   sensitiveTexts
	written []hcl.Range
}

// EnvPrefix prefixes the environment variables that set spec variables.
const EnvPrefix = "TERAMOTC_VAR_"

func (l *loader) decodeVariables() {
	l.varDecls = map[string]*varDecl{}
	var order []*varDecl
	for _, b := range l.top.variables {
		name := b.Labels[0]
		if !hclsyntax.ValidIdentifier(name) {
			l.errorf(b.LabelRanges[0].Ptr(), "Invalid variable name",
				"%q is not a valid variable name: use letters, digits, underscores and dashes, starting with a letter.", name)
			continue
		}
		if prev := l.varDecls[name]; prev != nil {
			l.errorf(b.LabelRanges[0].Ptr(), "Duplicate variable",
				"A variable named %q was already declared at %s. Variable names must be unique in a spec.",
				name, prev.block.DefRange)
			continue
		}
		d := l.decodeVariable(b)
		l.varDecls[name] = d
		order = append(order, d)
	}
	l.assignVariables()
	vals := map[string]cty.Value{}
	for _, d := range order {
		vals[d.model.Name] = d.value
		l.spec.Variables = append(l.spec.Variables, d.model)
	}
	l.varObj = cty.ObjectVal(vals)
	failed := false
	for _, d := range order {
		if !l.checkValidations(d) {
			vals[d.model.Name] = cty.DynamicVal // no follow-on errors from an invalid value
			failed = true
		}
	}
	if failed {
		l.varObj = cty.ObjectVal(vals)
	}
}

func (l *loader) decodeVariable(b *hcl.Block) *varDecl {
	content, diags := b.Body.Content(variableSchema)
	l.diags = append(l.diags, diags...)
	d := &varDecl{
		block: b, ty: cty.DynamicPseudoType, value: cty.DynamicVal,
		model: &Variable{Block: blockOf(b, "var."+b.Labels[0]), Name: b.Labels[0], Type: "any", Source: "default"},
	}
	a := l.attrs(content.Attributes, b.DefRange, nil)
	if attr := content.Attributes["type"]; attr != nil {
		ty, defs, diags := typeexpr.TypeConstraintWithDefaults(attr.Expr)
		suggestTypes(diags)
		l.diags = append(l.diags, diags...)
		if !diags.HasErrors() {
			d.ty, d.defaults = ty, defs
			d.model.Type = l.sourceText(attr.Expr.Range())
		}
	}
	d.model.Description = a.str("description", "")
	d.model.Sensitive = a.boolean("sensitive", false)
	d.sensitive = d.model.Sensitive.Value
	d.nullable = a.boolean("nullable", true).Value
	if attr := content.Attributes["default"]; attr != nil {
		d.hasDefault = true
		v, diags := attr.Expr.Value(&hcl.EvalContext{Functions: l.funcs})
		explainFunctions(diags)
		l.diags = append(l.diags, diags...)
		switch {
		case diags.HasErrors():
		case v.IsNull() && !d.nullable:
			l.errorf(attr.Expr.Range().Ptr(), "Invalid default value for variable",
				"The variable %q is declared with nullable = false, so its default may not be null. "+
					"Give a default value, or remove the default to make the variable required.", d.model.Name)
		default:
			d.setValue(l, v, "default", attr.Expr.Range().Ptr())
			d.def, d.defRange = v, attr.Expr.Range().Ptr()
		}
	}
	for _, vb := range content.Blocks {
		d.validations = append(d.validations, vb)
	}
	return d
}

// setValue converts v to the variable's type and records it as its value.
//
// A null value for a variable declared with nullable = false takes the
// default instead, as in Terraform, and is an error without one.
func (d *varDecl) setValue(l *loader, v cty.Value, source string, rng *hcl.Range) {
	if v.IsKnown() && v.IsNull() && !d.nullable && source != "default" {
		if d.def == cty.NilVal {
			l.errorf(rng, "Invalid value for variable",
				"The variable %q is declared with nullable = false, so it may not be null (the value from %s is), "+
					"and it has no default to use instead. Give it a value, or remove nullable = false.",
				d.model.Name, d.valueSource(source))
			d.value = cty.DynamicVal
			return
		}
		v, source, rng = d.def, "default", d.defRange
	}
	if d.sensitive {
		d.remember(v, rng)
	}
	if d.defaults != nil {
		v = d.defaults.Apply(v)
	}
	cv, err := convert.Convert(v, d.ty)
	if err != nil {
		l.errorf(rng, "Invalid value for variable",
			"The value for variable %q from %s is not compatible with its type %s: %s. Give a value of that type.",
			d.model.Name, d.valueSource(source), d.model.Type, err)
		d.value = cty.DynamicVal
		return
	}
	if d.sensitive {
		d.remember(cv, nil)
		cv = markDeep(cv)
	}
	d.value, d.model.Source, d.valueRange = cv, source, rng
}

// valueSource describes where a value of the variable came from, for a
// diagnostic.
func (d *varDecl) valueSource(source string) string {
	switch source {
	case "default":
		return "its default"
	case "env":
		return "the environment variable " + EnvPrefix + d.model.Name
	case "var":
		return "the -var " + d.model.Name + "=... option"
	case "var-file":
		return "a -var-file"
	}
	return source
}

// assignVariables applies values in precedence order: defaults (already
// set), environment, then -var-file and -var in command-line order.
func (l *loader) assignVariables() {
	set := map[string]bool{}
	for _, kv := range l.opts.Environ {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(k, EnvPrefix) {
			continue
		}
		if d := l.varDecls[strings.TrimPrefix(k, EnvPrefix)]; d != nil {
			d.setValue(l, d.parseRaw(l, v, "environment variable "+k), "env", nil)
			set[d.model.Name] = true
		}
	}
	for _, a := range l.varArgs() {
		if a.File {
			l.applyVarFile(a.Value, set)
			continue
		}
		name, raw, ok := strings.Cut(a.Value, "=")
		if !ok || name == "" {
			l.errorf(nil, "Invalid -var option",
				"The option -var %q is not of the form NAME=VALUE, for example -var 'region=eu-west-1'.", a.Value)
			continue
		}
		d := l.varDecls[name]
		if d == nil {
			l.errorf(nil, "Value for undeclared variable",
				"A -var option sets %q, but the spec declares no such variable.%s", name, l.suggestVar(name))
			continue
		}
		d.setValue(l, d.parseRaw(l, raw, "-var "+name), "var", nil)
		set[name] = true
	}
	used, all := l.referencedVars()
	for _, b := range l.top.variables {
		d := l.varDecls[b.Labels[0]]
		if d == nil || d.block != b || d.hasDefault || set[d.model.Name] {
			continue
		}
		if !all && !used[d.model.Name] {
			l.unusedRequired(d)
			continue
		}
		l.errorf(b.DefRange.Ptr(), "No value for required variable",
			"The variable %q has no default and no value was given. Set it with -var '%s=VALUE', "+
				"in a -var-file or with the environment variable %s%s, or give it a default in its variable block.", d.model.Name, d.model.Name, EnvPrefix, d.model.Name)
	}
}

// parseRaw reads a command-line or environment value: literally for a
// primitive type, as an HCL expression otherwise (like Terraform).
func (d *varDecl) parseRaw(l *loader, raw, what string) cty.Value {
	if d.ty.IsPrimitiveType() {
		return cty.StringVal(raw)
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), what, hcl.InitialPos)
	if !diags.HasErrors() {
		v, diags := expr.Value(nil)
		if !diags.HasErrors() {
			return v
		}
	}
	if d.ty == cty.DynamicPseudoType {
		return cty.StringVal(raw)
	}
	l.errorf(nil, "Invalid value for variable",
		"The value given by %s is not a valid HCL expression for type %s.", what, d.model.Type)
	return cty.DynamicVal
}

func (l *loader) suggestVar(name string) string {
	names := make([]string, 0, len(l.varDecls))
	for n := range l.varDecls {
		names = append(names, n)
	}
	return didYouMean(name, names)
}

// sourceText returns the source text covered by rng.
func (l *loader) sourceText(rng hcl.Range) string {
	src := l.srcs[rng.Filename]
	if rng.End.Byte > len(src) || rng.Start.Byte > rng.End.Byte {
		return ""
	}
	return string(src[rng.Start.Byte:rng.End.Byte])
}
