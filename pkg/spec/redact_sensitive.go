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
//     does not know to be sensitive ("S3 rejects -5") is covered too.

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

// shortSensitive is the length under which a sensitive value's unquoted text
// is only replaced where it is a whole token, not inside a longer one: a
// value "on" must not turn "condition" into garbage, nor a value "*" the
// "s3:*" of another attribute. A value without a letter, digit or
// underscore is replaced as a whole token only whatever its length.
const shortSensitive = 4

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
			text = replaceBare(text, escaped, hole, tokenOnly(v))
		}
		text = replaceBare(text, v, hole, tokenOnly(v))
	}
	return strings.ReplaceAll(text, hole, RedactedText)
}

// tokenOnly reports whether v's unquoted text is replaced only where it is a
// whole token: a short v, or one without a letter, digit or underscore.
func tokenOnly(v string) bool {
	if len(v) < shortSensitive {
		return true
	}
	for i := 0; i < len(v); i++ {
		if wordByte(v[i]) {
			return false
		}
	}
	return true
}

// replaceBare replaces old by repl in text; with tokenOnly, only where old
// is a whole token: after the text's start, white space, an opening quote
// or bracket, a comma or "=", and before the text's end, white space, a
// closing quote or bracket, or a punctuation mark that ends the token
// ("S3 rejects -5.", "on: ", but not the "s3" of "s3:*").
func replaceBare(text, old, repl string, tokenOnly bool) string {
	if !tokenOnly {
		return strings.ReplaceAll(text, old, repl)
	}
	var b strings.Builder
	for {
		i := strings.Index(text, old)
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		end := i + len(old)
		if i > 0 && !strings.ContainsRune(tokenBefore, rune(text[i-1])) || !tokenEnds(text[end:]) {
			b.WriteString(text[:i+1])
			text = text[i+1:]
			continue
		}
		b.WriteString(text[:i])
		b.WriteString(repl)
		text = text[end:]
	}
}

// The bytes that may come before and after a whole token (NUL is the
// placeholder of an earlier replacement).
const (
	tokenBefore = " \t\n\r\"'`([{<=,\x00"
	tokenAfter  = " \t\n\r\"'`)]}>\x00"
)

// tokenEnds reports whether a token ends where rest begins.
func tokenEnds(rest string) bool {
	rest = strings.TrimLeft(rest, ".,;:!?")
	return rest == "" || strings.ContainsRune(tokenAfter, rune(rest[0]))
}

func wordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
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
	return out
}

// maskRanges replaces out's files by copies with the values at rngs
// overwritten by '*' (the quotes of a string, and line breaks, kept), so
// that no source snippet shows them.
func maskRanges(out *Loaded, rngs []hcl.Range) {
	for _, rng := range rngs {
		f := out.Files[rng.Filename]
		start, end := rng.Start.Byte, rng.End.Byte
		if f == nil || start < 0 || end > len(f.Bytes) || start >= end {
			continue
		}
		b := bytes.Clone(f.Bytes)
		if end-start >= 2 && b[start] == '"' && b[end-1] == '"' {
			start, end = start+1, end-1
		}
		for i := start; i < end; i++ {
			if b[i] != '\n' && b[i] != '\r' {
				b[i] = maskByte
			}
		}
		out.Files[rng.Filename] = &hcl.File{Body: f.Body, Bytes: b, Nav: f.Nav}
	}
}
