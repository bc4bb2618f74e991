package apply

// Live reads of the items outside S3: IAM users, roles, managed policies,
// policy attachments and access keys, and CloudTrail trails with their
// event selectors and logging status.

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	smithy "github.com/aws/smithy-go"
)

// readIdentityOrTrail reads the live state of an IAM or CloudTrail item,
// one case per type; nil for a policy, attachment, access key or trail
// that is not there.
func (e *Engine) readIdentityOrTrail(ctx context.Context, it *Item) (any, error) {
	if it.Revoke {
		return e.readRevoked(ctx, it)
	}
	switch it.Type {
	case TIAMUser:
		out, err := e.C.IAM.GetUser(ctx, &iam.GetUserInput{UserName: aws.String(it.Name)})
		if err != nil {
			return nil, err
		}
		return map[string]any{"UserName": aws.ToString(out.User.UserName), "Path": aws.ToString(out.User.Path)}, nil
	case TIAMRole:
		return e.readRole(ctx, it)
	case TManagedPolicy:
		doc, err := e.policyDocument(ctx, e.policyARN(it.Name))
		if err != nil || doc == nil {
			return nil, err
		}
		return map[string]any{"PolicyName": it.Name, "PolicyDocument": doc}, nil
	case TAttachment:
		ok, err := e.attached(ctx, it.Owner, e.policyARN(it.Name))
		if err != nil || !ok {
			return nil, err
		}
		return map[string]any{"PolicyName": it.Name, "Attached": true}, nil
	case TAccessKey:
		// Any key, active or not, means apply creates none; the keys are
		// kept (access_keys.go) for plan's warnings and apply's checks.
		keys, err := e.listAccessKeys(ctx, it.Name)
		if err != nil || len(keys) == 0 {
			return nil, err
		}
		return map[string]any{"Exists": true}, nil
	case TTrail:
		return e.readTrail(ctx, it)
	case TEventSelectors:
		out, err := e.C.CloudTrailForRegion(it.Region).GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String(it.Name)})
		if err != nil {
			return nil, err
		}
		return map[string]any{"EventSelectors": generic(out.EventSelectors), "AdvancedEventSelectors": generic(out.AdvancedEventSelectors)}, nil
	case TTrailLogging:
		out, err := e.C.CloudTrailForRegion(it.Region).GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String(it.Name)})
		if err != nil {
			return nil, err
		}
		return map[string]any{"IsLogging": aws.ToBool(out.IsLogging)}, nil
	}
	return nil, fmt.Errorf("no reader for %s", it.Type)
}

// readRole reads a role as its canonical state: name, path, maximum
// session duration and canonical trust policy. A role under another path
// than the spec's is a *Problem (rolePathProblem).
func (e *Engine) readRole(ctx context.Context, it *Item) (any, error) {
	out, err := e.C.IAM.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(it.Name)})
	if err != nil {
		return nil, err
	}
	if err := rolePathProblem(it, aws.ToString(out.Role.Path)); err != nil {
		return nil, err
	}
	if arn := aws.ToString(out.Role.Arn); arn != "" && !strings.HasPrefix(arn, "arn:") {
		// Right after CreateRole, IAM may briefly show the role's
		// unique id (AROA...) instead of its ARN: not ready yet.
		return nil, &smithy.GenericAPIError{Code: "NoSuchEntity", Message: "role " + it.Name + " is not fully created yet (ARN shown as " + arn + ")"}
	}
	doc, err := ParsePolicy(aws.ToString(out.Role.AssumeRolePolicyDocument))
	if err != nil {
		return nil, err
	}
	tp, err := CanonicalPolicy(doc, e.Partition)
	if err != nil {
		return nil, err
	}
	return map[string]any{"RoleName": aws.ToString(out.Role.RoleName), "Path": aws.ToString(out.Role.Path),
		"MaxSessionDuration": float64(aws.ToInt32(out.Role.MaxSessionDuration)), "AssumeRolePolicyDocument": tp}, nil
}

// readTrail reads a trail's settings; nil when DescribeTrails does not
// list it.
func (e *Engine) readTrail(ctx context.Context, it *Item) (any, error) {
	ct := e.C.CloudTrailForRegion(it.Region)
	out, err := ct.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{TrailNameList: []string{it.Name}})
	if err != nil {
		return nil, err
	}
	for _, t := range out.TrailList {
		if aws.ToString(t.Name) == it.Name {
			return map[string]any{"Name": t.Name, "S3BucketName": t.S3BucketName, "S3KeyPrefix": t.S3KeyPrefix,
				"KmsKeyId": t.KmsKeyId, "IsMultiRegionTrail": t.IsMultiRegionTrail,
				"EnableLogFileValidation": t.LogFileValidationEnabled, "IncludeGlobalServiceEvents": t.IncludeGlobalServiceEvents}, nil
		}
	}
	return nil, nil
}

// rolePathProblem refuses a role that exists under another path than the
// spec's: IAM cannot move a role (UpdateRole has no path parameter, and a
// role's ARN includes its path), so no write could converge it.
func rolePathProblem(it *Item, live string) error {
	w, _ := it.Desired.(map[string]any)
	want := str(w["Path"])
	if w == nil || want == "" || pathOr(live) == want {
		return nil
	}
	return &Problem{Summary: fmt.Sprintf("IAM role %s exists with path %q, but %s says %q", it.Name, pathOr(live), it.Address, want),
		Detail: fmt.Sprintf("IAM cannot change a role's path. To keep the role, set path = %q in the cross_account_role block of %s. "+
			"To move it, delete the role in AWS (aws iam detach-role-policy for each attached policy, then aws iam delete-role --role-name %s) "+
			"and run apply to create it under the new path: its ARN changes, so the partner must use the new one. Nothing was written to AWS.",
			pathOr(live), it.Address, it.Name)}
}

func (e *Engine) policyARN(name string) string {
	return arns{partition: e.Partition, account: e.Account}.iam("policy", "/", name)
}

// policyDocument returns the canonical default version of a managed policy,
// nil when the policy does not exist.
func (e *Engine) policyDocument(ctx context.Context, arn string) (any, error) {
	p, err := e.C.IAM.GetPolicy(ctx, &iam.GetPolicyInput{PolicyArn: aws.String(arn)})
	if err != nil {
		return nil, err
	}
	v, err := e.C.IAM.GetPolicyVersion(ctx, &iam.GetPolicyVersionInput{PolicyArn: aws.String(arn), VersionId: p.Policy.DefaultVersionId})
	if err != nil {
		return nil, err
	}
	doc, err := ParsePolicy(aws.ToString(v.PolicyVersion.Document))
	if err != nil {
		return nil, err
	}
	return CanonicalPolicy(doc, e.Partition)
}

// attached reports whether the managed policy arn is attached to owner
// ("user/NAME" or "role/NAME"). It reads every attached policy, which
// the plan's warning about undeclared access reuses (attachedPolicies).
func (e *Engine) attached(ctx context.Context, owner, arn string) (bool, error) {
	arns, err := e.attachedPolicies(ctx, owner)
	return slices.Contains(arns, arn), err
}

func splitOwner(owner string) (kind, name string) {
	for i := 0; i < len(owner); i++ {
		if owner[i] == '/' {
			return owner[:i], owner[i+1:]
		}
	}
	return "", owner
}
