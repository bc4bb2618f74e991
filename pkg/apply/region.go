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
	out, err := cl.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(bucket)})
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
