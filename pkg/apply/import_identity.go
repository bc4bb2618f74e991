package apply

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// inlineLister is the part of the IAM client that lists inline policies;
// the engine's IAMAPI does not need it, so import asks for it only here
// (the SDK's client has both; a client without them is not asked).
type inlineLister interface {
	ListUserPolicies(context.Context, *iam.ListUserPoliciesInput, ...func(*iam.Options)) (*iam.ListUserPoliciesOutput, error)
	ListRolePolicies(context.Context, *iam.ListRolePoliciesInput, ...func(*iam.Options)) (*iam.ListRolePoliciesOutput, error)
}

// importIdentityExtras warns about what owner (user/NAME or role/NAME)
// has beyond the grant's one managed policy: other attached policies
// (others, their ARNs), inline policies and, for a user, access keys. A
// spec does not declare them and plan and apply never remove them, so
// the principal may have more access than the grant says.
func (e *Engine) importIdentityExtras(ctx context.Context, owner string, others []string, im *Imported) error {
	kind, name := splitOwner(owner)
	var inline []string
	if l, ok := e.C.IAM.(inlineLister); ok {
		if kind == "user" {
			out, err := l.ListUserPolicies(ctx, &iam.ListUserPoliciesInput{UserName: aws.String(name)})
			if err != nil {
				return fmt.Errorf("%s: %w", owner, err)
			}
			inline = out.PolicyNames
		} else {
			out, err := l.ListRolePolicies(ctx, &iam.ListRolePoliciesInput{RoleName: aws.String(name)})
			if err != nil {
				return fmt.Errorf("%s: %w", owner, err)
			}
			inline = out.PolicyNames
		}
	}
	var has []string
	if len(others) > 0 {
		has = append(has, "the managed policies "+strings.Join(others, ", "))
	}
	if len(inline) > 0 {
		has = append(has, "the inline policies "+strings.Join(inline, ", "))
	}
	if len(has) > 0 {
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: %s %s also has %s, which the imported grant does not declare (a grant is one managed policy). "+
			"plan and apply leave them as they are, so the %s may have more access than the grant says: detach or delete them in IAM "+
			"if the grant should be all of its access.", kind, name, strings.Join(has, " and "), kind))
	}
	if kind != "user" {
		return nil
	}
	keys, err := e.C.IAM.ListAccessKeys(ctx, &iam.ListAccessKeysInput{UserName: aws.String(name)})
	if err != nil {
		return fmt.Errorf("%s: %w", owner, err)
	}
	if n := len(keys.AccessKeyMetadata); n > 0 {
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: user %s has %d access key(s); the imported spec does not manage existing keys "+
			"(create_access_key = false), so apply leaves them as they are. Rotate or delete them in IAM as needed.", name, n))
	}
	return nil
}

// boundaryNote warns that owner has a permissions boundary, which a spec
// cannot express; plan and apply leave it in place.
func boundaryNote(kind, name string, pb *iamtypes.AttachedPermissionsBoundary, im *Imported) {
	if pb == nil || aws.ToString(pb.PermissionsBoundaryArn) == "" {
		return
	}
	im.Notes = append(im.Notes, fmt.Sprintf("Warning: %s %s has the permissions boundary %s, which a spec cannot express; plan and apply "+
		"leave it in place (it only limits what the %s's policies grant).", kind, name, aws.ToString(pb.PermissionsBoundaryArn), kind))
}
