package apply

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/teramot/teramotc/pkg/spec"
)

// noUploadDeny makes the log bucket deny no unencrypted upload: the
// converged state before a change that adds DenyUnencryptedUploads to it
// (no live Deny of that Sid).
func noUploadDeny(s *spec.Spec) {
	s.BucketByLabel("logs").Encryption.RequireEncryptedUploads.Value = false
}

// moveTrail moves the trail's delivery to a second log bucket.
func moveTrail(s *spec.Spec) {
	nb := *s.BucketByLabel("logs")
	nb.Label, nb.Address, nb.Name.Value = "logs2", "bucket.logs2", logs2Bucket
	s.Buckets = append(s.Buckets, &nb)
	for _, tr := range s.Trails {
		tr.LogBucket.Value, tr.LogBucketRef = logs2Bucket, "logs2"
	}
}

// logsReader lets another account read the log bucket, so that removing
// it revokes from that bucket's policy in the revoke phase.
func logsReader(s *spec.Spec) {
	logs := s.BucketByLabel("logs")
	logs.Statements = append(logs.Statements, &spec.Statement{
		Sid:        "AuditorRead",
		Principals: spec.Attr[spec.Principals]{Value: spec.Principals{Map: map[string][]string{"AWS": {"arn:aws:iam::210987654321:root"}}}, Set: true},
		Actions:    spec.Attr[[]string]{Value: []string{"s3:GetObject"}, Set: true},
		Resources:  spec.Attr[[]string]{Value: []string{"arn:aws:s3:::" + logs.Name.Value + "/*"}, Set: true},
	})
}

// assertDeliveriesNotDenied checks, on the fake's state, that no Deny of
// any bucket's policy refuses a delivery that happens at that moment:
// server access logging into its target bucket, a trail into its log
// bucket (from its creation on: CloudTrail writes a test object).
func assertDeliveriesNotDenied(t *testing.T, f *fake, when string) {
	t.Helper()
	check := func(bucket, svc, object string) {
		b := f.buckets[bucket]
		if b == nil || b.policy == nil {
			return
		}
		u := upload{service: svc, object: "arn:aws:s3:::" + bucket + "/" + object}
		if d := deniedBy(mustParse(t, *b.policy), u); d != nil {
			t.Errorf("%s: %s delivers to %s, and its policy denies it: %s", when, svc, bucket, mustJSON(d))
		}
	}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for n := range f.buckets {
			if !yield(n) {
				return
			}
		}
	}) {
		if l := f.buckets[name].logging; l != nil {
			check(aws.ToString(l.TargetBucket), logSvc, aws.ToString(l.TargetPrefix)+"2026-11-27-00-00-00-X")
		}
	}
	for _, tr := range f.trails {
		check(aws.ToString(tr.in.S3BucketName), ctSvc, aws.ToString(tr.in.S3KeyPrefix)+"/AWSLogs/"+testAccount+"/x")
	}
}

// assertOneEncryptionDeny checks that no bucket policy holds two Denies
// of the upload encryption header (a live DenyUnencryptedUploads and a
// copy that exempts other services): the apply order says there is never
// more than one.
func assertOneEncryptionDeny(t *testing.T, f *fake, when string) {
	t.Helper()
	for name, b := range f.buckets {
		if b.policy == nil {
			continue
		}
		var denies []map[string]any
		for _, s := range statements(mustParse(t, *b.policy)) {
			ops, _ := s["Condition"].(map[string]any)
			for _, raw := range ops {
				if _, ok := raw.(map[string]any)["s3:x-amz-server-side-encryption"]; ok && s["Effect"] == "Deny" {
					denies = append(denies, s)
					break
				}
			}
		}
		if len(denies) > 1 {
			t.Errorf("%s: bucket %s has %d encryption Denies: %s", when, name, len(denies), mustJSON(denies))
		}
	}
}

// TestStopsKeepNewDenyConsistent applies a change, after converging the
// setup guide changed by first, and stops it after each of its writes. At
// every stop no live Deny refuses a delivery that happens then, and no
// bucket has two encryption Denies; a rerun converges (review E1
// residuals):
//
//   - a DenyUnencryptedUploads new to the log bucket (no live Deny of its
//     Sid) added as access logging or the trail moves away exempts the
//     leaving service until the delivery has moved;
//   - one added as access logging or a trail starts delivering there
//     exempts the new service from its first write on;
//   - a Deny that gains an exemption is never written beside the live
//     one (the deny-only phase used to add a second copy).
func TestStopsKeepNewDenyConsistent(t *testing.T) {
	both := func(fs ...func(*spec.Spec)) func(*spec.Spec) {
		return func(s *spec.Spec) {
			for _, f := range fs {
				f(s)
			}
		}
	}
	noLogging := func(s *spec.Spec) { s.BucketByLabel("data").AccessLogging = nil }
	noTrail := func(s *spec.Spec) { s.Trails = nil }
	tests := []struct {
		name          string
		first, mutate func(*spec.Spec) // the converged spec, the change
	}{
		{"new Deny as access logs move away", noUploadDeny, moveAccessLogs},
		{"new Deny as access logs stop", noUploadDeny, noLogging},
		{"new Deny as the trail moves away", noUploadDeny, moveTrail},
		{"new Deny as access logs stop and the trail moves away", noUploadDeny, both(noLogging, moveTrail)},
		{"new Deny as access logs start", both(noUploadDeny, noLogging), nil},
		{"new Deny as the trail starts", both(noUploadDeny, noTrail), nil},
		{"the Deny gains access logs", noLogging, nil},
		{"the Deny gains the trail", noTrail, nil},
		{"the trail moves out as access logs move in", noLogging, moveTrail},
		{"access logs moved", nil, moveAccessLogs},
		{"the Deny gains the trail as a reader of the log bucket is revoked", both(noTrail, logsReader), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			check := func(f *fake, when string) {
				assertDeliveriesNotDenied(t, f, when)
				assertOneEncryptionDeny(t, f, when)
			}
			stopAfterEachWrite(t, tc.first, tc.mutate, check, check)
		})
	}
}
