package apply

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The condition edits of narrow_deny.go: exemptions added to or dropped
// from a Deny, and the plan notes that name them.

// splitCondition returns the condition entries of statement s on keys
// (operator -> key -> values) and a copy of s without them.
func splitCondition(s map[string]any, keys []string) (picked map[string]any, rest map[string]any) {
	picked, rest = map[string]any{}, withoutSid(s)
	ops, _ := s["Condition"].(map[string]any)
	cond := map[string]any{}
	for op, raw := range ops {
		m, _ := raw.(map[string]any)
		keep, take := map[string]any{}, map[string]any{}
		for k, v := range m {
			if slices.Contains(keys, k) {
				take[k] = v
			} else {
				keep[k] = v
			}
		}
		if len(keep) > 0 {
			cond[op] = keep
		}
		if len(take) > 0 {
			picked[op] = take
		}
	}
	delete(rest, "Condition")
	if len(cond) > 0 {
		rest["Condition"] = cond
	}
	return picked, rest
}

// withExemptions returns the Deny t exempting, besides its own, the
// services the Deny s exempts (by a negated operator on an exemption key).
func withExemptions(t, s map[string]any) map[string]any {
	ex, _ := splitCondition(s, exemptionKeys)
	var out map[string]any
	for op, raw := range ex {
		if !negated(op) {
			continue
		}
		for k, v := range raw.(map[string]any) {
			cur := conditionValues(t, op, k)
			merged := mergeSorted(cur, stringSet(v, nil))
			if len(merged) == len(cur) {
				continue
			}
			if out == nil {
				out = maps.Clone(t)
				out["Condition"] = cloneCondition(t["Condition"])
			}
			cond := out["Condition"].(map[string]any)
			m, _ := cond[op].(map[string]any)
			if m == nil {
				m = map[string]any{}
				cond[op] = m
			}
			m[k] = anyList(merged)
		}
	}
	if out == nil {
		return t
	}
	return out
}

// exemptionsDropped lists the services the live Deny s (or
// commonExemptions) exempts and the rendered Deny t no longer does.
func exemptionsDropped(s, t map[string]any) []string {
	ex, _ := splitCondition(s, exemptionKeys)
	var out []string
	for op, raw := range ex {
		if !negated(op) {
			continue
		}
		for k, v := range raw.(map[string]any) {
			for _, svc := range stringSet(v, nil) {
				if !slices.Contains(conditionValues(t, op, k), svc) {
					out = append(out, svc)
				}
			}
		}
	}
	return mergeSorted(nil, out)
}

// denyNotes says, for a bucket-policy change from before to want, when
// a Deny that changes under its Sid (or is new) takes effect: an
// encryption switch at the guardrails step, a removed service exemption
// (or one a new Deny holds for a live delivery) at the full phase
// (fullStep). Sorted, so that two plans of one state say the same.
func denyNotes(before, want any, fullStep int) []string {
	var notes []string
	for _, t := range statements(want) {
		own := ownDenies(t, before)
		exempt := liveServiceExemptions(t, before)
		if len(own) > 0 {
			exempt = commonExemptions(own)
		}
		if slices.ContainsFunc(own, func(s map[string]any) bool { return switchesEncryption(s, t) }) {
			notes = append(notes, fmt.Sprintf("Deny %s changes at step %d, after the default encryption; until then the live one holds alone", str(t["Sid"]), StepGuardrail))
		}
		if gone := exemptionsDropped(exempt, t); len(gone) > 0 {
			notes = append(notes, fmt.Sprintf("Deny %s exempts %s until step %d, when the delivery's Allow goes too", str(t["Sid"]), strings.Join(gone, ", "), fullStep))
		}
	}
	slices.Sort(notes)
	return slices.Compact(notes)
}

func conditionValues(s map[string]any, op, key string) []string {
	ops, _ := s["Condition"].(map[string]any)
	m, _ := ops[op].(map[string]any)
	if v, ok := m[key]; ok {
		return stringSet(v, nil)
	}
	return nil
}

func cloneCondition(c any) map[string]any {
	out := map[string]any{}
	ops, _ := c.(map[string]any)
	for op, raw := range ops {
		if m, ok := raw.(map[string]any); ok {
			out[op] = maps.Clone(m)
		}
	}
	return out
}

// negated reports whether a condition operator holds when the value
// matches none of the listed ones (StringNotEquals, NotIpAddress, and so
// ForAllValues:StringNotEquals or StringNotEqualsIfExists).
func negated(op string) bool {
	return strings.Contains(baseOperator(op), "Not")
}
