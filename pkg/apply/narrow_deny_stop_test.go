package apply

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/spec"
)

const logs2Bucket = "acme-teramot-logs2"

// moveAccessLogs declares a second log bucket and moves the data bucket's
// access logging there (review E1, repro A): the first log bucket's
// DenyUnencryptedUploads no longer exempts S3 log delivery.
func moveAccessLogs(s *spec.Spec) {
	nb := *s.BucketByLabel("logs")
	nb.Label, nb.Address, nb.Name.Value = "logs2", "bucket.logs2", logs2Bucket
	s.Buckets = append(s.Buckets, &nb)
	for _, b := range s.Buckets {
		if b.AccessLogging != nil {
			b.AccessLogging.TargetBucket.Value, b.AccessLogging.TargetRef = logs2Bucket, "logs2"
		}
	}
}

// switchToKMS switches the data bucket from AES256 to aws:kms (review E6).
func switchToKMS(s *spec.Spec) {
	b := s.BucketByLabel("data")
	b.Encryption.Algorithm.Value = "aws:kms"
	b.Encryption.KMSKeyARN.Value = "arn:aws:kms:us-east-1:" + testAccount + ":key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

// upload is a PutObject request as a bucket policy's Deny statements see
// it: by an AWS service (service != "") or an account's own principal,
// with the request headers' condition keys.
type upload struct {
	service, object string
	headers         map[string]string
}

// deniedBy returns the first Deny statement of the canonical policy p
// that applies to u (nil: none). Operators it does not model are taken
// to hold, so that an unknown condition shows up as a denial.
func deniedBy(p any, u upload) map[string]any {
	ctx := map[string]string{"aws:securetransport": "true"}
	if u.service != "" {
		ctx["aws:principalservicename"] = u.service
	}
	for k, v := range u.headers {
		ctx[k] = v
	}
	for _, s := range statements(p) {
		if s["Effect"] != "Deny" || !slices.ContainsFunc(stringSet(s["Action"], nil), func(a string) bool { return covers(a, "s3:putobject") }) ||
			!slices.ContainsFunc(stringSet(s["Resource"], nil), func(r string) bool { return covers(r, u.object) }) {
			continue
		}
		if pr, _ := s["Principal"].(map[string]any); !slices.Contains(stringSet(pr["AWS"], nil), "*") &&
			(u.service == "" || !slices.Contains(stringSet(pr["Service"], nil), u.service)) {
			continue
		}
		holds := true
		ops, _ := s["Condition"].(map[string]any)
		for op, raw := range ops {
			for k, vals := range raw.(map[string]any) {
				v, present := ctx[k]
				in := slices.Contains(stringSet(vals, nil), v)
				switch base := strings.TrimSuffix(op, "IfExists"); {
				case !present && base != op:
				case base == "StringNotEquals":
					holds = holds && (!present || !in)
				case base == "StringEquals", base == "Bool":
					holds = holds && present && in
				case base == "Null":
					holds = holds && slices.Contains(stringSet(vals, nil), strconv.FormatBool(!present))
				}
			}
		}
		if holds {
			return s
		}
	}
	return nil
}

// assertLogDeliveryNotDenied checks, on the fake's state, that no Deny of
// the log bucket's policy refuses S3 log delivery while the data bucket's
// access logging still delivers there.
func assertLogDeliveryNotDenied(t *testing.T, f *fake, when string) {
	t.Helper()
	l := f.buckets[dataBucket].logging
	pol := f.buckets[logsBucket].policy
	if l == nil || aws.ToString(l.TargetBucket) != logsBucket || pol == nil {
		return
	}
	u := upload{service: "logging.s3.amazonaws.com", object: "arn:aws:s3:::" + logsBucket + "/" + aws.ToString(l.TargetPrefix) + "2026-11-27-00-00-00-X"}
	if d := deniedBy(mustParse(t, *pol), u); d != nil {
		t.Errorf("%s: access logging still delivers to %s, and its policy denies it: %s", when, logsBucket, mustJSON(d))
	}
}

// assertTrailDeliveryNotDenied checks, on the fake's state, that no Deny
// of the log bucket's policy refuses CloudTrail while a trail delivers
// there (from its creation: CloudTrail writes a test object).
func assertTrailDeliveryNotDenied(t *testing.T, f *fake, when string) {
	t.Helper()
	pol := f.buckets[logsBucket].policy
	for name, tr := range f.trails {
		if pol == nil || aws.ToString(tr.in.S3BucketName) != logsBucket {
			continue
		}
		u := upload{service: "cloudtrail.amazonaws.com", object: "arn:aws:s3:::" + logsBucket + "/" + aws.ToString(tr.in.S3KeyPrefix) + "/AWSLogs/" + testAccount + "/x"}
		if d := deniedBy(mustParse(t, *pol), u); d != nil {
			t.Errorf("%s: trail %s delivers to %s, and its policy denies it: %s", when, name, logsBucket, mustJSON(d))
		}
	}
}

// assertSomeUploadAccepted checks that the data bucket's policy lets a
// user upload with at least one encryption header (or none).
func assertSomeUploadAccepted(t *testing.T, f *fake, when string) {
	t.Helper()
	pol := f.buckets[dataBucket].policy
	if pol == nil {
		return
	}
	p := mustParse(t, *pol)
	for _, h := range []string{"", "AES256", "aws:kms"} {
		u := upload{object: "arn:aws:s3:::" + dataBucket + "/x", headers: map[string]string{}}
		if h != "" {
			u.headers["s3:x-amz-server-side-encryption"] = h
		}
		if deniedBy(p, u) == nil {
			return
		}
	}
	t.Errorf("%s: the data bucket's policy denies every upload: %s", when, *pol)
}

// TestStopsKeepDenyConsistent applies a change, after converging the
// setup guide, and stops it after each of its writes; at every stop the
// live state must not deny what still happens, and a rerun converges.
//
//   - access logging moves to a new bucket (review E1): the old log
//     bucket's Deny keeps exempting S3 log delivery until the delivery
//     has moved;
//   - access logging or a trail is newly delivered into the existing log
//     bucket (review diff3 #1): its Deny exempts the new service from the
//     step that starts the delivery on;
//   - the data bucket switches from AES256 to aws:kms (review E6): never
//     two Denies that together refuse every upload.
func TestStopsKeepDenyConsistent(t *testing.T) {
	tests := []struct {
		name          string
		first, mutate func(*spec.Spec) // the converged spec, the change
		assert        func(*testing.T, *fake, string)
	}{
		{"access logs moved", nil, moveAccessLogs, assertLogDeliveryNotDenied},
		{"access logs removed", nil, func(s *spec.Spec) { s.BucketByLabel("data").AccessLogging = nil }, assertLogDeliveryNotDenied},
		{"encryption algorithm switched", nil, switchToKMS, assertSomeUploadAccepted},
		{"access logging newly added into an existing log bucket", func(s *spec.Spec) { s.BucketByLabel("data").AccessLogging = nil }, nil, assertLogDeliveryNotDenied},
		{"trail newly added", func(s *spec.Spec) { s.Trails = nil }, nil, assertTrailDeliveryNotDenied},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stopAfterEachWrite(t, tc.first, tc.mutate, func(f *fake, when string) { tc.assert(t, f, when) }, nil)
		})
	}
}

