package apply

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// policyRisk compares two canonical policies statement by statement: an
// added Allow or a removed Deny loosens; a removed Allow or an added Deny
// tightens. A changed statement is one removal and one addition, so
// changing an Allow counts as loosening (it may grant something new). The
// reason names the statements by Sid, sorted; a statement whose Sid is on
// both sides is described as changed ("widens Allow S (+s3:PutObject)",
// "changes Allow S (conditions)"), not as added.
//
// A statement that differs from a live one only in its Sid (a Sid added,
// as import labels Sid-less statements, or renamed) grants and denies the
// same: it is a neutral rename, not a removal and an addition.
func policyRisk(before, want any) (string, string) {
	added, removed, renamed := pairRenames(statementDiff(before, want))
	var loosen, tighten []string
	matched := map[int]bool{} // removed statements an added one replaces
	for _, s := range added {
		deny := s["Effect"] == "Deny"
		i := -1
		if !deny {
			i = narrowerThan(s, removed)
		}
		if i >= 0 { // e.g. a condition added: it grants part of what a removed Allow did
			matched[i] = true
			tighten = append(tighten, "narrows Allow "+sidOf(s))
			continue
		}
		j := sameSid(s, removed, matched)
		switch {
		case j >= 0:
			matched[j] = true
			detail, wider := statementChange(removed[j], s)
			verb := "changes "
			if wider {
				verb = "widens "
			}
			line := verb + str(s["Effect"]) + " " + sidOf(s) + " (" + detail + ")"
			if deny && wider {
				tighten = append(tighten, line)
			} else {
				loosen = append(loosen, line)
			}
		case deny:
			tighten = append(tighten, "adds Deny "+sidOf(s))
		default:
			loosen = append(loosen, "adds Allow "+sidOf(s))
		}
	}
	for i, s := range removed {
		if matched[i] {
			continue
		}
		if s["Effect"] == "Deny" {
			loosen = append(loosen, "removes Deny "+sidOf(s))
		} else {
			tighten = append(tighten, "removes Allow "+sidOf(s))
		}
	}
	sort.Strings(loosen)
	sort.Strings(tighten)
	if risk, reason, ok := regroupRisk(before, want, tighten, loosen); ok {
		return risk, reason
	}
	switch {
	case len(loosen) > 0:
		return RiskLoosen, countStatements(len(loosen), "widens access", "widen access") + ": " + strings.Join(loosen, ", ")
	case len(tighten) > 0:
		return RiskTighten, countStatements(len(tighten), "narrows access", "narrow access") + ": " + strings.Join(tighten, ", ")
	}
	if len(renamed) > 0 {
		sort.Strings(renamed)
		return RiskNeutral, countStatements(len(renamed), "only changes its Sid", "only change their Sid") + ": " + strings.Join(renamed, ", ")
	}
	return RiskNeutral, ""
}

// countStatements is "1 statement VERB" or "N statements VERB".
func countStatements(n int, one, many string) string {
	if n == 1 {
		return "1 statement " + one
	}
	return fmt.Sprintf("%d statements %s", n, many)
}

// sameSid returns the index of the statement of list, not yet matched,
// with the Sid and Effect of s, or -1 (statements without Sid never pair).
func sameSid(s map[string]any, list []map[string]any, matched map[int]bool) int {
	sid := str(s["Sid"])
	if sid == "" {
		return -1
	}
	for i, o := range list {
		if !matched[i] && str(o["Sid"]) == sid && o["Effect"] == s["Effect"] {
			return i
		}
	}
	return -1
}

// statementChange describes how cur differs from old (one Sid): actions
// added and removed by name (+s3:PutObject, -s3:GetObject), any other
// field that changed by what it is (resources, principals, conditions),
// never by its values, which may be sensitive. wider is true when cur
// grants (an Allow) or denies (a Deny) all that old does.
func statementChange(old, cur map[string]any) (detail string, wider bool) {
	var parts []string
	keys := map[string]bool{}
	for k := range old {
		keys[k] = true
	}
	for k := range cur {
		keys[k] = true
	}
	names := make([]string, 0, len(keys))
	for k := range keys {
		if k != "Sid" && !equal(old[k], cur[k]) {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		switch plus, minus := setDiff(old[k], cur[k]); k {
		case "Action", "NotAction":
			for _, a := range plus {
				parts = append(parts, "+"+actionSpelling(a))
			}
			for _, a := range minus {
				parts = append(parts, "-"+actionSpelling(a))
			}
		default:
			parts = append(parts, fieldNoun(k))
		}
	}
	// Sets that grow, a condition dropped or loosened (for a Deny, a
	// service exemption dropped): cur grants, or denies, all old did.
	return strings.Join(parts, ", "), narrowerThan(asAllow(old), []map[string]any{asAllow(cur)}) >= 0
}

// setDiff returns the strings of cur not in old and those of old not in
// cur, for string lists (canonical sets); other values give none.
func setDiff(old, cur any) (plus, minus []string) {
	o, c := stringsOf(old), stringsOf(cur)
	for _, s := range c {
		if !slices.Contains(o, s) {
			plus = append(plus, s)
		}
	}
	for _, s := range o {
		if !slices.Contains(c, s) {
			minus = append(minus, s)
		}
	}
	return plus, minus
}

// fieldNoun names a statement field in a reason.
func fieldNoun(k string) string {
	switch k {
	case "Resource":
		return "resources"
	case "Principal":
		return "principals"
	case "Condition":
		return "conditions"
	}
	return k
}

// pairRenames takes out of added and removed each pair of statements
// equal apart from their Sid and names them in renamed.
func pairRenames(added, removed []map[string]any) (a, r []map[string]any, renamed []string) {
	used := make([]bool, len(removed))
	for _, s := range added {
		match := -1
		for i, o := range removed {
			if !used[i] && equal(withoutSid(s), withoutSid(o)) {
				match = i
				break
			}
		}
		if match < 0 {
			a = append(a, s)
			continue
		}
		used[match] = true
		from := str(removed[match]["Sid"])
		if from == "" {
			from = "(no Sid)"
		}
		renamed = append(renamed, from+" -> "+sidOf(s))
	}
	for i, o := range removed {
		if !used[i] {
			r = append(r, o)
		}
	}
	return a, r, renamed
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

// sidOf names a statement in a reason: its Sid, or its JSON when it has
// none, as quoteStatement prints it (spelled, secret conditions masked).
func sidOf(s map[string]any) string {
	if sid := str(s["Sid"]); sid != "" {
		return sid
	}
	return "(no Sid) " + quoteStatement(s)
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
