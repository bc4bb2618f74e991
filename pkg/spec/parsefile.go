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
	f, _, _, diags := parseFile(hclparse.NewParser(), filename, "")
	return f, diags
}

// CheckSource reports the first limit an HCL source breaks (size, NUL bytes,
// invalid UTF-8, nesting depth, string length), for callers that parse HCL
// themselves, such as fmt.
func CheckSource(src []byte, filename string) hcl.Diagnostics {
	if len(src) > MaxFileSize {
		return hcl.Diagnostics{fileTooLarge(filename, int64(len(src)))}
	}
	if diags := checkText(src, filename); diags.HasErrors() {
		return diags
	}
	_, diags := scanLimits(src, filename)
	return diags
}