// stopAfterEachWrite converges the setup guide changed by first, then
// applies the guide changed by mutate, stopping after its k-th write for
// every k: it checks atStop at each stop, reruns to convergence, and
// checks converged (when not nil) on the converged state.
func stopAfterEachWrite(t *testing.T, first, mutate func(*spec.Spec), atStop, converged func(f *fake, when string)) {
	t.Helper()
	from := loadSpec(t, "setup-guide-user", first)
	changed := loadSpec(t, "setup-guide-user", mutate)
	clean := newFake()
	e := fakeEngine(t, clean)
	if _, err := converge(t, e, from); err != nil {
		t.Fatal(err)
	}
	before := clean.writes
	if _, err := converge(t, e, changed); err != nil {
		t.Fatal(err)
	}
	total := clean.writes - before
	for k := 1; k < total; k++ {
		f := newFake()
		e := fakeEngine(t, f)
		if _, err := converge(t, e, from); err != nil {
			t.Fatal(err)
		}
		f.crashAfter = f.writes + k
		if _, err := converge(t, e, changed); err == nil {
			t.Fatalf("k=%d: apply did not fail", k)
		}
		atStop(f, "after "+strconv.Itoa(k)+" of "+strconv.Itoa(total)+" writes")
		f.crashAfter = 0
		if _, err := converge(t, e, changed); err != nil {
			t.Fatalf("k=%d: rerun: %v", k, err)
		}
		assertConverged(t, f, e, changed)
		if converged != nil {
			converged(f, "converged")
		}
	}
}

