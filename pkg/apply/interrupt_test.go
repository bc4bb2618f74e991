package apply

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	smithy "github.com/aws/smithy-go"
)

// TestParallelStopsOnInterrupt: once ctx is cancelled, parallel starts
// nothing more, lets started work end, and returns context.Canceled unless
// started work failed first.
func TestParallelStopsOnInterrupt(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name        string
		parallelism int
		cancelAt    int // index whose f cancels ctx; -1: cancelled before the call
		fail        error
		wantRuns    int
		wantErr     error
	}{
		{"interrupt in the first of five, one at a time", 1, 0, nil, 1, context.Canceled},
		{"interrupt in the third", 1, 2, nil, 3, context.Canceled},
		{"interrupted before anything started", 2, -1, nil, 0, context.Canceled},
		{"a failure before the interrupt wins", 1, 1, boom, 2, boom},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := &Engine{Parallelism: tc.parallelism}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.cancelAt < 0 {
				cancel()
			}
			var mu sync.Mutex
			runs := 0
			err := e.parallel(ctx, 5, func(_ context.Context, i int) error {
				mu.Lock()
				runs++
				mu.Unlock()
				if i == tc.cancelAt {
					cancel()
					return tc.fail
				}
				return nil
			})
			if runs != tc.wantRuns {
				t.Errorf("f ran %d times, want %d (nothing may start after the interrupt)", runs, tc.wantRuns)
			}
			if !errors.Is(err, tc.wantErr) {
				t.Errorf("err = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

// interruptingS3 is the fake S3 with a trigger: the armed operation
// cancels the apply's context, as SIGINT does, and answers like the SDK
// does for a call whose context is cancelled (or passes through).
type interruptingS3 struct {
	*fake
	cancel context.CancelFunc
	op     string // operation that interrupts
	pass   bool   // the interrupting call itself still succeeds
	armed  bool
	fired  bool
	mark   int // len(fake.calls) at the interrupt; -1 before it
}

func (s *interruptingS3) trigger(ctx context.Context, op string) error {
	s.fake.mu.Lock()
	fire := s.armed && !s.fired && op == s.op
	if fire {
		s.fired, s.mark = true, len(s.fake.calls)
	}
	s.fake.mu.Unlock()
	if !fire {
		return nil
	}
	s.cancel()
	if s.pass {
		return nil
	}
	return &smithy.OperationError{ServiceID: "S3", OperationName: op, Err: &smithy.CanceledError{Err: ctx.Err()}}
}

func (s *interruptingS3) PutBucketVersioning(ctx context.Context, in *s3.PutBucketVersioningInput, o ...func(*s3.Options)) (*s3.PutBucketVersioningOutput, error) {
	if err := s.trigger(ctx, "PutBucketVersioning"); err != nil {
		return nil, err
	}
	return s.fake.PutBucketVersioning(ctx, in, o...)
}

func (s *interruptingS3) GetBucketVersioning(ctx context.Context, in *s3.GetBucketVersioningInput, o ...func(*s3.Options)) (*s3.GetBucketVersioningOutput, error) {
	if err := s.trigger(ctx, "GetBucketVersioning"); err != nil {
		return nil, err
	}
	return s.fake.GetBucketVersioning(ctx, in, o...)
}

// interruptBuckets is the number of buckets of TestApplyInterrupted's spec.
const interruptBuckets = 4

// TestApplyInterrupted: an interrupt during a write, a read-back wait or
// a retry's backoff ends the apply with context.Canceled (never as a
// read-back failure or the 2-minute budget), starts no other change and
// sends no write after it; Tally counts what was done.

func TestApplyInterrupted(t *testing.T) {
	tests := []struct {
		name        string
		setup       func(s *interruptingS3, f *fake)
		onRetry     bool // cancel when the engine reports a retry
		wantApplied int  // the buckets, then bucket 0's guardrails before the interrupt
	}{
		{"during a write", func(s *interruptingS3, _ *fake) { s.op = "PutBucketVersioning" }, false, interruptBuckets + 3},
		{"during the read-back", func(s *interruptingS3, _ *fake) { s.op, s.pass = "GetBucketVersioning", true }, false, interruptBuckets + 3},
		{"during a retry's backoff", func(_ *interruptingS3, f *fake) {
			f.faults["PutBucketEncryption"] = []error{apiErr("OperationAborted", "A conflicting conditional operation is in progress")}
		}, true, interruptBuckets + 2},
	}
	for _, tc := range tests {
		for _, readBacks := range []int{1, 2} {
			t.Run(fmt.Sprintf("%s, %d read-backs", tc.name, readBacks), func(t *testing.T) {
				testApplyInterrupted(t, tc.setup, tc.onRetry, readBacks, tc.wantApplied)
			})
		}
	}
}

// testApplyInterrupted runs one case of TestApplyInterrupted. With one
// read-back per write no unit pauses, so at Parallelism 1 the buckets run
// one after the other and the tally is exact; with two, a unit waiting to
// read back lets the next bucket start (parallel.go), so several may be
// part way when the interrupt comes.
func testApplyInterrupted(t *testing.T, setup func(*interruptingS3, *fake), onRetry bool, readBacks, wantApplied int) {
	f := newFake()
	e := fakeEngine(t, f)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &interruptingS3{fake: f, cancel: cancel}
	e.C.S3ForRegion = func(string) S3API { return s }
	e.Parallelism, e.ReadBackEqual = 1, readBacks
	e.Backoff = time.Hour // only the interrupt ends a backoff
	setup(s, f)
	p := planFor(t, e, bucketItems(t, interruptBuckets))
	s.armed = true

	s.mark = -1
	var startsAfter []string
	e.OnProgress = func(ev ProgressEvent) { // serialized by the engine
		if ev.Kind == ProgressRetry && onRetry && s.mark < 0 {
			f.mu.Lock()
			s.mark = len(f.calls)
			f.mu.Unlock()
			cancel()
		}
		if ev.Kind == ProgressStart && s.mark >= 0 {
			startsAfter = append(startsAfter, ev.Change.Key())
		}
	}

	_, err := e.Apply(ctx, p, false)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want one wrapping context.Canceled", err)
	}
	for _, wrong := range []string{"did not read back", "gave up", "2m0s"} {
		if strings.Contains(err.Error(), wrong) {
			t.Errorf("interrupt reported as %q: %v", wrong, err)
		}
	}
	if len(startsAfter) > 0 {
		t.Errorf("changes started after the interrupt: %v", startsAfter)
	}
	for _, c := range f.calls[s.mark:] {
		if strings.HasPrefix(c, "Put") || strings.HasPrefix(c, "Create") {
			t.Errorf("write after the interrupt: %s", c)
		}
	}
	tl := e.Tally(p)
	if tl.Applied+tl.Partial+tl.NotStarted != len(p.Changes) || tl.Partial < 1 || tl.Partial > interruptBuckets {
		t.Errorf("tally = %+v of %d changes, want each change counted once and 1 to %d part way", tl, len(p.Changes), interruptBuckets)
	}
	if readBacks == 1 && (tl.Applied != wantApplied || tl.Partial != 1) {
		t.Errorf("tally = %+v of %d changes, want %d applied, 1 partial, the rest not started", tl, len(p.Changes), wantApplied)
	}
}
