package apply

import (
	"sort"
	"strings"
)

// StepRevoke is the step of apply-engine.md §2.2 that removes access
// before anything else runs.
const StepRevoke = 2

// Policy phases. A policy change is written in up to four phases, each a
// document that grants no more than both the live and the rendered one
// until the last:
//
//   - revoke (step 2, every policy that exists live: bucket, trust and
//     managed identity policies): the narrowed document (narrowPolicy): what
//     the live document allows and the rendered one still allows, plus the
//     Deny statements of both. A change that only removes access is
//     complete after this phase.
//   - deny (guardrails, bucket policies): the same narrowed document, or
//     the rendered Deny statements alone for a bucket without a policy.
//   - service (audit): deny + Allows whose only principals are AWS services
//     (log delivery, CloudTrail), needed before logging and trails start.
//   - full (grants): the rendered document, last.
const (
	phaseRevoke  = "revoke"
	phaseDeny    = "deny-only"
	phaseService = "service-grants"
	phaseFull    = "full"
)

// policyField is the field of an item's canonical state that holds the
// policy narrowed in the revoke phase ("" for the bucket policy, whose
// state is the policy; "-" for items that have none).
func policyField(typ string) string {
	switch typ {
	case TBucketPolicy:
		return ""
	case TIAMRole:
		return "AssumeRolePolicyDocument"
	case TManagedPolicy:
		return "PolicyDocument"
	}
	return "-"
}

// revokeStep decides where a planned change first writes: StepRevoke when
// it removes access from a live policy (note says whether that completes
// it), 0 when it stays at its item's step. MakePlan calls it so that the
// plan shows the step where each change actually happens.
func revokeStep(it *Item, before any, partition string) (step int, note string) {
	doc, want := revokeDoc(it, before, partition)
	if doc == nil {
		return 0, ""
	}
	if equal(want, it.Desired) {
		return StepRevoke, "only removes access: applied at step 2, before the guardrails"
	}
	return StepRevoke, "removals applied at step 2, additions at the grant step"
}

// revokeDoc returns the document to write in the revoke phase and the
// canonical state it leaves, or nil when the change removes no access.
func revokeDoc(it *Item, before any, partition string) (doc, want any) {
	field := policyField(it.Type)
	if field == "-" || before == nil {
		return nil, nil
	}
	cur, wantPol := before, it.Desired
	if field != "" {
		cur, _ = before.(map[string]any)[field]
		wantPol, _ = it.Desired.(map[string]any)[field]
	}
	n := narrowPolicy(cur, wantPol, partition)
	if n == nil || equal(n, cur) {
		return nil, nil
	}
	doc = rawPolicy(it.Doc, n, partition)
	if field == "" {
		return doc, n
	}
	st := map[string]any{}
	for k, v := range before.(map[string]any) {
		st[k] = v
	}
	st[field] = n
	return doc, st
}

// policyPhase returns the bucket-policy document to write in phase (nil
// when there is nothing to write) and its canonical form.
func policyPhase(it *Item, live *Live, phase, partition string) (doc, want any) {
	cur := live.get(it.Key())
	switch phase {
	case phaseFull:
		return it.Doc, it.Desired
	case phaseRevoke:
		return revokeDoc(it, cur, partition)
	}
	n := narrowPolicy(cur, it.Desired, partition)
	if phase == phaseService {
		var add []any
		for _, s := range statements(it.Desired) {
			if s["Effect"] == "Allow" && serviceOnly(s) {
				add = append(add, s)
			}
		}
		m := n.(map[string]any)
		n = canonOrNil(map[string]any{"Version": m["Version"], "Id": m["Id"], "Statement": append(m["Statement"].([]any), add...)}, partition)
	}
	if len(statements(n)) == 0 {
		return nil, nil
	}
	return rawPolicy(it.Doc, n, partition), n
}

