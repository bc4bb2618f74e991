package apply

import (
	"maps"
	"slices"
	"strings"
)

// narrowPolicy returns the canonical policy that grants only what both
// canonical policies old and want grant: each Allow of old intersected with
// each Allow of want (actions, resources and principals as sets,
// conditions combined so that both hold, see intersectConditions; other
// fields equal), plus the Deny statements of both (an added Deny narrows;
// a removed one waits for the full document). A statement whose new
// conditions are stricter is thus narrowed to the new statement itself,
// and one whose conditions only widen is kept as it is live.
//
// When nothing of old survives (a rotated external id), its Allows become
// Denies: every document needs a statement, and a document with no Allow
// grants nothing. IAM accepts a trust policy made only of Deny statements
// (UpdateAssumeRolePolicy; the AWS controllers for Kubernetes IAM
// controller's e2e test, test/e2e/tests/test_role.py, writes one to real
// IAM and reads Effect Deny back), and AWS's own AWSDenyAll managed policy
// is Deny-only; trust policies must explicitly allow a principal (IAM user
// guide, policy evaluation logic), so a Deny-only one lets nobody assume
// the role. Forms that keep an Allow with a condition that can never match
// were rejected: their safety rests on a condition value, not on the
// absence of an Allow. Statements covered by another are dropped, and no
// Sid is used twice (uniqueSids).
func narrowPolicy(old, want any, partition string) any {
	return narrow(old, want, partition, plainPolicy)
}

// narrowBucketPolicy is narrowPolicy for a bucket policy in its revoke
// phase, before the guardrails: the live Allows whose principals are all
// AWS services (CloudTrail, S3 log delivery) are kept as they are. A trail
// or access logging that moves (a new log_prefix or target_prefix, another
// log bucket) moves at the audit step, so the service must keep its
// permission for the old location until then, or every delivery in between
// is denied; the full phase, after the audit step, removes it. Taking a
// permission from a service is not revoking a partner's access. For the
// same reason a rendered Deny keeps exempting the services its live
// version exempts until the full phase, one that exempts more replaces the
// live one in the service-grants phase, and a Deny that switches
// encryption waits for the new default encryption (interimDeny,
// narrow_deny.go).
func narrowBucketPolicy(old, want any, partition string) any {
	return narrow(old, want, partition, beforeGuardrails)
}

// narrowGuardedBucketPolicy is narrowBucketPolicy for the deny-only
// phase (stage afterGuardrails), after the guardrails stage has written
// the bucket's default encryption, and for the service-grants phase
// (stage serviceGrants), before logging and trails start: a live Deny
// that the rendered one switches to another encryption, and from the
// service-grants phase on one that it changes only in the services it
// exempts, gives way to it (replacedDeny).
func narrowGuardedBucketPolicy(old, want any, partition string, stage bucketStage) any {
	return narrow(old, want, partition, stage)
}

func narrow(old, want any, partition string, stage bucketStage) any {
	var out []map[string]any
	for _, s := range statements(old) {
		if s["Effect"] != "Allow" {
			if stage < afterGuardrails || !replacedDeny(s, want, stage) {
				out = append(out, s)
			}
			continue
		}
		if stage != plainPolicy && serviceOnly(s) {
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
		if t["Effect"] == "Allow" {
			continue
		}
		if stage != plainPolicy {
			t = interimDeny(t, old, stage)
		}
		if t != nil {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		for _, s := range statements(old) {
			d := maps.Clone(s)
			d["Effect"] = "Deny"
			out = append(out, d)
		}
	}
	var kept []map[string]any
	for i, s := range out {
		if !redundant(out, i) {
			kept = append(kept, s)
		}
	}
	list := []any{}
	for _, s := range uniqueSids(kept, want) {
		list = append(list, s)
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
			case "Condition":
				c, ok := intersectConditions(s[k], t[k])
				if !ok {
					return nil
				}
				if len(c) > 0 {
					r[k] = c
				}
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
	for _, k := range slices.Sorted(maps.Keys(set)) {
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

func withoutSid(s map[string]any) map[string]any {
	c := maps.Clone(s)
	delete(c, "Sid")
	return c
}
