package apply

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// warnUndeclaredLifecycles warns about each existing bucket of the spec that
// declares no lifecycle_rule while its live lifecycle configuration has
// enabled rules that delete (objects, noncurrent versions, delete markers,
// incomplete uploads). render writes no lifecycle document for a bucket
// without rules, and teramotc does not delete a lifecycle configuration the
// spec does not declare (it may be managed elsewhere, and a spec that
// adopts a bucket would otherwise delete its rules), so the rules keep
// deleting although the plan has nothing to change: removing every
// lifecycle_rule block is the one edit of the rules that apply does not
// carry out (review op3 M1). It costs one GetBucketLifecycleConfiguration
// per existing bucket of the spec without lifecycle rules; the reads run
// in parallel, the warnings follow the spec's order.
func (e *Engine) warnUndeclaredLifecycles(ctx context.Context, p *Plan) {
	its := undeclaredLifecycles(p.items)
	var read []*Item
	for _, it := range its {
		if p.live != nil && p.live.get(it.Key()) != nil && !p.live.bucketGone(it.Bucket) {
			read = append(read, it)
		}
	}
	warnings := make([]string, len(read))
	_ = e.parallel(ctx, len(read), func(ctx context.Context, i int) error {
		warnings[i] = e.undeclaredLifecycleWarning(ctx, read[i])
		return nil
	})
	for _, w := range warnings {
		if w != "" {
			p.Warnings = append(p.Warnings, w)
		}
	}
}

// undeclaredLifecycles returns the bucket items of items whose bucket has
// no lifecycle item (the spec declares no lifecycle_rule for it).
func undeclaredLifecycles(items []*Item) []*Item {
	var declared []string
	for _, it := range items {
		if it.Type == TLifecycle {
			declared = append(declared, it.Bucket)
		}
	}
	var out []*Item
	for _, it := range items {
		if it.Type == TBucket && !it.Revoke && !slices.Contains(declared, it.Bucket) {
			out = append(out, it)
		}
	}
	return out
}

// undeclaredLifecycleWarning reads the lifecycle configuration of the bucket
// of it and returns the warning about its deleting rules, "" when it has
// none (or the endpoint does not support lifecycle configurations).
func (e *Engine) undeclaredLifecycleWarning(ctx context.Context, it *Item) string {
	if ctx.Err() != nil {
		return ""
	}
	name := it.Bucket
	if it.Sensitive {
		name = it.Address
	}
	lc := &Item{Type: TLifecycle, Name: it.Name, Bucket: it.Bucket, Region: it.Region, Address: it.Address}
	v, err := e.readRaw(ctx, nil, lc)
	switch {
	case err == nil:
	case isNotFound(err):
		return ""
	case e.C.Endpoint != "" && isUnsupported(err):
		return ""
	default:
		// The error code in parentheses: a plan file compares warnings by
		// code, not message (comparableWarning).
		return fmt.Sprintf("could not read the lifecycle configuration of bucket %s (%v), so the plan cannot tell whether rules the spec does not declare delete objects; "+
			"check with: aws s3api get-bucket-lifecycle-configuration --bucket %s", name, redactErr(err), name)
	}
	if v == nil {
		return ""
	}
	c, err := e.canonicalLive(lc, v)
	if err != nil {
		return ""
	}
	var del []string
	for _, r := range rules(c) {
		lr := toLCRule(r)
		if !lr.enabled || len(lr.actions) == 0 {
			continue
		}
		var acts []string
		for _, a := range lr.actions {
			acts = append(acts, describeAction(a, lcRule{}, false, noSecrets))
		}
		del = append(del, fmt.Sprintf("rule %q %s", lr.id, strings.Join(acts, ", ")))
	}
	if len(del) == 0 {
		return ""
	}
	return fmt.Sprintf("bucket %s declares no lifecycle_rule, but its live lifecycle configuration keeps deleting: %s. "+
		"teramotc does not delete a lifecycle configuration the spec does not declare, so these rules stay. "+
		"If they should stop, remove them: aws s3api delete-bucket-lifecycle --bucket %s; or declare them in %s",
		name, strings.Join(del, "; "), name, it.Address)
}
