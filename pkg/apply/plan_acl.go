package apply

import (
	"context"
	"fmt"
	"strings"

	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// warnBucketACLs warns about each existing bucket of the spec whose ACL
// grants access beyond its owner. A spec does not express ACLs and apply
// leaves them as they are, so while ACLs are in force (object ownership
// ObjectWriter or BucketOwnerPreferred) another account may write to the
// bucket or read its ACL although the plan has nothing to change. It costs
// one GetBucketAcl per existing bucket whose desired ownership is not
// BucketOwnerEnforced; a bucket the spec has enforce it (the default) is
// not read: apply disables its ACLs, or already has. The reads of
// different buckets run in parallel; the warnings follow the spec's order.
func (e *Engine) warnBucketACLs(ctx context.Context, p *Plan) {
	var its []*Item
	for _, it := range p.items {
		if aclsInForce(it) && p.live != nil && p.live.get((&Item{Type: TBucket, Name: it.Bucket}).Key()) != nil && !p.live.bucketGone(it.Bucket) {
			its = append(its, it)
		}
	}
	warnings := make([]string, len(its))
	_ = e.parallel(ctx, len(its), func(ctx context.Context, i int) error {
		warnings[i] = e.bucketACLWarning(ctx, its[i])
		return nil
	})
	for _, w := range warnings {
		if w != "" {
			p.Warnings = append(p.Warnings, w)
		}
	}
}

// aclsInForce reports whether it is the ownership controls of a bucket
// whose desired object ownership leaves ACLs in force.
func aclsInForce(it *Item) bool {
	w, _ := it.Desired.(map[string]any)
	return it.Type == TOwnership && w != nil && str(w["ObjectOwnership"]) != string(s3types.ObjectOwnershipBucketOwnerEnforced)
}

// bucketACLWarning reads the ACL of it's bucket and returns the warning
// about its grants beyond the owner, "" when there is none.
func (e *Engine) bucketACLWarning(ctx context.Context, it *Item) string {
	if ctx.Err() != nil {
		return ""
	}
	b := it.Bucket
	grants, err := aclGrants(ctx, e.C.S3ForRegion(it.Region), b, e.bucketOwner())
	switch {
	case err != nil:
		return fmt.Sprintf("could not read the ACL of bucket %s (%v), so the plan cannot tell whether it grants access the spec does not declare "+
			"(object ownership %s keeps ACLs in force); check with: aws s3api get-bucket-acl --bucket %s", b, redactErr(err), aclOwnership(it), b)
	case len(grants) == 0:
		return ""
	}
	return fmt.Sprintf("bucket %s: its ACL grants %s, which the spec does not declare: object ownership %s keeps ACLs in force, "+
		"and teramotc leaves the ACL as it is, so the bucket is open to more than the spec says. "+
		"If it should not be, remove the grants: aws s3api put-bucket-acl --bucket %s --acl private, "+
		"or set object_ownership = \"BucketOwnerEnforced\" in %s (it disables ACLs)",
		b, strings.Join(grants, ", "), aclOwnership(it), b, it.Address)
}

func aclOwnership(it *Item) string {
	w, _ := it.Desired.(map[string]any)
	return str(w["ObjectOwnership"])
}
