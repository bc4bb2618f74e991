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
// live state so that later stages compare against it.
func (e *Engine) applyChange(ctx context.Context, p *Plan, c *Change, phase string) error {
	it := c.item
	label := fmt.Sprintf("%s.%s", c.Type, c.Name)
	if c.Owner != "" {
		label += " (" + c.Owner + ")"
	}
	verb := "Modifying"
	if c.Action == ActionCreate {
		verb = "Creating"
	}
	start := time.Now()
	ctx = withChange(ctx, c)
	started := func(phase string) {
		if phase != "" {
			e.logf("%s: %s... [%s]", label, verb, phase)
		} else {
			e.logf("%s: %s...", label, verb)
		}
		e.report(ProgressEvent{Kind: ProgressStart, Change: c, Phase: phase})
	}
	switch {
	case phase == phaseRevoke && c.Type != TBucketPolicy:
		cur := p.live.get(it.Key())
		doc, want := revokeDoc(it, cur, e.Partition)
		if want == nil {
			return nil
		}
		started(phase)
		if err := e.retry(ctx, label, func() error { return e.writeRevoke(ctx, c, cur, doc, want) }); err != nil {
			return err
		}
		if err := e.waitEqual(ctx, it, want, 1, e.interval(it)); err != nil {
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
		if err := e.retry(ctx, label, func() error { return e.writeS3(ctx, it, doc, p.live) }); err != nil {
			return err
		}
		if err := e.waitEqual(ctx, it, want, e.ReadBackEqual, e.interval(it)); err != nil {
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
	case it.Bucket != "":
		started("")
		if err := e.probe(ctx, it); err != nil {
			return err
		}
		if err := e.retry(ctx, label, func() error { return e.writeS3(ctx, it, it.Doc, p.live) }); err != nil {
			return err
		}
		if it.Type != TBucket {
			n := e.ReadBackEqual
			if it.Type == TLifecycle {
				n++
			}
			if err := e.waitEqual(ctx, it, it.Desired, n, e.interval(it)); err != nil {
				return err
			}
		}
		p.live.set(it.Key(), it.Desired)
	case it.Type == TTrail || it.Type == TEventSelectors || it.Type == TTrailLogging:
		started("")
		if err := e.retry(ctx, label, func() error { return e.writeTrail(ctx, c) }); err != nil {
			return err
		}
		if err := e.waitEqual(ctx, it, it.Desired, 1, e.interval(it)); err != nil {
			return err
		}
	default:
		cur := p.live.get(it.Key())
		if cur != nil && equal(cur, it.Desired) {
			return nil // done by the revoke stage
		}
		started("")
		if err := e.retry(ctx, label, func() error { return e.writeIAM(ctx, c, cur) }); err != nil {
			return err
		}
		if it.Type != TAccessKey {
			if err := e.waitEqual(ctx, it, it.Desired, 1, e.interval(it)); err != nil {
				return err
			}
		}
	}
	took := time.Since(start)
	e.logf("%s: %s complete after %s", label, map[bool]string{true: "Creation", false: "Modifications"}[c.Action == ActionCreate],
		took.Round(time.Second))
	e.report(ProgressEvent{Kind: ProgressComplete, Change: c, Elapsed: took})
	return nil
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
