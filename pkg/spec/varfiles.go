package spec

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// varArgs returns the -var and -var-file arguments in the order they apply.
func (l *loader) varArgs() []VarArg {
	if len(l.opts.Args) > 0 {
		return l.opts.Args
	}
	var args []VarArg
	for _, f := range l.opts.VarFiles {
		args = append(args, VarArg{File: true, Value: f})
	}
	for _, v := range l.opts.Vars {
		args = append(args, VarArg{Value: v})
	}
	return args
}

// parseVarFiles reads every -var-file before evaluation starts (as given:
// they are not confined to the spec root) and scans them for secrets.
func (l *loader) parseVarFiles() {
	l.varFiles = map[string]*hcl.File{}
	for _, a := range l.varArgs() {
		if _, done := l.varFiles[a.Value]; !a.File || done {
			continue
		}
		f, src, tokens, diags := parseVarFile(l.parser, a.Value)
		l.diags = append(l.diags, diags...)
		if tokens != nil {
			l.tokens[a.Value] = tokens
		}
		if src != nil { // also when invalid: its syntax error shows a snippet
			l.scanSecrets(a.Value, src)
		}
		if diags.HasErrors() {
			if f != nil {
				// Which of its values are secrets is not known before the
				// spec is evaluated: its syntax errors show no snippet.
				l.parser.AddFile(a.Value, &hcl.File{Body: f.Body, Nav: f.Nav})
			}
			f = nil
		}
		l.varFiles[a.Value] = f
	}
}

func (l *loader) applyVarFile(path string, set map[string]bool) {
	f := l.varFiles[path]
	if f == nil {
		return
	}
	attrs, diags := f.Body.JustAttributes()
	l.diags = append(l.diags, diags...)
	for _, attr := range sortedAttrs(attrs) {
		d := l.varDecls[attr.Name]
		if d == nil {
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  "Value for undeclared variable",
				Detail: fmt.Sprintf("The variable file sets %q, but the spec declares no such variable.%s %s", attr.Name,
					l.suggestVar(attr.Name), hiddenValueNote),
				Subject: attr.NameRange.Ptr(),
			})
			continue
		}
		v, diags := attr.Expr.Value(nil)
		l.diags = append(l.diags, diags...)
		if diags.HasErrors() {
			continue
		}
		d.setValue(l, v, "var-file", attr.Expr.Range().Ptr())
		set[attr.Name] = true
	}
}

// hiddenValueNote tells why a diagnostic's snippet hides the value of an
// undeclared name in a variable file (unshownValues): text snippets print
// HiddenValueText, JSON and SARIF snippets '*' for each of its characters.
const hiddenValueNote = "Its value is not shown: a variable file may hold secrets."

// unshownValues returns where values are written that no snippet may show
// although no sensitive variable took them (see sensitiveRanges): in the
// -var-file files, the value of an undeclared name (its sensitivity is
// unknown, and a near miss of a sensitive variable's name most likely holds
// its secret) and every value for a sensitive variable, also one that
// failed to evaluate (upper("..."), "...${x}"); in the spec, the default of
// every sensitive variable, evaluated or not.
func (l *loader) unshownValues() []hcl.Range {
	var out []hcl.Range
	for _, a := range l.varArgs() {
		f := l.varFiles[a.Value]
		if !a.File || f == nil {
			continue
		}
		attrs, _ := f.Body.JustAttributes()
		for _, attr := range sortedAttrs(attrs) {
			if d := l.varDecls[attr.Name]; d == nil || d.sensitive {
				out = append(out, attr.Expr.Range())
			}
		}
	}
	for _, name := range keys(l.varDecls) {
		d := l.varDecls[name]
		if body, ok := d.block.Body.(*hclsyntax.Body); ok && d.sensitive {
			if def := body.Attributes["default"]; def != nil {
				out = append(out, def.Expr.Range())
			}
		}
	}
	return out
}
