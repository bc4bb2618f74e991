package spec

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// The values of sensitive variables must not be repeated by a diagnostic.
// They are marked (deeply: every element too, so that a for expression's
// iteration values stay marked), hcl and cty carry the mark to every value
// derived from them, and the texts of the marked values are replaced by
// RedactedText in diagnostics:
//
//   - eval redacts the diagnostics of an expression with the marked values
//     it could have quoted: those of its context, and those of every
//     sub-expression of the failing one (upper(var.x) in tonumber(upper(var.x))),
//   - once evaluated, Load redacts all its diagnostics with the strings and
//     numbers given to sensitive variables (default, -var, -var-file,
//     environment), whatever produced them: a check that quotes a value it
//     does not know to be sensitive ("S3 rejects -98765") is covered too,
//     but for a short value inside a sentence (shortSensitive): checks
//     print an Attr marked Sensitive as RedactedText themselves (show,
//     quoteValue, showInt).

// The two placeholders of a sensitive value. Both are part of versioned
// outputs: do not change their text.
const (
	// RedactedText replaces a sensitive value in text for people:
	// diagnostics (as in Terraform), findings and warnings (Loaded.Redact).
	RedactedText = "(sensitive value)"
	// RedactedData replaces a sensitive value in machine-readable
	// documents: plans (plan -json, plan files), the inspect document and
	// rendered documents shown in place of a sensitive one.
	RedactedData = "(sensitive)"
)

// shortSensitive is the length under which a sensitive value's text is only
// replaced quoted or whole (replaceBare), not inside other text: a value
// "on" must not turn "condition" into garbage, nor a value "*" the "s3:*"
// of another attribute.
const shortSensitive = 4

// quoteValue quotes a value for a diagnostic, or gives RedactedText when it
// is sensitive (derived values such as "s3:${var.x}" included, which the
// redaction of the variables' own texts would only cut in part).
func quoteValue(v string, sensitive bool) string {
	if sensitive {
		return RedactedText
	}
	return strconv.Quote(v)
}

// showInt prints a number for a diagnostic, or RedactedText when it is
// sensitive: a short one is not redacted inside a sentence (replaceBare).
func showInt(a Attr[int]) string {
	if a.Sensitive {
		return RedactedText
	}
	return strconv.Itoa(a.Value)
}

// markDeep marks v and every value inside it as sensitive.
func markDeep(v cty.Value) cty.Value {
	out, err := cty.Transform(v, func(_ cty.Path, v cty.Value) (cty.Value, error) {
		return v.Mark(sensitiveMark), nil
	})
	if err != nil {
		return v.Mark(sensitiveMark)
	}
	return out
}

// sensitiveTexts collects the texts of the sensitive values inside values.
type sensitiveTexts map[string]bool

// add adds the text of every string and number in v that is marked
// sensitive or lies inside a marked value; with wide, also its bools and the
// keys of its maps (common words, redacted only where v was used).
func (s sensitiveTexts) add(v cty.Value, inherited, wide bool) {
	v, marks := v.Unmark()
	sens := inherited || marks.Has(sensitiveMark)
	if !v.IsKnown() || v.IsNull() {
		return
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		if sens {
			s[v.AsString()] = true
		}
	case ty == cty.Number:
		if sens {
			s[v.AsBigFloat().Text('f', -1)] = true
		}
	case ty == cty.Bool:
		if sens && wide {
			s[strconv.FormatBool(v.True())] = true
		}
	case ty.IsCollectionType() || ty.IsTupleType() || ty.IsObjectType():
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if sens && wide && ty.IsMapType() {
				s[k.AsString()] = true
			}
			s.add(e, sens, wide)
		}
	}
}

// redact replaces the sensitive texts in the diagnostics' summaries and
// details.
func (s sensitiveTexts) redact(diags hcl.Diagnostics) {
	if len(s) == 0 {
		return
	}
	for _, d := range diags {
		d.Summary = s.replace(d.Summary)
		d.Detail = s.replace(d.Detail)
	}
}

