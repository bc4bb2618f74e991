package apply

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/teramot/teramotc/internal/testenv"
)

const revokedMotoBucket = `
bucket "data" {
  name   = "teramot-revoke-moto"
  region = "us-east-1"
}
`

// TestMotoRevokedGrant offboards a partner end to end: apply a grant to an
// IAM user with an access key, turn the grant into a revoked_grant, plan
// (the detach and the key deactivation at step 2), apply (the user has no
// policy attached and its key is Inactive, both kept), and plan again:
// no changes.
func TestMotoRevokedGrant(t *testing.T) {
	m := testenv.StartMoto(t)
	ctx := context.Background()
	e := connectMoto(t, m)
	granted := specItems(t, revokedMotoBucket+`
grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "list"]
  iam_user {
    name              = "partner-user"
    create_access_key = true
  }
}
`)
	if _, err := e.Apply(ctx, planFor(t, e, granted), false); err != nil {
		t.Fatalf("apply of the grant: %v", err)
	}
	if n := motoAttached(t, e, "partner-user"); n != 1 {
		t.Fatalf("%d policies attached after the grant, want 1", n)
	}
	keys := motoKeys(t, e, "partner-user")
	if len(keys) != 1 {
		t.Fatalf("keys %v after the grant, want 1", keys)
	}

	revoked := specItems(t, revokedMotoBucket+`
revoked_grant "partner" {
  iam_user = "partner-user"
}
`)
	e = connectMoto(t, m) // a new run
	p := planFor(t, e, revoked)
	var got []string
	for _, c := range p.Changes {
		got = append(got, fmt.Sprintf("%s %s %s step %d", c.Address, c.Type, c.Action, c.Step))
	}
	want := []string{
		"revoked_grant.partner access-key update step 2",
		"revoked_grant.partner policy-attachment delete step 2",
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("plan %q, want %q", got, want)
	}
	if p.Changes[1].Name != "partner-s3-access" || p.Changes[1].Owner != "user/partner-user" {
		t.Errorf("detach of %s of %s, want partner-s3-access of user/partner-user", p.Changes[1].Name, p.Changes[1].Owner)
	}
	if k := keyNames(keys); p.Changes[0].Before.(map[string]any)["AccessKeys"].(map[string]any)[k] != "Active" {
		t.Errorf("key change before = %v, want %s Active", p.Changes[0].Before, k)
	}
	res, err := e.Apply(ctx, p, false)
	if err != nil {
		t.Fatalf("apply of the revocation: %v", err)
	}
	if res.Removed != 1 || res.Changed != 1 || res.Added != 0 {
		t.Errorf("result %+v, want 1 removed and 1 changed", res)
	}
	if n := motoAttached(t, e, "partner-user"); n != 0 {
		t.Errorf("%d policies still attached to the revoked user", n)
	}
	out, err := e.C.IAM.ListAccessKeys(ctx, &iam.ListAccessKeysInput{UserName: aws.String("partner-user")})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.AccessKeyMetadata) != 1 || out.AccessKeyMetadata[0].Status != iamtypes.StatusTypeInactive {
		t.Errorf("keys after the revocation: %+v, want the one key, Inactive", out.AccessKeyMetadata)
	}
	if _, err := e.C.IAM.GetPolicy(ctx, &iam.GetPolicyInput{PolicyArn: aws.String(e.policyARN("partner-s3-access"))}); err != nil {
		t.Errorf("the managed policy is gone (teramotc deletes nothing): %v", err)
	}
	e = connectMoto(t, m)
	if p := planFor(t, e, revoked); len(p.Changes) != 0 {
		t.Errorf("plan after the revocation has %d changes, want none: %+v", len(p.Changes), p.Changes[0])
	}
}
