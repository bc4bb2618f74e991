package apply

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
)

// warnUndeclaredTrails warns about each trail that delivers its logs to a
// log bucket of the spec (a bucket whose policy lets a log-delivery service
// write) but that the spec does not declare. The spec renders the
// cloudtrail.amazonaws.com statement of a log bucket's policy only for its
// own trails, so such a trail cannot deliver once the policy is applied: it
// keeps running, CloudTrail still reports IsLogging, and its logs are lost
// with no error. warnLogSources warns in the plan that removes the
// permission; this warns in every later plan too, where the live policy
// no longer names the trail (review op3 M4 part 2).
//
// It reads only when needed: nothing unless the spec declares a log bucket
// that exists, then one DescribeTrails per region the spec uses (its
// buckets' and trails'), not per bucket; a multi-region trail shows in
// each, and is warned about once. A trail whose home region the spec does
// not use, and that does not cover all regions, is not seen. Behind an
// endpoint (an emulator, an S3-compatible server) a failed listing is no
// warning: there is no CloudTrail to ask.
func (e *Engine) warnUndeclaredTrails(ctx context.Context, p *Plan) {
	logBuckets := existingLogBuckets(p)
	if len(logBuckets) == 0 {
		return
	}
	regions := regionsInUse(p.items, e.C.Region)
	lists := make([][]cttypes.Trail, len(regions))
	errs := make([]error, len(regions))
	_ = e.parallel(ctx, len(regions), func(ctx context.Context, i int) error {
		out, err := e.C.CloudTrailForRegion(regions[i]).DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{})
		if err == nil {
			lists[i] = out.TrailList
		}
		errs[i] = err
		return nil
	})
	warned := map[string]bool{} // trails warnLogSources names already
	for _, c := range p.Changes {
		if c.Type == TBucketPolicy && c.before != nil {
			for _, src := range deliverySources(c.before) {
				warned[src] = true
			}
		}
	}
	for i, region := range regions {
		if errs[i] != nil {
			if e.C.Endpoint == "" && ctx.Err() == nil {
				// The error in parentheses: a plan file compares its code
				// only (comparableWarning).
				p.Warnings = append(p.Warnings, fmt.Sprintf("could not list the trails of region %s (%v), so the plan cannot tell whether "+
					"a trail the spec does not declare delivers to its log buckets; check with: aws cloudtrail describe-trails --region %s",
					region, errs[i], region))
			}
			continue
		}
		for _, t := range lists[i] {
			arn := aws.ToString(t.TrailARN)
			pol, ok := logBuckets[aws.ToString(t.S3BucketName)]
			if !ok || arn == "" || warned[arn] || p.declaresSource(arn) || slices.Contains(deliverySources(pol.Desired), arn) {
				continue
			}
			warned[arn] = true // once, though a multi-region trail shows in every region
			p.Warnings = append(p.Warnings, undeclaredTrailWarning(t, arn, pol))
		}
	}
}

// undeclaredTrailWarning is the warning about trail t (its ARN arn), which
// delivers to the log bucket whose bucket-policy item is pol.
func undeclaredTrailWarning(t cttypes.Trail, arn string, pol *Item) string {
	name, home := aws.ToString(t.Name), aws.ToString(t.HomeRegion)
	if r, n, ok := trailOfARN(arn); ok {
		name = n
		if home == "" {
			home = r
		}
	}
	bucket := pol.Bucket
	if pol.Sensitive {
		bucket = pol.Address
	}
	return fmt.Sprintf("trail %s (region %s) delivers its logs to bucket %s, which the spec declares, but the spec does not declare the trail: "+
		"the bucket policy apply writes lets only the spec's trails deliver (cloudtrail.amazonaws.com), so if the trail logs, it keeps running "+
		"but its logs cannot be delivered, and they are lost with no error (CloudTrail still reports IsLogging). teramotc never stops, changes "+
		"or deletes a trail the spec does not declare. Stop it (aws cloudtrail stop-logging --region %s --name %s, or delete-trail), "+
		"point it at a bucket that lets it deliver (aws cloudtrail update-trail --region %s --name %s --s3-bucket-name BUCKET), "+
		"or declare it in the spec (a trail block whose log_bucket is this bucket)",
		name, home, bucket, home, name, home, name)
}

// existingLogBuckets maps the name of each bucket of the spec that exists
// and whose desired policy lets a log-delivery service write to its
// bucket-policy item.
func existingLogBuckets(p *Plan) map[string]*Item {
	out := map[string]*Item{}
	if p.live == nil {
		return out
	}
	exists := map[string]bool{}
	for _, it := range p.items {
		if it.Type == TBucket && !it.Revoke && p.live.get(it.Key()) != nil && !p.live.bucketGone(it.Bucket) {
			exists[it.Bucket] = true
		}
	}
	for _, it := range p.items {
		if it.Type == TBucketPolicy && exists[it.Bucket] && hasDeliveryStatement(it.Desired) {
			out[it.Bucket] = it
		}
	}
	return out
}

// hasDeliveryStatement reports whether a canonical policy has an Allow
// statement for a log-delivery service.
func hasDeliveryStatement(doc any) bool {
	m, _ := doc.(map[string]any)
	stmts, _ := m["Statement"].([]any)
	for _, raw := range stmts {
		if st, _ := raw.(map[string]any); st["Effect"] == "Allow" && deliveryPrincipal(st["Principal"]) {
			return true
		}
	}
	return false
}

// regionsInUse are the regions of the spec's buckets and trails, sorted
// (def for an item without one).
func regionsInUse(items []*Item, def string) []string {
	var out []string
	for _, it := range items {
		if it.Revoke || (it.Bucket == "" && it.Type != TTrail) {
			continue
		}
		r := it.Region
		if r == "" {
			r = def
		}
		if r != "" && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out
}
