package spec

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
)

// ParseHCLFile reads and parses an HCL file that is not part of a spec, such
// as the tool's configuration (.teramotc.hcl), under the limits of spec
// files: size, nesting depth, string length and number of blocks. An
// untrusted pull request controls that file too; parsing it directly would
// let deep nesting exhaust the stack.
func ParseHCLFile(filename string) (*hcl.File, hcl.Diagnostics) {
	f, _, diags := parseFile(hclparse.NewParser(), filename, "")
	return f, diags
}
