package spec

import "github.com/hashicorp/hcl/v2"

// DiagExtra is attached to hcl.Diagnostic.Extra for diagnostics that
// correspond to a rule of the catalog (hard rules reported by validate).
type DiagExtra struct {
	RuleID string
}

// RuleID returns the rule ID carried by a diagnostic, or "".
func RuleID(d *hcl.Diagnostic) string {
	if x, ok := d.Extra.(DiagExtra); ok {
		return x.RuleID
	}
	return ""
}
