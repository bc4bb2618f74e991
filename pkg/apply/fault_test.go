package apply

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

func loadSpec(t *testing.T, name string, mutate func(*spec.Spec)) []*Item {
	t.Helper()
	loaded, diags := spec.Load(filepath.Join("..", "..", "examples", name), spec.Options{})
	if diags.HasErrors() {
		t.Fatalf("load %s: %s", name, diags.Error())
	}
	if mutate != nil {
		mutate(loaded.Spec)
	}
	out, diags := render.Render(loaded.Spec)
	if diags.HasErrors() {
		t.Fatalf("render %s: %s", name, diags.Error())
	}
	items, err := Desired(loaded.Spec, out)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func fakeEngine(t *testing.T, f *fake) *Engine {
	t.Helper()
	c := &Clients{S3ForRegion: func(string) S3API { return f }, IAM: f, STS: f,
		CloudTrailForRegion: func(string) CloudTrailAPI { return f }}
	e, err := NewEngine(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	e.Backoff, e.WaitInterval, e.PropagationTimeout = time.Millisecond, time.Millisecond, 2*time.Second
	e.KeyDir = t.TempDir()
	return e
}

func planFor(t *testing.T, e *Engine, items []*Item) *Plan {
	t.Helper()
	live, err := e.Read(context.Background(), items)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return e.MakePlan(items, live)
}

func converge(t *testing.T, e *Engine, items []*Item) (*Result, error) {
	t.Helper()
	return e.Apply(context.Background(), planFor(t, e, items), false)
}

// assertConverged checks that a new plan is empty and that planning made
// no write call.
func assertConverged(t *testing.T, f *fake, e *Engine, items []*Item) {
	t.Helper()
	f.mu.Lock()
	writes := f.writes
	f.mu.Unlock()
	p := planFor(t, e, items)
	for _, c := range p.Changes {
		t.Errorf("not converged: %s %s %s\n before: %s\n after:  %s", c.Action, c.Type, c.Name, mustJSON(c.Before), mustJSON(c.After))
	}
	if f.writes != writes {
		t.Errorf("planning made %d write calls, want 0", f.writes-writes)
	}
}

// assertOrder checks, on the recorded calls, that no grant happens before
// the last guardrail or audit write, and that the fake saw no violation.
func assertOrder(t *testing.T, f *fake) {
	t.Helper()
	for _, v := range f.violations {
		t.Errorf("guardrail violation: %s", v)
	}
	lastGuard, firstGrant := -1, -1
	for i, c := range f.calls {
		op := strings.Fields(c)[0]
		switch op {
		case "PutPublicAccessBlock", "PutBucketOwnershipControls", "PutBucketEncryption", "PutBucketVersioning",
			"PutBucketLifecycleConfiguration", "PutBucketLogging", "CreateTrail", "PutEventSelectors", "StartLogging":
			lastGuard = i
		case "AttachUserPolicy", "AttachRolePolicy", "CreatePolicyVersion":
			if firstGrant < 0 {
				firstGrant = i
			}
		}
	}
	if firstGrant >= 0 && firstGrant < lastGuard {
		t.Errorf("grant call %q (#%d) came before guardrail call %q (#%d)", f.calls[firstGrant], firstGrant, f.calls[lastGuard], lastGuard)
	}
}

func TestFaultsConverge(t *testing.T) {
	invalidPrincipal := apiErr("MalformedPolicyDocument", "Invalid principal in policy: \"AWS\":\"arn:aws:iam::210987654321:root\"")
	tests := []struct {
		name    string
		example string
		setup   func(f *fake)
	}{
		{"no faults", "setup-guide-role", func(*fake) {}},
		{"throttling", "setup-guide-user", func(f *fake) {
			f.faults["PutPublicAccessBlock"] = []error{apiErr("SlowDown", "slow"), apiErr("Throttling", "slow")}
			f.faults["GetBucketPolicy"] = []error{apiErr("ThrottlingException", "slow")}
		}},
		{"server errors", "setup-guide-role", func(f *fake) {
			f.faults["PutBucketPolicy"] = []error{apiErr("InternalError", "oops"), apiErr("ServiceUnavailable", "oops")}
			f.faults["CreateTrail"] = []error{apiErr("InternalError", "oops")}
		}},
		{"operation aborted", "setup-guide-role", func(f *fake) {
			f.faults["PutBucketEncryption"] = []error{apiErr("OperationAborted", "A conflicting conditional operation is currently in progress")}
			f.faults["CreateBucket"] = []error{apiErr("OperationAborted", "A conflicting conditional operation is currently in progress")}
		}},
		{"invalid principal three times", "setup-guide-role", func(f *fake) {
			f.faults["CreateRole"] = []error{invalidPrincipal, invalidPrincipal, invalidPrincipal}
		}},
		{"no such entity after create", "setup-guide-user", func(f *fake) {
			f.faults["AttachUserPolicy"] = []error{apiErr("NoSuchEntity", "user not yet visible"), apiErr("NoSuchEntity", "user not yet visible")}
		}},
		{"concurrent modification", "setup-guide-role", func(f *fake) {
			f.faults["AttachRolePolicy"] = []error{apiErr("ConcurrentModification", "busy")}
		}},
		{"cloudtrail policy not yet visible", "setup-guide-role", func(f *fake) {
			f.faults["CreateTrail"] = []error{apiErr("InsufficientS3BucketPolicyException", "policy")}
		}},
		{"role ARN shown as unique id", "setup-guide-role", func(f *fake) { f.uniqueIDReads = 3 }},
		{"stale public access block reads", "setup-guide-user", func(f *fake) { f.stale["GetPublicAccessBlock"] = 3 }},
		{"new bucket not yet visible", "setup-guide-user", func(f *fake) {
			f.faults["PutPublicAccessBlock"] = []error{apiErr("NoSuchBucket", "not yet"), apiErr("NoSuchBucket", "not yet")}
		}},
		{"stale lifecycle reads", "setup-guide-user", func(f *fake) { f.stale["GetBucketLifecycleConfiguration"] = 4 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			items := loadSpec(t, tc.example, nil)
			tc.setup(f)
			progress := recordProgress(e)
			if _, err := converge(t, e, items); err != nil {
				t.Fatalf("apply: %v", err)
			}
			progress.check(t)
			for op, q := range f.faults {
				if len(q) > 0 {
					t.Errorf("scripted fault of %s was never hit", op)
				}
			}
			if f.uniqueIDReads+f.stale["GetPublicAccessBlock"]+f.stale["GetBucketLifecycleConfiguration"] > 0 {
				t.Errorf("scripted stale reads were never made")
			}
			assertOrder(t, f)
			assertConverged(t, f, e, items)
		})
	}
}

func TestNonRetryableErrorStopsBeforeGrants(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	items := loadSpec(t, "setup-guide-role", nil)
	f.faults["PutBucketVersioning"] = []error{apiErr("AccessDenied", "no")}
	if _, err := converge(t, e, items); err == nil || !strings.Contains(err.Error(), "AccessDenied") {
		t.Fatalf("apply error = %v, want AccessDenied", err)
	}
	for _, c := range f.calls {
		if strings.HasPrefix(c, "Attach") || strings.HasPrefix(c, "CreateRole") {
			t.Errorf("%s was called after a failed guardrail", c)
		}
	}
	if _, err := converge(t, e, items); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	assertOrder(t, f)
	assertConverged(t, f, e, items)
}

// TestCrashAfterEveryStep interrupts the first apply after k writes, for
// every k, then reruns: the rerun converges and no grant ever precedes the
// guardrails.
func TestCrashAfterEveryStep(t *testing.T) {
	items := loadSpec(t, "setup-guide-role", nil)
	clean := newFake()
	if _, err := converge(t, fakeEngine(t, clean), items); err != nil {
		t.Fatal(err)
	}
	total := clean.writes
	if total < 20 {
		t.Fatalf("only %d writes in a full apply", total)
	}
	for k := 1; k < total; k++ {
		f := newFake()
		e := fakeEngine(t, f)
		f.crashAfter = k
		if _, err := converge(t, e, items); err == nil {
			t.Fatalf("k=%d: apply did not fail", k)
		}
		f.crashAfter = 0
		if _, err := converge(t, e, items); err != nil {
			t.Fatalf("k=%d: rerun: %v", k, err)
		}
		assertOrder(t, f)
		if len(f.violations) > 0 {
			t.Fatalf("k=%d: violations", k)
		}
		assertConverged(t, f, e, items)
	}
}

// A new bucket whose sub-resources are written next is not waited for with
// HeadBucket: its first write retries NoSuchBucket instead (one request
// less per bucket). The plan's own HeadBucket reads come before CreateBucket.
func TestNoVisibilityWaitBeforeWrites(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	items := loadSpec(t, "setup-guide-user", nil)
	if _, err := converge(t, e, items); err != nil {
		t.Fatal(err)
	}
	created := map[string]bool{}
	written := map[string]bool{}
	for _, c := range f.calls {
		op, target, _ := strings.Cut(c, " ")
		switch {
		case op == "CreateBucket":
			created[target] = true
		case op == "HeadBucket" && created[target] && !written[target]:
			t.Errorf("HeadBucket %s between its CreateBucket and its first write", target)
		case strings.HasPrefix(op, "Put") && created[target]:
			written[target] = true
		}
	}
	if len(created) == 0 {
		t.Fatal("no bucket was created")
	}
}

func TestCallSequence(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	items := loadSpec(t, "setup-guide-user", nil)
	if _, err := converge(t, e, items); err != nil {
		t.Fatal(err)
	}
	var writes []string
	for _, c := range f.calls {
		op := strings.Fields(c)[0]
		if strings.HasPrefix(op, "Put") || strings.HasPrefix(op, "Create") || strings.HasPrefix(op, "Attach") || op == "StartLogging" {
			if strings.HasSuffix(c, "acme-teramot-logs") && op != "PutBucketPolicy" {
				continue // the log bucket interleaves; its order is checked by the stages
			}
			writes = append(writes, c)
		}
	}
	want := []string{
		"CreateBucket teramot-data-acme",
		"PutPublicAccessBlock teramot-data-acme",
		"PutBucketOwnershipControls teramot-data-acme",
		"PutBucketEncryption teramot-data-acme",
		"PutBucketVersioning teramot-data-acme",
		"PutBucketTagging teramot-data-acme",
		"PutBucketPolicy teramot-data-acme",
		"PutBucketLifecycleConfiguration teramot-data-acme",
		"PutBucketPolicy acme-teramot-logs",
		"CreateTrail teramot-data",
		"PutEventSelectors teramot-data",
		"StartLogging teramot-data",
		"CreateUser teramot-service-user",
		"CreatePolicy teramot-s3-access",
		"AttachUserPolicy teramot-service-user",
	}
	// The log bucket's deny-only policy comes with the guardrails, and
	// data-bucket logging runs in parallel with the trail: compare the
	// sequence without those.
	var got []string
	for _, w := range writes {
		if w == "PutBucketLogging teramot-data-acme" {
			continue
		}
		got = append(got, w)
	}
	got = dropFirst(got, "PutBucketPolicy acme-teramot-logs")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("write sequence:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func dropFirst(list []string, s string) []string {
	for i, x := range list {
		if x == s {
			return append(append([]string{}, list[:i]...), list[i+1:]...)
		}
	}
	return list
}

func TestAccessKeyGoesOnlyToA0600File(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	progress := recordProgress(e)
	items := loadSpec(t, "setup-guide-user", func(s *spec.Spec) { s.Grants[0].IAMUser.CreateAccessKey.Value = true })
	res, err := converge(t, e, items)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.KeyFiles) != 1 {
		t.Fatalf("key files = %v", res.KeyFiles)
	}
	st, err := os.Stat(res.KeyFiles[0])
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode = %v, want 0600", st.Mode().Perm())
	}
	b, _ := os.ReadFile(res.KeyFiles[0])
	if !strings.Contains(string(b), "fake-secret-do-not-print") {
		t.Errorf("key file lacks the secret: %s", b)
	}
	if progress.count(ProgressKeyFile, res.KeyFiles[0]) != 1 {
		t.Errorf("the key file is not reported:\n%s", progress.text())
	}
	if strings.Contains(progress.text(), "fake-secret") {
		t.Errorf("secret printed in progress:\n%s", progress.text())
	}
	assertConverged(t, f, e, items)
}

// A bucket name that comes from a sensitive variable is masked in the
// progress lines too, as in the plan: only the writes reach AWS with it.
func TestProgressMasksSensitiveNames(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	progress := recordProgress(e)
	const secretName = "teramot-minimal-example"
	items := loadSpec(t, "minimal", nil)
	for _, it := range items {
		it.secrets = []string{secretName}
	}
	if _, err := converge(t, e, items); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(progress.text(), secretName) {
		t.Errorf("progress prints the sensitive bucket name:\n%s", progress.text())
	}
	if !strings.Contains(progress.text(), Redacted) {
		t.Errorf("progress does not show the masked name:\n%s", progress.text())
	}
	if f.buckets[secretName] == nil {
		t.Errorf("the bucket was not created under its real name")
	}
}

// An interrupt that arrives while CreateAccessKey is in flight does not
// cancel it: the key AWS creates is written to its file, since its secret
// is returned only once.
func TestAccessKeyCreateSurvivesInterrupt(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	items := loadSpec(t, "setup-guide-user", func(s *spec.Spec) { s.Grants[0].IAMUser.CreateAccessKey.Value = true })
	p := planFor(t, e, items)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var inFlight error
	f.onCreateAccessKey = func(reqCtx context.Context) {
		cancel() // the interrupt arrives while the request is in flight
		inFlight = reqCtx.Err()
	}
	res, _ := e.Apply(ctx, p, false)
	if inFlight != nil {
		t.Fatalf("CreateAccessKey's context was cancelled by the interrupt: %v", inFlight)
	}
	if res == nil || len(res.KeyFiles) != 1 {
		t.Fatalf("the created key was not written to a file: %+v", res)
	}
	if b, _ := os.ReadFile(res.KeyFiles[0]); !strings.Contains(string(b), "fake-secret-do-not-print") {
		t.Errorf("key file lacks the secret: %s", b)
	}
}

// TestEndpointRejectingServicePrincipals: an S3-compatible server that
// rejects the service-grant phase of a bucket policy keeps the deny-only
// phase (a warning, no failure, no retry loop); a rejected deny-only phase
// fails the run before any grant.
func TestEndpointRejectingServicePrincipals(t *testing.T) {
	rejected := apiErr("MalformedPolicy", "invalid Principal")
	f := newFake()
	e := fakeEngine(t, f)
	e.C.Endpoint = "http://s3.example.test"
	progress := recordProgress(e)
	items := loadSpec(t, "setup-guide-user", nil)
	// Puts: deny-only of both buckets succeed, then the log bucket's
	// service-grant phase is rejected.
	f.faults["PutBucketPolicy"] = []error{nil, nil, rejected}
	if _, err := converge(t, e, items); err != nil {
		t.Fatalf("apply: %v", err)
	}
	if progress.count(ProgressWarning, "rejects the service-grants phase") != 1 {
		t.Errorf("no warning:\n%s", progress.text())
	}
	if !strings.Contains(*f.buckets["acme-teramot-logs"].policy, "DenyInsecureTransport") {
		t.Errorf("deny-only phase not kept")
	}

	f2 := newFake()
	e2 := fakeEngine(t, f2)
	e2.C.Endpoint = "http://s3.example.test"
	f2.faults["PutBucketPolicy"] = []error{rejected}
	if _, err := converge(t, e2, items); err == nil {
		t.Fatal("a rejected deny-only policy did not fail the run")
	}
	for _, c := range f2.calls {
		if strings.HasPrefix(c, "Attach") || strings.HasPrefix(c, "CreateUser") {
			t.Errorf("%s after a failed guardrail", c)
		}
	}
}
