package apply

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// inlinePolicy is an inline policy of a user, role or group as
// GetAccountAuthorizationDetails lists it; doc is URL-encoded JSON.
type inlinePolicy struct {
	kind, identity, name, doc string // kind: "user", "role" or "group"
}

// inlineGrant is an inline policy that grants access to buckets of the
// spec.
type inlineGrant struct {
	inlinePolicy
	buckets []string
	err     error // its document does not parse: buckets unknown
}

// inlineOf is the inline policies of a GetAccountAuthorizationDetails page.
func inlineOf(page *iam.GetAccountAuthorizationDetailsOutput) []inlinePolicy {
	var out []inlinePolicy
	add := func(kind, identity string, list []iamtypes.PolicyDetail) {
		for _, d := range list {
			out = append(out, inlinePolicy{kind: kind, identity: identity, name: aws.ToString(d.PolicyName), doc: aws.ToString(d.PolicyDocument)})
		}
	}
	for _, u := range page.UserDetailList {
		add("user", aws.ToString(u.UserName), u.UserPolicyList)
	}
	for _, r := range page.RoleDetailList {
		add("role", aws.ToString(r.RoleName), r.RolePolicyList)
	}
	for _, g := range page.GroupDetailList {
		add("group", aws.ToString(g.GroupName), g.GroupPolicyList)
	}
	return out
}

// orphanInline are the inline policies that grant an S3 action on one of
// buckets, or whose document does not parse (review diff6b F14), sorted
// by kind, identity and name. Left out: those of the
// users and roles of the spec's grants (warnIdentityExtras names every
// inline policy they hold) and of its revoked_grants (warnRevokedExtras
// does), IAM names compared without case; and a policy on every bucket
// (Resource "*", arn:aws:s3:::*), which is not about these buckets.
func orphanInline(list []inlinePolicy, items []*Item, buckets []string, partition string) []inlineGrant {
	known := map[string]bool{} // lower-case "kind/NAME" of grants and revoked grants
	for _, it := range items {
		switch it.Type {
		case TIAMUser:
			known["user/"+strings.ToLower(it.Name)] = true
		case TIAMRole:
			known["role/"+strings.ToLower(it.Name)] = true
		case TAttachment:
			known[strings.ToLower(it.Owner)] = true
		}
	}
	var out []inlineGrant
	for _, pol := range list {
		if known[pol.kind+"/"+strings.ToLower(pol.identity)] {
			continue
		}
		on, err := docBuckets(pol.doc, buckets, partition)
		if err != nil || len(on) > 0 {
			out = append(out, inlineGrant{inlinePolicy: pol, buckets: on, err: err})
		}
	}
	slices.SortFunc(out, func(a, b inlineGrant) int {
		return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.identity, b.identity), cmp.Compare(a.name, b.name))
	})
	return out
}

// orphanInlineWarnings is one warning per inline policy of gs: teramotc
// never deletes an inline policy (a revoked_grant detaches a managed
// policy only), so it gives the command that does; for one whose
// document does not parse, the command that reads it.
func orphanInlineWarnings(gs []inlineGrant) []string {
	var out []string
	for _, g := range gs {
		if g.err != nil {
			out = append(out, fmt.Sprintf("inline policy %s of %s %s could not be read (%v), so the plan cannot tell whether it grants "+
				"access to the spec's buckets; check with: aws iam get-%s-policy --%s-name %s --policy-name %s",
				g.name, g.kind, g.identity, g.err, g.kind, g.kind, g.identity, g.name))
			continue
		}
		noun := "bucket"
		if len(g.buckets) > 1 {
			noun = "buckets"
		}
		out = append(out, fmt.Sprintf("inline policy %s of %s %s grants access to %s %s of the spec, but no grant of the spec declares it "+
			"(a grant's access is a managed policy: this one was made outside teramotc), and that access stays: "+
			"teramotc never deletes inline policies, and a revoked_grant detaches only a managed policy. If it should go, delete it by hand: "+
			"aws iam delete-%s-policy --%s-name %s --policy-name %s",
			g.name, g.kind, g.identity, noun, strings.Join(g.buckets, ", "), g.kind, g.kind, g.identity, g.name))
	}
	return out
}
