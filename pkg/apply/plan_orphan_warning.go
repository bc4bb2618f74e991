package apply

import (
	"fmt"
	"slices"
	"strings"
)

// orphanPolicyWarning is the warning about policy o, held by owners
// ("user/NAME", "role/NAME", "group/NAME"), "" when each of them is a
// user or role of the spec's grants (warnIdentityExtras names those) or
// one a revoked_grant detaches o from (its user or role, same kind,
// without case, and o at policy/NAME: review diff6b F7). Each other user
// or role gets the revoked_grant block that detaches the policy (or, when
// a revoked_grant names o for a user or role that does not hold it, the
// correction of that block); one a revoked_grant already names for
// another policy gets the policy_name to set there instead; a group,
// which no revoked_grant names, and any holder of a policy under a path,
// which no revoked_grant can name (F6), the command that detaches it.
//
// missing says whether a revoked_grant's user or role does not exist (as
// the plan read it): only such a revoked_grant is told to be corrected,
// since one whose identity exists and does not hold the policy may have
// detached it already.
func orphanPolicyWarning(o orphanPolicy, owners []string, items []*Item, missing func(*Item) bool) string {
	granted := map[string]bool{}      // lower-case owners of the spec's grants
	revokedBy := map[string][]*Item{} // lower-case owner -> its revoked attachments
	labels := map[string]bool{}       // revoked_grant addresses
	var naming []*Item                // the revoked attachments of o
	for _, it := range items {
		switch {
		case it.Type == TAttachment && it.Revoke:
			revokedBy[strings.ToLower(it.Owner)] = append(revokedBy[strings.ToLower(it.Owner)], it)
			labels[it.Address] = true
			if !o.pathed && strings.EqualFold(it.Name, o.name) {
				naming = append(naming, it)
			}
		case it.Type == TAttachment:
			granted[strings.ToLower(it.Owner)] = true
		}
	}
	holds := map[string]bool{} // lower-case owners
	for _, ow := range owners {
		holds[strings.ToLower(ow)] = true
	}
	var held []string
	for _, ow := range owners {
		if !granted[strings.ToLower(ow)] && !slices.ContainsFunc(naming, func(r *Item) bool { return strings.EqualFold(r.Owner, ow) }) {
			held = append(held, ow)
		}
	}
	if len(held) == 0 {
		return ""
	}
	slices.Sort(held)
	var astray []*Item // revoked_grants of o whose user or role does not exist
	var notes []string
	for _, r := range naming {
		if holds[strings.ToLower(r.Owner)] {
			continue
		}
		kind, name := splitOwner(r.Owner)
		name = itemSecrets(r).shown(name)
		if missing(r) {
			astray = append(astray, r)
			notes = append(notes, fmt.Sprintf("%s names %s %s, which does not exist, so it revokes nothing "+
				"(check the name, and iam_user for a user, cross_account_role for a role)", r.Address, kind, name))
			continue
		}
		notes = append(notes, fmt.Sprintf("%s detaches it from %s %s only, which does not hold it now", r.Address, kind, name))
	}
	var blocks, fixes []string
	for _, ow := range held {
		kind, name := splitOwner(ow)
		switch {
		case kind == "group":
			fixes = append(fixes, fmt.Sprintf("detach it from the group by hand, since a revoked_grant names no group: aws iam detach-group-policy --group-name %s --policy-arn %s", name, o.arn))
		case o.pathed:
			fixes = append(fixes, fmt.Sprintf("detach it from the %s by hand, since a revoked_grant names a policy at policy/NAME only and this one is under a path (%s): "+
				"aws iam detach-%s-policy --%s-name %s --policy-arn %s", kind, o.arn, kind, kind, name, o.arn))
		case len(astray) == 1:
			fixes = append(fixes, fmt.Sprintf("if %s is the %s the grant was for, correct %s to name it: %s = %q (and policy_name = %q)",
				ow, kind, astray[0].Address, identityAttr(kind), name, o.name))
		case len(revokedBy[strings.ToLower(ow)]) > 0:
			for _, r := range revokedBy[strings.ToLower(ow)] {
				fixes = append(fixes, fmt.Sprintf("%s revokes policy_name %q, which is not this policy: if %s held the grant through %s, set policy_name = %q in %s",
					r.Address, r.Name, ow, o.name, o.name, r.Address))
			}
		default:
			blocks = append(blocks, ow)
		}
	}
	for _, ow := range blocks {
		kind, name := splitOwner(ow)
		label := revokedLabel(o.name)
		if len(blocks) > 1 || labels["revoked_grant."+label] {
			label = revokedLabel(o.name + "-" + name)
		}
		does := "it detaches the policy"
		if kind == "user" {
			does += " and deactivates the user's access keys"
		}
		fixes = append(fixes, fmt.Sprintf("add to the spec, one attribute per line, revoked_grant %q { %s = %q  policy_name = %q } and apply (%s)",
			label, identityAttr(kind), name, o.name, does))
	}
	noun, verb := "bucket", "holds"
	if len(o.buckets) > 1 {
		noun = "buckets"
	}
	if len(held) > 1 {
		verb = "hold"
	}
	note := ""
	if len(notes) > 0 {
		note = " " + strings.Join(notes, "; ") + "."
	}
	return fmt.Sprintf("managed policy %s grants access to %s %s of the spec but is not declared by any grant of the spec (the policy of a deleted "+
		"grant block, or one made by hand), and %s still %s it, with that access: deleting a grant block revokes nothing, since "+
		"teramotc never detaches or deletes what the spec does not declare.%s To revoke it: %s",
		o.name, noun, strings.Join(o.buckets, ", "), strings.Join(held, ", "), verb, note, strings.Join(fixes, "; "))
}

// identityAttr is the revoked_grant attribute that names a user or role.
func identityAttr(kind string) string {
	if kind == "role" {
		return "cross_account_role"
	}
	return "iam_user"
}

// revokedLabel is a revoked_grant label for policy name n: without the
// default "-s3-access" suffix, characters a label should not hold as "-".
func revokedLabel(n string) string {
	n = strings.TrimSuffix(n, "-s3-access")
	b := []byte(n)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			b[i] = '-'
		}
	}
	return string(b)
}
