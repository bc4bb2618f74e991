package apply

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/spec"
)

// headRegions answers HeadBucket from a table of bucket regions (a bucket
// not in it does not exist; an error value is returned as is) and records
// the buckets asked about. Any other S3 call panics (nil embedded API).
type headRegions struct {
	S3API
	regions map[string]string
	errs    map[string]error
	asked   []string
	owners  []string
}

func (h *headRegions) HeadBucket(_ context.Context, in *s3.HeadBucketInput, _ ...func(*s3.Options)) (*s3.HeadBucketOutput, error) {
	b := aws.ToString(in.Bucket)
	h.asked = append(h.asked, b)
	h.owners = append(h.owners, aws.ToString(in.ExpectedBucketOwner))
	if err := h.errs[b]; err != nil {
		return nil, err
	}
	r, ok := h.regions[b]
	if !ok {
		return nil, apiErr("NotFound", "Not Found")
	}
	return &s3.HeadBucketOutput{BucketRegion: aws.String(r)}, nil
}

func statusErr(code int) error {
	return &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: &http.Response{StatusCode: code, Header: http.Header{}}},
		Err: apiErr(http.StatusText(code), "")}
}

// loadLogSpec loads a spec of one file, main.hcl, written to a temporary
// directory, and returns it with its source.
func loadLogSpec(t *testing.T, src string) (*spec.Spec, []byte) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "main.hcl")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	loaded, diags := spec.Load(dir, spec.Options{})
	if diags.HasErrors() {
		t.Fatalf("load: %s", diags.Error())
	}
	return loaded.Spec, []byte(src)
}

const logTargetSpec = `
bucket "data" {
  name   = "acme-data"
  region = "eu-west-1"
  access_logging {
    target_bucket = "acme-existing-logs"
  }
}

bucket "raw" {
  name   = "acme-raw"
  region = "eu-west-1"
  access_logging {
    target_bucket = "acme-existing-logs"
  }
}

bucket "ref" {
  name   = "acme-ref"
  region = "eu-west-1"
  access_logging {
    target_bucket = bucket.logs.name
  }
}

bucket "byname" {
  name   = "acme-byname"
  region = "eu-west-1"
  access_logging {
    target_bucket = "acme-declared-logs"
  }
}

bucket "logs" {
  name   = "acme-declared-logs"
  region = "eu-west-1"
}
`

// TestCheckLogTargets checks that only targets named by a literal string
// and not declared in the spec are looked up, once per target, as the
// caller's bucket, and that a missing, foreign or other-region target is
// an error at the target_bucket attribute of every bucket that logs to it.
func TestCheckLogTargets(t *testing.T) {
	tests := []struct {
		name    string
		regions map[string]string
		errs    map[string]error
		want    []string // "Summary @ subject text", in order
		wantErr string
	}{
		{"same region", map[string]string{"acme-existing-logs": "eu-west-1"}, nil, nil, ""},
		{"region not said", map[string]string{"acme-existing-logs": ""}, nil, nil, ""},
		{"missing", nil, nil, []string{
			`Access log target "acme-existing-logs" not found @ target_bucket = "acme-existing-logs"`,
			`Access log target "acme-existing-logs" not found @ target_bucket = "acme-existing-logs"`,
		}, ""},
		{"another account", nil, map[string]error{"acme-existing-logs": statusErr(http.StatusForbidden)}, []string{
			`Access log target "acme-existing-logs" not yours @ target_bucket = "acme-existing-logs"`,
			`Access log target "acme-existing-logs" not yours @ target_bucket = "acme-existing-logs"`,
		}, ""},
		{"another region", map[string]string{"acme-existing-logs": "us-east-1"}, nil, []string{
			`Access log target "acme-existing-logs" in another region @ target_bucket = "acme-existing-logs"`,
			`Access log target "acme-existing-logs" in another region @ target_bucket = "acme-existing-logs"`,
		}, ""},
		{"redirect names the region", nil, map[string]error{"acme-existing-logs": func() error {
			err := statusErr(http.StatusMovedPermanently).(*smithyhttp.ResponseError)
			err.Response.Header.Set("x-amz-bucket-region", "ap-south-1")
			return err
		}()}, []string{
			`Access log target "acme-existing-logs" in another region @ target_bucket = "acme-existing-logs"`,
			`Access log target "acme-existing-logs" in another region @ target_bucket = "acme-existing-logs"`,
		}, ""},
		{"server error", nil, map[string]error{"acme-existing-logs": apiErr("InternalError", "boom")}, nil, "InternalError"},
	}
	s, src := loadLogSpec(t, logTargetSpec)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := &headRegions{regions: tc.regions, errs: tc.errs}
			e := &Engine{C: &Clients{S3ForRegion: func(string) S3API { return h }}, Account: "111122223333"}
			diags, err := e.CheckLogTargets(context.Background(), s)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("error = %v, want one mentioning %s", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.Summary+" @ "+string(src[d.Subject.Start.Byte:d.Subject.End.Byte]))
				if !strings.Contains(d.Detail, "Nothing was written to AWS.") || !strings.Contains(d.Detail, "eu-west-1") {
					t.Errorf("detail %q does not say what to do in the bucket's region", d.Detail)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("diagnostics differ (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{"acme-existing-logs"}, h.asked); diff != "" {
				t.Errorf("HeadBucket calls differ (-want +got): one per undeclared literal target\n%s", diff)
			}
			if h.owners[0] != "111122223333" {
				t.Errorf("HeadBucket ExpectedBucketOwner = %q, want the caller's account", h.owners[0])
			}
		})
	}
}

