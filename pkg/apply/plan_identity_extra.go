package apply

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
)

// attachedLists remembers the managed policies each user or role
// ("user/NAME", "role/NAME") had attached when its attachment was last
// read, so that the plan's warning about access the spec does not declare
// needs no second ListAttached*Policies call.
type attachedLists struct {
	mu sync.Mutex
	m  map[string][]string
}

func (a *attachedLists) set(owner string, arns []string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.m == nil {
		a.m = map[string][]string{}
	}
	a.m[owner] = arns
}

func (a *attachedLists) get(owner string) ([]string, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	arns, ok := a.m[owner]
	return arns, ok
}

// identityExtras is what a user or role holds beyond the spec: inline
// policies, managed policies the spec does not attach and, for a user,
// the groups it is in (a group's policies apply to its members).
type identityExtras struct {
	inline, managed, groups []string
}

// warnIdentityExtras warns about each user and role of the spec that
// exists and holds access the spec does not declare. teramotc never
// detaches or deletes, so that access survives every apply, and a plan
// with no change would otherwise look like the whole story. It costs, per
// existing user, ListUserPolicies and ListGroupsForUser, per existing
// role ListRolePolicies; the attached policies come from the live read of
// the attachment.
func (e *Engine) warnIdentityExtras(ctx context.Context, p *Plan) {
	declared := map[string][]string{} // owner -> ARNs of the spec's policies
	for _, it := range p.items {
		if it.Type == TAttachment {
			declared[it.Owner] = append(declared[it.Owner], e.policyARN(it.Name))
		}
	}
	for _, it := range p.items {
		kind := map[string]string{TIAMUser: "user", TIAMRole: "role"}[it.Type]
		if kind == "" || p.live == nil || p.live.get(it.Key()) == nil {
			continue
		}
		x, err := e.identityExtras(ctx, kind, it.Name, declared[kind+"/"+it.Name])
		if err != nil {
			// The error in parentheses: a plan file is compared by its
			// code, not its message (comparableWarning).
			p.Warnings = append(p.Warnings, fmt.Sprintf("could not list the policies and groups of %s %s (%v), so the plan "+
				"cannot tell whether it holds access the spec does not declare; check with: %s", kind, it.Name, err, inspectCommands(kind, it.Name)))
			continue
		}
		if w := extrasWarning(kind, it.Name, x); w != "" {
			p.Warnings = append(p.Warnings, w)
		}
	}
}

func (e *Engine) identityExtras(ctx context.Context, kind, name string, declared []string) (identityExtras, error) {
	var x identityExtras
	owner := kind + "/" + name
	attached, ok := e.attachedSeen.get(owner)
	if !ok {
		var err error
		if attached, err = e.attachedPolicies(ctx, owner); err != nil {
			return x, err
		}
	}
	for _, arn := range attached {
		if !slices.Contains(declared, arn) {
			x.managed = append(x.managed, arn)
		}
	}
	var err error
	if x.inline, err = e.inlinePolicies(ctx, kind, name); err != nil {
		return x, err
	}
	if kind == "user" {
		if x.groups, err = e.userGroups(ctx, name); err != nil {
			return x, err
		}
	}
	slices.Sort(x.managed)
	slices.Sort(x.inline)
	slices.Sort(x.groups)
	return x, nil
}

// extrasWarning names each extra and the command that removes it; "" when
// there is none.
func extrasWarning(kind, name string, x identityExtras) string {
	parts := extrasParts(kind, name, x)
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("%s %s holds access the spec does not declare: %s. teramotc never detaches or deletes, so apply keeps it "+
		"and the %s may do more than its grant says; inspect it with %s", kind, name, joinParts(parts), kind, inspectCommands(kind, name))
}

func joinParts(parts []string) string { return strings.Join(parts, "; ") }

