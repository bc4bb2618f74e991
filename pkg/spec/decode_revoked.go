package spec

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// decodeRevokedGrant decodes a `revoked_grant` block: the IAM user or role
// of a former grant and the managed policy apply detaches from it.
func (l *loader) decodeRevokedGrant(b *hcl.Block) *RevokedGrant {
	content, diags := b.Body.Content(revokedGrantSchema)
	l.diags = append(l.diags, diags...)
	label := b.Labels[0]
	l.checkLabel(b, "revoked_grant")
	a := l.attrs(content.Attributes, b.DefRange, nil)
	r := &RevokedGrant{
		Block:      blockOf(b, "revoked_grant."+label),
		Label:      label,
		IAMUser:    a.str("iam_user", ""),
		Role:       a.str("cross_account_role", ""),
		PolicyName: a.str("policy_name", defaultPolicyName(label)),
	}
	switch {
	case r.IAMUser.Set && r.Role.Set:
		l.errorf(r.Role.Range.Ptr(), "Conflicting revoked principals",
			"A revoked_grant names exactly one of iam_user and cross_account_role; this one has both (iam_user at %s). "+
				"Write one revoked_grant block for each.", l.subject(r.IAMUser.Range.Ptr()))
	case !r.IAMUser.Set && !r.Role.Set && !l.unsettled[b.DefRange] && !l.anyFailed(b.DefRange, "iam_user", "cross_account_role") &&
		!l.misspeltIn(bodyRange(b), "iam_user") && !l.misspeltIn(bodyRange(b), "cross_account_role"):
		// absent or null (an invalid or misspelt one is reported on its own)
		l.errorf(b.DefRange.Ptr(), "Missing revoked principal",
			"A revoked_grant needs iam_user or cross_account_role: the name of the IAM user or role whose access apply removes, "+
				"as the grant's iam_user or cross_account_role block named it.")
	}
	return r
}

// Principal returns the kind ("user" or "role") and the name of the IAM
// identity a revoked grant names ("" for an invalid block).
func (r *RevokedGrant) Principal() (kind string, name Attr[string]) {
	switch {
	case r.IAMUser.Set:
		return "user", r.IAMUser
	case r.Role.Set:
		return "role", r.Role
	}
	return "", Attr[string]{}
}

// checkRevokedGrants checks the revoked_grant blocks: unique labels, IAM
// names, one revocation per identity and policy, and no identity that a
// grant of the spec still gives access to (the spec would grant and revoke
// the same access on every apply).
func (l *loader) checkRevokedGrants() {
	granted := map[string]Attr[string]{} // kind/lowercase name -> the grant's name attribute
	grantOf := map[string]string{}
	for _, g := range l.spec.Grants {
		if u := g.IAMUser; u != nil && u.Name.Value != "" {
			k := "user/" + strings.ToLower(u.Name.Value)
			granted[k], grantOf[k] = u.Name, g.Address
		}
		if r := g.Role; r != nil && r.Name.Value != "" {
			k := "role/" + strings.ToLower(r.Name.Value)
			granted[k], grantOf[k] = r.Name, g.Address
		}
	}
	labels := map[string]*RevokedGrant{}
	revoked := map[string]*RevokedGrant{}
	for _, r := range l.spec.RevokedGrants {
		if prev := labels[r.Label]; prev != nil {
			l.errorf(r.DeclRange.Ptr(), "Duplicate revoked_grant block",
				"A revoked_grant labelled %q was already declared at %s. revoked_grant labels must be unique in a spec.", r.Label, prev.DeclRange)
		}
		labels[r.Label] = r
		kind, name := r.Principal()
		if kind == "" {
			continue
		}
		l.checkIAMName(name, kind+" name", 64)
		l.checkIAMName(r.PolicyName, "policy name", 128)
		if name.Value == "" {
			continue
		}
		k := kind + "/" + strings.ToLower(name.Value)
		if g, ok := granted[k]; ok {
			l.errorf(name.Range.Ptr(), "Revoked identity is granted",
				"%s revokes the access of IAM %s %s, but %s grants access to it (%s). IAM names are unique whatever their case, "+
					"so apply would attach and detach the same access. Remove the grant block to revoke its access, or remove this revoked_grant.",
				r.Address, kind, show(name), grantOf[k], l.subject(g.Range.Ptr()))
		}
		pk := k + " " + strings.ToLower(r.PolicyName.Value)
		if prev := revoked[pk]; prev != nil && prev.Label != r.Label {
			l.errorf(r.DeclRange.Ptr(), "Duplicate revocation",
				"%s and %s both revoke policy %s of IAM %s %s. Keep one of them.",
				prev.Address, r.Address, show(r.PolicyName), kind, show(name))
		}
		revoked[pk] = r
	}
}
