package apply

import (
	"fmt"
	"sort"
	"strings"
)

// policyRisk compares two canonical policies statement by statement: an
// added Allow or a removed Deny loosens; a removed Allow or an added Deny
// tightens. A changed statement is one removal and one addition, so
// changing an Allow counts as loosening (it may grant something new). The
// reason names the statements by Sid, sorted.
func policyRisk(before, want any) (string, string) {
	added, removed := statementDiff(before, want)
	var loosen, tighten []string
	narrowed := map[int]bool{} // removed Allows replaced by a narrower one
	for _, s := range added {
		switch i := narrowerThan(s, removed); {
		case s["Effect"] == "Deny":
			tighten = append(tighten, "adds Deny "+sidOf(s))
		case i >= 0: // e.g. a condition added: it grants part of what a removed Allow did
			narrowed[i] = true
			tighten = append(tighten, "narrows Allow "+sidOf(s))
		default:
			loosen = append(loosen, "adds Allow "+sidOf(s))
		}
	}
	for i, s := range removed {
		if s["Effect"] == "Deny" {
			loosen = append(loosen, "removes Deny "+sidOf(s))
		} else if !narrowed[i] {
			tighten = append(tighten, "removes Allow "+sidOf(s))
		}
	}
	sort.Strings(loosen)
	sort.Strings(tighten)
	switch {
	case len(loosen) > 0:
		return RiskLoosen, fmt.Sprintf("%d statement(s) widen access: %s", len(loosen), strings.Join(loosen, ", "))
	case len(tighten) > 0:
		return RiskTighten, fmt.Sprintf("%d statement(s) narrow access: %s", len(tighten), strings.Join(tighten, ", "))
	}
	return RiskNeutral, ""
}

// narrowerThan returns the index of an Allow of list that grants all that
// the Allow s grants (narrowPolicy's intersection), or -1.
func narrowerThan(s map[string]any, list []map[string]any) int {
	for i, r := range list {
		if x := intersectStatement(r, s); x != nil && equal(withoutSid(x), withoutSid(s)) {
			return i
		}
	}
	return -1
}

// sidOf names a statement in a reason: its Sid, or its canonical JSON
// when it has none.
func sidOf(s map[string]any) string {
	if sid := str(s["Sid"]); sid != "" {
		return sid
	}
	return "(no Sid) " + mustJSON(s)
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