// TestCheckLogTargetsDeclaredOnly checks that a spec whose log targets are
// all declared makes no call at all.
func TestCheckLogTargetsDeclaredOnly(t *testing.T) {
	for _, example := range []string{"setup-guide-user", "setup-guide-role", "minimal"} {
		_, s := loadExample(t, example)
		h := &headRegions{}
		e := &Engine{C: &Clients{S3ForRegion: func(string) S3API { return h }}}
		diags, err := e.CheckLogTargets(context.Background(), s)
		if err != nil || len(diags) > 0 || len(h.asked) > 0 {
			t.Errorf("%s: diags %v, err %v, HeadBucket calls %q; want none", example, diags, err, h.asked)
		}
	}
}

// locatingHead is headRegions with GetBucketLocation, answering loc.
type locatingHead struct {
	*headRegions
	loc   string
	calls int
}

func (l *locatingHead) GetBucketLocation(context.Context, *s3.GetBucketLocationInput, ...func(*s3.Options)) (*s3.GetBucketLocationOutput, error) {
	l.calls++
	return &s3.GetBucketLocationOutput{LocationConstraint: types.BucketLocationConstraint(l.loc)}, nil
}

// TestCheckLogTargetsLocation checks that GetBucketLocation decides the
// region only when HeadBucket names none, with its legacy spellings ("" is
// us-east-1, "EU" eu-west-1).
func TestCheckLogTargetsLocation(t *testing.T) {
	s, _ := loadLogSpec(t, logTargetSpec)
	for _, tc := range []struct {
		head, loc string
		calls     int
		diags     int
	}{
		{"", "EU", 1, 0},
		{"", "", 1, 2},
		{"", "eu-west-1", 1, 0},
		{"eu-west-1", "us-east-1", 0, 0},
	} {
		l := &locatingHead{headRegions: &headRegions{regions: map[string]string{"acme-existing-logs": tc.head}}, loc: tc.loc}
		e := &Engine{C: &Clients{S3ForRegion: func(string) S3API { return l }}}
		diags, err := e.CheckLogTargets(context.Background(), s)
		if err != nil || len(diags) != tc.diags || l.calls != tc.calls {
			t.Errorf("head %q, location %q: %d diagnostics, %d GetBucketLocation calls, err %v; want %d and %d",
				tc.head, tc.loc, len(diags), l.calls, err, tc.diags, tc.calls)
		}
	}
}
