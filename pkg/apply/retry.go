package apply

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// retry runs f until it succeeds, fails with an error that is neither
// transient nor a known propagation delay, or the propagation budget runs
// out. Every retry is reported. An interrupt (ctx done) ends it with an
// error wrapping ctx.Err(), never as the budget running out.
func (e *Engine) retry(ctx context.Context, what string, f func() error) error {
	e.defaults()
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, e.PropagationTimeout)
	defer cancel()
	delay := e.Backoff
	for attempt := 1; ; attempt++ {
		if parent.Err() != nil { // interrupted: send nothing more
			return fmt.Errorf("%s: %w", what, parent.Err())
		}
		err := f()
		switch {
		case err == nil:
			return nil
		case parent.Err() != nil:
			return fmt.Errorf("%s: %w", what, parent.Err())
		case ctx.Err() != nil: // the budget ran out during the call
			return fmt.Errorf("%s: gave up after %s: %w", what, e.PropagationTimeout, err)
		case !(isTransient(err) || isPropagation(err)):
			return err
		}
		if e.C.Endpoint != "" && strings.HasPrefix(errorCode(err), "MalformedPolicy") {
			return err // emulators and S3-compatible servers have no IAM propagation delay
		}
		detail := fmt.Sprintf("retrying after %s (attempt %d): %s", delay, attempt, short(err))
		e.logf("%s: %s", what, detail)
		e.report(ProgressEvent{Kind: ProgressRetry, Change: changeOf(ctx), Detail: detail})
		select {
		case <-ctx.Done():
			if parent.Err() != nil {
				return fmt.Errorf("%s: %w", what, parent.Err())
			}
			return fmt.Errorf("%s: gave up after %s: %w", what, e.PropagationTimeout, err)
		case <-time.After(delay):
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
			return fmt.Errorf("%s %s: waiting for the write to read back: %w", it.Type, it.Name, parent.Err())
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
				waited := time.Since(start)
				e.logf("%s.%s: still waiting for the write to read back... [%s elapsed]", it.Type, it.Name, fmtElapsed(waited.Round(time.Second)))
				e.report(ProgressEvent{Kind: ProgressWaiting, Change: changeOf(ctx), Elapsed: waited,
					Detail: "still waiting for the write to read back"})
			}
		}
		select {
		case <-ctx.Done():
			if parent.Err() != nil {
				return fmt.Errorf("%s %s: waiting for the write to read back: %w", it.Type, it.Name, parent.Err())
			}
			return fmt.Errorf("%s %s did not read back as written after %d reads in %s (last read: %s)",
				it.Type, it.Name, reads, e.PropagationTimeout, mustJSON(last))
		case <-time.After(interval):
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
