package apply

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// bucketPolicyStep returns the step at which apply first writes a bucket
// policy change that removes no access (a revocation is written earlier,
// see revokeStep): the guardrails step when its deny-only phase (the
// rendered Deny statements plus what is already live) differs from the
// live policy, the audit step when the service-grants phase does, else
// the grant step.
func bucketPolicyStep(it *Item, before any, partition string) int {
	live := newLive()
	if before != nil {
		live.set(it.Key(), before)
	}
	for _, ph := range []struct {
		phase string
		step  int
	}{{phaseDeny, StepGuardrail}, {phaseService, StepAudit}} {
		if doc, want := policyPhase(it, live, ph.phase, partition); doc != nil && (before == nil || !equal(before, want)) {
			return ph.step
		}
	}
	return StepGrant
}

// lifecycleDestructive says why a lifecycle change may delete data the
// live configuration keeps ("" when it cannot). A bucket that does not
// exist yet holds nothing. A bucket without any lifecycle configuration
// that holds no object, version, delete marker or incomplete upload loses
// nothing either: that is also the state an apply interrupted between
// creating the bucket and writing its lifecycle leaves, so resuming it does
// not need -allow-destructive. The emptiness seen is recorded in the live
// state, so a saved plan is refused once objects arrive.
func (e *Engine) lifecycleDestructive(it *Item, live *Live, before, want any) string {
	if it.Type != TLifecycle || live.get((&Item{Type: TBucket, Name: it.Bucket}).Key()) == nil {
		return ""
	}
	why := shortensExpiration(before, want, itemSecrets(it))
	if why == "" || before != nil {
		return why
	}
	if e.bucketEmpty(it) {
		live.set(emptyBucketKey(it.Bucket), true)
		return ""
	}
	return why
}

func emptyBucketKey(bucket string) string { return "empty-bucket." + bucket }

// objectLister is the part of the S3 client that lists a bucket's
// contents; a client without it cannot prove a bucket empty.
type objectLister interface {
	ListObjectVersions(context.Context, *s3.ListObjectVersionsInput, ...func(*s3.Options)) (*s3.ListObjectVersionsOutput, error)
	ListMultipartUploads(context.Context, *s3.ListMultipartUploadsInput, ...func(*s3.Options)) (*s3.ListMultipartUploadsOutput, error)
}

// bucketEmpty reports whether the bucket provably holds nothing a
// lifecycle rule could delete (any error: not proven).
func (e *Engine) bucketEmpty(it *Item) bool {
	l, ok := e.C.S3ForRegion(it.Region).(objectLister)
	if !ok {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	v, err := l.ListObjectVersions(ctx, &s3.ListObjectVersionsInput{Bucket: aws.String(it.Bucket), ExpectedBucketOwner: e.bucketOwner(), MaxKeys: aws.Int32(1)})
	if err != nil || len(v.Versions) > 0 || len(v.DeleteMarkers) > 0 {
		return false
	}
	u, err := l.ListMultipartUploads(ctx, &s3.ListMultipartUploadsInput{Bucket: aws.String(it.Bucket), ExpectedBucketOwner: e.bucketOwner(), MaxUploads: aws.Int32(1)})
	return err == nil && len(u.Uploads) == 0
}
