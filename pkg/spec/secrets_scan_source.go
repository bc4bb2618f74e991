package spec

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// MaskSource returns a copy of the HCL source src of the file filename
// with what no source snippet may show overwritten by '*' (lengths, line
// breaks and the quotes of strings kept, so ranges still apply): the
// credentials Load finds in a file (access key ids, and secret keys
// assigned to a secret-like name: quoted, unterminated or bare, or in the
// default of a variable so named) and the defaults of the variables
// declared sensitive = true. It is for commands that print diagnostics
// over source they read themselves, such as fmt; Load masks its own files.
// A source that breaks a limit (CheckSource) is scanned but not parsed, so
// only its credentials are masked.
func MaskSource(filename string, src []byte) []byte {
	out := bytes.Clone(src)
	var defaults, sensitive []hcl.Range
	if !CheckSource(src, filename).HasErrors() {
		// A file with a syntax error still gives the blocks before it.
		if f, _ := hclsyntax.ParseConfig(src, filename, hcl.InitialPos); f != nil {
			if body, ok := f.Body.(*hclsyntax.Body); ok {
				defaults, sensitive = secretDefaultsIn(body), sensitiveDefaultsIn(body)
			}
		}
	}
	for _, m := range findSecrets(src, defaults) {
		maskValueBytes(out, m.start, m.end)
	}
	for _, r := range sensitive {
		maskValueBytes(out, r.Start.Byte, r.End.Byte)
	}
	return out
}

// secretDefaultsIn returns the byte ranges of the default values of the
// variable blocks in body whose name looks like a secret's
// (variable "aws_secret_access_key" { default = "..." }): there the name is
// the variable's label, not written on the value's line.
func secretDefaultsIn(body *hclsyntax.Body) []hcl.Range {
	var out []hcl.Range
	for _, b := range body.Blocks {
		if b.Type != "variable" || len(b.Labels) != 1 || !secretNameRe.MatchString(b.Labels[0]+" =") {
			continue
		}
		if a := b.Body.Attributes["default"]; a != nil {
			out = append(out, a.Expr.Range())
		}
	}
	return out
}

// sensitiveDefaultsIn returns the ranges of the defaults of the variable
// blocks in body written with sensitive = true.
func sensitiveDefaultsIn(body *hclsyntax.Body) []hcl.Range {
	var out []hcl.Range
	for _, b := range body.Blocks {
		if b.Type != "variable" || b.Body == nil {
			continue
		}
		s, def := b.Body.Attributes["sensitive"], b.Body.Attributes["default"]
		if s == nil || def == nil {
			continue
		}
		if v, diags := s.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.Bool && v.IsKnown() && !v.IsNull() && v.True() {
			out = append(out, def.Expr.Range())
		}
	}
	return out
}

// maskValueBytes overwrites src[start:end] with '*', keeping line breaks
// and the quotes around a string.
func maskValueBytes(src []byte, start, end int) {
	if start < 0 || end > len(src) || start >= end {
		return
	}
	if end-start >= 2 && src[start] == '"' && src[end-1] == '"' {
		start, end = start+1, end-1
	}
	for i := start; i < end; i++ {
		if src[i] != '\n' && src[i] != '\r' {
			src[i] = maskByte
		}
	}
}
