package apply

import "fmt"

// classify says whether a change tightens or loosens access.
func classify(it *Item, before, want any) (risk, reason string) {
	w, _ := want.(map[string]any)
	b, _ := before.(map[string]any)
	switch it.Type {
	case TBucket:
		return RiskNeutral, "new bucket (private by default, guardrails follow before any grant)"
	case TPublicAccessBlock:
		for k, v := range w {
			if v == false && (b == nil || b[k] != false) {
				return RiskLoosen, k + " turned off"
			}
		}
		return RiskTighten, "blocks public access"
	case TOwnership:
		if w["ObjectOwnership"] == "BucketOwnerEnforced" {
			return RiskTighten, "disables ACLs"
		}
		return RiskLoosen, "enables ACLs"
	case TEncryption:
		return RiskTighten, "default encryption"
	case TVersioning:
		if w["Status"] == "Enabled" {
			return RiskTighten, "keeps every object version"
		}
		return RiskLoosen, "suspends versioning"
	case TTagging, TLifecycle:
		return RiskNeutral, ""
	case TLogging:
		if len(w) == 0 {
			return RiskLoosen, "disables access logging"
		}
		return RiskTighten, "records every request"
	case TTrail, TEventSelectors, TTrailLogging:
		return RiskTighten, "audits data access"
	case TIAMUser:
		return RiskNeutral, "identity without permissions"
	case TIAMRole:
		if b == nil {
			return RiskNeutral, "identity without permissions (trust only)"
		}
		return policyRisk(b["AssumeRolePolicyDocument"], w["AssumeRolePolicyDocument"])
	case TManagedPolicy:
		return policyRisk(b["PolicyDocument"], w["PolicyDocument"])
	case TBucketPolicy:
		return policyRisk(before, want)
	case TAttachment:
		return RiskLoosen, "grants the policy's permissions"
	case TAccessKey:
		return RiskLoosen, "creates long-lived credentials"
	}
	return RiskNeutral, ""
}

// policyRisk compares two canonical policies statement by statement: an
// added Allow or a removed Deny loosens; a removed Allow or an added Deny
// tightens.
func policyRisk(before, want any) (string, string) {
	added, removed := statementDiff(before, want)
	loosen, tighten := 0, 0
	for _, s := range added {
		if s["Effect"] == "Deny" {
			tighten++
		} else {
			loosen++
		}
	}
	for _, s := range removed {
		if s["Effect"] == "Deny" {
			loosen++
		} else {
			tighten++
		}
	}
	switch {
	case loosen > 0:
		return RiskLoosen, fmt.Sprintf("%d statement(s) widen access", loosen)
	case tighten > 0:
		return RiskTighten, fmt.Sprintf("%d statement(s) narrow access", tighten)
	}
	return RiskNeutral, ""
}

// statementDiff returns the statements of want missing from before and
// those of before missing from want (both canonical policies).
func statementDiff(before, want any) (added, removed []map[string]any) {
	bs, ws := statements(before), statements(want)
	in := func(s map[string]any, list []map[string]any) bool {
		for _, o := range list {
			if equal(s, o) {
				return true
			}
		}
		return false
	}
	for _, s := range ws {
		if !in(s, bs) {
			added = append(added, s)
		}
	}
	for _, s := range bs {
		if !in(s, ws) {
			removed = append(removed, s)
		}
	}
	return
}

func statements(p any) []map[string]any {
	m, _ := p.(map[string]any)
	list, _ := m["Statement"].([]any)
	var out []map[string]any
	for _, s := range list {
		if sm, ok := s.(map[string]any); ok {
			out = append(out, sm)
		}
	}
	return out
}

// shortensExpiration explains why a lifecycle change deletes data sooner
// than the live configuration does ("" when it does not): a rule that is
// enabled live and in the spec, under the same ID, whose expiration
// (current or noncurrent) becomes shorter or appears. New rule IDs are not
// flagged (they show as added in the plan): otherwise every apply resumed
// after an interruption would need the flag.
func shortensExpiration(before, want any) string {
	live := map[string]map[string]any{}
	for _, r := range rules(before) {
		if r["Status"] == "Enabled" {
			live[str(r["ID"])] = r
		}
	}
	for _, r := range rules(want) {
		id := str(r["ID"])
		old, ok := live[id]
		if r["Status"] != "Enabled" || !ok {
			continue
		}
		for _, k := range []string{"ExpirationDays", "NoncurrentDays"} {
			d, was := num(r[k]), num(old[k])
			if d == 0 || (was != 0 && d >= was) {
				continue
			}
			what := "objects"
			if k == "NoncurrentDays" {
				what = "noncurrent versions"
			}
			if was == 0 {
				return fmt.Sprintf("rule %q starts deleting %s after %v days", id, what, d)
			}
			return fmt.Sprintf("rule %q deletes %s after %v days instead of %v", id, what, d, was)
		}
	}
	return ""
}

func rules(v any) []map[string]any {
	m, _ := v.(map[string]any)
	var out []map[string]any
	switch l := m["Rules"].(type) {
	case []any:
		for _, r := range l {
			if rm, ok := r.(map[string]any); ok {
				out = append(out, rm)
			}
		}
	}
	return out
}
