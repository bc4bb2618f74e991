package apply

import (
	"fmt"
	"slices"
	"strings"
)

// orphanPolicyWarning is the warning about policy o, held by owners
// ("user/NAME", "role/NAME", "group/NAME"), "" when all of them are users
// or roles of the spec's grants (warnIdentityExtras names those). Each
// other user or role gets the revoked_grant block that detaches the
// policy; one a revoked_grant already names (for another policy) gets the
// policy_name to set there instead; a group, which no revoked_grant
// names, the command that detaches it.
func orphanPolicyWarning(o orphanPolicy, owners []string, items []*Item) string {
	granted := map[string]bool{}      // lower-case owners of the spec's grants
	revokedBy := map[string][]*Item{} // lower-case owner -> its revoked attachments
	for _, it := range items {
		switch {
		case it.Type == TAttachment && it.Revoke:
			revokedBy[strings.ToLower(it.Owner)] = append(revokedBy[strings.ToLower(it.Owner)], it)
		case it.Type == TAttachment:
			granted[strings.ToLower(it.Owner)] = true
		}
	}
	var held []string
	for _, ow := range owners {
		if !granted[strings.ToLower(ow)] {
			held = append(held, ow)
		}
	}
	if len(held) == 0 {
		return ""
	}
	slices.Sort(held)
	var blocks, fixes []string
	for _, ow := range held {
		kind, name := splitOwner(ow)
		switch {
		case kind == "group":
			fixes = append(fixes, fmt.Sprintf("detach it from the group by hand, since a revoked_grant names no group: aws iam detach-group-policy --group-name %s --policy-arn %s", name, o.arn))
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
		attr := "iam_user"
		if kind == "role" {
			attr = "cross_account_role"
		}
		label := revokedLabel(o.name)
		if len(blocks) > 1 {
			label = revokedLabel(o.name + "-" + name)
		}
		does := "it detaches the policy"
		if kind == "user" {
			does += " and deactivates the user's access keys"
		}
		fixes = append(fixes, fmt.Sprintf("add to the spec, one attribute per line, revoked_grant %q { %s = %q  policy_name = %q } and apply (%s)",
			label, attr, name, o.name, does))
	}
	noun, verb := "bucket", "holds"
	if len(o.buckets) > 1 {
		noun = "buckets"
	}
	if len(held) > 1 {
		verb = "hold"
	}
	return fmt.Sprintf("managed policy %s grants access to %s %s of the spec but is not declared by any grant of the spec (the policy of a deleted "+
		"grant block, or one made by hand), and %s still %s it, with that access: deleting a grant block revokes nothing, since "+
		"teramotc never detaches or deletes what the spec does not declare. To revoke it: %s",
		o.name, noun, strings.Join(o.buckets, ", "), strings.Join(held, ", "), verb, strings.Join(fixes, "; "))
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
