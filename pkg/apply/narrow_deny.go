package apply

import "slices"

// How a bucket policy's Deny statements change before its full phase.
//
// The revoke and deny-only phases keep every live Deny (removing one
// widens access), so they deny at least what the live policy denies; a
// rendered Deny added beside them can only deny more. The Deny statements
// "of" a rendered Deny t are the live ones named like it, and unnamed ones
// (an earlier phase's copy) that differ from it only in the services they
// exempt (ownDenies). Four kinds of rendered Deny need care:
//
//   - one that exempts fewer AWS services (a negated
//     aws:PrincipalServiceName condition with fewer values) than its live
//     Denies: the services still deliver there until the audit step moves
//     them (access logging, a trail's log_bucket), so until the full phase
//     the rendered Deny also exempts the services all its live Denies
//     exempt (commonExemptions). A service they do not all exempt is
//     denied live already, so this grants nothing the live policy does
//     not.
//   - one that has no live Deny (require_encrypted_uploads newly set on a
//     log bucket): until the full phase it exempts the services the live
//     Allows to services let do what it denies (liveServiceExemptions);
//     a delivery that moves away or stops goes on until the audit step.
//   - one that exempts more services (access logging or a trail newly
//     delivered into an existing log bucket): a live Deny beside it would
//     deny the new service. The deny-only phase leaves it out (its live
//     Deny denies all it would; two copies would both be live), and the
//     service-grants phase, before the audit step starts the delivery,
//     replaces each live Deny of it that differs only in exemptions by the
//     rendered one (with the common live exemptions): it stops denying
//     only the services the spec exempts, as the service Allows it writes
//     beside it.
//   - one that asks for another encryption than the live Deny of its Sid
//     (an algorithm or KMS key switch): the two together deny every
//     upload. Before the guardrails stage writes the new default
//     encryption (the revoke phase), the live Deny holds alone; from the
//     deny-only phase on, the rendered one (with the live exemptions)
//     replaces it. An upload must then name the new encryption; one that
//     names the old is refused.

// bucketStage is how far a run has got when a policy is narrowed.
type bucketStage int

const (
	plainPolicy      bucketStage = iota // identity and trust policies
	beforeGuardrails                    // bucket policy, revoke phase
	afterGuardrails                     // bucket policy, deny-only phase
	serviceGrants                       // bucket policy, service-grants phase
)

// exemptionKeys are the condition keys a Deny exempts AWS services with.
var exemptionKeys = []string{"aws:principalservicename", "aws:principalservicenameslist"}

// encryptionKeys are the request headers an encryption Deny tests.
var encryptionKeys = []string{"s3:x-amz-server-side-encryption", "s3:x-amz-server-side-encryption-aws-kms-key-id"}

// interimDeny returns what an intermediate phase at stage writes for the
// rendered Deny t of a bucket policy whose live document is old (nil:
// nothing besides the live Denies).
//
// A Deny new to the policy (no live Deny of its own) exempts, until the
// full phase, the services old allows to do what it denies
// (liveServiceExemptions): a delivery that moves away or stops goes on
// until the audit step. In the revoke and deny-only phases, one whose
// live Deny already denies all it would (the rendered Deny only exempts
// more) is not written: the live one holds alone until the
// service-grants phase replaces it, never two Denies for one purpose.
func interimDeny(t map[string]any, old any, stage bucketStage) map[string]any {
	own := ownDenies(t, old)
	if stage == beforeGuardrails && slices.ContainsFunc(own, func(s map[string]any) bool { return switchesEncryption(s, t) }) {
		return nil
	}
	if len(own) == 0 {
		return withExemptions(t, liveServiceExemptions(t, old))
	}
	t = withExemptions(t, commonExemptions(own))
	if (stage == beforeGuardrails || stage == afterGuardrails) && slices.ContainsFunc(own, func(s map[string]any) bool { return deniesAll(s, t) }) {
		return nil
	}
	return t
}

// deniesAll reports whether the live Deny s denies every request the
// Deny t denies: both equal but for their Sids and exemptions, and t
// exempting every service s exempts.
func deniesAll(s, t map[string]any) bool {
	return exemptionsOnly(s, t) && len(exemptionsDropped(s, t)) == 0
}

