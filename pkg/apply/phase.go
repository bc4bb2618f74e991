package apply

// Bucket-policy phases. The rendered bucket policy is the only desired
// policy; the phases are subsets of it, written in order so that nothing is
// shared before the guardrails and the audit are in place:
//
//   - deny: the Deny statements, plus the Allow statements that are already
//     live (so a rerun does not cut access the spec still wants). Live Allow
//     statements the spec no longer has are dropped here: revocation first.
//   - service: deny + Allows whose only principals are AWS services (log
//     delivery, CloudTrail), needed before logging and trails are turned on.
//   - full: the rendered policy (grants to other principals), last.
const (
	phaseDeny    = "deny-only"
	phaseService = "service-grants"
	phaseFull    = "full"
)

// policyPhase returns the document to write in phase (nil when it has no
// statement) and its canonical form.
func policyPhase(it *Item, live *Live, phase, partition string) (doc, want any) {
	full, _ := it.Doc.(map[string]any)
	raw, _ := full["Statement"].([]any)
	var cur []map[string]any
	if lc := live.get(it.Key()); lc != nil {
		cur = statements(lc)
	}
	var keep []any
	for _, r := range raw {
		rm, _ := r.(map[string]any)
		c := canonStatement(rm, partition)
		switch {
		case phase == phaseFull, c["Effect"] == "Deny", containsStatement(cur, c):
		case phase == phaseService && serviceOnly(c):
		default:
			continue
		}
		keep = append(keep, r)
	}
	if len(keep) == 0 {
		return nil, nil
	}
	d := map[string]any{"Version": full["Version"], "Statement": keep}
	if id, ok := full["Id"]; ok {
		d["Id"] = id
	}
	w, err := CanonicalPolicy(d, partition)
	if err != nil {
		return nil, nil
	}
	return d, w
}

func containsStatement(list []map[string]any, s map[string]any) bool {
	for _, o := range list {
		if equal(o, s) {
			return true
		}
	}
	return false
}

// serviceOnly reports whether a canonical statement's principals are all
// AWS service principals.
func serviceOnly(s map[string]any) bool {
	p, ok := s["Principal"].(map[string][]string)
	if !ok || len(p) == 0 {
		return false
	}
	for typ := range p {
		if typ != "Service" {
			return false
		}
	}
	return true
}
