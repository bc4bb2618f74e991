package apply

import (
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/teramot/teramotc/pkg/spec"
)

const (
	logsBucket  = "acme-teramot-logs"
	testAccount = "111122223333"
)

// moveLogs moves the trail's log_prefix and the data bucket's access-log
// target_prefix.
func moveLogs(s *spec.Spec) {
	s.Trails[0].LogPrefix.Value = "moved"
	for _, b := range s.Buckets {
		if b.AccessLogging != nil {
			b.AccessLogging.TargetPrefix.Value = "moved-access/"
		}
	}
}

// assertDeliveryAllowed checks, on the fake's state, that the log bucket
// policy lets CloudTrail and S3 log delivery write where the trail and the
// data bucket's logging deliver right now.
func assertDeliveryAllowed(t *testing.T, f *fake, when string) {
	t.Helper()
	pol := f.buckets[logsBucket].policy
	if pol == nil {
		t.Errorf("%s: the log bucket has no policy", when)
		return
	}
	p := mustParse(t, *pol)
	for _, tr := range f.trails {
		obj := "arn:aws:s3:::" + aws.ToString(tr.in.S3BucketName) + "/" + aws.ToString(tr.in.S3KeyPrefix) + "/AWSLogs/" + testAccount + "/x.json.gz"
		if aws.ToString(tr.in.S3BucketName) == logsBucket && !allowsService(p, "cloudtrail.amazonaws.com", obj) {
			t.Errorf("%s: CloudTrail may not write %s:\n%s", when, obj, *pol)
		}
	}
	if l := f.buckets[dataBucket].logging; l != nil && aws.ToString(l.TargetBucket) == logsBucket {
		obj := "arn:aws:s3:::" + logsBucket + "/" + aws.ToString(l.TargetPrefix) + "2026-11-27-00-00-00-X"
		if !allowsService(p, "logging.s3.amazonaws.com", obj) {
			t.Errorf("%s: S3 log delivery may not write %s:\n%s", when, obj, *pol)
		}
	}
}

// TestMovedLogsNeverDenied (D15): a run that moves the trail's log prefix
// and the access-log target prefix is stopped after each of its writes;
// at every stop, the services may still write where they deliver. A rerun
// converges and removes the old locations.
func TestMovedLogsNeverDenied(t *testing.T) {
	first := loadSpec(t, "setup-guide-user", nil)
	moved := loadSpec(t, "setup-guide-user", moveLogs)

	clean := newFake()
	e := fakeEngine(t, clean)
	if _, err := converge(t, e, first); err != nil {
		t.Fatal(err)
	}
	p := planFor(t, e, moved)
	for _, c := range p.Changes {
		if c.Step == StepRevoke {
			t.Errorf("%s %s planned at the revoke step (%s): moving logs revokes no partner access", c.Type, c.Name, c.Reason)
		}
	}
	before := clean.writes
	if _, err := converge(t, e, moved); err != nil {
		t.Fatal(err)
	}
	total := clean.writes - before
	if total < 3 {
		t.Fatalf("only %d writes to move the logs", total)
	}
	final := mustParse(t, *clean.buckets[logsBucket].policy)
	if allowsService(final, "cloudtrail.amazonaws.com", "arn:aws:s3:::"+logsBucket+"/teramot/AWSLogs/"+testAccount+"/x.json.gz") ||
		allowsService(final, "logging.s3.amazonaws.com", "arn:aws:s3:::"+logsBucket+"/teramot-data/x") {
		t.Errorf("the converged policy still allows the old locations: %s", mustJSON(final))
	}
	assertConverged(t, clean, e, moved)

	for k := 1; k <= total; k++ {
		f := newFake()
		e := fakeEngine(t, f)
		if _, err := converge(t, e, first); err != nil {
			t.Fatal(err)
		}
		f.crashAfter = f.writes + k
		_, err := converge(t, e, moved)
		if k < total && err == nil {
			t.Fatalf("k=%d: apply did not fail", k)
		}
		assertDeliveryAllowed(t, f, "after "+strconv.Itoa(k)+" writes")
		f.crashAfter = 0
		if _, err := converge(t, e, moved); err != nil {
			t.Fatalf("k=%d: rerun: %v", k, err)
		}
		assertDeliveryAllowed(t, f, "converged")
		assertConverged(t, f, e, moved)
	}
}

// TestMovedLogsAuditFails: the trail's move fails (the audit stage stops
// the run); the old location stays allowed and a rerun completes.
func TestMovedLogsAuditFails(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	if _, err := converge(t, e, loadSpec(t, "setup-guide-user", nil)); err != nil {
		t.Fatal(err)
	}
	moved := loadSpec(t, "setup-guide-user", moveLogs)
	f.faults["UpdateTrail"] = []error{apiErr("AccessDeniedException", "no")}
	if _, err := converge(t, e, moved); err == nil || !strings.Contains(err.Error(), `stage "audit" failed`) {
		t.Fatalf("apply error = %v, want the audit stage to fail", err)
	}
	if got := aws.ToString(f.trails["teramot-data"].in.S3KeyPrefix); got != "teramot" {
		t.Fatalf("trail prefix = %q after the failed move", got)
	}
	assertDeliveryAllowed(t, f, "after the failed audit stage")
	if _, err := converge(t, e, moved); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	assertDeliveryAllowed(t, f, "converged")
	assertConverged(t, f, e, moved)
}
