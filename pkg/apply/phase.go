package apply

import (
	"fmt"
	"maps"
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
//     Deny statements of both; for a role, also a lowered
//     MaxSessionDuration. A change that only removes access is complete
//     after this phase. Nothing is written when the narrowed document
//     grants as much as the live one (a Sid rename, a Deny the live policy
//     already enforces). A bucket policy keeps its live Allows to AWS
//     services here and in the next two phases (narrowBucketPolicy), and
//     the services its live Denies exempt (a Deny new to it, the services
//     its live service Allows name); a Deny that switches to another
//     encryption is not written yet (narrow_deny.go).
//   - deny (guardrails, bucket policies, after the default encryption):
//     the same narrowed document, in which a Deny that switches encryption
//     now replaces the live one (narrowGuardedBucketPolicy) and one that
//     only exempts more is left out (the live one holds alone), or the
//     rendered Deny statements alone for a bucket without a policy.
//   - service (audit): deny + Allows whose only principals are AWS services
//     (log delivery, CloudTrail), needed before logging and trails start;
//     a live Deny that the rendered one changes only in the services it
//     exempts gives way to it (with the live exemptions), so a service
//     that starts delivering is exempt from then on.
//   - full (grants): the rendered document, last; it also removes the
//     service Allows for a log location the audit step has moved away from.
//
// Every phase document has unique Sids (uniqueSids).
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
// plan shows the step where each change actually happens. A bucket policy
// whose Denies change under their Sid gets a note saying when they take
// effect (denyNotes), with its item's step when nothing is revoked.
func revokeStep(it *Item, before any, partition string) (step int, note string) {
	var notes []string
	if it.Type == TBucketPolicy {
		notes = denyNotes(before, it.Desired, it.Step)
	}
	_, want := revokeDoc(it, before, partition)
	switch {
	case want == nil && len(notes) == 0:
		return 0, ""
	case want == nil:
		return it.Step, strings.Join(notes, "; ")
	case equal(want, it.Desired):
		note = "only removes access: applied at step 2, before the guardrails"
	default:
		note = fmt.Sprintf("removals applied at step 2, additions at step %d", widenStep(it, want, partition))
	}
	return StepRevoke, strings.Join(append([]string{note}, notes...), "; ")
}

// widenStep is the step at which a split change adds access: the item's
// own step, or for a bucket policy the guardrails step when its deny-only
// phase completes it (a Deny that switches encryption, narrow_deny.go),
// the audit step when it first gains statements for AWS service
// principals.
func widenStep(it *Item, narrowed any, partition string) int {
	if it.Type != TBucketPolicy {
		return it.Step
	}
	live := newLive()
	live.set(it.Key(), narrowed)
	if _, d := policyPhase(it, live, phaseDeny, partition); d != nil {
		if equal(d, it.Desired) {
			return StepGuardrail
		}
		live.set(it.Key(), d)
	}
	if _, w := policyPhase(it, live, phaseService, partition); w != nil && !equal(w, live.get(it.Key())) {
		return StepAudit
	}
	return StepGrant
}

// revokeDoc returns the document to write in the revoke phase (nil when
// the policy loses nothing) and the canonical state the phase leaves (nil
// when the change removes no access). A role whose MaxSessionDuration is
// lowered is narrowed too: shorter sessions are a revocation, so the new
// value is part of the revoke state (a raise waits for the identity step).
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
	if n := narrowFor(it, cur, wantPol, partition); n != nil && !equal(n, cur) && grantsLess(n, cur) {
		doc, cur = rawPolicy(it.Doc, n, partition), n
	}
	if field == "" {
		if doc == nil {
			return nil, nil
		}
		return doc, cur
	}
	st := maps.Clone(before.(map[string]any))
	st[field] = cur
	shorter := false
	if it.Type == TIAMRole {
		if d := num(it.Desired.(map[string]any)["MaxSessionDuration"]); d > 0 && d < num(st["MaxSessionDuration"]) {
			st["MaxSessionDuration"], shorter = d, true
		}
	}
	if doc == nil && !shorter {
		return nil, nil
	}
	return doc, st
}

// narrowFor narrows the policy of an item: a bucket policy keeps its
// service Allows until the full phase (narrowBucketPolicy).
func narrowFor(it *Item, cur, want any, partition string) any {
	if it.Type == TBucketPolicy {
		return narrowBucketPolicy(cur, want, partition)
	}
	return narrowPolicy(cur, want, partition)
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
	stage := afterGuardrails
	if phase == phaseService {
		stage = serviceGrants
	}
	n := narrowGuardedBucketPolicy(cur, it.Desired, partition, stage)
	if phase == phaseService {
		list := statements(n)
		for _, s := range statements(it.Desired) {
			if s["Effect"] == "Allow" && serviceOnly(s) {
				list = append(list, s)
			}
		}
		var stmts []any
		for _, s := range uniqueSids(list, it.Desired) {
			stmts = append(stmts, s)
		}
		m := n.(map[string]any)
		n = canonOrNil(map[string]any{"Version": m["Version"], "Id": m["Id"], "Statement": stmts}, partition)
	}
	if len(statements(n)) == 0 {
		return nil, nil
	}
	return rawPolicy(it.Doc, n, partition), n
}

// rawPolicy turns a canonical policy into the document to write: the
// rendered statement where one is equal, else the canonical statement with
// actions in their written spelling. Rendered statements keep the rendered
// order, the others follow, so that a phase that completes the policy
// writes exactly the rendered document (a later phase may then skip it as
// converged).
func rawPolicy(rendered, canon any, partition string) any {
	full, _ := rendered.(map[string]any)
	raw, _ := full["Statement"].([]any)
	type picked struct {
		at int // index in the rendered document; len(raw) when not in it
		st any
	}
	var list []picked
	for _, s := range statements(canon) {
		p := picked{len(raw), prettyActions(s)}
		for i, r := range raw {
			if rm, ok := r.(map[string]any); ok && equal(canonStatement(rm, partition), s) {
				p = picked{i, r}
				break
			}
		}
		list = append(list, p)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].at < list[j].at })
	stmts := make([]any, len(list))
	for i, p := range list {
		stmts[i] = p.st
	}
	d := map[string]any{"Version": canon.(map[string]any)["Version"], "Statement": stmts}
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
