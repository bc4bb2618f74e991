package apply

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// minimalWithOwnership loads examples/minimal with the bucket's object
// ownership set to ownership ("" keeps the default, BucketOwnerEnforced).
func minimalWithOwnership(t *testing.T, ownership string) (*spec.Spec, *render.Output, []*Item) {
	t.Helper()
	loaded, diags := spec.Load(filepath.Join("..", "..", "examples", "minimal"), spec.Options{})
	if diags.HasErrors() {
		t.Fatalf("load: %s", diags.Error())
	}
	if ownership != "" {
		loaded.Spec.Buckets[0].ObjectOwnership.Value = ownership
	}
	out, diags := render.Render(loaded.Spec)
	if diags.HasErrors() {
		t.Fatalf("render: %s", diags.Error())
	}
	items, err := Desired(loaded.Spec, out)
	if err != nil {
		t.Fatal(err)
	}
	return loaded.Spec, out, items
}

// TestMotoPlanBucketACL (review op2 E5): with ACLs in force
// (BucketOwnerPreferred), a bucket ACL granting another account WRITE and
// READ_ACP leaves the plan without changes (teramotc does not manage ACLs)
// but with a warning naming each grant and the remedy, so that the plan
// no longer claims the live state matches. Plan reads the ACL once per
// such bucket, and never for a bucket whose spec enforces
// BucketOwnerEnforced (the default): its converged plan makes the same
// reads as before. The plan permissions allow the read only where it is
// made.
func TestMotoPlanBucketACL(t *testing.T) {
	m := testenv.StartMoto(t)
	ctx := context.Background()
	r := &recorder{}
	e := recordingEngine(t, m, r)
	const bucket, other = "teramot-minimal-example", "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
	plan := func(items []*Item) (*Plan, []recordedCall) {
		from := len(r.calls)
		p := planFor(t, e, items)
		e.WarnOtherAttachments(ctx, p)
		return p, slices.Clone(r.calls[from:])
	}
	aclReads := func(calls []recordedCall) int {
		n := 0
		for _, c := range calls {
			if c.api == "s3:GetBucketAcl" {
				n++
			}
		}
		return n
	}

	ss, sOut, enforced := minimalWithOwnership(t, "")
	if _, err := converge(t, e, enforced); err != nil {
		t.Fatal(err)
	}
	p, calls := plan(enforced)
	if len(p.Changes)+len(p.Warnings) != 0 || aclReads(calls) != 0 {
		t.Fatalf("converged default spec: %d changes, warnings %q, %d GetBucketAcl; want none", len(p.Changes), p.Warnings, aclReads(calls))
	}
	pol, err := Permissions(ss, sOut, "plan")
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(pol.Permissions, func(p Permission) bool { return p.Action == "s3:GetBucketAcl" }) {
		t.Error("the plan permissions of a spec that enforces BucketOwnerEnforced allow s3:GetBucketAcl")
	}

	ps, pOut, preferred := minimalWithOwnership(t, "BucketOwnerPreferred")
	if _, err := converge(t, e, preferred); err != nil {
		t.Fatal(err)
	}
	p, calls = plan(preferred)
	if len(p.Changes)+len(p.Warnings) != 0 || aclReads(calls) != 1 {
		t.Fatalf("converged, private ACL: %d changes, warnings %q, %d GetBucketAcl; want none, none, 1", len(p.Changes), p.Warnings, aclReads(calls))
	}

	s3c := s3.New(e.C.S3ForRegion("us-east-1").(*s3.Client).Options(), func(o *s3.Options) { o.APIOptions = nil })
	acl, err := s3c.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: aws.String(bucket)})
	if err != nil {
		t.Fatal(err)
	}
	owner := aws.ToString(acl.Owner.ID)
	if _, err := s3c.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String(bucket), GrantFullControl: aws.String("id=" + owner),
		GrantWrite: aws.String("id=" + other), GrantReadACP: aws.String("id=" + other)}); err != nil {
		t.Fatal(err)
	}
	p, calls = plan(preferred)
	if len(p.Changes) != 0 || len(p.Warnings) != 1 || aclReads(calls) != 1 {
		t.Fatalf("ACL grants: %d changes, warnings %q, %d GetBucketAcl; want none, one, 1", len(p.Changes), p.Warnings, aclReads(calls))
	}
	w := p.Warnings[0]
	for _, want := range []string{
		"bucket " + bucket + ": its ACL grants ",
		"WRITE to canonical user " + other,
		"READ_ACP to canonical user " + other,
		"object ownership BucketOwnerPreferred keeps ACLs in force",
		"aws s3api put-bucket-acl --bucket " + bucket + " --acl private",
		`set object_ownership = "BucketOwnerEnforced" in bucket.data`,
	} {
		if !strings.Contains(w, want) {
			t.Errorf("warning lacks %q:\n%s", want, w)
		}
	}
	if strings.Contains(w, owner) {
		t.Errorf("the warning names the owner's own grant:\n%s", w)
	}

	// Every call of these plans is allowed by the plan permissions of the
	// spec, GetBucketAcl on the bucket included.
	pol, err = Permissions(ps, pOut, "plan")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(pol.Permissions, func(p Permission) bool {
		return p.Action == "s3:GetBucketAcl" && p.Resource == "arn:aws:s3:::"+bucket
	}) {
		t.Errorf("the plan permissions lack s3:GetBucketAcl on the bucket: %+v", pol.Permissions)
	}
	for _, c := range calls {
		for _, n := range c.needs(t, e.Account, nil) {
			if allowedBy(pol.Document, n) == "" {
				t.Errorf("plan called %s, which needs %s on %s: the plan permissions do not allow it", c.api, n.action, n.resource)
			}
		}
	}
}
