package spec

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// impureFunctions are Terraform functions whose results depend on the
// clock, chance or the environment; teramotc leaves them out on purpose.
var impureFunctions = map[string]bool{
	"timestamp": true, "plantimestamp": true, "uuid": true, "bcrypt": true, "env": true,
}

// explainFunctions adds what to do to HCL's "Call to unknown function"
// diagnostics about the functions that teramotc leaves out on purpose.
func explainFunctions(diags hcl.Diagnostics) {
	for _, d := range diags {
		call, ok := d.Expression.(*hclsyntax.FunctionCallExpr)
		if d.Summary != "Call to unknown function" || !ok || !impureFunctions[call.Name] {
			continue
		}
		d.Detail = "There is no function named \"" + call.Name + "\": teramotc has no clock, random or environment " +
			"functions, so that a spec always renders the same documents; pass the value as a variable."
	}
}

var unexpectedNameRe = newLazyRegexp(`^(?:An argument named|Blocks of type) "([^"]+)"`)

// explainMetaArguments adds what to use instead to HCL's diagnostics about
// Terraform's count, for_each and dynamic, which a spec does not have.
func explainMetaArguments(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Summary != "Unsupported argument" && d.Summary != "Unsupported block type" {
			continue
		}
		m := unexpectedNameRe.FindStringSubmatch(d.Detail)
		if m == nil {
			continue
		}
		switch m[1] {
		case "count", "for_each":
			d.Detail = "teramotc has no count or for_each: each block is one bucket, grant, trail or statement. " +
				"Write one block for each, sharing repeated values through locals or variables."
		case "dynamic":
			d.Detail = "teramotc has no dynamic blocks: write each nested block out, sharing repeated values " +
				"through locals or variables (a for expression can still build a list or map attribute)."
		}
	}
}

var typeKeywordRe = newLazyRegexp(`[Kk]eyword "([^"]+)" is not a valid type`)

// typeKeywords are the keywords of type expressions.
var typeKeywords = []string{"any", "bool", "list", "map", "number", "object", "optional", "set", "string", "tuple"}

// suggestTypes adds "Did you mean ...?" to HCL's diagnostics about a
// misspelt type keyword (type = strin).
func suggestTypes(diags hcl.Diagnostics) {
	for _, d := range diags {
		if m := typeKeywordRe.FindStringSubmatch(d.Detail); m != nil && d.Summary == "Invalid type specification" {
			d.Detail += didYouMean(m[1], typeKeywords)
		}
	}
}
