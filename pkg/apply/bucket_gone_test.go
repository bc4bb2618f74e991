package apply

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestBucketDeletedSincePlan: NoSuchBucket is a propagation delay only for
// a bucket this run created. A bucket that existed when the plan was made
// and is gone by its write, or by the write's read-back, fails the apply
// at once with one error saying the plan is stale (review D8).
func TestBucketDeletedSincePlan(t *testing.T) {
	items := loadSpec(t, "setup-guide-user", nil)
	bucket := items[0].Bucket
	tests := []struct {
		name   string
		vanish func(f *fake)
	}{
		{"deleted before its write", func(f *fake) { delete(f.buckets, bucket) }},
		{"deleted before the read-back", func(f *fake) {
			f.faults["GetPublicAccessBlock"] = []error{apiErr("NoSuchBucket", "The specified bucket does not exist")}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			e.PropagationTimeout = 15 * time.Second // a retry loop would show as a timeout
			if _, err := converge(t, e, items); err != nil {
				t.Fatal(err)
			}
			fresh := fakeEngine(t, f) // a new run: it created no bucket
			fresh.PropagationTimeout = 15 * time.Second
			f.mu.Lock()
			f.buckets[bucket].pab = nil // drift: the plan writes the public access block
			f.mu.Unlock()
			p := planFor(t, fresh, items)
			f.mu.Lock()
			tc.vanish(f)
			f.mu.Unlock()
			progress := recordProgress(fresh)
			start := time.Now()
			_, err := fresh.Apply(context.Background(), p, false)
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("apply took %s, want an at-once failure", took)
			}
			var pr *Problem
			if !errors.As(err, &pr) {
				t.Fatalf("apply error = %v, want a *Problem", err)
			}
			if want := `bucket "` + bucket + `" was deleted since the plan was made`; pr.Summary != want {
				t.Errorf("summary = %q, want %q", pr.Summary, want)
			}
			if !strings.Contains(pr.Detail, `Run "teramotc plan" again`) {
				t.Errorf("detail %q does not say to plan again", pr.Detail)
			}
			if n := strings.Count(err.Error(), "public-access-block"); n != 1 {
				t.Errorf("error names the resource %d times, want once: %v", n, err)
			}
			for _, ev := range progress.events {
				if ev.Kind == ProgressRetry || ev.Kind == ProgressWaiting {
					t.Errorf("%s event: %s", ev.Kind, ev.Detail)
				}
			}
		})
	}
}

// TestGiveUpNamesResourceOnce: when the budget runs out on a bucket this
// run created (NoSuchBucket retried as propagation), the error names the
// resource once (review C4).
func TestGiveUpNamesResourceOnce(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	e.PropagationTimeout = 50 * time.Millisecond
	items := loadSpec(t, "setup-guide-user", nil)
	missing := make([]error, 10000)
	for i := range missing {
		missing[i] = apiErr("NoSuchBucket", "not yet")
	}
	f.faults["PutPublicAccessBlock"] = missing
	_, err := converge(t, e, items)
	if err == nil || !strings.Contains(err.Error(), "gave up after 50ms") {
		t.Fatalf("apply error = %v, want the budget to run out", err)
	}
	if n := strings.Count(err.Error(), "public-access-block"); n != 1 {
		t.Errorf("error names the resource %d times, want once: %v", n, err)
	}
}
