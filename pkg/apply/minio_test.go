package apply

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestMinIO applies the S3 parts of a spec to MinIO: what MinIO supports
// converges, what it does not (public access block, ownership controls) is
// skipped with a warning and nothing is deleted; anonymous access is denied
// and objects land encrypted and versioned.
func TestMinIO(t *testing.T) {
	m, e, progress := minioEngine(t)
	ctx := context.Background()
	items := loadSpec(t, "minimal", func(s *spec.Spec) {
		b := s.Buckets[0]
		b.Tags = spec.Tags{Set: true, Entries: []*spec.Tag{{Key: "owner", Value: "data-platform"}}}
		b.LifecycleRules = []*spec.LifecycleRule{{ID: "Expire", Enabled: spec.Attr[bool]{Value: true},
			ExpirationDays: spec.Attr[int]{Value: 365, Set: true}, NoncurrentExpirationDays: spec.Attr[int]{Value: 30, Set: true}}}
	})
	p := planFor(t, e, items)
	res, err := e.Apply(ctx, p, false)
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, progress.text())
	}
	if res.Added != len(p.Changes)-len(res.Skipped) || res.Changed != 0 {
		t.Errorf("applied %d added, %d changed, %d skipped of %d changes: skipped ones must not count", res.Added, res.Changed, len(res.Skipped), len(p.Changes))
	}
	skipped := strings.Join(res.Skipped, " ")
	for _, typ := range []string{TPublicAccessBlock, TOwnership} {
		if !strings.Contains(skipped, typ) {
			t.Errorf("%s was not skipped on MinIO (skipped: %s)", typ, skipped)
		}
		if progress.count(ProgressWarning, typ) == 0 {
			t.Errorf("no warning for %s:\n%s", typ, progress.text())
		}
	}
	bucket := "teramot-minimal-example"
	cl := e.C.S3ForRegion("us-east-1").(*s3.Client)
	if _, err := cl.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(bucket)}); err != nil {
		t.Fatalf("bucket gone after apply: %v", err)
	}

	// Converged apart from what MinIO cannot do.
	p = planFor(t, e, items)
	if p.HasChanges() {
		for _, c := range p.Changes {
			if c.Unsupported == "" {
				t.Errorf("not converged on MinIO: %s %s\n before: %s\n after:  %s", c.Action, c.Type, mustJSON(c.Before), mustJSON(c.After))
			}
		}
	}

	// Objects land encrypted (default encryption) and versioned.
	for _, body := range []string{"v1", "v2"} {
		_, err := cl.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String("k"), Body: strings.NewReader(body),
			ServerSideEncryption: types.ServerSideEncryptionAes256})
		if err != nil {
			t.Fatalf("put object: %v", err)
		}
	}
	head, err := cl.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(bucket), Key: aws.String("k")})
	if err != nil {
		t.Fatal(err)
	}
	if head.ServerSideEncryption != types.ServerSideEncryptionAes256 {
		t.Errorf("object encryption = %q, want AES256", head.ServerSideEncryption)
	}
	vs, err := cl.ListObjectVersions(ctx, &s3.ListObjectVersionsInput{Bucket: aws.String(bucket)})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs.Versions) != 2 {
		t.Errorf("object versions = %d, want 2", len(vs.Versions))
	}

	t.Logf("apply progress:\n%s", progress.text())

	// The grant's identity policy, as a MinIO session policy, allows
	// exactly the grant.
	minioGrant(t, m, cl, bucket)

	// Anonymous access is denied.
	for _, method := range []string{http.MethodGet, http.MethodPut} {
		req, _ := http.NewRequest(method, m.URL+"/"+bucket+"/k", strings.NewReader("x"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("anonymous %s: status %d, want 403", method, resp.StatusCode)
		}
	}
}

// minioEngine starts MinIO and returns it with an engine connected to it
// through the environment, as a user would point teramotc at it, with
// short retry intervals, and a record of its progress.
func minioEngine(t *testing.T) (*testenv.MinIO, *Engine, *progressRecord) {
	t.Helper()
	m := testenv.StartMinIO(t)
	for _, kv := range m.Env() {
		k, v, _ := cut(kv)
		t.Setenv(k, v)
	}
	c, err := Connect(context.Background(), ConnectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	progress := recordProgress(e)
	e.Backoff, e.PropagationTimeout = 50*time.Millisecond, 10*time.Second
	return m, e, progress
}
