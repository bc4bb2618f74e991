package apply

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// TestLifecycleAndFilterSize: an object-size bound inside an And filter
// is compared like a top-level one; a part of an And filter teramotc
// does not know makes the live rule uncomparable.
func TestLifecycleAndFilterSize(t *testing.T) {
	on := "Enabled"
	and := func(kv ...any) map[string]any {
		m := map[string]any{"Prefix": "logs/"}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	tests := []struct {
		name         string
		before, want any
		reason       string
	}{
		{"same size bound in an And filter",
			lcOf(lcRuleOf("A", on, "", "FilterAnd", and("ObjectSizeLessThan", 5000.0), "ExpirationDays", 30.0)),
			lcOf(lcRuleOf("A", on, "", "FilterAnd", and("ObjectSizeLessThan", 5000.0), "ExpirationDays", 60.0)), ""},
		{"size bound in an And filter raised",
			lcOf(lcRuleOf("A", on, "", "FilterAnd", and("ObjectSizeLessThan", 5000.0), "ExpirationDays", 30.0)),
			lcOf(lcRuleOf("A", on, "", "FilterAnd", and("ObjectSizeLessThan", 9000.0), "ExpirationDays", 30.0)),
			`lifecycle rule "A": maximum object size raised from 5000 to 9000 bytes; deletes objects after 30 days`},
		{"unknown part of a live And filter",
			lcOf(lcRuleOf("A", on, "", "FilterAnd", and("SomethingNew", 1.0), "ExpirationDays", 30.0)),
			lcOf(lcRuleOf("A", on, "", "FilterAnd", and(), "ExpirationDays", 30.0)),
			`lifecycle rule "A": live filter has parts teramotc cannot compare (FilterAnd.SomethingNew); deletes objects after 30 days`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := shortensExpiration(tc.before, tc.want, noSecrets); got != tc.reason {
				t.Errorf("reason:\n got %q\nwant %q", got, tc.reason)
			}
		})
	}
}

// contentsS3 is an S3 client whose bucket holds the given versions,
// delete markers and uploads; each listing fails with its error.
type contentsS3 struct {
	S3API
	versions, markers, uploads int
	versionsErr, uploadsErr    error
}

func (c *contentsS3) ListObjectVersions(context.Context, *s3.ListObjectVersionsInput, ...func(*s3.Options)) (*s3.ListObjectVersionsOutput, error) {
	if c.versionsErr != nil {
		return nil, c.versionsErr
	}
	return &s3.ListObjectVersionsOutput{Versions: make([]types.ObjectVersion, c.versions), DeleteMarkers: make([]types.DeleteMarkerEntry, c.markers)}, nil
}

func (c *contentsS3) ListMultipartUploads(context.Context, *s3.ListMultipartUploadsInput, ...func(*s3.Options)) (*s3.ListMultipartUploadsOutput, error) {
	if c.uploadsErr != nil {
		return nil, c.uploadsErr
	}
	return &s3.ListMultipartUploadsOutput{Uploads: make([]types.MultipartUpload, c.uploads)}, nil
}

// TestActionSpellingFromCatalog: an action no policy of the run wrote
// (a live one, read in lower case) is printed as the action catalog
// spells it; a wildcard or an unknown action stays as it is.
func TestActionSpellingFromCatalog(t *testing.T) {
	for in, want := range map[string]string{
		"s3:getbucketobjectlockconfiguration": "s3:GetBucketObjectLockConfiguration",
		"s3:getbucketobject*":                 "s3:getbucketobject*",
		"s3:nosuchactionanywhere":             "s3:nosuchactionanywhere",
	} {
		if got := actionSpelling(in); got != want {
			t.Errorf("actionSpelling(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestChangedFieldsSorted: a statement whose Sid stays but several fields
// change names them in one order, run after run (map order varies).
func TestChangedFieldsSorted(t *testing.T) {
	before := policyOf(t, allowPartner)
	want := policyOf(t, strings.NewReplacer("111111111111", "222222222222", `"Resource":"*"`, `"Resource":"arn:aws:s3:::b/*"`,
		`"Action":"s3:GetObject"`, `"Action":"s3:GetObject","Condition":{"Bool":{"aws:SecureTransport":"true"}}`).Replace(allowPartner))
	const reason = "1 statement widens access: changes Allow A (conditions, principals, resources)"
	for i := 0; i < 50; i++ {
		if _, got := policyRisk(before, want); got != reason {
			t.Fatalf("run %d: reason %q, want %q", i, got, reason)
		}
	}
}