// extrasParts names each extra of a user or role and the command that
// removes it.
func extrasParts(kind, name string, x identityExtras) []string {
	flag := "--" + kind + "-name " + name
	var parts []string
	for _, n := range x.inline {
		parts = append(parts, fmt.Sprintf("inline policy %s (remove: aws iam delete-%s-policy %s --policy-name %s)", n, kind, flag, n))
	}
	for _, arn := range x.managed {
		parts = append(parts, fmt.Sprintf("managed policy %s (detach: aws iam detach-%s-policy %s --policy-arn %s)", arn, kind, flag, arn))
	}
	for _, g := range x.groups {
		parts = append(parts, fmt.Sprintf("group %s, whose policies apply to its members (leave: aws iam remove-user-from-group --group-name %s %s)", g, g, flag))
	}
	return parts
}

func inspectCommands(kind, name string) string {
	flag := "--" + kind + "-name " + name
	cmds := []string{"aws iam list-" + kind + "-policies " + flag, "aws iam list-attached-" + kind + "-policies " + flag}
	if kind == "user" {
		cmds = append(cmds, "aws iam list-groups-for-user "+flag)
	}
	return strings.Join(cmds, ", ")
}

// attachedPolicies lists the ARNs of the managed policies attached to
// owner ("user/NAME" or "role/NAME"), every page, and remembers them.
func (e *Engine) attachedPolicies(ctx context.Context, owner string) ([]string, error) {
	kind, name := splitOwner(owner)
	arns := []string{}
	var marker *string
	for {
		var truncated bool
		if kind == "user" {
			out, err := e.C.IAM.ListAttachedUserPolicies(ctx, &iam.ListAttachedUserPoliciesInput{UserName: aws.String(name), Marker: marker})
			if err != nil {
				return nil, err
			}
			for _, p := range out.AttachedPolicies {
				arns = append(arns, aws.ToString(p.PolicyArn))
			}
			truncated, marker = out.IsTruncated, out.Marker
		} else {
			out, err := e.C.IAM.ListAttachedRolePolicies(ctx, &iam.ListAttachedRolePoliciesInput{RoleName: aws.String(name), Marker: marker})
			if err != nil {
				return nil, err
			}
			for _, p := range out.AttachedPolicies {
				arns = append(arns, aws.ToString(p.PolicyArn))
			}
			truncated, marker = out.IsTruncated, out.Marker
		}
		if !truncated || marker == nil {
			e.attachedSeen.set(owner, arns)
			return arns, nil
		}
	}
}

// inlinePolicies lists the names of a user's or role's inline policies.
func (e *Engine) inlinePolicies(ctx context.Context, kind, name string) ([]string, error) {
	var names []string
	var marker *string
	for {
		var truncated bool
		if kind == "user" {
			out, err := e.C.IAM.ListUserPolicies(ctx, &iam.ListUserPoliciesInput{UserName: aws.String(name), Marker: marker})
			if err != nil {
				return nil, err
			}
			names, truncated, marker = append(names, out.PolicyNames...), out.IsTruncated, out.Marker
		} else {
			out, err := e.C.IAM.ListRolePolicies(ctx, &iam.ListRolePoliciesInput{RoleName: aws.String(name), Marker: marker})
			if err != nil {
				return nil, err
			}
			names, truncated, marker = append(names, out.PolicyNames...), out.IsTruncated, out.Marker
		}
		if !truncated || marker == nil {
			return names, nil
		}
	}
}

// userGroups lists the names of the IAM groups a user is in.
func (e *Engine) userGroups(ctx context.Context, name string) ([]string, error) {
	var groups []string
	in := &iam.ListGroupsForUserInput{UserName: aws.String(name)}
	for {
		out, err := e.C.IAM.ListGroupsForUser(ctx, in)
		if err != nil {
			return nil, err
		}
		for _, g := range out.Groups {
			groups = append(groups, aws.ToString(g.GroupName))
		}
		if !out.IsTruncated || out.Marker == nil {
			return groups, nil
		}
		in.Marker = out.Marker
	}
}
