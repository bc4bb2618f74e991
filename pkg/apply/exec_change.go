package apply

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
)

// applyChange performs the writes of one change in one stage (phase is the
// stage's policy phase), waits until they read back, and records the new
// live state so that later stages compare against it. It reports the
// change's start and completion, unless the stage has nothing to write.
func (e *Engine) applyChange(ctx context.Context, p *Plan, c *Change, phase string) error {
	label := fmt.Sprintf("%s.%s", c.Type, c.Name)
	if c.Owner != "" {
		label += " (" + c.Owner + ")"
	}
	start := time.Now()
	ctx = withChange(ctx, c)
	wrote := false
	started := func(phase string) {
		wrote = true
		e.report(ProgressEvent{Kind: ProgressStart, Change: c, Phase: phase, Subject: label})
	}
	if err := e.write(ctx, p, c, phase, label, started); err != nil || !wrote {
		return err
	}
	e.report(ProgressEvent{Kind: ProgressComplete, Change: c, Elapsed: time.Since(start), Subject: label})
	return nil
}

// write performs what change c writes in the stage of phase, by resource
// type, and calls started, with the phase to report, before its first
// write; it returns without calling it when the stage has nothing to
// write (the revoke narrows nothing, the policy phase is already live).
func (e *Engine) write(ctx context.Context, p *Plan, c *Change, phase, label string, started func(phase string)) error {
	it := c.item
	switch {
	case it.Revoke:
		return e.writeRevokedChange(ctx, p, c, phase, label, started)
	case phase == phaseRevoke && c.Type != TBucketPolicy:
		cur := p.live.get(it.Key())
		doc, want := revokeDoc(it, cur, e.Partition)
		if want == nil {
			return nil
		}
		started(phase)
		if err := e.converge(ctx, label, it, func() error { return e.writeRevoke(ctx, c, cur, doc, want) }, want, 1); err != nil {
			return err
		}
		p.live.set(it.Key(), want)
	case c.Type == TBucketPolicy:
		doc, want := policyPhase(it, p.live, phase, e.Partition)
		cur := p.live.get(it.Key())
		if doc == nil || (cur != nil && equal(cur, want)) {
			return nil
		}
		started(phase)
		if err := e.converge(ctx, label, it, func() error { return e.writeS3(ctx, it, doc, p.live) }, want, e.ReadBackEqual); err != nil {
			return err
		}
		p.live.set(it.Key(), want)
	case it.Type == TBucket:
		started("")
		wait := !p.writesFollow(it.Bucket)
		if err := e.retry(ctx, label, func() error { return e.createBucket(ctx, it, wait) }); err != nil {
			return err
		}
		p.live.set(it.Key(), it.Desired)
	case it.Bucket != "": // a bucket's sub-resource
		started("")
		if err := e.probe(ctx, it); err != nil {
			return err
		}
		n := e.ReadBackEqual
		if it.Type == TLifecycle {
			n++
		}
		if err := e.converge(ctx, label, it, func() error { return e.writeS3(ctx, it, it.Doc, p.live) }, it.Desired, n); err != nil {
			return err
		}
		e.caps.confirm(it.Type) // written: supported, whatever its GET showed
		p.live.set(it.Key(), it.Desired)
	case it.Type == TTrail || it.Type == TEventSelectors || it.Type == TTrailLogging:
		started("")
		return e.converge(ctx, label, it, func() error { return e.writeTrail(ctx, c) }, it.Desired, 1)
	default: // IAM
		cur := p.live.get(it.Key())
		if cur != nil && equal(cur, it.Desired) {
			return nil // done by the revoke stage
		}
		started("")
		n := 1
		if it.Type == TAccessKey {
			n = 0 // its secret is not read back
		}
		return e.converge(ctx, label, it, func() error { return e.writeIAM(ctx, c, cur) }, it.Desired, n)
	}
	return nil
}

// converge runs write under the resource-level retry, then waits until
// the item reads back as want n times in a row (n == 0: no wait).
func (e *Engine) converge(ctx context.Context, label string, it *Item, write func() error, want any, n int) error {
	if err := e.retry(ctx, label, write); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	return e.waitEqual(ctx, it, want, n, e.interval(it))
}

// interval is the delay between read-back reads: AWS propagates bucket
// configuration slowly (lifecycle most of all); emulators do not.
func (e *Engine) interval(it *Item) time.Duration {
	if e.WaitInterval > 0 {
		return e.WaitInterval
	}
	if e.C.Endpoint != "" {
		return 100 * time.Millisecond
	}
	if it.Type == TLifecycle {
		return 10 * time.Second
	}
	return 2 * time.Second
}

// writeRevoke performs the revoke phase of an IAM change (phase.go): the
// narrowed trust or managed policy doc when there is one, then, for a
// role whose sessions get shorter, UpdateRole with the lower
// MaxSessionDuration (IAM applies it to sessions started afterwards).
func (e *Engine) writeRevoke(ctx context.Context, c *Change, cur, doc, want any) error {
	if doc != nil {
		if err := e.writeIAMDoc(ctx, c, doc); err != nil {
			return err
		}
	}
	if c.Type != TIAMRole {
		return nil
	}
	b, _ := cur.(map[string]any)
	w, _ := want.(map[string]any)
	if d := num(w["MaxSessionDuration"]); d != num(b["MaxSessionDuration"]) {
		_, err := e.C.IAM.UpdateRole(ctx, &iam.UpdateRoleInput{RoleName: aws.String(c.Name), MaxSessionDuration: aws.Int32(int32(d))})
		return err
	}
	return nil
}
