package apply

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// dataBucketSpec is the start of the specs of these tests: the account and
// the bucket whose trails log elsewhere.
const dataBucketSpec = `
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}
`

const trailLogSpec = dataBucketSpec + `
trail "audit" {
  bucket     = bucket.data
  log_bucket = "acme-cloudtrail-logs"
}

trail "again" {
  bucket     = bucket.data
  log_bucket = "acme-cloudtrail-logs"
  log_prefix = "again"
}

trail "declared" {
  bucket     = bucket.data
  log_bucket = bucket.logs.name
}

trail "byname" {
  bucket     = bucket.data
  log_bucket = "acme-declared-logs"
}

bucket "logs" {
  name   = "acme-declared-logs"
  region = "us-east-1"
}
`

// TestCheckLogTargetsTrail checks that a trail's log bucket named by a
// literal string that no bucket block declares is looked up once, as the
// caller's bucket (the fake answers 403 to ExpectedBucketOwner of another
// account, as S3 does), and that a missing or foreign one is an error at
// the log_bucket attribute of every trail that writes to it, whatever its
// region: CloudTrail delivers to any account's bucket whose policy lets it.
func TestCheckLogTargetsTrail(t *testing.T) {
	tests := []struct {
		name  string
		owner string // of acme-cloudtrail-logs; "" = it does not exist
		want  []string
	}{
		{"own bucket", fakeAccount, nil},
		{"missing", "", []string{
			`Trail log bucket "acme-cloudtrail-logs" not found @ log_bucket = "acme-cloudtrail-logs"`,
			`Trail log bucket "acme-cloudtrail-logs" not found @ log_bucket = "acme-cloudtrail-logs"`,
		}},
		{"another account", "210987654321", []string{
			`Trail log bucket "acme-cloudtrail-logs" not yours @ log_bucket = "acme-cloudtrail-logs"`,
			`Trail log bucket "acme-cloudtrail-logs" not yours @ log_bucket = "acme-cloudtrail-logs"`,
		}},
	}
	s, src := loadLogSpec(t, trailLogSpec)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			if tc.owner != "" {
				f.buckets["acme-cloudtrail-logs"] = &fakeBucket{}
				f.bucketOwners = map[string]string{"acme-cloudtrail-logs": tc.owner}
			}
			e := fakeEngine(t, f)
			diags, err := e.CheckLogTargets(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.Summary+" @ "+string(src[d.Subject.Start.Byte:d.Subject.End.Byte]))
				if !strings.Contains(d.Detail, "Nothing was written to AWS.") || !strings.Contains(d.Detail, "log_bucket = bucket.LABEL.name") {
					t.Errorf("detail %q does not say what to do", d.Detail)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("diagnostics differ (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{"GetCallerIdentity ", "HeadBucket acme-cloudtrail-logs"}, f.calls); diff != "" { // NewEngine asks for the account
				t.Errorf("calls differ (-want +got): one HeadBucket per undeclared literal log bucket\n%s", diff)
			}
		})
	}
}

// TestCheckLogTargetsTrailAndAccessLogs checks that a bucket that is both
// an access-log target and a trail's log bucket is asked about once, and
// that only the access logging cares about its region.
func TestCheckLogTargetsTrailAndAccessLogs(t *testing.T) {
	s, src := loadLogSpec(t, `
bucket "data" {
  name   = "acme-data"
  region = "eu-west-1"
  access_logging {
    target_bucket = "acme-central-logs"
  }
}

trail "audit" {
  bucket     = bucket.data
  log_bucket = "acme-central-logs"
}
`)
	h := &headRegions{regions: map[string]string{"acme-central-logs": "us-east-1"}}
	e := &Engine{C: &Clients{S3ForRegion: func(string) S3API { return h }}, Account: "111122223333"}
	diags, err := e.CheckLogTargets(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Summary+" @ "+string(src[d.Subject.Start.Byte:d.Subject.End.Byte]))
	}
	want := []string{`Access log target "acme-central-logs" in another region @ target_bucket = "acme-central-logs"`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics differ (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"acme-central-logs"}, h.asked); diff != "" {
		t.Errorf("HeadBucket calls differ (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff([]string{"111122223333"}, h.owners); diff != "" {
		t.Errorf("ExpectedBucketOwner differs (-want +got)\n%s", diff)
	}
}