// replace returns text with every sensitive text replaced: quoted as Go, cty
// and JSON print strings, escaped inside a longer quoted string, and bare.
func (s sensitiveTexts) replace(text string) string {
	vals := make([]string, 0, len(s))
	for v := range s {
		if v != "" {
			vals = append(vals, v)
		}
	}
	// Longest first, so that a value holding another is replaced whole.
	sort.Slice(vals, func(i, j int) bool {
		if len(vals[i]) != len(vals[j]) {
			return len(vals[i]) > len(vals[j])
		}
		return vals[i] < vals[j]
	})
	// A placeholder byte stands for RedactedText until the end, so that a
	// value such as "value" does not match inside an earlier replacement.
	const hole = "\x00"
	if strings.Contains(text, hole) {
		text = strings.ReplaceAll(text, hole, "\uFFFD")
	}
	// Replacements of an earlier pass stay whole (a second pass, by Redact or
	// hideSecrets, must not match "value" inside them).
	text = strings.ReplaceAll(text, RedactedText, hole)
	for _, v := range vals {
		quoted := strconv.Quote(v)
		text = strings.ReplaceAll(text, quoted, hole)
		if j, err := json.Marshal(v); err == nil && string(j) != quoted {
			text = strings.ReplaceAll(text, string(j), hole)
		}
		if escaped := quoted[1 : len(quoted)-1]; escaped != v {
			text = replaceBare(text, escaped, hole, len(v) < shortSensitive)
		}
		text = replaceBare(text, v, hole, len(v) < shortSensitive)
	}
	return strings.ReplaceAll(text, hole, RedactedText)
}

// replaceBare replaces old by repl in text; when old is short, only where it
// is the whole text or quoted whole by backquotes or single quotes (double
// quotes are replace's): a short value found inside other text is most
// likely not the value, and replacing it there would garble the text and
// tell what the value is ("(1 hour)" becoming "((sensitive value) hour)").
// Checks that print such a value unquoted redact it themselves.
func replaceBare(text, old, repl string, short bool) string {
	switch {
	case !short:
		return strings.ReplaceAll(text, old, repl)
	case text == old:
		return repl
	}
	for _, q := range []string{"`", "'"} {
		text = strings.ReplaceAll(text, q+old+q, q+repl+q)
	}
	return text
}

// hideSensitive redacts the diagnostics of evaluating expr in ctx when the
// values it refers to hold sensitive ones.
func hideSensitive(diags hcl.Diagnostics, expr hcl.Expression, ctx *hcl.EvalContext) {
	if len(diags) == 0 || ctx == nil {
		return
	}
	base := sensitiveTexts{}
	for _, t := range expr.Variables() {
		if v, d := t.TraverseAbs(ctx); !d.HasErrors() {
			base.add(v, false, true)
		}
	}
	if len(base) == 0 {
		return
	}
	for _, d := range diags {
		texts := sensitiveTexts{}
		for v := range base {
			texts[v] = true
		}
		if n, ok := d.Expression.(hclsyntax.Node); ok && d.EvalContext != nil {
			// The failing expression's parts may hold values derived from
			// sensitive ones; they carry the mark.
			_ = hclsyntax.VisitAll(n, func(n hclsyntax.Node) hcl.Diagnostics {
				if e, ok := n.(hclsyntax.Expression); ok {
					v, _ := e.Value(d.EvalContext)
					texts.add(v, false, true)
				}
				return nil
			})
		}
		texts.redact(hcl.Diagnostics{d})
	}
}

// remember records the strings and numbers of a value given to a sensitive
// variable, and where it was written when in a file.
func (d *varDecl) remember(v cty.Value, rng *hcl.Range) {
	if d.given == nil {
		d.given = sensitiveTexts{}
	}
	d.given.add(v, true, false)
	if rng != nil {
		d.written = append(d.written, *rng)
	}
}

// sensitiveVarTexts returns the texts given to every sensitive variable.
func (l *loader) sensitiveVarTexts() sensitiveTexts {
	out := sensitiveTexts{}
	for _, d := range l.varDecls {
		for v := range d.given {
			out[v] = true
		}
	}
	return out
}

// sensitiveRanges returns where the values of sensitive variables are
// written: their defaults and -var-file lines.
func (l *loader) sensitiveRanges() []hcl.Range {
	var out []hcl.Range
	for _, name := range keys(l.varDecls) {
		out = append(out, l.varDecls[name].written...)
	}
	return append(out, l.unshownValues()...)
}

// maskRanges replaces out's files by copies with the values at rngs
// overwritten by '*' (the quotes of a string, and line breaks, kept), so
// that no source snippet shows them; text snippets print HiddenValueText
// in their place (HiddenSpans).
func maskRanges(out *Loaded, rngs []hcl.Range) {
	copied := map[string]bool{} // each file is copied once, however many ranges it has
	for _, rng := range rngs {
		f := out.Files[rng.Filename]
		start, end := rng.Start.Byte, rng.End.Byte
		if f == nil || start < 0 || end > len(f.Bytes) || start >= end {
			continue
		}
		if !copied[rng.Filename] {
			f = &hcl.File{Body: f.Body, Bytes: bytes.Clone(f.Bytes), Nav: f.Nav}
			out.Files[rng.Filename], copied[rng.Filename] = f, true
		}
		maskValueBytes(f.Bytes, start, end)
		f.Nav = withHidden(f.Nav, rng) // text snippets say it is hidden
	}
}
