package apply

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// fakeAccount is the account the fake's GetCallerIdentity answers.
const fakeAccount = "111122223333"

// s3call is call for a bucket-level S3 operation: like S3, the fake
// answers 403 when ExpectedBucketOwner is set and is not the bucket's
// owner (bucketOwners, else fakeAccount). With requireOwner, a call
// without ExpectedBucketOwner fails the same way and is listed in
// ownerless. A refused call is recorded but consumes no scripted fault.
func (f *fake) s3call(op, bucket string, owner *string, write bool) error {
	actual := f.bucketOwners[bucket]
	if actual == "" {
		actual = fakeAccount
	}
	missing := owner == nil && f.requireOwner
	if missing {
		f.ownerless = append(f.ownerless, op+" "+bucket)
	}
	if missing || (owner != nil && *owner != actual) {
		f.calls = append(f.calls, op+" "+bucket)
		if op == "HeadBucket" { // a HEAD answer has no body, so no code
			return httpError(http.StatusForbidden, "Forbidden", "")
		}
		return apiErr("AccessDenied", "Access Denied")
	}
	return f.call(op, bucket, write)
}

// TestEveryS3CallCarriesOwner applies both examples against a fake that
// refuses bucket-level calls without ExpectedBucketOwner, then plans
// again: every call the engine made carried the caller's account, and
// every bucket operation of S3API but CreateBucket (which has no such
// field) was exercised.
func TestEveryS3CallCarriesOwner(t *testing.T) {
	seen := map[string]bool{}
	for _, example := range []string{"setup-guide-role", "setup-guide-user"} {
		t.Run(example, func(t *testing.T) {
			f := newFake()
			f.requireOwner = true
			e := fakeEngine(t, f)
			items := loadSpec(t, example, nil)
			_, err := converge(t, e, items)
			if err == nil {
				assertConverged(t, f, e, items)
			}
			for _, c := range f.calls {
				seen[strings.Fields(c)[0]] = true
			}
			if err != nil {
				t.Errorf("apply: %v", err)
			}
			if len(f.ownerless) > 0 {
				t.Errorf("calls without ExpectedBucketOwner: %q", f.ownerless)
			}
		})
	}
	api := reflect.TypeFor[S3API]()
	for i := range api.NumMethod() {
		if op := api.Method(i).Name; op != "CreateBucket" && !seen[op] {
			t.Errorf("%s was never called: the test does not show that it carries ExpectedBucketOwner", op)
		}
	}
}

// TestForeignBucket: a bucket of the spec that exists in another account
// (whose policy would let this one in) is never read or written as the
// spec's own.
func TestForeignBucket(t *testing.T) {
	items := loadSpec(t, "setup-guide-user", nil)
	bucket := items[0].Bucket
	t.Run("plan stops at HeadBucket", func(t *testing.T) {
		f := newFake()
		f.buckets[bucket] = &fakeBucket{}
		f.bucketOwners = map[string]string{bucket: "999999999999"}
		e := fakeEngine(t, f)
		_, err := e.Read(context.Background(), items)
		var p *Problem
		if !errors.As(err, &p) {
			t.Fatalf("read error = %v, want a *Problem", err)
		}
		want := `bucket "` + bucket + `" is not owned by account ` + fakeAccount
		if p.Summary != want || !strings.Contains(p.Detail, "nothing was written") {
			t.Errorf("problem = %q / %q, want summary %q and a detail saying nothing was written", p.Summary, p.Detail, want)
		}
		for _, c := range f.calls {
			if op, target, _ := strings.Cut(c, " "); target == bucket && op != "HeadBucket" {
				t.Errorf("%s was called on the foreign bucket", c)
			}
		}
		if f.writes != 0 {
			t.Errorf("%d writes, want 0", f.writes)
		}
	})
	t.Run("denied without the owner check too", func(t *testing.T) {
		// A bucket the credentials may not see at all: the 403 is a
		// permission problem, explained as such (no ownership claim).
		f := newFake()
		f.buckets[bucket] = &fakeBucket{}
		f.bucketOwners = map[string]string{bucket: "999999999999"}
		// Every HeadBucket is refused, with ExpectedBucketOwner or without,
		// whichever of the spec's buckets the parallel reads ask first
		// (one fault made the test depend on which bucket took it).
		f.faults["HeadBucket"] = slices.Repeat([]error{httpError(http.StatusForbidden, "Forbidden", "")}, 8)
		e := fakeEngine(t, f)
		_, err := e.Read(context.Background(), items)
		if err == nil || errors.As(err, new(*Problem)) || !isForbidden(err) {
			t.Fatalf("read error = %v, want the 403 itself", err)
		}
	})
	t.Run("owner changed before the write", func(t *testing.T) {
		// The bucket was this account's at plan time; by the write it is
		// another's (deleted and taken): the write is refused at once.
		f := newFake()
		e := fakeEngine(t, f)
		if _, err := converge(t, e, items); err != nil {
			t.Fatal(err)
		}
		f.mu.Lock()
		f.buckets[bucket].versioning = "Suspended"
		f.mu.Unlock()
		p := planFor(t, e, items)
		f.mu.Lock()
		f.bucketOwners = map[string]string{bucket: "999999999999"}
		writes := f.writes
		f.mu.Unlock()
		progress := recordProgress(e)
		_, err := e.Apply(context.Background(), p, false)
		var pr *Problem
		if !errors.As(err, &pr) || !strings.Contains(pr.Summary, "is not owned by account "+fakeAccount) {
			t.Fatalf("apply error = %v, want the ownership problem", err)
		}
		if f.writes != writes {
			t.Errorf("%d writes reached the foreign bucket", f.writes-writes)
		}
		for _, ev := range progress.events {
			if ev.Kind == ProgressRetry {
				t.Errorf("retried: %s", ev.Detail)
			}
		}
	})
}

// TestNoOwnerWithoutAccount: on a server without STS no account is known,
// and no ExpectedBucketOwner is sent.
func TestNoOwnerWithoutAccount(t *testing.T) {
	e := &Engine{}
	if o := e.bucketOwner(); o != nil {
		t.Errorf("bucketOwner() = %q without an account, want nil", aws.ToString(o))
	}
	e.Account = fakeAccount
	if o := e.bucketOwner(); aws.ToString(o) != fakeAccount {
		t.Errorf("bucketOwner() = %q, want %s", aws.ToString(o), fakeAccount)
	}
}
