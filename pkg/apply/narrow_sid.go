package apply

import (
	"maps"
	"slices"
	"sort"
)

// uniqueSids returns the statements of list with no Sid used twice. IAM's
// JSON policy element reference says of Sid: "In IAM, the Sid value must be
// unique within a JSON policy" (CreatePolicyVersion and
// UpdateAssumeRolePolicy answer MalformedPolicyDocument "Statement IDs
// (SID) in a single policy must be unique"), and S3's bucket-policy
// documentation asks for a unique Sid per statement too. A narrowed or
// phase document collects statements of two documents, so one Sid can
// name several: two intersections with one rendered statement, or a live
// and a rendered statement that differ.
//
// Statements that share a Sid and an Effect and differ in their Action or
// Resource only, neither of them a statement of want, are merged into one
// (the union of both lists grants exactly what the two statements grant;
// a rendered statement stays as rendered, which is also what moto's check
// of an S3 log-delivery statement expects). Of those still sharing a Sid,
// the one that is a statement of want keeps it (so that a phase that
// completes the policy writes the rendered document); else the first in
// canonical order does. The others lose their Sid, which changes nothing they grant or
// deny. Exact duplicates are dropped first. The choice depends only on the
// statements' contents, so narrowing a narrowed document again gives the
// same document.
func uniqueSids(list []map[string]any, want any) []map[string]any {
	var uniq []map[string]any
	for i, s := range list {
		if !slices.ContainsFunc(list[:i], func(t map[string]any) bool { return equal(s, t) }) {
			uniq = append(uniq, s)
		}
	}
	list = mergeBySid(uniq, want)
	bySid := map[string][]int{}
	for i, s := range list {
		if sid := str(s["Sid"]); sid != "" {
			bySid[sid] = append(bySid[sid], i)
		}
	}
	out := make([]map[string]any, len(list))
	copy(out, list)
	for _, idx := range bySid {
		if len(idx) < 2 {
			continue
		}
		sort.SliceStable(idx, func(a, b int) bool {
			ia, ib := inPolicy(list[idx[a]], want), inPolicy(list[idx[b]], want)
			if ia != ib {
				return ia
			}
			return mustJSON(list[idx[a]]) < mustJSON(list[idx[b]])
		})
		for _, i := range idx[1:] {
			out[i] = withoutSid(list[i])
		}
	}
	return out
}

// mergeBySid merges statements with one Sid and Effect that differ only in
// Action or only in Resource and are not statements of want, until no two
// can be merged.
func mergeBySid(list []map[string]any, want any) []map[string]any {
	for merged := true; merged; {
		merged = false
	pairs:
		for i := range list {
			if inPolicy(list[i], want) {
				continue
			}
			for j := i + 1; j < len(list); j++ {
				if inPolicy(list[j], want) {
					continue
				}
				if m := mergeStatements(list[i], list[j]); m != nil {
					rest := append([]map[string]any{}, list[:i]...)
					rest = append(rest, m)
					rest = append(rest, list[i+1:j]...)
					list = append(rest, list[j+1:]...)
					merged = true
					break pairs
				}
			}
		}
	}
	return list
}

// mergeStatements returns one statement granting exactly what a and b
// grant, when both have the same Sid and differ in one of Action and
// Resource only (nil otherwise).
func mergeStatements(a, b map[string]any) map[string]any {
	if str(a["Sid"]) == "" || str(a["Sid"]) != str(b["Sid"]) {
		return nil
	}
	for _, k := range []string{"Action", "Resource"} {
		if a[k] == nil || b[k] == nil {
			continue
		}
		x, y := maps.Clone(a), maps.Clone(b)
		delete(x, k)
		delete(y, k)
		if equal(x, y) {
			x[k] = anyList(mergeSorted(stringSet(a[k], nil), stringSet(b[k], nil)))
			return x
		}
	}
	return nil
}

func inPolicy(s map[string]any, p any) bool {
	for _, t := range statements(p) {
		if equal(s, t) {
			return true
		}
	}
	return false
}

// grantsLess reports whether the canonical policy narrowed (made by
// narrowPolicy from live, so never granting more) may grant less than
// live: some Allow of live is not covered by one Allow of narrowed, or some
// Deny of narrowed is not covered by one Deny of live. False means both
// grant the same (a Sid rename, a Deny that live already enforces): the
// revoke phase has nothing to write. When coverage cannot be told the
// answer is true, and the narrowed document is written.
func grantsLess(narrowed, live any) bool {
	for _, a := range statements(live) {
		if a["Effect"] == "Allow" && !coveredBy(a, narrowed, "Allow") {
			return true
		}
	}
	for _, d := range statements(narrowed) {
		if d["Effect"] != "Allow" && !coveredBy(d, live, d["Effect"]) {
			return true
		}
	}
	return false
}

// coveredBy reports whether one statement of p with the given effect
// applies to every request s applies to.
func coveredBy(s map[string]any, p any, effect any) bool {
	as := asAllow(s)
	for _, t := range statements(p) {
		if t["Effect"] != effect {
			continue
		}
		if x := intersectStatement(asAllow(t), as); x != nil && equal(withoutSid(x), withoutSid(as)) {
			return true
		}
	}
	return false
}

func asAllow(s map[string]any) map[string]any {
	c := maps.Clone(s)
	c["Effect"] = "Allow"
	return c
}
