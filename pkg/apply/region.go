package apply

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// RegionMismatchError says that a bucket of the spec exists in another
// region than the spec declares. A bucket cannot move regions, so no write
// can fix this: the plan stops.
type RegionMismatchError struct {
	Address string // the spec block, bucket.data
	Bucket  string // the bucket's name
	Spec    string // the region the spec declares
	Live    string // the region the bucket is in
}

func (e *RegionMismatchError) Error() string {
	where := ""
	if e.Address != "" {
		where = " in " + e.Address
	}
	return fmt.Sprintf("bucket %q exists in %s, but the spec declares region %q: a bucket cannot move regions. "+
		"Set region = %q%s, or choose another bucket name.", e.Bucket, e.Live, e.Spec, e.Live, where)
}

// headBucketRegion checks that the bucket exists and returns its region
// ("" when the endpoint does not say). S3 answers a request sent to another
// region's endpoint with a redirect that names the bucket's region in the
// x-amz-bucket-region header; that answer is an existing bucket too.
func headBucketRegion(ctx context.Context, cl S3API, bucket string) (string, error) {
	return headBucketRegionOwned(ctx, cl, bucket, nil)
}

// headBucketRegionOwned is headBucketRegion sent with ExpectedBucketOwner
// owner (none when nil).
func headBucketRegionOwned(ctx context.Context, cl S3API, bucket string, owner *string) (string, error) {
	out, err := cl.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(bucket), ExpectedBucketOwner: owner})
	if err == nil {
		return aws.ToString(out.BucketRegion), nil
	}
	var re *smithyhttp.ResponseError
	if errors.As(err, &re) && re.Response != nil && re.Response.Response != nil {
		switch re.Response.StatusCode {
		case http.StatusMovedPermanently, http.StatusTemporaryRedirect, http.StatusBadRequest:
			if r := re.Response.Header.Get("x-amz-bucket-region"); r != "" {
				return r, nil
			}
		}
	}
	return "", err
}

// bucketOwner is the account sent as ExpectedBucketOwner on every
// bucket-level S3 call, nil when no account is known (an S3-compatible
// server without STS). It is the preflight's account, which is the spec's
// aws.account_id whenever the spec sets one: plan and apply refuse
// credentials of another account before reading anything. S3 "fails with
// the HTTP status code 403 Forbidden (access denied)" a request whose
// ExpectedBucketOwner "does not match the actual owner of the bucket"
// (Amazon S3 API Reference, request header x-amz-expected-bucket-owner,
// e.g. https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html),
// so a bucket of another account that lets this one in is never read or
// written as the spec's own. CreateBucket has no such field: the plan's
// HeadBucket, sent with it, comes first. moto 5.2.1 and MinIO accept the
// header and ignore it (probed); MinIO has no STS, so it is not sent there.
func (e *Engine) bucketOwner() *string {
	if e.Account == "" {
		return nil
	}
	return aws.String(e.Account)
}

// headBucket is headBucketRegion for a bucket of the spec: sent with
// ExpectedBucketOwner, and a 403 explained by ownerDenied.
func (e *Engine) headBucket(ctx context.Context, cl S3API, bucket string) (string, error) {
	region, err := headBucketRegionOwned(ctx, cl, bucket, e.bucketOwner())
	return region, e.ownerDenied(ctx, cl, bucket, err, true)
}

// isForbidden reports a 403 answer (HeadBucket's has no body, so no code).
func isForbidden(err error) bool {
	switch errorCode(err) {
	case "AccessDenied", "Forbidden":
		return true
	}
	return httpStatus(err) == http.StatusForbidden
}

// ownerDenied explains a 403 answer to a call sent with ExpectedBucketOwner.
// S3 gives the same 403 for a bucket of another account and for a call
// the credentials may not make, so it asks HeadBucket: the bucket is
// another account's when HeadBucket with the header is refused and without
// it succeeds (headed: err is already the answer with the header). The
// call without the header reads nothing but the bucket's existence, and
// nothing is written after it. Any other error (a plain permission
// problem) is returned unchanged.
func (e *Engine) ownerDenied(ctx context.Context, cl S3API, bucket string, err error, headed bool) error {
	owner := e.bucketOwner()
	if err == nil || owner == nil || !isForbidden(err) {
		return err
	}
	if !headed {
		_, herr := cl.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(bucket), ExpectedBucketOwner: owner})
		if !isForbidden(herr) {
			return err
		}
	}
	if _, herr := cl.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(bucket)}); herr != nil {
		return err
	}
	return &Problem{Err: err,
		Summary: fmt.Sprintf("bucket %q is not owned by account %s", bucket, *owner),
		Detail: fmt.Sprintf("S3 refused the request sent with ExpectedBucketOwner=%s: the bucket exists in another AWS account, "+
			"whose policy lets your credentials in. teramotc configures only buckets of the spec's own account, so nothing was written to it. "+
			"Bucket names are global: if the name is a typo or copied from a partner's setup, fix it in the spec or choose another name; "+
			"if the bucket should be managed, run teramotc with credentials of the account that owns it (and set aws.account_id to that account).",
			*owner)}
}