// liveServiceExemptions returns a statement whose condition exempts (as
// the rendered exemptions do, StringNotEquals on aws:PrincipalServiceName)
// the AWS services that an Allow of old whose principals are all services
// lets do some of what the Deny t denies, when t is a Deny of the kind
// that exempts delivery services: one that tests the upload encryption or
// already exempts a service. Such an Allow is live until the full phase
// (narrowBucketPolicy), and so may be a delivery in progress.
func liveServiceExemptions(t map[string]any, old any) map[string]any {
	ex, _ := splitCondition(t, exemptionKeys)
	enc, _ := splitCondition(t, encryptionKeys)
	if t["Effect"] != "Deny" || len(ex) == 0 && len(enc) == 0 {
		return map[string]any{}
	}
	var services []string
	for _, s := range statements(old) {
		if s["Effect"] != "Allow" || !serviceOnly(s) ||
			len(intersectSets(s["Action"], t["Action"])) == 0 || len(intersectSets(s["Resource"], t["Resource"])) == 0 {
			continue
		}
		p := s["Principal"].(map[string]any)
		services = mergeSorted(services, stringSet(p["Service"], nil))
	}
	if len(services) == 0 {
		return map[string]any{}
	}
	return map[string]any{"Effect": "Deny", "Condition": map[string]any{
		"StringNotEquals": map[string]any{exemptionKeys[0]: anyList(services)}}}
}

// replacedDeny reports whether, at stage (after the guardrails), the live
// Deny s gives way to a rendered Deny of want: one that switches its
// encryption, or in the service-grants phase one of which s is a Deny
// that differs only in exemptions.
func replacedDeny(s map[string]any, want any, stage bucketStage) bool {
	return slices.ContainsFunc(statements(want), func(t map[string]any) bool {
		return switchesEncryption(s, t) || stage == serviceGrants && ownDeny(s, t) && exemptionsOnly(s, t)
	})
}

// ownDenies returns the Deny statements of p that belong to the rendered
// Deny t (ownDeny).
func ownDenies(t map[string]any, p any) []map[string]any {
	var out []map[string]any
	for _, s := range statements(p) {
		if ownDeny(s, t) {
			out = append(out, s)
		}
	}
	return out
}

// ownDeny reports whether the live Deny s belongs to the rendered Deny t:
// named like it, or unnamed and differing from it only in exemptions.
func ownDeny(s, t map[string]any) bool {
	return denySidPair(s, t) || s["Effect"] == "Deny" && str(s["Sid"]) == "" && exemptionsOnly(s, t)
}

// exemptionsOnly reports whether the Denies s and t are equal but for
// their Sids and the services they exempt by negated operators.
func exemptionsOnly(s, t map[string]any) bool {
	if s["Effect"] != "Deny" || t["Effect"] != "Deny" {
		return false
	}
	exS, restS := splitCondition(s, exemptionKeys)
	exT, restT := splitCondition(t, exemptionKeys)
	for _, ex := range []map[string]any{exS, exT} {
		for op := range ex {
			if !negated(op) {
				return false
			}
		}
	}
	return equal(restS, restT)
}

// commonExemptions returns a statement whose condition holds the
// exemptions (negated operators on exemption keys) that every Deny of
// live has: the services the live Denies together do not deny.
func commonExemptions(live []map[string]any) map[string]any {
	ex, _ := splitCondition(live[0], exemptionKeys)
	cond := map[string]any{}
	for op, raw := range ex {
		if !negated(op) {
			continue
		}
		m := map[string]any{}
		for k, v := range raw.(map[string]any) {
			var keep []string
			for _, svc := range stringSet(v, nil) {
				if !slices.ContainsFunc(live[1:], func(s map[string]any) bool { return !slices.Contains(conditionValues(s, op, k), svc) }) {
					keep = append(keep, svc)
				}
			}
			if len(keep) > 0 {
				m[k] = anyList(keep)
			}
		}
		if len(m) > 0 {
			cond[op] = m
		}
	}
	return map[string]any{"Effect": "Deny", "Condition": cond}
}

func denySidPair(s, t map[string]any) bool {
	return s["Effect"] == "Deny" && t["Effect"] == "Deny" && str(t["Sid"]) != "" && str(s["Sid"]) == str(t["Sid"])
}

// switchesEncryption reports whether the Denies s (live) and t (rendered)
// share a Sid and differ in the encryption they require and nowhere else
// but in the services they exempt.
func switchesEncryption(s, t map[string]any) bool {
	if !denySidPair(s, t) {
		return false
	}
	encS, restS := splitCondition(s, encryptionKeys)
	encT, restT := splitCondition(t, encryptionKeys)
	_, restS = splitCondition(restS, exemptionKeys)
	_, restT = splitCondition(restT, exemptionKeys)
	return !equal(encS, encT) && equal(restS, restT)
}
