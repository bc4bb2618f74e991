package apply

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
)

func (f *fake) ListEntitiesForPolicy(_ context.Context, in *iam.ListEntitiesForPolicyInput, _ ...func(*iam.Options)) (*iam.ListEntitiesForPolicyOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("ListEntitiesForPolicy", *in.PolicyArn, false); err != nil {
		return nil, err
	}
	out := &iam.ListEntitiesForPolicyOutput{}
	for k := range f.iam.attached {
		owner, arn, _ := strings.Cut(k, " ")
		if arn != *in.PolicyArn {
			continue
		}
		kind, name, _ := strings.Cut(owner, "/")
		switch kind {
		case "user":
			out.PolicyUsers = append(out.PolicyUsers, iamtypes.PolicyUser{UserName: aws.String(name)})
		case "group":
			out.PolicyGroups = append(out.PolicyGroups, iamtypes.PolicyGroup{GroupName: aws.String(name)})
		default:
			out.PolicyRoles = append(out.PolicyRoles, iamtypes.PolicyRole{RoleName: aws.String(name)})
		}
	}
	return out, nil
}

// Switching a grant from an IAM user to a role with the same policy name
// leaves the user holding the policy (teramotc never detaches): the plan
// says so. A converged plan, and a plan of new policies, make no
// ListEntitiesForPolicy read.
func TestWarnOtherAttachments(t *testing.T) {
	ctx := context.Background()
	f := newFake()
	e := fakeEngine(t, f)
	user := loadSpec(t, "setup-guide-user", nil)
	if _, err := converge(t, e, user); err != nil {
		t.Fatal(err)
	}
	listed := func() int {
		f.mu.Lock()
		defer f.mu.Unlock()
		n := 0
		for _, c := range f.calls {
			if strings.HasPrefix(c, "ListEntitiesForPolicy ") {
				n++
			}
		}
		return n
	}

	converged := planFor(t, e, user)
	e.WarnOtherAttachments(ctx, converged)
	if n := listed(); n != 0 || len(converged.Warnings) != 0 {
		t.Fatalf("converged plan: %d ListEntitiesForPolicy calls, warnings %q; want none", n, converged.Warnings)
	}

	// A group holds the policy too: it is named, with the command that
	// detaches the policy from it, as is each user (not a role command).
	const arn = "arn:aws:iam::111122223333:policy/teramot-s3-access"
	f.iam.attached["group/partners-grp "+arn] = true
	switched := planFor(t, e, loadSpec(t, "setup-guide-role", nil))
	e.WarnOtherAttachments(ctx, switched)
	if n := listed(); n != 1 {
		t.Errorf("switched plan: %d ListEntitiesForPolicy calls, want 1", n)
	}
	if len(switched.Warnings) != 1 {
		t.Fatalf("switched plan warnings = %q, want one", switched.Warnings)
	}
	for _, want := range []string{
		"managed policy teramot-s3-access is also attached to ",
		"group/partners-grp", "user/teramot-service-user", ", which the spec does not declare",
		"aws iam detach-user-policy --user-name teramot-service-user --policy-arn " + arn,
		"aws iam detach-group-policy --group-name partners-grp --policy-arn " + arn,
	} {
		if !strings.Contains(switched.Warnings[0], want) {
			t.Errorf("switched plan warning lacks %q:\n%s", want, switched.Warnings[0])
		}
	}
	if strings.Contains(switched.Warnings[0], "detach-role-policy") {
		t.Errorf("switched plan warning offers a role command for a user and a group:\n%s", switched.Warnings[0])
	}

	fresh := newFake()
	fe := fakeEngine(t, fresh)
	p := planFor(t, fe, loadSpec(t, "setup-guide-role", nil))
	fe.WarnOtherAttachments(ctx, p)
	if len(p.Warnings) != 0 {
		t.Errorf("plan of new policies: warnings %q, want none", p.Warnings)
	}
}
