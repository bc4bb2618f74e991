package view

import (
	"encoding/json"
	"io"

	"github.com/teramot/teramotc/pkg/apply"
)

// WritePlanJSON prints the plan as one JSON document (format_version 1.0):
// account, endpoint, changes (type, name, address, action, risk,
// destructive, step, before, after), live_fingerprint, warnings. Sensitive
// values are "(sensitive)"; arrays are never null.
func WritePlanJSON(w io.Writer, p *apply.Plan) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(p.Redacted())
}

// WriteSavedPlanJSON prints a plan file's content as one JSON document
// (format_version, spec, connect, plan), with the plan redacted as in
// WritePlanJSON; "teramotc show -json" uses it.
func WriteSavedPlanJSON(w io.Writer, sp *apply.SavedPlan) error {
	cp := *sp
	cp.Plan = sp.Plan.Redacted()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(&cp)
}
