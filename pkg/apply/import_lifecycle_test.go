package apply

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/google/go-cmp/cmp"
)

const importBucketName = "acme-imported"

// importFake returns an engine on a fake holding one AES256-encrypted
// bucket with the given lifecycle rules (nil: none).
func importFake(t *testing.T, rules []types.LifecycleRule) (*fake, *Engine) {
	t.Helper()
	f := newFake()
	f.buckets[importBucketName] = &fakeBucket{lifecycle: rules, enc: &types.ServerSideEncryptionConfiguration{
		Rules: []types.ServerSideEncryptionRule{{ApplyServerSideEncryptionByDefault: &types.ServerSideEncryptionByDefault{SSEAlgorithm: types.ServerSideEncryptionAes256}}}}}
	e := fakeEngine(t, f)
	e.C.Region = "us-east-1" // the fake's HeadBucket names no region
	return f, e
}

// planImported imports the fake's bucket and plans the imported spec
// against the same fake.
func planImported(t *testing.T, e *Engine) (*Imported, *Plan) {
	t.Helper()
	im, err := e.Import(context.Background(), ImportOptions{Bucket: importBucketName})
	if err != nil {
		t.Fatal(err)
	}
	items := importedItems(t, im, nil)
	live, err := e.Read(context.Background(), items)
	if err != nil {
		t.Fatal(err)
	}
	return im, e.MakePlan(items, live)
}

func days(n int32) *int32 { return aws.Int32(n) }

