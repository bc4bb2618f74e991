package apply

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// bucketItems returns the items of a spec of n plain buckets.
func bucketItems(t *testing.T, n int) []*Item {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "bucket \"b%d\" {\n  name   = \"tmc-probe-%d\"\n  region = \"us-east-1\"\n}\n\n", i, i)
	}
	return specItems(t, b.String())
}

// probes counts, per read operation, the reads of a bucket sub-resource
// made before the first write of that sub-resource on that bucket.
func probes(calls []string) map[string]int {
	written := map[string]bool{}
	n := map[string]int{}
	for _, c := range calls {
		op, bucket, _ := strings.Cut(c, " ")
		if sub, ok := strings.CutPrefix(op, "Put"); ok {
			written[sub+" "+bucket] = true
		}
		if sub, ok := strings.CutPrefix(op, "Get"); ok && !written[sub+" "+bucket] {
			n[op]++
		}
	}
	return n
}

// TestProbeOncePerType: on a non-AWS endpoint, N new buckets applied in
// parallel cost one GET probe per sub-resource type, not one per bucket;
// an unsupported type is never written to and warned about once.
func TestProbeOncePerType(t *testing.T) {
	const n = 8
	notImpl := apiErr("NotImplemented", "A header you provided implies functionality that is not implemented")
	tests := []struct {
		name          string
		setup         func(f *fake)
		wantPABProbes int
		wantSkipped   int
	}{
		{"every type supported", func(*fake) {}, 1, 0},
		{"public access block unsupported", func(f *fake) { f.faults["GetPublicAccessBlock"] = []error{notImpl} }, 1, n},
		// NoSuchBucket says nothing about the endpoint: the next bucket asks.
		{"undecided first answer", func(f *fake) {
			f.faults["GetPublicAccessBlock"] = []error{apiErr("NoSuchBucket", "not yet visible")}
		}, 2, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			f.latency = 500 * time.Microsecond // keep the buckets' probes overlapping
			e := fakeEngine(t, f)
			e.C.Endpoint, e.Parallelism = "http://s3.example.test", n
			progress := recordProgress(e)
			items := bucketItems(t, n)
			tc.setup(f)
			res, err := converge(t, e, items)
			if err != nil {
				t.Fatalf("apply: %v", err)
			}
			got := probes(f.calls)
			want := map[string]int{"GetPublicAccessBlock": tc.wantPABProbes, "GetBucketOwnershipControls": 1, "GetBucketEncryption": 1, "GetBucketVersioning": 1}
			for op, w := range want {
				if got[op] != w {
					t.Errorf("%s probed %d times for %d buckets, want %d", op, got[op], n, w)
				}
			}
			if len(res.Skipped) != tc.wantSkipped {
				t.Errorf("skipped %v, want %d", res.Skipped, tc.wantSkipped)
			}
			if tc.wantSkipped == 0 {
				assertConverged(t, f, e, items)
				return
			}
			for _, c := range f.calls {
				if strings.HasPrefix(c, "PutPublicAccessBlock") {
					t.Errorf("%s sent to an endpoint without the GET", c)
				}
			}
			if w := progress.count(ProgressWarning, "public-access-block is not supported"); w != 1 {
				t.Errorf("%d warnings, want 1:\n%s", w, progress.text())
			}
		})
	}
}

// TestPlanReadsAnswerTheProbe: a sub-resource the plan read on an existing
// bucket is known to be supported, so its write is not probed again.
func TestPlanReadsAnswerTheProbe(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	e.C.Endpoint = "http://s3.example.test"
	items := bucketItems(t, 2)
	if _, err := converge(t, e, items); err != nil {
		t.Fatal(err)
	}
	for _, b := range f.buckets {
		b.versioning = types.BucketVersioningStatusSuspended
	}
	e2 := fakeEngine(t, f)
	e2.C.Endpoint = "http://s3.example.test"
	f.calls = nil
	p := planFor(t, e2, items)
	if len(p.Changes) != 2 {
		t.Fatalf("drift plan has %d changes, want 2 (versioning of each bucket)", len(p.Changes))
	}
	planned := len(f.calls)
	if _, err := e2.Apply(context.Background(), p, false); err != nil {
		t.Fatal(err)
	}
	for _, c := range f.calls[planned:] {
		op, bucket, _ := strings.Cut(c, " ")
		if op == "PutBucketVersioning" {
			break
		}
		t.Errorf("%s %s before the first write: the plan's read already answered the probe", op, bucket)
	}
	assertConverged(t, f, e2, items)
}
