package apply

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/teramot/teramotc/internal/testenv"
)

// TestMotoIdentityExtras: after the setup-guide user is applied on moto,
// an inline policy, a second managed policy and a group added outside
// teramotc leave the plan without changes (teramotc never removes them)
// and with one warning naming each, with its command (review D2).
func TestMotoIdentityExtras(t *testing.T) {
	m := testenv.StartMoto(t)
	ctx := context.Background()
	e := connectMoto(t, m)
	items := loadSpec(t, "setup-guide-user", nil)
	if _, err := converge(t, e, items); err != nil {
		t.Fatal(err)
	}
	iamc := e.C.IAM.(*iam.Client)
	const user, wide = "teramot-service-user", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`
	p := planFor(t, e, items)
	e.WarnOtherAttachments(ctx, p)
	if len(p.Changes) != 0 || len(p.Warnings) != 0 {
		t.Fatalf("converged plan: %d changes, warnings %q; want none", len(p.Changes), p.Warnings)
	}

	if _, err := iamc.PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String(user), PolicyName: aws.String("sneaky"), PolicyDocument: aws.String(wide)}); err != nil {
		t.Fatal(err)
	}
	pol, err := iamc.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String("extra-s3"), PolicyDocument: aws.String(wide)})
	if err != nil {
		t.Fatal(err)
	}
	extra := aws.ToString(pol.Policy.Arn)
	if _, err := iamc.AttachUserPolicy(ctx, &iam.AttachUserPolicyInput{UserName: aws.String(user), PolicyArn: pol.Policy.Arn}); err != nil {
		t.Fatal(err)
	}
	if _, err := iamc.CreateGroup(ctx, &iam.CreateGroupInput{GroupName: aws.String("partners-grp")}); err != nil {
		t.Fatal(err)
	}
	if _, err := iamc.AddUserToGroup(ctx, &iam.AddUserToGroupInput{GroupName: aws.String("partners-grp"), UserName: aws.String(user)}); err != nil {
		t.Fatal(err)
	}

	p = planFor(t, e, items)
	e.WarnOtherAttachments(ctx, p)
	if len(p.Changes) != 0 {
		t.Errorf("plan has %d changes, want none (teramotc never removes access)", len(p.Changes))
	}
	if len(p.Warnings) != 1 {
		t.Fatalf("warnings = %q, want one", p.Warnings)
	}
	for _, want := range []string{
		"user " + user + " holds access the spec does not declare",
		"inline policy sneaky (remove: aws iam delete-user-policy --user-name " + user + " --policy-name sneaky)",
		"managed policy " + extra + " (detach: aws iam detach-user-policy --user-name " + user + " --policy-arn " + extra + ")",
		"group partners-grp, whose policies apply to its members (leave: aws iam remove-user-from-group --group-name partners-grp --user-name " + user + ")",
	} {
		if !strings.Contains(p.Warnings[0], want) {
			t.Errorf("warning lacks %q:\n%s", want, p.Warnings[0])
		}
	}
}