// narrowPolicy returns the canonical policy that grants only what both
// canonical policies old and want grant: each Allow of old intersected with
// each Allow of want (actions, resources and principals as sets, other
// fields equal), plus the Deny statements of both (an added Deny narrows;
// a removed one waits for the full document). When nothing of old
// survives, its Allows become Denies so that the document still parses and
// grants nothing. Statements covered by another are dropped.
func narrowPolicy(old, want any, partition string) any {
	var out []map[string]any
	for _, s := range statements(old) {
		if s["Effect"] != "Allow" {
			out = append(out, s)
			continue
		}
		for _, t := range statements(want) {
			if r := intersectStatement(s, t); r != nil {
				out = append(out, r)
			}
		}
	}
	for _, t := range statements(want) {
		if t["Effect"] != "Allow" {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		for _, s := range statements(old) {
			d := copyMap(s)
			d["Effect"] = "Deny"
			out = append(out, d)
		}
	}
	list := []any{}
	for i, s := range out {
		if !redundant(out, i) {
			list = append(list, s)
		}
	}
	w, _ := want.(map[string]any)
	return canonOrNil(map[string]any{"Version": w["Version"], "Id": w["Id"], "Statement": list}, partition)
}

// intersectStatement returns an Allow statement granting what both Allow
// statements s and t grant (nil when that is nothing or cannot be told),
// named like t.
func intersectStatement(s, t map[string]any) map[string]any {
	if s["Effect"] != "Allow" || t["Effect"] != "Allow" {
		return nil
	}
	r := map[string]any{}
	for _, m := range []map[string]any{s, t} {
		for k := range m {
			if _, done := r[k]; done || k == "Sid" {
				continue
			}
			switch k {
			case "Action", "Resource":
				x := intersectSets(s[k], t[k])
				if len(x) == 0 {
					return nil
				}
				r[k] = x
			case "Principal":
				ps, _ := s[k].(map[string]any)
				pt, _ := t[k].(map[string]any)
				p := map[string]any{}
				for typ, ids := range ps {
					if x := intersectSets(ids, pt[typ]); len(x) > 0 {
						p[typ] = x
					}
				}
				if len(p) == 0 {
					return nil
				}
				r[k] = p
			default:
				if !equal(s[k], t[k]) {
					return nil
				}
				r[k] = t[k]
			}
		}
	}
	if sid, ok := t["Sid"]; ok {
		r["Sid"] = sid
	}
	return r
}

// intersectSets intersects two sets of patterns: a pattern that covers the
// other's element yields that element. Anything unclear (overlapping
// patterns, "?") yields nothing: narrower is safe.
func intersectSets(a, b any) []any {
	set := map[string]bool{}
	for _, x := range stringSet(a, nil) {
		for _, y := range stringSet(b, nil) {
			switch {
			case x == y, covers(x, y):
				set[y] = true
			case covers(y, x):
				set[x] = true
			}
		}
	}
	out := make([]any, 0, len(set))
	for _, k := range mergeSorted(nil, keys(set)) {
		out = append(out, k)
	}
	return out
}

// covers reports whether the pattern p (with * wildcards) matches every
// string that q (a literal or a * pattern) matches.
func covers(p, q string) bool {
	if strings.Contains(p, "?") || strings.Contains(q, "?") {
		return false
	}
	if !strings.Contains(p, "*") {
		return p == q
	}
	parts := strings.Split(p, "*")
	if !strings.HasPrefix(q, parts[0]) || !strings.HasSuffix(q[len(parts[0]):], parts[len(parts)-1]) {
		return false
	}
	rest := q[len(parts[0]) : len(q)-len(parts[len(parts)-1])]
	for _, mid := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, mid)
		if i < 0 {
			return false
		}
		rest = rest[i+len(mid):]
	}
	return true
}

// redundant reports whether out[i] is an Allow that another statement of
// out already grants (of two equal ones, the later is redundant).
func redundant(out []map[string]any, i int) bool {
	s := out[i]
	for j, t := range out {
		if j == i || s["Effect"] != "Allow" {
			continue
		}
		r := intersectStatement(s, t)
		if r == nil || !equal(withoutSid(r), withoutSid(s)) {
			continue
		}
		if back := intersectStatement(t, s); back == nil || !equal(withoutSid(back), withoutSid(t)) || j < i {
			return true
		}
	}
	return false
}

// rawPolicy turns a canonical policy into the document to write: the
// rendered statement where one is equal, else the canonical statement with
// actions in their written spelling.
func rawPolicy(rendered, canon any, partition string) any {
	full, _ := rendered.(map[string]any)
	raw, _ := full["Statement"].([]any)
	var list []any
	for _, s := range statements(canon) {
		var pick any = prettyActions(s)
		for _, r := range raw {
			if rm, ok := r.(map[string]any); ok && equal(canonStatement(rm, partition), s) {
				pick = r
				break
			}
		}
		list = append(list, pick)
	}
	d := map[string]any{"Version": canon.(map[string]any)["Version"], "Statement": list}
	if id, ok := full["Id"]; ok {
		d["Id"] = id
	}
	return d
}

func canonOrNil(d map[string]any, partition string) any {
	if d["Id"] == nil {
		delete(d, "Id")
	}
	if d["Version"] == nil {
		delete(d, "Version")
	}
	c, err := CanonicalPolicy(d, partition)
	if err != nil {
		return nil
	}
	return c
}

func withoutSid(s map[string]any) map[string]any {
	c := copyMap(s)
	delete(c, "Sid")
	return c
}

func copyMap(m map[string]any) map[string]any {
	c := make(map[string]any, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// serviceOnly reports whether a canonical statement's principals are all
// AWS service principals.
func serviceOnly(s map[string]any) bool {
	p, ok := s["Principal"].(map[string]any)
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

// joinReason appends note to a change's reason.
func joinReason(reason, note string) string {
	if reason == "" {
		return note
	}
	return reason + "; " + note
}
