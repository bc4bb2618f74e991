package apply

import (
	"context"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Live is the live state of the items of a spec, in canonical form. A key
// that is missing from State (or maps to nil) is absent in AWS.
type Live struct {
	mu    sync.Mutex
	State map[string]any `json:"state"`
	// Unsupported maps an item key to why the endpoint cannot manage it.
	Unsupported map[string]string `json:"unsupported,omitempty"`
	// tags holds every live tag of a bucket (managed or not), to merge
	// unmanaged tags back on write.
	tags map[string]map[string]any
	// gone holds the buckets a sub-resource read found missing
	// (NoSuchBucket) although the bucket was taken to exist.
	gone map[string]bool
}

func newLive() *Live {
	return &Live{State: map[string]any{}, Unsupported: map[string]string{}, tags: map[string]map[string]any{}}
}

func (l *Live) set(key string, v any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.State[key] = v
}

func (l *Live) get(key string) any {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.State[key]
}

func (l *Live) markGone(bucket string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.gone == nil {
		l.gone = map[string]bool{}
	}
	l.gone[bucket] = true
}

func (l *Live) bucketGone(bucket string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.gone[bucket]
}

func (l *Live) unsupported(key, why string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.Unsupported[key] = why
}

// Read reads the live state of every item; reads of different buckets,
// grants and trails run in parallel.
func (e *Engine) Read(ctx context.Context, items []*Item) (*Live, error) {
	live := newLive()
	groups := groupItems(items)
	err := e.parallel(ctx, len(groups), func(ctx context.Context, i int) error {
		for _, it := range groups[i] {
			if err := e.readItem(ctx, live, it); err != nil {
				return fmt.Errorf("read %s %s: %w", it.Type, it.Name, err)
			}
		}
		return nil
	})
	return live, err
}

// readItem reads one item into live. Items of a bucket are read after the
// bucket itself, so an absent bucket short-cuts its sub-resources.
func (e *Engine) readItem(ctx context.Context, live *Live, it *Item) error {
	key := it.Key()
	if it.Bucket != "" && it.Type != TBucket && live.get((&Item{Type: TBucket, Name: it.Bucket}).Key()) == nil {
		return nil // bucket absent: every sub-resource is absent
	}
	if it.Type == TEventSelectors || it.Type == TTrailLogging {
		if live.get((&Item{Type: TTrail, Name: it.Name}).Key()) == nil {
			return nil
		}
	}
	v, err := e.readRaw(ctx, live, it)
	e.learnRead(it, err)
	e.markRejected(live, it) // a write of its type was skipped as unsupported (probe.go)
	switch {
	case err == nil:
	case isNotFound(err):
		if it.Type != TBucket && errorCode(err) == "NoSuchBucket" {
			live.markGone(it.Bucket)
		}
		return nil
	case e.C.Endpoint != "" && isUnsupported(err):
		live.unsupported(key, fmt.Sprintf("%s is not supported by %s (%s)", it.Type, endpointName(e.C.Endpoint), errorCode(err)))
		return nil
	default:
		return err
	}
	if v == nil {
		return nil
	}
	c, err := e.canonicalLive(it, v)
	if err != nil {
		return err
	}
	live.set(key, c)
	return nil
}

func (e *Engine) canonicalLive(it *Item, v any) (any, error) {
	switch it.Type {
	case TBucket, TIAMUser, TIAMRole, TManagedPolicy, TAttachment, TAccessKey, TTrailLogging:
		return v, nil // already canonical
	}
	return canonical(it.Type, generic(v), e.Partition)
}

// noPublicAccessBlock is the state of an existing bucket without a Public
// Access Block configuration: nothing is blocked, as with all four flags
// false. Reading it as that document (not as absent) lets a spec that
// declares the four flags false plan no change.
func noPublicAccessBlock() map[string]any {
	return map[string]any{"BlockPublicAcls": false, "IgnorePublicAcls": false, "BlockPublicPolicy": false, "RestrictPublicBuckets": false}
}

// noOwnershipControls is the state of an existing bucket without ownership
// controls: ACLs are enabled and the uploader owns each object, as with
// ObjectWriter.
func noOwnershipControls() map[string]any {
	return map[string]any{"Rules": []any{map[string]any{"ObjectOwnership": "ObjectWriter"}}}
}

// readRaw returns the live document of it in the aws CLI parameter shape,
// nil when absent.
func (e *Engine) readRaw(ctx context.Context, live *Live, it *Item) (any, error) {
	if it.Bucket == "" {
		return e.readIdentityOrTrail(ctx, it)
	}
	v, err := e.readBucket(ctx, live, it)
	if it.Type != TBucket { // headBucket explains its own 403
		err = e.ownerDenied(ctx, e.C.S3ForRegion(it.Region), it.Bucket, err, false)
	}
	return v, err
}

// readBucket reads a bucket or one of its sub-resources. Every call carries
// ExpectedBucketOwner (see bucketOwner).
func (e *Engine) readBucket(ctx context.Context, live *Live, it *Item) (any, error) {
	b, o := aws.String(it.Bucket), e.bucketOwner()
	s3c := func() S3API { return e.C.S3ForRegion(it.Region) }
	switch it.Type {
	case TBucket:
		region, err := e.headBucket(ctx, s3c(), it.Bucket)
		if err != nil {
			return nil, err
		}
		if region != "" && it.Region != "" && region != it.Region {
			return nil, &RegionMismatchError{Address: it.Address, Bucket: it.Bucket, Spec: it.Region, Live: region}
		}
		return map[string]any{"Name": it.Bucket}, nil
	case TPublicAccessBlock:
		out, err := s3c().GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: b, ExpectedBucketOwner: o})
		if errorCode(err) == "NoSuchPublicAccessBlockConfiguration" {
			return noPublicAccessBlock(), nil
		}
		if err != nil {
			return nil, err
		}
		return out.PublicAccessBlockConfiguration, nil
	case TOwnership:
		out, err := s3c().GetBucketOwnershipControls(ctx, &s3.GetBucketOwnershipControlsInput{Bucket: b, ExpectedBucketOwner: o})
		if errorCode(err) == "OwnershipControlsNotFoundError" {
			return noOwnershipControls(), nil
		}
		if err != nil {
			return nil, err
		}
		return out.OwnershipControls, nil
	case TEncryption:
		out, err := s3c().GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: b, ExpectedBucketOwner: o})
		if err != nil {
			return nil, err
		}
		return out.ServerSideEncryptionConfiguration, nil
	case TVersioning:
		out, err := s3c().GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: b, ExpectedBucketOwner: o})
		if err != nil {
			return nil, err
		}
		return map[string]any{"Status": string(out.Status)}, nil
	case TTagging:
		out, err := s3c().GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: b, ExpectedBucketOwner: o})
		if err != nil {
			return nil, err
		}
		doc := map[string]any{"TagSet": generic(out.TagSet)}
		all, _ := canonical(TTagging, generic(doc), e.Partition)
		live.mu.Lock()
		live.tags[it.Bucket] = all.(map[string]any)["Tags"].(map[string]any)
		live.mu.Unlock()
		return doc, nil
	case TBucketPolicy:
		out, err := s3c().GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: b, ExpectedBucketOwner: o})
		if err != nil {
			return nil, err
		}
		return ParsePolicy(aws.ToString(out.Policy))
	case TLifecycle:
		out, err := s3c().GetBucketLifecycleConfiguration(ctx, &s3.GetBucketLifecycleConfigurationInput{Bucket: b, ExpectedBucketOwner: o})
		if err != nil {
			return nil, err
		}
		if len(out.Rules) == 0 {
			return nil, nil
		}
		return map[string]any{"Rules": generic(out.Rules)}, nil
	case TLogging:
		out, err := s3c().GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: b, ExpectedBucketOwner: o})
		if err != nil {
			return nil, err
		}
		return map[string]any{"LoggingEnabled": generic(out.LoggingEnabled)}, nil
	}
	return nil, fmt.Errorf("no S3 reader for %s", it.Type)
}
