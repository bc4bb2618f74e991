package apply

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
)

// WarnOtherAttachments warns about access the spec does not declare and
// apply keeps, since teramotc never detaches or deletes: the users, roles
// and groups that hold a managed policy of the spec without the spec
// declaring them, what each user and role of the spec holds beyond its
// grant (warnIdentityExtras), the ACL grants of each bucket that keeps
// ACLs in force (warnBucketACLs), and the deleting lifecycle rules of each
// bucket that declares none (warnUndeclaredLifecycles), and the trails
// the spec does not declare that deliver to its log buckets
// (warnUndeclaredTrails), and the attached policies on its buckets that no
// grant declares, such as a deleted grant's (warnOrphanPolicies).
//
// The first is read in every plan, once per managed policy of the spec
// that exists (ListEntitiesForPolicy, paginated; a policy still to be
// created costs nothing): a group, user or role someone attached the
// grant's policy to by hand reads the partner data as the grantee does.
// It also covers switching a grant from an IAM user to a role (or renaming
// its user): the old user keeps the policy, its access keys keep working,
// and every later change of the policy reaches it too.
func (e *Engine) WarnOtherAttachments(ctx context.Context, p *Plan) {
	declared := map[string][]string{} // policy name -> owners in the spec
	var names []string                // the spec's managed policies that exist
	for _, it := range p.items {
		switch {
		case it.Type == TAttachment:
			declared[it.Name] = append(declared[it.Name], it.Owner)
		case it.Type == TManagedPolicy && p.live != nil &&
			p.live.State[TManagedPolicy+"."+it.Name] != nil && !slices.Contains(names, it.Name):
			names = append(names, it.Name)
		}
	}
	for _, name := range names {
		others, err := e.policyOwners(ctx, e.policyARN(name))
		if err != nil {
			// The error in parentheses: a plan file is compared by its
			// code, not its message (comparableWarning).
			p.Warnings = append(p.Warnings, fmt.Sprintf("could not list who else holds managed policy %s (%v); "+
				"check with: aws iam list-entities-for-policy --policy-arn %s", name, err, e.policyARN(name)))
			continue
		}
		var extra []string
		for _, o := range others {
			if !slices.Contains(declared[name], o) {
				extra = append(extra, o)
			}
		}
		slices.Sort(extra)
		if len(extra) > 0 {
			arn := e.policyARN(name)
			var detach []string
			for _, o := range extra {
				kind, n := splitOwner(o)
				detach = append(detach, fmt.Sprintf("aws iam detach-%s-policy --%s-name %s --policy-arn %s", kind, kind, n, arn))
			}
			p.Warnings = append(p.Warnings, fmt.Sprintf("managed policy %s is also attached to %s, which the spec does not declare: "+
				"it keeps this access (a group's members too), and every change of the policy reaches it (teramotc never detaches). "+
				"If it should not, detach it: %s", name, strings.Join(extra, ", "), strings.Join(detach, "; ")))
		}
	}
	e.warnIdentityExtras(ctx, p)
	e.warnRevokedExtras(ctx, p)
	e.warnBucketACLs(ctx, p)
	e.warnUndeclaredLifecycles(ctx, p) // plan_lifecycle_undeclared.go
	e.warnUndeclaredTrails(ctx, p)     // plan_trails_undeclared.go
	e.warnOrphanPolicies(ctx, p)       // plan_orphan_policies.go
}

// policyOwners lists the users, roles and groups ("user/NAME",
// "role/NAME", "group/NAME") a managed policy is attached to.
func (e *Engine) policyOwners(ctx context.Context, arn string) ([]string, error) {
	var out []string
	in := &iam.ListEntitiesForPolicyInput{PolicyArn: aws.String(arn)}
	for {
		page, err := e.C.IAM.ListEntitiesForPolicy(ctx, in)
		if err != nil {
			return nil, err
		}
		for _, u := range page.PolicyUsers {
			out = append(out, "user/"+aws.ToString(u.UserName))
		}
		for _, r := range page.PolicyRoles {
			out = append(out, "role/"+aws.ToString(r.RoleName))
		}
		for _, g := range page.PolicyGroups {
			out = append(out, "group/"+aws.ToString(g.GroupName))
		}
		if !page.IsTruncated {
			return out, nil
		}
		in.Marker = page.Marker
	}
}
