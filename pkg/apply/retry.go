package apply

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// bucketSet is the set of buckets this engine created (createBucket).
type bucketSet struct {
	mu sync.Mutex
	m  map[string]bool
}

func (s *bucketSet) add(bucket string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]bool{}
	}
	s.m[bucket] = true
}

func (s *bucketSet) has(bucket string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[bucket]
}

// notYetVisible marks a not-found answer about a bucket this run has just
// created: retry waits for it like any propagation delay.
type notYetVisible struct{ err error }

func (n notYetVisible) Error() string { return n.err.Error() }
func (n notYetVisible) Unwrap() error { return n.err }

// bucketGone is the error of a write or read-back that finds a bucket
// missing which existed when the plan was made (it was not created by this
// run, so NoSuchBucket is no propagation delay): someone deleted it since,
// and waiting cannot help.
func bucketGone(it *Item, err error) error {
	return &Problem{Err: err,
		Summary: fmt.Sprintf("bucket %q was deleted since the plan was made", it.Bucket),
		Detail: fmt.Sprintf("%s of bucket %q answered NoSuchBucket, but the bucket existed when the plan was made, so the plan is stale. "+
			"Run \"teramotc plan\" again to see what a new apply would create, then apply it.", it.Type, it.Bucket)}
}

// retry runs f until it succeeds, fails with an error that is neither
// transient nor a known propagation delay, or the propagation budget runs
// out. Every retry is reported (what names the resource there). An
// interrupt (ctx done) ends it with an error wrapping ctx.Err(), never as
// the budget running out. Its errors do not name the resource: the caller
// does (one name per message).
func (e *Engine) retry(ctx context.Context, what string, f func() error) error {
	e.defaults()
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, e.PropagationTimeout)
	defer cancel()
	delay := e.Backoff
	for attempt := 1; ; attempt++ {
		if parent.Err() != nil { // interrupted: send nothing more
			return parent.Err()
		}
		err := f()
		switch {
		case err == nil:
			return nil
		case parent.Err() != nil:
			return parent.Err()
		case errors.As(err, new(*Problem)): // already explained: final
			return err
		case ctx.Err() != nil: // the budget ran out during the call
			return fmt.Errorf("gave up after %s: %w", e.PropagationTimeout, err)
		case !(isTransient(err) || isPropagation(err) || errors.As(err, new(notYetVisible))):
			return err
		}
		if e.C.Endpoint != "" && strings.HasPrefix(errorCode(err), "MalformedPolicy") {
			return err // emulators and S3-compatible servers have no IAM propagation delay
		}
		detail := fmt.Sprintf("retrying after %s (attempt %d): %s", delay, attempt, short(err))
		e.report(ProgressEvent{Kind: ProgressRetry, Change: changeOf(ctx), Detail: detail, Subject: what})
		if !backOff(ctx, err, delay) {
			if parent.Err() != nil {
				return parent.Err()
			}
			return fmt.Errorf("gave up after %s: %w", e.PropagationTimeout, err)
		}
		delay = min(delay*2, 10*e.Backoff)
	}
}

// waitEqual reads the item until its canonical live state equals want on
// n consecutive reads, or the budget runs out. An interrupt (ctx done)
// ends it with an error wrapping ctx.Err(), never as a read-back failure.
func (e *Engine) waitEqual(ctx context.Context, it *Item, want any, n int, interval time.Duration) error {
	e.defaults()
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, e.PropagationTimeout)
	defer cancel()
	streak := 0
	var last any
	start, reported := time.Now(), time.Now()
	for reads := 1; ; reads++ {
		tmp := newLive()
		tmp.State[(&Item{Type: TBucket, Name: it.Bucket}).Key()] = map[string]any{} // bucket known to exist
		tmp.State[(&Item{Type: TTrail, Name: it.Name}).Key()] = map[string]any{}
		err := e.readItem(ctx, tmp, it)
		if parent.Err() != nil {
			return fmt.Errorf("waiting for the write to read back: %w", parent.Err())
		}
		if tmp.bucketGone(it.Bucket) && !e.created.has(it.Bucket) {
			return bucketGone(it, nil)
		}
		if err != nil && ctx.Err() == nil && !(isTransient(err) || isPropagation(err)) {
			return err
		}
		last = tmp.State[it.Key()]
		if it.Type == TTagging && last != nil {
			last = projectTags(last, want)
		}
		if err == nil && last != nil && equal(last, want) {
			streak++
			if streak >= n {
				return nil
			}
		} else {
			streak = 0
			if time.Since(reported) >= 10*time.Second {
				reported = time.Now()
				e.report(ProgressEvent{Kind: ProgressWaiting, Change: changeOf(ctx), Elapsed: time.Since(start),
					Detail: "still waiting for the write to read back", Subject: it.Type + "." + it.Name})
			}
		}
		if !backOff(ctx, err, interval) {
			if parent.Err() != nil {
				return fmt.Errorf("waiting for the write to read back: %w", parent.Err())
			}
			return fmt.Errorf("did not read back as written after %d reads in %s (last read: %s)",
				reads, e.PropagationTimeout, mustJSON(maskConditions(last))) // no external id, even under TERAMOTC_LOG=debug
		}
	}
}

func short(err error) string {
	if c := errorCode(err); c != "" {
		return c
	}
	s := err.Error()
	if len(s) > 120 {
		s = s[:120] + "..."
	}
	return s
}
