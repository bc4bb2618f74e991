package view

import (
	"encoding/json"
	"io"

	"github.com/teramot/teramotc/pkg/apply"
)

// WritePlanJSON prints the plan as one JSON document (format_version 2.0),
// the "plan" of a plan file: account, region and endpoint (when set),
// changes (type, name, address, action, risk, destructive, step, before,
// after; owner, reason, unsupported and sensitive only when set),
// live_fingerprint, desired_fingerprint (of the masked states),
// sensitive_fingerprint (in plan files only), warnings. The shape is apply.Plan's, so that show
// -json prints a plan file byte for byte; the event stream's
// planned_change is the one with every field always present. Sensitive
// values are "(sensitive)"; arrays are never null.
func WritePlanJSON(w io.Writer, p *apply.Plan) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(p.Redacted())
}

// WriteSavedPlanJSON prints a plan file's content as one JSON document
// (format_version, spec, connect, plan), with the plan redacted as in
// WritePlanJSON (the endpoint without its password); "teramotc show
// -json" uses it.
func WriteSavedPlanJSON(w io.Writer, sp *apply.SavedPlan) error {
	cp := *sp
	cp.Plan = sp.Plan.Redacted()
	// files written before the endpoint's password was left out
	cp.Connect.EndpointURL = apply.EndpointWithoutPassword(sp.Connect.EndpointURL)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(&cp)
}
