package apply

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/teramot/teramotc/internal/testenv"
)

// TestMotoRevokedConsolePasswordAndDeletedUser runs the two edges of a
// revocation against moto's IAM: a revoked user with a console password
// and a key is planned for deactivation and detach, with a warning naming
// aws iam delete-login-profile; the user then deleted before apply (keys,
// password and attachment first, as IAM demands) makes apply count both
// changes done at once, with a warning each, not wait for a read-back.
func TestMotoRevokedConsolePasswordAndDeletedUser(t *testing.T) {
	m := testenv.StartMoto(t)
	ctx := context.Background()
	e := connectMoto(t, m)
	c, ok := e.C.IAM.(*iam.Client)
	if !ok {
		t.Fatalf("IAM client %T, want *iam.Client", e.C.IAM)
	}
	user, arn := aws.String("old-partner"), aws.String(e.policyARN("old-s3-access"))
	steps := []func() error{
		func() error { _, err := c.CreateUser(ctx, &iam.CreateUserInput{UserName: user}); return err },
		func() error {
			_, err := c.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String("old-s3-access"),
				PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}`)})
			return err
		},
		func() error {
			_, err := c.AttachUserPolicy(ctx, &iam.AttachUserPolicyInput{UserName: user, PolicyArn: arn})
			return err
		},
		func() error { _, err := c.CreateAccessKey(ctx, &iam.CreateAccessKeyInput{UserName: user}); return err },
		func() error {
			_, err := c.CreateLoginProfile(ctx, &iam.CreateLoginProfileInput{UserName: user, Password: aws.String("Not-a-real-password-1")})
			return err
		},
	}
	for _, s := range steps {
		if err := s(); err != nil {
			t.Fatal(err)
		}
	}
	items := specItems(t, revokedUser)
	p := planFor(t, e, items)
	e.WarnOtherAttachments(ctx, p)
	if len(p.Changes) != 2 {
		t.Fatalf("%d changes, want 2 (the key, the detach)", len(p.Changes))
	}
	if w := strings.Join(p.Warnings, "\n"); !strings.Contains(w, "still has a console password") ||
		!strings.Contains(w, "aws iam delete-login-profile --user-name old-partner") {
		t.Errorf("warnings %q, want one about the console password", p.Warnings)
	}

	// The user is deleted behind the plan's back.
	keys := motoKeys(t, e, "old-partner")
	steps = []func() error{
		func() error {
			_, err := c.DeleteAccessKey(ctx, &iam.DeleteAccessKeyInput{UserName: user, AccessKeyId: aws.String(keys[0])})
			return err
		},
		func() error {
			_, err := c.DeleteLoginProfile(ctx, &iam.DeleteLoginProfileInput{UserName: user})
			return err
		},
		func() error {
			_, err := c.DetachUserPolicy(ctx, &iam.DetachUserPolicyInput{UserName: user, PolicyArn: arn})
			return err
		},
		func() error { _, err := c.DeleteUser(ctx, &iam.DeleteUserInput{UserName: user}); return err },
	}
	for _, s := range steps {
		if err := s(); err != nil {
			t.Fatal(err)
		}
	}
	progress := recordProgress(e)
	e.PropagationTimeout = 30 * time.Second
	start := time.Now()
	res, err := e.Apply(ctx, p, false)
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("apply took %s: it waited for a read-back of a deleted user", d)
	}
	if n := progress.count(ProgressWarning, "user old-partner was deleted since the plan"); n != 2 {
		t.Errorf("%d warnings about the deleted user, want 2:\n%s", n, progress.text())
	}
	if res.Removed != 1 || res.Changed != 1 {
		t.Errorf("result %+v, want 1 removed, 1 changed", res)
	}
	if p := planFor(t, connectMoto(t, m), items); len(p.Changes) != 0 {
		t.Errorf("plan after apply: %d changes, want none", len(p.Changes))
	}
}
