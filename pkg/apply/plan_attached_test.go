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
		if kind == "user" {
			out.PolicyUsers = append(out.PolicyUsers, iamtypes.PolicyUser{UserName: aws.String(name)})
		} else {
			out.PolicyRoles = append(out.PolicyRoles, iamtypes.PolicyRole{RoleName: aws.String(name)})
		}
	}
	return out, nil
}

// Switching a grant from an IAM user to a role with the same policy name
// leaves the user holding the policy (teramotc never detaches): the plan
// says so. A converged plan, and a plan of new policies, make no extra read.
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

	switched := planFor(t, e, loadSpec(t, "setup-guide-role", nil))
	e.WarnOtherAttachments(ctx, switched)
	if n := listed(); n != 1 {
		t.Errorf("switched plan: %d ListEntitiesForPolicy calls, want 1", n)
	}
	want := "managed policy teramot-s3-access is also attached to user/teramot-service-user, which the spec does not declare"
	if len(switched.Warnings) != 1 || !strings.Contains(switched.Warnings[0], want) {
		t.Errorf("switched plan warnings = %q, want one saying %q", switched.Warnings, want)
	}

	fresh := newFake()
	fe := fakeEngine(t, fresh)
	p := planFor(t, fe, loadSpec(t, "setup-guide-role", nil))
	fe.WarnOtherAttachments(ctx, p)
	if len(p.Warnings) != 0 {
		t.Errorf("plan of new policies: warnings %q, want none", p.Warnings)
	}
}
