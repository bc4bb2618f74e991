package apply

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/teramot/teramotc/internal/testenv"
)

// TestMotoPlanUndeclaredLifecycle (review op3 M1): a bucket whose spec
// declares no lifecycle_rule (every rule removed) while its live lifecycle
// configuration still expires objects plans no change (teramotc does not
// delete a lifecycle configuration the spec does not declare) but warns,
// naming the rule and the command that removes it, so that the plan no
// longer claims the live state matches. A disabled rule, or no
// configuration, gives no warning. The plan permissions allow the read.
func TestMotoPlanUndeclaredLifecycle(t *testing.T) {
	m := testenv.StartMoto(t)
	ctx := context.Background()
	r := &recorder{}
	e := recordingEngine(t, m, r)
	const bucket = "teramot-minimal-example"
	ss, sOut, items := minimalWithOwnership(t, "")
	if _, err := converge(t, e, items); err != nil {
		t.Fatal(err)
	}
	plan := func() (*Plan, []recordedCall) {
		from := len(r.calls)
		p := planFor(t, e, items)
		e.WarnOtherAttachments(ctx, p)
		return p, slices.Clone(r.calls[from:])
	}
	if p, _ := plan(); len(p.Changes)+len(p.Warnings) != 0 {
		t.Fatalf("converged, no lifecycle: %d changes, warnings %q; want none", len(p.Changes), p.Warnings)
	}
	s3c := s3.New(e.C.S3ForRegion("us-east-1").(*s3.Client).Options(), func(o *s3.Options) { o.APIOptions = nil })
	put := func(status s3types.ExpirationStatus) {
		t.Helper()
		if _, err := s3c.PutBucketLifecycleConfiguration(ctx, &s3.PutBucketLifecycleConfigurationInput{Bucket: aws.String(bucket),
			LifecycleConfiguration: &s3types.BucketLifecycleConfiguration{Rules: []s3types.LifecycleRule{{
				ID: aws.String("ExpireLogs"), Status: status, Filter: &s3types.LifecycleRuleFilter{Prefix: aws.String("")},
				Expiration: &s3types.LifecycleExpiration{Days: aws.Int32(365)}}}}}); err != nil {
			t.Fatal(err)
		}
	}
	put(s3types.ExpirationStatusDisabled)
	if p, _ := plan(); len(p.Changes)+len(p.Warnings) != 0 {
		t.Fatalf("disabled rule: %d changes, warnings %q; want none", len(p.Changes), p.Warnings)
	}
	put(s3types.ExpirationStatusEnabled)
	p, calls := plan()
	if len(p.Changes) != 0 || len(p.Warnings) != 1 {
		t.Fatalf("live expiring rule, none declared: %d changes, warnings %q; want none and one", len(p.Changes), p.Warnings)
	}
	for _, want := range []string{
		"bucket " + bucket + " declares no lifecycle_rule, but its live lifecycle configuration keeps deleting: ",
		`rule "ExpireLogs" deletes objects after 365 days`,
		"aws s3api delete-bucket-lifecycle --bucket " + bucket,
		"declare them in bucket.data",
	} {
		if !strings.Contains(p.Warnings[0], want) {
			t.Errorf("warning lacks %q:\n%s", want, p.Warnings[0])
		}
	}
	pol, err := Permissions(ss, sOut, "plan")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range calls {
		for _, n := range c.needs(t, e.Account, nil) {
			if allowedBy(pol.Document, n) == "" {
				t.Errorf("plan called %s, which needs %s on %s: the plan permissions do not allow it", c.api, n.action, n.resource)
			}
		}
	}
}
