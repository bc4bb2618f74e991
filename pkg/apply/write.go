package apply

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/teramot/teramotc/pkg/render"
)

// decode converts a generic JSON document into an SDK input type; the
// rendered documents have the field names of the AWS API shapes.
func decode[T any](doc any) (*T, error) {
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("document does not fit %T: %w", v, err)
	}
	return &v, nil
}

// writeS3 performs the single S3 write of a bucket sub-resource. doc is the
// document to send (for bucket policies, the phase document). NoSuchBucket
// from a bucket this run did not create is final (bucketGone); a 403 from
// the owner check is explained (ownerDenied).
func (e *Engine) writeS3(ctx context.Context, it *Item, doc any, live *Live) error {
	if it.Type == TBucket {
		return e.createBucket(ctx, it, true)
	}
	err := e.putS3(ctx, it, doc, live)
	if errorCode(err) == "NoSuchBucket" && !e.created.has(it.Bucket) {
		return bucketGone(it, err)
	}
	return e.ownerDenied(ctx, e.C.S3ForRegion(it.Region), it.Bucket, err, false)
}

// putS3 sends the write of writeS3 with ExpectedBucketOwner (see
// bucketOwner).
func (e *Engine) putS3(ctx context.Context, it *Item, doc any, live *Live) error {
	cl := e.C.S3ForRegion(it.Region)
	b, o := aws.String(it.Bucket), e.bucketOwner()
	switch it.Type {
	case TPublicAccessBlock:
		cfg, err := decode[types.PublicAccessBlockConfiguration](doc)
		if err != nil {
			return err
		}
		_, err = cl.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: b, ExpectedBucketOwner: o, PublicAccessBlockConfiguration: cfg})
		return err
	case TOwnership:
		cfg, err := decode[types.OwnershipControls](doc)
		if err != nil {
			return err
		}
		_, err = cl.PutBucketOwnershipControls(ctx, &s3.PutBucketOwnershipControlsInput{Bucket: b, ExpectedBucketOwner: o, OwnershipControls: cfg})
		return err
	case TEncryption:
		cfg, err := decode[types.ServerSideEncryptionConfiguration](doc)
		if err != nil {
			return err
		}
		_, err = cl.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: b, ExpectedBucketOwner: o, ServerSideEncryptionConfiguration: cfg})
		return err
	case TVersioning:
		cfg, err := decode[types.VersioningConfiguration](doc)
		if err != nil {
			return err
		}
		_, err = cl.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: b, ExpectedBucketOwner: o, VersioningConfiguration: cfg})
		return err
	case TTagging:
		cfg, err := decode[types.Tagging](mergeTags(doc, live.tagsOf(it.Bucket)))
		if err != nil {
			return err
		}
		_, err = cl.PutBucketTagging(ctx, &s3.PutBucketTaggingInput{Bucket: b, ExpectedBucketOwner: o, Tagging: cfg})
		return err
	case TLifecycle:
		cfg, err := decode[types.BucketLifecycleConfiguration](doc)
		if err != nil {
			return err
		}
		_, err = cl.PutBucketLifecycleConfiguration(ctx, &s3.PutBucketLifecycleConfigurationInput{Bucket: b, ExpectedBucketOwner: o, LifecycleConfiguration: cfg})
		return err
	case TLogging:
		cfg, err := decode[types.BucketLoggingStatus](doc)
		if err != nil {
			return err
		}
		_, err = cl.PutBucketLogging(ctx, &s3.PutBucketLoggingInput{Bucket: b, ExpectedBucketOwner: o, BucketLoggingStatus: cfg})
		return err
	case TBucketPolicy:
		if e.C.Endpoint != "" {
			doc = expandWildcardPrincipal(doc)
		}
		text := string(render.MarshalValue(doc))
		_, err := cl.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: b, ExpectedBucketOwner: o, Policy: aws.String(text)})
		return err
	}
	return fmt.Errorf("no S3 writer for %s", it.Type)
}

