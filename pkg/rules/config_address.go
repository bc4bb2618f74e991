package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// labelledBlocks are the spec's top-level block types that take a label:
// their blocks' addresses are TYPE.LABEL ("bucket.data").
var labelledBlocks = []string{"bucket", "grant", "trail", "variable"}

// singletonBlocks are the top-level blocks without a label, whose address
// is their type alone.
var singletonBlocks = []string{"aws", "teramotc"}

// checkAddresses reports, at their element of attr, the addresses of an
// ignore block that are no block address: a bare block type ("bucket" would
// cover every bucket, as addresses match children too), or an address with
// an empty part ("bucket.", "bucket..x"). A block address is TYPE.LABEL,
// optionally followed by nested blocks ("bucket.data.statement.Deny"), or
// the type of a block without a label ("aws").
func checkAddresses(attr *hcl.Attribute, addrs []string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	elems, _ := hcl.ExprList(attr.Expr)
	for i, a := range addrs {
		msg := addressProblem(a)
		if msg == "" {
			continue
		}
		rng := attr.Expr.Range()
		if i < len(elems) {
			rng = elems[i].Range()
		}
		diags = append(diags, configError(rng, "Invalid address", "%s", msg))
	}
	return diags
}

// addressProblem explains why a is no block address, or returns "".
func addressProblem(a string) string {
	const form = `An ignore block's addresses name blocks as TYPE.LABEL, such as "bucket.data", optionally with nested blocks ("bucket.data.statement.AllowRead"); an address covers its block and the blocks inside it.`
	parts := strings.Split(a, ".")
	switch {
	case len(parts) == 1 && slices.Contains(singletonBlocks, a): // exact: addresses match exactly
		return ""
	case len(parts) == 1 && containsFold(labelledBlocks, a):
		return fmt.Sprintf("%q is a block type, not a block: it would cover every %s of the spec. %s Did you mean \"%s.<label>\"?",
			a, strings.ToLower(a), form, strings.ToLower(a))
	case len(parts) == 1:
		return fmt.Sprintf("%q is not a block address. %s", a, form)
	}
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			return fmt.Sprintf("%q has an empty part. %s", a, form)
		}
	}
	return ""
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