// TestImportLifecycleLiveOnly imports lifecycle rules with fields a spec
// cannot express and checks that import names each rule and field in a
// warning and in a comment of the spec (never dropping one silently), and
// that the imported spec's plan shows the change that drops them, as
// DESTRUCTIVE exactly when the rule would then delete more. A rule whose
// tag or size filter is dropped is imported disabled, so its plan only
// disables it (never DESTRUCTIVE); the other rules keep their status.
func TestImportLifecycleLiveOnly(t *testing.T) {
	date := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	enabled := types.ExpirationStatusEnabled
	prefix := func(p string) *types.LifecycleRuleFilter { return &types.LifecycleRuleFilter{Prefix: aws.String(p)} }
	tests := []struct {
		name        string
		rules       []types.LifecycleRule
		fields      []string // each must be named in a warning and in the spec
		change      bool     // the plan updates the lifecycle configuration
		destructive bool
		spec        []string // what the spec must say (whitespace collapsed)
	}{
		{"expressible rule", []types.LifecycleRule{{ID: aws.String("tmp"), Status: enabled, Filter: prefix("tmp/"),
			Expiration: &types.LifecycleExpiration{Days: days(7)}}}, nil, false, false,
			[]string{`lifecycle_rule "tmp" {`, `prefix = "tmp/"`, `expiration_days = 7`}},
		{"tag filter", []types.LifecycleRule{{ID: aws.String("scratch"), Status: enabled,
			Filter:     &types.LifecycleRuleFilter{Tag: &types.Tag{Key: aws.String("class"), Value: aws.String("scratch")}},
			Expiration: &types.LifecycleExpiration{Days: days(30)}}}, []string{"Filter.Tag class=scratch", "enabled = false"}, true, false,
			[]string{`enabled = false`, `expiration_days = 30`, `so it is imported disabled`}},
		{"disabled tag-filtered rule stays disabled", []types.LifecycleRule{{ID: aws.String("old"), Status: types.ExpirationStatusDisabled,
			Filter:     &types.LifecycleRuleFilter{Tag: &types.Tag{Key: aws.String("class"), Value: aws.String("old")}},
			Expiration: &types.LifecycleExpiration{Days: days(1)}}}, []string{"Filter.Tag class=old", "which stays disabled"}, true, false,
			[]string{`enabled = false`, `expiration_days = 1`}},
		{"and filter keeps its prefix", []types.LifecycleRule{{ID: aws.String("logs"), Status: enabled,
			Filter: &types.LifecycleRuleFilter{And: &types.LifecycleRuleAndOperator{Prefix: aws.String("logs/"),
				Tags: []types.Tag{{Key: aws.String("keep"), Value: aws.String("no")}}}},
			Expiration: &types.LifecycleExpiration{Days: days(30)}}}, []string{"Filter.And.Tags keep=no"}, true, false,
			[]string{`enabled = false`, `prefix = "logs/"`}},
		{"size filter", []types.LifecycleRule{{ID: aws.String("big"), Status: enabled,
			Filter:     &types.LifecycleRuleFilter{ObjectSizeGreaterThan: aws.Int64(1 << 20)},
			Expiration: &types.LifecycleExpiration{Days: days(60)}}}, []string{"Filter.ObjectSizeGreaterThan 1048576"}, true, false,
			[]string{`enabled = false`}},
		{"newer noncurrent versions: the noncurrent expiration is left out", []types.LifecycleRule{{ID: aws.String("versions"), Status: enabled, Filter: prefix(""),
			NoncurrentVersionExpiration:    &types.NoncurrentVersionExpiration{NoncurrentDays: days(30), NewerNoncurrentVersions: days(5)},
			AbortIncompleteMultipartUpload: &types.AbortIncompleteMultipartUpload{DaysAfterInitiation: days(7)}}},
			[]string{"NoncurrentVersionExpiration (NoncurrentDays 30 with NewerNoncurrentVersions 5, left out whole"}, true, false,
			[]string{`lifecycle_rule "versions" { enabled = true abort_incomplete_upload_days = 7 }`}},
		{"newer noncurrent versions only: not imported", []types.LifecycleRule{{ID: aws.String("versions"), Status: enabled, Filter: prefix(""),
			NoncurrentVersionExpiration: &types.NoncurrentVersionExpiration{NoncurrentDays: days(30), NewerNoncurrentVersions: days(5)}}},
			[]string{`"versions" (NoncurrentVersionExpiration (NoncurrentDays 30 with NewerNoncurrentVersions 5`}, false, false, nil},
		{"expiration date", []types.LifecycleRule{{ID: aws.String("archive"), Status: enabled, Filter: prefix("a/"),
			Transitions: []types.Transition{{Days: days(30), StorageClass: types.TransitionStorageClassStandardIa}},
			Expiration:  &types.LifecycleExpiration{Date: &date}}}, []string{"Expiration.Date 2027-01-01T00:00:00Z"}, true, false,
			[]string{`storage_class = "STANDARD_IA"`}},
		{"delete markers", []types.LifecycleRule{{ID: aws.String("markers"), Status: enabled, Filter: prefix(""),
			Expiration:                     &types.LifecycleExpiration{ExpiredObjectDeleteMarker: aws.Bool(true)},
			AbortIncompleteMultipartUpload: &types.AbortIncompleteMultipartUpload{DaysAfterInitiation: days(7)}}},
			[]string{"Expiration.ExpiredObjectDeleteMarker"}, true, false, []string{`abort_incomplete_upload_days = 7`}},
		{"noncurrent transitions", []types.LifecycleRule{{ID: aws.String("cold"), Status: enabled, Filter: prefix(""),
			NoncurrentVersionTransitions:   []types.NoncurrentVersionTransition{{NoncurrentDays: days(30), StorageClass: types.TransitionStorageClassGlacier}},
			AbortIncompleteMultipartUpload: &types.AbortIncompleteMultipartUpload{DaysAfterInitiation: days(3)}}},
			[]string{"NoncurrentVersionTransitions"}, true, false, nil},
		{"date transition only: not imported, left alone", []types.LifecycleRule{{ID: aws.String("freeze"), Status: enabled, Filter: prefix("f/"),
			Transitions: []types.Transition{{Date: &date, StorageClass: types.TransitionStorageClassGlacier}}}},
			[]string{`"freeze" (Transitions.Date 2027-01-01T00:00:00Z (to GLACIER))`, "declares no lifecycle rule"}, false, false, nil},
		{"date transition only, beside a rule: removed", []types.LifecycleRule{
			{ID: aws.String("freeze"), Status: enabled, Filter: prefix("f/"),
				Transitions: []types.Transition{{Date: &date, StorageClass: types.TransitionStorageClassGlacier}}},
			{ID: aws.String("tmp"), Status: enabled, Filter: prefix("tmp/"), Expiration: &types.LifecycleExpiration{Days: days(7)}}},
			[]string{`"freeze"`, "removes them"}, true, false, []string{`lifecycle_rule "tmp"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, e := importFake(t, tc.rules)
			im, p := planImported(t, e)
			notes := strings.Join(im.Notes, "\n")
			flat := strings.Join(strings.Fields(string(im.HCL)), " ")
			for _, f := range tc.fields {
				if !strings.Contains(notes, f) {
					t.Errorf("no warning names %q:\n%s", f, notes)
				}
			}
			if len(tc.fields) == 0 && len(im.Notes) > 0 {
				t.Errorf("unexpected notes: %q", im.Notes)
			}
			for _, n := range im.Notes {
				if !strings.HasPrefix(n, "Warning: bucket "+importBucketName) {
					t.Errorf("note %q is not a warning naming the bucket", n)
				}
			}
			if narrowed := strings.Contains(strings.Join(tc.fields, " "), "Filter."); !narrowed && strings.Contains(flat, "enabled = false") {
				t.Errorf("a rule whose filter is kept is imported disabled:\n%s", im.HCL)
			}
			for _, want := range tc.spec {
				if !strings.Contains(flat, want) {
					t.Errorf("imported spec lacks %s:\n%s", want, im.HCL)
				}
			}
			// A rule imported without some fields says which in a comment.
			if imported := !strings.Contains(tc.name, "not imported") && !strings.Contains(tc.name, "removed"); imported && len(tc.fields) > 0 &&
				(!strings.Contains(flat, "# import: S3 has more in lifecycle rule") || !strings.Contains(flat, tc.fields[0])) {
				t.Errorf("imported spec has no comment naming %q:\n%s", tc.fields[0], im.HCL)
			}
			var got []string
			for _, c := range p.Changes {
				got = append(got, c.Action+" "+c.Type)
				if c.Type == TLifecycle && c.Destructive != tc.destructive {
					t.Errorf("lifecycle change destructive = %v, want %v (reason %q)", c.Destructive, tc.destructive, c.Reason)
				}
			}
			var want []string
			if tc.change {
				want = []string{"update " + TLifecycle}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("planned changes differ (-want +got):\n%s\n%s", diff, im.HCL)
			}
		})
	}
}

// TestImportNoEncryption imports a bucket without default encryption: the
// spec says so in a comment above its encryption block, import warns, and
// the plan's one change enables AES256 default encryption (a tightening).
func TestImportNoEncryption(t *testing.T) {
	f, e := importFake(t, nil)
	f.buckets[importBucketName].enc = nil
	im, p := planImported(t, e)
	src := string(im.HCL)
	c := strings.Index(src, "# import: the bucket has no default encryption")
	enc := strings.Index(src, "encryption {")
	if c < 0 || enc < 0 || c > enc || strings.Contains(src[c:enc], "}") {
		t.Errorf("no comment right above the encryption block:\n%s", src)
	}
	if len(im.Notes) != 2 || !strings.Contains(im.Notes[0], "no default encryption") || !strings.Contains(im.Notes[1], "plan shows 1 change(s)") {
		t.Errorf("notes = %q, want a warning about the missing default encryption and one naming the plan's change", im.Notes)
	}
	if len(p.Changes) != 1 {
		t.Fatalf("plan has %d changes, want only the encryption:\n%s", len(p.Changes), src)
	}
	ch := p.Changes[0]
	if ch.Type != TEncryption || ch.Action != ActionCreate || ch.Risk != RiskTighten || !strings.Contains(mustJSON(ch.After), "AES256") {
		t.Errorf("change = %s %s [%s] %s, want create encryption [tighten] with AES256", ch.Action, ch.Type, ch.Risk, mustJSON(ch.After))
	}
}

// TestImportCommentIsInert checks that a live value with a line break
// (a tag value) cannot end import's comment and inject HCL.
func TestImportCommentIsInert(t *testing.T) {
	_, e := importFake(t, []types.LifecycleRule{{ID: aws.String("odd"), Status: types.ExpirationStatusEnabled,
		Filter:     &types.LifecycleRuleFilter{Tag: &types.Tag{Key: aws.String("k"), Value: aws.String("v\nversioning = false")}},
		Expiration: &types.LifecycleExpiration{Days: days(30)}}})
	im, _ := planImported(t, e)
	for _, line := range strings.Split(string(im.HCL), "\n") {
		if strings.TrimSpace(line) == "versioning = false" || strings.HasPrefix(strings.TrimSpace(line), "versioning = false\"") {
			t.Errorf("live text escaped the comment:\n%s", im.HCL)
		}
	}
	if !strings.Contains(string(im.HCL), "Filter.Tag k=v versioning = false") {
		t.Errorf("the comment does not name the tag on one line:\n%s", im.HCL)
	}
}