// createRefused is an S3 client whose CreateBucket of one bucket is
// refused, as the reviewer's proxy did (AccessDenied).
type createRefused struct {
	S3API
	bucket string
}

func (c createRefused) CreateBucket(ctx context.Context, in *s3.CreateBucketInput, o ...func(*s3.Options)) (*s3.CreateBucketOutput, error) {
	if aws.ToString(in.Bucket) == c.bucket {
		return nil, apiErr("AccessDenied", "Access Denied")
	}
	return c.S3API.CreateBucket(ctx, in, o...)
}

// TestMotoMovedAccessLogsStopAfterRevoke (review E1, repro A) against
// moto: access logging moves to a new bucket whose creation is refused,
// so the run stops right after the revoke stage. The data bucket still
// logs to the old log bucket, whose policy must not deny S3 log delivery;
// a rerun converges and then drops the exemption.
func TestMotoMovedAccessLogsStopAfterRevoke(t *testing.T) {
	m := testenv.StartMoto(t)
	e := connectMoto(t, m)
	ctx := context.Background()
	if _, err := e.Apply(ctx, planFor(t, e, loadSpec(t, "setup-guide-user", nil)), false); err != nil {
		t.Fatalf("first apply: %v", err)
	}
	items := loadSpec(t, "setup-guide-user", moveAccessLogs)
	p := planFor(t, e, items)
	for _, c := range p.Changes {
		if c.Type == TBucketPolicy && c.Name == logsBucket && !strings.Contains(c.Reason, "exempts logging.s3.amazonaws.com until step 8") {
			t.Errorf("the plan does not say when the exemption goes: %s", c.Reason)
		}
	}
	orig := e.C.S3ForRegion
	e.C.S3ForRegion = func(r string) S3API { return createRefused{orig(r), logs2Bucket} }
	if _, err := e.Apply(ctx, p, false); err == nil || !strings.Contains(err.Error(), `stage "bucket" failed`) {
		t.Fatalf("apply error = %v, want the bucket stage to fail", err)
	}
	e.C.S3ForRegion = orig
	s3c := orig(e.C.Region)
	lg, err := s3c.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: aws.String(dataBucket)})
	if err != nil || lg.LoggingEnabled == nil || aws.ToString(lg.LoggingEnabled.TargetBucket) != logsBucket {
		t.Fatalf("get bucket logging: %v (want it still delivering to %s)", err, logsBucket)
	}
	u := upload{service: "logging.s3.amazonaws.com", object: "arn:aws:s3:::" + logsBucket + "/" + aws.ToString(lg.LoggingEnabled.TargetPrefix) + "x"}
	out, err := s3c.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: aws.String(logsBucket)})
	if err != nil {
		t.Fatal(err)
	}
	if d := deniedBy(mustParse(t, aws.ToString(out.Policy)), u); d != nil {
		t.Errorf("after the stopped run, the log bucket policy denies S3 log delivery: %s", mustJSON(d))
	}
	if _, err := e.Apply(ctx, planFor(t, e, items), false); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	if p := planFor(t, e, items); len(p.Changes) != 0 {
		t.Errorf("not converged: %d changes, first %s %s", len(p.Changes), p.Changes[0].Type, p.Changes[0].Name)
	}
	if out, err = s3c.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: aws.String(logsBucket)}); err != nil {
		t.Fatal(err)
	}
	if deniedBy(mustParse(t, aws.ToString(out.Policy)), u) == nil {
		t.Errorf("the converged log bucket policy still exempts S3 log delivery: %s", aws.ToString(out.Policy))
	}
}
