package apply

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	smithy "github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// headStub answers HeadBucket with a fixed output or error.
type headStub struct {
	S3API
	out *s3.HeadBucketOutput
	err error
}

func (h headStub) HeadBucket(context.Context, *s3.HeadBucketInput, ...func(*s3.Options)) (*s3.HeadBucketOutput, error) {
	return h.out, h.err
}

// httpError is an S3 error response with a status and an
// x-amz-bucket-region header (when region is set).
func httpError(status int, code, region string) error {
	resp := &http.Response{StatusCode: status, Header: http.Header{}}
	if region != "" {
		resp.Header.Set("x-amz-bucket-region", region)
	}
	return &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: resp}, Err: &smithy.GenericAPIError{Code: code}}
}

func TestHeadBucketRegion(t *testing.T) {
	tests := []struct {
		name       string
		stub       headStub
		wantRegion string
		wantErr    string // error code, "" for none
	}{
		{"region in the answer", headStub{out: &s3.HeadBucketOutput{BucketRegion: aws.String("eu-west-1")}}, "eu-west-1", ""},
		{"endpoint without region", headStub{out: &s3.HeadBucketOutput{}}, "", ""},
		{"redirect from another region", headStub{err: httpError(http.StatusMovedPermanently, "PermanentRedirect", "eu-west-1")}, "eu-west-1", ""},
		{"signed for the wrong region", headStub{err: httpError(http.StatusBadRequest, "AuthorizationHeaderMalformed", "ap-south-1")}, "ap-south-1", ""},
		{"redirect without header", headStub{err: httpError(http.StatusMovedPermanently, "PermanentRedirect", "")}, "", "PermanentRedirect"},
		{"another account's bucket", headStub{err: httpError(http.StatusForbidden, "Forbidden", "eu-west-1")}, "", "Forbidden"},
		{"no such bucket", headStub{err: httpError(http.StatusNotFound, "NotFound", "")}, "", "NotFound"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := headBucketRegion(context.Background(), tc.stub, "b")
			if got != tc.wantRegion {
				t.Errorf("region = %q, want %q", got, tc.wantRegion)
			}
			if code := errorCode(err); code != tc.wantErr {
				t.Errorf("error code = %q (%v), want %q", code, err, tc.wantErr)
			}
		})
	}
}

// TestReadBucketRegion checks that a bucket read in another region than
// the spec's fails the read with the live region, and that a bucket in the
// spec's region (or an endpoint that names none) reads as existing.
func TestReadBucketRegion(t *testing.T) {
	tests := []struct {
		name      string
		live      string
		spec      string
		wantError string
	}{
		{"same region", "eu-west-1", "eu-west-1", ""},
		{"endpoint names no region", "", "eu-west-1", ""},
		{"moved", "eu-west-1", "us-west-2", `bucket "b" exists in eu-west-1, but the spec declares region "us-west-2": a bucket cannot move regions. Set region = "eu-west-1" in bucket.b, or choose another bucket name.`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var asked []string
			e := &Engine{C: &Clients{S3ForRegion: func(region string) S3API {
				asked = append(asked, region)
				return headStub{out: &s3.HeadBucketOutput{BucketRegion: aws.String(tc.live)}}
			}}}
			items := []*Item{{Type: TBucket, Address: "bucket.b", Name: "b", Bucket: "b", Region: tc.spec}}
			live, err := e.Read(context.Background(), items)
			if tc.wantError == "" {
				if err != nil || live.State["bucket.b"] == nil {
					t.Fatalf("Read: %v, state %v; want the bucket to exist", err, live.State)
				}
				return
			}
			var rm *RegionMismatchError
			if !errors.As(err, &rm) || !strings.Contains(err.Error(), tc.wantError) {
				t.Fatalf("Read error = %v, want a RegionMismatchError saying %q", err, tc.wantError)
			}
			if len(asked) != 1 || asked[0] != tc.spec {
				t.Errorf("clients asked for regions %q, want only the spec's %q", asked, tc.spec)
			}
		})
	}
}
