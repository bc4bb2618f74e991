package apply

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// TestClassifyEdges: classification cases found by mutation testing,
// each a change whose risk a reviewer relies on.
func TestClassifyEdges(t *testing.T) {
	pol := func(s ...string) any { return policyOf(t, s...) }
	const (
		denyOne = `{"Sid":"D","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"s3:*","Resource":"*"}`
		denyTwo = `{"Sid":"D","Effect":"Deny","Principal":{"AWS":["arn:aws:iam::111111111111:root","arn:aws:iam::222222222222:root"]},"Action":"s3:*","Resource":"*"}`
	)
	trail := func(kv ...any) map[string]any {
		m := map[string]any{"Name": "t", "S3BucketName": "logs", "S3KeyPrefix": "ct", "IsMultiRegionTrail": true,
			"EnableLogFileValidation": true, "IncludeGlobalServiceEvents": true}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	excluding := func(src ...string) map[string]any {
		s := map[string]any{"ReadWriteType": "All", "IncludeManagementEvents": true}
		if len(src) > 0 {
			s["ExcludeManagementEventSources"] = src
		}
		return selectors(s)
	}
	tests := []struct {
		name         string
		typ          string
		before, want any
		risk, reason string
	}{
		{"policy: principal added to a deny tightens", TBucketPolicy, pol(denyOne), pol(denyTwo),
			RiskTighten, "1 statement narrows access: widens Deny D (principals)"},
		{"policy: principal removed from a deny loosens", TBucketPolicy, pol(denyTwo), pol(denyOne),
			RiskLoosen, "1 statement widens access: changes Deny D (principals)"},
		{"trail: a field not judged is neutral", TTrail, trail(), trail("SnsTopicName", "topic"), RiskNeutral, ""},
		{"selectors: source no longer excluded", TEventSelectors, excluding("kms.amazonaws.com"), excluding(),
			RiskTighten, "audits management events from kms.amazonaws.com"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			risk, reason := classify(&Item{Type: tc.typ}, tc.before, tc.want)
			if risk != tc.risk || reason != tc.reason {
				t.Errorf("got [%s] %q\nwant [%s] %q", risk, reason, tc.risk, tc.reason)
			}
		})
	}
}

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

// TestBucketEmptyProof: a new expiring rule on an existing bucket without
// lifecycle is destructive unless both listings prove the bucket empty.
func TestBucketEmptyProof(t *testing.T) {
	denied := apiErr("AccessDenied", "no")
	tests := []struct {
		name        string
		s3          *contentsS3
		destructive bool
	}{
		{"empty", &contentsS3{}, false},
		{"a delete marker", &contentsS3{markers: 1}, true},
		{"an incomplete upload", &contentsS3{uploads: 1}, true},
		{"uploads not listable", &contentsS3{uploadsErr: denied}, true},
		{"versions not listable", &contentsS3{versionsErr: denied}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := &Engine{C: &Clients{S3ForRegion: func(string) S3API { return tc.s3 }}, Partition: "aws"}
			live := newLive()
			live.set((&Item{Type: TBucket, Name: "b"}).Key(), map[string]any{"Name": "b"})
			it := &Item{Type: TLifecycle, Name: "b", Bucket: "b", Step: StepRetention, Desired: lcOf(lcRuleOf("A", "Enabled", "", "ExpirationDays", 30.0))}
			p := e.MakePlan([]*Item{it}, live)
			if len(p.Changes) != 1 {
				t.Fatalf("changes = %d, want 1", len(p.Changes))
			}
			if got := p.Changes[0].Destructive; got != tc.destructive {
				t.Errorf("destructive = %v, want %v (%s)", got, tc.destructive, p.Changes[0].Reason)
			}
		})
	}
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
