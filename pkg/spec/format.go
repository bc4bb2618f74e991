package spec

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Format returns the canonical form of the HCL source src of the file
// name (as terraform fmt writes it), or the problems that prevent
// formatting it: a broken source limit (see CheckSource) or a syntax error.
func Format(name string, src []byte) ([]byte, hcl.Diagnostics) {
	if diags := CheckSource(src, name); diags.HasErrors() {
		return nil, diags // deep nesting would exhaust the parser's stack
	}
	if _, diags := hclwrite.ParseConfig(src, name, hcl.InitialPos); diags.HasErrors() {
		return nil, diags
	}
	return hclwrite.Format(src), nil
}