// createBucket creates it's bucket. With waitVisible it then waits until
// HeadBucket finds it; without, the caller's next write to the bucket
// retries NoSuchBucket until it is visible (apply-engine.md §2.2 allows
// either: "wait until HeadBucket finds it ... or retry-until-found"). The
// bucket is recorded as created by this run: only such a bucket's
// NoSuchBucket is a propagation delay. CreateBucket cannot carry
// ExpectedBucketOwner; the plan's HeadBucket did, and an existing bucket of
// another account answers BucketAlreadyExists. BucketAlreadyOwnedByYou is
// adopted only after an attempt of this run that may have created the
// bucket (create_race.go). In us-east-1, S3 answers 200 instead for a
// bucket the account already owns, so there the plan's HeadBucket is the
// only check: a bucket created by someone else in the account between
// that read (before the approval prompt, or apply's fresh read of a plan
// file) and this call is taken for a new one and configured as planned.
func (e *Engine) createBucket(ctx context.Context, it *Item, waitVisible bool) error {
	cl := e.C.S3ForRegion(it.Region)
	in := &s3.CreateBucketInput{Bucket: aws.String(it.Bucket)}
	if it.Region != "" && it.Region != "us-east-1" {
		in.CreateBucketConfiguration = &types.CreateBucketConfiguration{LocationConstraint: types.BucketLocationConstraint(it.Region)}
	}
	if e.C.Endpoint == "" {
		in.ObjectOwnership = types.ObjectOwnershipBucketOwnerEnforced
	}
	a := e.attemptsOf(ctx)
	_, err := cl.CreateBucket(ctx, in, a.countS3)
	if errorCode(err) == "BucketAlreadyExists" {
		return fmt.Errorf("bucket name %q is taken by another AWS account; choose another name: %w", it.Bucket, err)
	}
	if _, err := e.settleCreate(ctx, a, it, err); err != nil {
		return err
	}
	e.created.add(it.Bucket)
	if !waitVisible {
		return nil
	}
	err = e.retry(ctx, "bucket "+it.Bucket+" visible", func() error {
		_, err := cl.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(it.Bucket), ExpectedBucketOwner: e.bucketOwner()})
		if isNotFound(err) {
			return notYetVisible{err}
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("waiting until the new bucket is visible: %w", err)
	}
	return nil
}

// mergeTags adds the live tags the spec does not manage to doc's TagSet.
func mergeTags(doc any, live map[string]any) any {
	m, _ := doc.(map[string]any)
	set, _ := m["TagSet"].([]any)
	have := map[string]bool{}
	out := append([]any{}, set...)
	for _, t := range set {
		have[str(t.(map[string]any)["Key"])] = true
	}
	for k, v := range live {
		if !have[k] {
			out = append(out, map[string]any{"Key": k, "Value": v})
		}
	}
	return map[string]any{"TagSet": out}
}

func (l *Live) tagsOf(bucket string) map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.tags[bucket]
}

// writeTrail performs the CloudTrail writes.
func (e *Engine) writeTrail(ctx context.Context, c *Change) error {
	it := c.item
	ct := e.C.CloudTrailForRegion(it.Region)
	switch it.Type {
	case TTrail:
		if c.Action == ActionCreate {
			in, err := decode[cloudtrail.CreateTrailInput](it.Doc)
			if err != nil {
				return err
			}
			_, err = ct.CreateTrail(ctx, in)
			return err
		}
		in, err := decode[cloudtrail.UpdateTrailInput](it.Doc)
		if err != nil {
			return err
		}
		clearUnsetTrailFields(in)
		_, err = ct.UpdateTrail(ctx, in)
		return err
	case TEventSelectors:
		in, err := decode[cloudtrail.PutEventSelectorsInput](it.Doc)
		if err != nil {
			return err
		}
		in.TrailName = aws.String(it.Name)
		_, err = ct.PutEventSelectors(ctx, in)
		return err
	case TTrailLogging:
		_, err := ct.StartLogging(ctx, &cloudtrail.StartLoggingInput{Name: aws.String(it.Name)})
		return err
	}
	return fmt.Errorf("no CloudTrail writer for %s", it.Type)
}

// clearUnsetTrailFields sends the optional trail settings that the spec
// leaves out as empty strings. UpdateTrail changes only the parameters a
// request carries (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html:
// every parameter but Name is optional), so a rendered document without
// S3KeyPrefix or KmsKeyId would keep the old prefix or key: the trail
// would go on writing to PREFIX/AWSLogs/..., which the bucket policy no
// longer allows, and read-back would never match. An empty KmsKeyId turns
// SSE-KMS off ("To stop encrypting logs on a trail, run update-trail and
// pass an empty string to the kms-key-id parameter",
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-encryption-cli.html),
// and an empty S3KeyPrefix removes the prefix the same way.
func clearUnsetTrailFields(in *cloudtrail.UpdateTrailInput) {
	if in.S3KeyPrefix == nil {
		in.S3KeyPrefix = aws.String("")
	}
	if in.KmsKeyId == nil {
		in.KmsKeyId = aws.String("")
	}
}

// expandWildcardPrincipal rewrites "Principal": "*" as {"AWS": ["*"]}, its
// documented equivalent, for S3-compatible servers: MinIO stores that form
// and moto's log-delivery permission check cannot read the string form.
func expandWildcardPrincipal(doc any) any {
	m, _ := doc.(map[string]any)
	list, _ := m["Statement"].([]any)
	out := make([]any, len(list))
	for i, s := range list {
		sm, _ := s.(map[string]any)
		if sm["Principal"] == "*" {
			c := map[string]any{}
			for k, v := range sm {
				c[k] = v
			}
			c["Principal"] = map[string]any{"AWS": []any{"*"}}
			s = c
		}
		out[i] = s
	}
	c := map[string]any{}
	for k, v := range m {
		c[k] = v
	}
	c["Statement"] = out
	return c
}
