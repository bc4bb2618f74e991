package spec

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func (l *loader) decodeGrant(b *hcl.Block) *Grant {
	content, diags := b.Body.Content(grantSchema)
	l.diags = append(l.diags, diags...)
	label := b.Labels[0]
	addr := "grant." + label
	l.checkLabel(b, "grant")
	a := l.attrs(content.Attributes, b.DefRange, nil)
	a.required(b, "a grant block", "bucket", "permissions")
	g := &Grant{
		Block:        blockOf(b, addr),
		Label:        label,
		Bucket:       l.bucketRef(a, "bucket"),
		Permissions:  a.strList("permissions"),
		ExtraActions: a.strList("extra_actions"),
		Prefix:       a.str("prefix", ""),
	}
	for i, p := range g.Permissions.Value {
		if !contains(permissions, p) {
			l.errorf(l.elemRange(g.Permissions, i).Ptr(), "Invalid permission",
				"%s is not a permission; use any of %s.%s", quoteValue(p, g.Permissions.Sensitive), quoteList(permissions),
				didYouMeanFold(p, permissions, g.Permissions.Sensitive))
		}
	}
	l.checkPrefix(g.Prefix)
	l.checkKeyPrefixStart(g.Prefix, "prefix", "grant")
	l.checkExtraActions(g.ExtraActions)
	user := l.singleBlock(content.Blocks, "iam_user")
	role := l.singleBlock(content.Blocks, "cross_account_role")
	switch {
	case user != nil && role != nil:
		l.errorf(role.DefRange.Ptr(), "Conflicting grant principals",
			"A grant has exactly one of iam_user and cross_account_role; this one has both (iam_user at %s). "+
				"Split it into two grants.", user.DefRange)
	case user == nil && role == nil:
		l.errorf(b.DefRange.Ptr(), "Missing grant principal",
			"A grant needs exactly one iam_user or cross_account_role block saying who gets the access.")
	}
	if user != nil {
		g.IAMUser = l.decodeIAMUser(user, addr, label)
	}
	if role != nil {
		g.Role = l.decodeRole(role, addr, label)
	}
	return g
}

var permissions = []string{"read", "write", "delete", "list"}

// checkExtraActions rejects extra actions that cannot apply to the grant's
// bucket or its objects: the renderer puts every extra action on the bucket
// or object ARNs, where an action of another service, or an S3 action on
// access points, jobs or Resource "*", is accepted by IAM but grants
// nothing. Unknown actions and wildcards are left to TMC504 and TMC501.
func (l *loader) checkExtraActions(acts Attr[[]string]) {
	for i, a := range acts.Value {
		svc, _, _ := strings.Cut(a, ":")
		if !strings.EqualFold(svc, "s3") {
			if _, known := MatchActions(a); known && a != "*" {
				l.errorf(l.elemRange(acts, i).Ptr(), "Extra action of another service",
					"%s is not an S3 action, and extra_actions apply to the grant's bucket and its objects, so it "+
						"would grant nothing. List only s3: actions here; a grant on an SSE-KMS bucket gets "+
						"kms:Decrypt and kms:GenerateDataKey on its key by itself.", quoteValue(a, acts.Sensitive))
			}
			continue
		}
		switch S3ActionResource(a) {
		case "other", "none":
			l.errorf(l.elemRange(acts, i).Ptr(), "Extra action not on a bucket or object",
				"%s does not act on a bucket or its objects (AWS authorizes it on other resources or on \"*\"), "+
					"so on this grant's bucket it would grant nothing. Remove it from extra_actions.", quoteValue(a, acts.Sensitive))
		}
	}
}