// TestCheckLogTargetsTrailSensitive checks that a log bucket name from a
// sensitive value is not shown.
func TestCheckLogTargetsTrailSensitive(t *testing.T) {
	s, _ := loadLogSpec(t, `
variable "logs" {
  type      = string
  sensitive = true
  default   = "acme-secret-trail-logs"
}

bucket "data" {
  name   = "acme-data"
  region = "eu-west-1"
}

trail "audit" {
  bucket     = bucket.data
  log_bucket = var.logs
}
`)
	e := fakeEngine(t, newFake())
	diags, err := e.CheckLogTargets(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 1 || strings.Contains(diags[0].Summary+diags[0].Detail, "acme-secret-trail-logs") {
		t.Errorf("diagnostics %v: want one that does not show the sensitive name", diags)
	}
}

// TestCheckLogTargetsTrailAccount checks log_bucket_account: HeadBucket
// carries it as ExpectedBucketOwner (the fake answers 403 to any other
// owner, as S3 does), a bucket of that account passes, a bucket of another
// stops with an error naming the account, and without log_bucket_account
// a 403 stops with an error that says to set it.
func TestCheckLogTargetsTrailAccount(t *testing.T) {
	const archive = "444455556666"
	spec := func(account string) string {
		attr := ""
		if account != "" {
			attr = "\n  log_bucket_account = \"" + account + "\""
		}
		return dataBucketSpec + `
trail "audit" {
  bucket     = bucket.data
  log_bucket = "org-log-archive"` + attr + `
}
`
	}
	tests := []struct {
		name    string
		account string // log_bucket_account; "" = not given
		owner   string // of org-log-archive
		missing bool   // org-log-archive does not exist
		want    []string
		detail  string // a part of the detail of the one diagnostic
	}{
		{name: "given and matching", account: archive, owner: archive},
		{name: "own account given", account: fakeAccount, owner: fakeAccount},
		{name: "given, another owner", account: archive, owner: "999988887777",
			want:   []string{`Trail log bucket "org-log-archive" not of account 444455556666 @ log_bucket = "org-log-archive"`},
			detail: "let your account s3:ListBucket on the bucket in its policy (in account 444455556666)"},
		{name: "given, bucket of the caller", account: archive, owner: fakeAccount,
			want:   []string{`Trail log bucket "org-log-archive" not of account 444455556666 @ log_bucket = "org-log-archive"`},
			detail: "Check the bucket name and log_bucket_account"},
		{name: "not given, another owner", owner: archive,
			want:   []string{`Trail log bucket "org-log-archive" not yours @ log_bucket = "org-log-archive"`},
			detail: `set log_bucket_account = "ID" in trail.audit to that account's 12-digit id`},
		{name: "given, missing", account: archive, owner: archive, missing: true,
			want:   []string{`Trail log bucket "org-log-archive" not found @ log_bucket = "org-log-archive"`},
			detail: "create the bucket in account 444455556666 (log_bucket_account)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, src := loadLogSpec(t, spec(tc.account))
			f := newFake()
			if !tc.missing {
				f.buckets["org-log-archive"] = &fakeBucket{}
			}
			f.bucketOwners = map[string]string{"org-log-archive": tc.owner} // the fake checks the owner first
			e := fakeEngine(t, f)
			diags, err := e.CheckLogTargets(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.Summary+" @ "+string(src[d.Subject.Start.Byte:d.Subject.End.Byte]))
				if !strings.Contains(d.Detail, tc.detail) || !strings.HasSuffix(d.Detail, "Nothing was written to AWS.") {
					t.Errorf("detail %q: want it to say %q and that nothing was written", d.Detail, tc.detail)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("diagnostics differ (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCheckLogTargetsTrailTwoOwners checks that one name given with two
// owners (a trail with log_bucket_account, an access-log target without)
// is asked about once for each, with that owner.
func TestCheckLogTargetsTrailTwoOwners(t *testing.T) {
	s, _ := loadLogSpec(t, `
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-data"
  region = "us-east-1"
  access_logging {
    target_bucket = "acme-central-logs"
  }
}

trail "audit" {
  bucket             = bucket.data
  log_bucket         = "acme-central-logs"
  log_bucket_account = "444455556666"
}
`)
	h := &headRegions{regions: map[string]string{"acme-central-logs": "us-east-1"}}
	e := &Engine{C: &Clients{S3ForRegion: func(string) S3API { return h }}, Account: "111122223333"}
	if _, err := e.CheckLogTargets(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"111122223333", "444455556666"}, h.owners); diff != "" {
		t.Errorf("ExpectedBucketOwner differs (-want +got)\n%s", diff)
	}
}