// checkPrefix rejects a grant prefix holding a wildcard or a policy
// variable: the renderer appends "*" to it in object ARNs and in the
// s3:prefix condition, so "*", "?" or "${...}" would widen the access the
// prefix is meant to restrict (prefix "*" grants the whole bucket).
func (l *loader) checkPrefix(p Attr[string]) {
	if !p.Set {
		return
	}
	var what string
	switch {
	case strings.Contains(p.Value, "${"):
		what = "a policy variable (${...})"
	case strings.ContainsAny(p.Value, "*?"):
		what = "a wildcard (* or ?)"
	default:
		return
	}
	l.errorf(p.Range.Ptr(), "Invalid grant prefix",
		"The prefix %s holds %s. A prefix restricts the grant to object keys that begin with it, "+
			"and teramotc adds the wildcard itself (arn:aws:s3:::BUCKET/PREFIX*), so a wildcard or variable here "+
			"widens the access instead. Write the literal start of the keys, like \"team-a/\", "+
			"or leave prefix out to grant the whole bucket.", show(p), what)
}

// defaultPolicyName names a grant's managed policy when policy_name is not
// written ("" for an invalid label, which is reported on its own).
func defaultPolicyName(grantLabel string) string {
	if !hclsyntax.ValidIdentifier(grantLabel) {
		return ""
	}
	return grantLabel + "-s3-access"
}

func (l *loader) decodeIAMUser(blk *hcl.Block, parent, grantLabel string) *IAMUser {
	content, diags := blk.Body.Content(iamUserSchema)
	l.diags = append(l.diags, diags...)
	a := l.attrs(content.Attributes, blk.DefRange, nil)
	a.required(blk, "an iam_user block", "name")
	return &IAMUser{
		Block:           blockOf(blk, parent+".iam_user"),
		Name:            a.str("name", ""),
		Path:            a.str("path", "/"),
		PolicyName:      a.str("policy_name", defaultPolicyName(grantLabel)),
		CreateAccessKey: a.boolean("create_access_key", false),
	}
}

func (l *loader) decodeRole(blk *hcl.Block, parent, grantLabel string) *CrossAccountRole {
	content, diags := blk.Body.Content(roleSchema)
	l.diags = append(l.diags, diags...)
	a := l.attrs(content.Attributes, blk.DefRange, nil)
	a.required(blk, "a cross_account_role block", "name", "trusted_account_id", "external_id")
	return &CrossAccountRole{
		Block:              blockOf(blk, parent+".cross_account_role"),
		Name:               a.str("name", ""),
		Path:               a.str("path", "/"),
		TrustedAccountID:   a.str("trusted_account_id", ""),
		TrustedPrincipal:   a.str("trusted_principal", "root"),
		ExternalID:         a.str("external_id", ""),
		MaxSessionDuration: a.integer("max_session_duration", 3600),
		PolicyName:         a.str("policy_name", defaultPolicyName(grantLabel)),
	}
}

// bucketRef decodes an attribute that must be a reference to a declared
// bucket block (bucket.X) and returns the label.
func (l *loader) bucketRef(a *attrs, name string) Attr[string] {
	out := Attr[string]{Range: a.decl}
	attr := a.m[name]
	if attr == nil {
		return out
	}
	l.noteAttr(attr)
	t, diags := hcl.AbsTraversalForExpr(attr.Expr)
	if diags.HasErrors() || t.RootName() != "bucket" || len(t) != 2 {
		l.errorf(attr.Expr.Range().Ptr(), "Invalid bucket reference",
			"%s must refer to a bucket block of this spec, like bucket.data (without quotes or .name).", name)
		return out
	}
	step, ok := t[1].(hcl.TraverseAttr)
	if !ok {
		l.errorf(attr.Expr.Range().Ptr(), "Invalid bucket reference",
			"%s must refer to a bucket block of this spec, like bucket.data.", name)
		return out
	}
	if l.bucketDef[step.Name] == nil {
		l.errorf(nameOnly(step).Ptr(), "Reference to undeclared bucket",
			"There is no bucket block labelled %q.%s", step.Name, didYouMean(step.Name, keys(l.bucketDef)))
		return out
	}
	return Attr[string]{Value: step.Name, Range: attr.Range, Set: true}
}
