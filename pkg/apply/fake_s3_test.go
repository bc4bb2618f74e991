package apply

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	smithy "github.com/aws/smithy-go"
)

// fake is an in-memory AWS (S3, IAM, STS, CloudTrail) with scripted
// faults. It records every call, counts writes, and checks on every grant
// that the guardrails of every bucket are already in place.
type fake struct {
	mu      sync.Mutex
	calls   []string
	writes  int
	buckets map[string]*fakeBucket
	iam     fakeIAM
	trails  map[string]*fakeTrail

	// faults maps an operation name to errors returned by its next calls.
	faults map[string][]error
	// crashAfter > 0 makes every call fail after that many writes.
	crashAfter int
	// stale maps an operation name to how many reads return the value
	// from before the last write.
	stale map[string]int
	// uniqueIDReads makes that many GetRole calls show the role's unique
	// id instead of its ARN (IAM does so right after CreateRole).
	uniqueIDReads int
	// violations records grants made before the guardrails.
	violations []string
	// latency delays every call (a slow server lets concurrent buckets
	// overlap in time).
	latency time.Duration
	// onCreateAccessKey, when set, runs inside CreateAccessKey with the
	// request's context (outside the fake's lock).
	onCreateAccessKey func(ctx context.Context)
	// bucketOwners, requireOwner and ownerless model ExpectedBucketOwner
	// (owner_test.go).
	bucketOwners map[string]string
	requireOwner bool
	ownerless    []string
}

type fakeBucket struct {
	pab                      *types.PublicAccessBlockConfiguration
	ownership                *types.OwnershipControls
	enc                      *types.ServerSideEncryptionConfiguration
	versioning               types.BucketVersioningStatus
	tags                     []types.Tag
	policy                   *string
	lifecycle, prevLifecycle []types.LifecycleRule
	logging                  *types.LoggingEnabled
	prevPAB                  *types.PublicAccessBlockConfiguration
}

func newFake() *fake {
	return &fake{buckets: map[string]*fakeBucket{}, trails: map[string]*fakeTrail{}, faults: map[string][]error{}, stale: map[string]int{},
		iam: fakeIAM{users: map[string]bool{}, roles: map[string]*fakeRole{}, policies: map[string][]string{}, attached: map[string]bool{}, keys: map[string]int{}}}
}

func apiErr(code, msg string) error { return &smithy.GenericAPIError{Code: code, Message: msg} }

// call records op and returns the scripted fault, if any. write marks
// calls that change state.
func (f *fake) call(op, target string, write bool) error {
	f.calls = append(f.calls, op+" "+target)
	time.Sleep(f.latency)
	if f.crashAfter > 0 && f.writes >= f.crashAfter {
		return fmt.Errorf("connection reset (simulated crash after %d writes)", f.crashAfter)
	}
	if q := f.faults[op]; len(q) > 0 {
		f.faults[op] = q[1:]
		return q[0]
	}
	if write {
		f.writes++
	}
	return nil
}

func (f *fake) bucket(name string) (*fakeBucket, error) {
	b, ok := f.buckets[name]
	if !ok {
		return nil, apiErr("NoSuchBucket", "The specified bucket does not exist")
	}
	return b, nil
}

// checkGuardrails records a violation when a grant is made while a bucket
// lacks its guardrails or a trail is not logging.
func (f *fake) checkGuardrails(grant string) {
	for name, b := range f.buckets {
		ok := b.pab != nil && aws.ToBool(b.pab.BlockPublicPolicy) && b.ownership != nil && b.enc != nil && b.policy != nil &&
			strings.Contains(*b.policy, "Deny")
		if !ok {
			f.violations = append(f.violations, fmt.Sprintf("%s before the guardrails of bucket %s", grant, name))
		}
	}
	for name, t := range f.trails {
		if !t.logging {
			f.violations = append(f.violations, fmt.Sprintf("%s before trail %s logs", grant, name))
		}
	}
}

func (f *fake) HeadBucket(_ context.Context, in *s3.HeadBucketInput, _ ...func(*s3.Options)) (*s3.HeadBucketOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.s3call("HeadBucket", *in.Bucket, in.ExpectedBucketOwner, false); err != nil {
		return nil, err
	}
	if _, err := f.bucket(*in.Bucket); err != nil {
		return nil, apiErr("NotFound", "Not Found")
	}
	return &s3.HeadBucketOutput{}, nil
}

func (f *fake) CreateBucket(_ context.Context, in *s3.CreateBucketInput, _ ...func(*s3.Options)) (*s3.CreateBucketOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("CreateBucket", *in.Bucket, true); err != nil {
		return nil, err
	}
	if _, ok := f.buckets[*in.Bucket]; ok {
		return nil, apiErr("BucketAlreadyOwnedByYou", "yours")
	}
	f.buckets[*in.Bucket] = &fakeBucket{}
	return &s3.CreateBucketOutput{}, nil
}

func (f *fake) GetPublicAccessBlock(_ context.Context, in *s3.GetPublicAccessBlockInput, _ ...func(*s3.Options)) (*s3.GetPublicAccessBlockOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.s3call("GetPublicAccessBlock", *in.Bucket, in.ExpectedBucketOwner, false); err != nil {
		return nil, err
	}
	b, err := f.bucket(*in.Bucket)
	if err != nil {
		return nil, err
	}
	v := b.pab
	if f.stale["GetPublicAccessBlock"] > 0 {
		f.stale["GetPublicAccessBlock"]--
		v = b.prevPAB
	}
	if v == nil {
		return nil, apiErr("NoSuchPublicAccessBlockConfiguration", "none")
	}
	return &s3.GetPublicAccessBlockOutput{PublicAccessBlockConfiguration: v}, nil
}

func (f *fake) PutPublicAccessBlock(_ context.Context, in *s3.PutPublicAccessBlockInput, _ ...func(*s3.Options)) (*s3.PutPublicAccessBlockOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := f.bucket(*in.Bucket)
	if err == nil {
		err = f.s3call("PutPublicAccessBlock", *in.Bucket, in.ExpectedBucketOwner, true)
	}
	if err != nil {
		return nil, err
	}
	b.prevPAB, b.pab = b.pab, in.PublicAccessBlockConfiguration
	return &s3.PutPublicAccessBlockOutput{}, nil
}

func (f *fake) GetBucketOwnershipControls(_ context.Context, in *s3.GetBucketOwnershipControlsInput, _ ...func(*s3.Options)) (*s3.GetBucketOwnershipControlsOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.s3call("GetBucketOwnershipControls", *in.Bucket, in.ExpectedBucketOwner, false); err != nil {
		return nil, err
	}
	b, err := f.bucket(*in.Bucket)
	if err != nil {
		return nil, err
	}
	if b.ownership == nil {
		return nil, apiErr("OwnershipControlsNotFoundError", "none")
	}
	return &s3.GetBucketOwnershipControlsOutput{OwnershipControls: b.ownership}, nil
}

func (f *fake) PutBucketOwnershipControls(_ context.Context, in *s3.PutBucketOwnershipControlsInput, _ ...func(*s3.Options)) (*s3.PutBucketOwnershipControlsOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := f.bucket(*in.Bucket)
	if err == nil {
		err = f.s3call("PutBucketOwnershipControls", *in.Bucket, in.ExpectedBucketOwner, true)
	}
	if err != nil {
		return nil, err
	}
	b.ownership = in.OwnershipControls
	return &s3.PutBucketOwnershipControlsOutput{}, nil
}

func (f *fake) GetBucketEncryption(_ context.Context, in *s3.GetBucketEncryptionInput, _ ...func(*s3.Options)) (*s3.GetBucketEncryptionOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.s3call("GetBucketEncryption", *in.Bucket, in.ExpectedBucketOwner, false); err != nil {
		return nil, err
	}
	b, err := f.bucket(*in.Bucket)
	if err != nil {
		return nil, err
	}
	if b.enc == nil {
		return nil, apiErr("ServerSideEncryptionConfigurationNotFoundError", "none")
	}
	return &s3.GetBucketEncryptionOutput{ServerSideEncryptionConfiguration: b.enc}, nil
}

func (f *fake) PutBucketEncryption(_ context.Context, in *s3.PutBucketEncryptionInput, _ ...func(*s3.Options)) (*s3.PutBucketEncryptionOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := f.bucket(*in.Bucket)
	if err == nil {
		err = f.s3call("PutBucketEncryption", *in.Bucket, in.ExpectedBucketOwner, true)
	}
	if err != nil {
		return nil, err
	}
	b.enc = in.ServerSideEncryptionConfiguration
	return &s3.PutBucketEncryptionOutput{}, nil
}

func (f *fake) GetBucketVersioning(_ context.Context, in *s3.GetBucketVersioningInput, _ ...func(*s3.Options)) (*s3.GetBucketVersioningOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.s3call("GetBucketVersioning", *in.Bucket, in.ExpectedBucketOwner, false); err != nil {
		return nil, err
	}
	b, err := f.bucket(*in.Bucket)
	if err != nil {
		return nil, err
	}
	return &s3.GetBucketVersioningOutput{Status: b.versioning}, nil
}

func (f *fake) PutBucketVersioning(_ context.Context, in *s3.PutBucketVersioningInput, _ ...func(*s3.Options)) (*s3.PutBucketVersioningOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := f.bucket(*in.Bucket)
	if err == nil {
		err = f.s3call("PutBucketVersioning", *in.Bucket, in.ExpectedBucketOwner, true)
	}
	if err != nil {
		return nil, err
	}
	b.versioning = in.VersioningConfiguration.Status
	return &s3.PutBucketVersioningOutput{}, nil
}

func (f *fake) GetBucketTagging(_ context.Context, in *s3.GetBucketTaggingInput, _ ...func(*s3.Options)) (*s3.GetBucketTaggingOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.s3call("GetBucketTagging", *in.Bucket, in.ExpectedBucketOwner, false); err != nil {
		return nil, err
	}
	b, err := f.bucket(*in.Bucket)
	if err != nil {
		return nil, err
	}
	if b.tags == nil {
		return nil, apiErr("NoSuchTagSet", "none")
	}
	return &s3.GetBucketTaggingOutput{TagSet: b.tags}, nil
}

func (f *fake) PutBucketTagging(_ context.Context, in *s3.PutBucketTaggingInput, _ ...func(*s3.Options)) (*s3.PutBucketTaggingOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := f.bucket(*in.Bucket)
	if err == nil {
		err = f.s3call("PutBucketTagging", *in.Bucket, in.ExpectedBucketOwner, true)
	}
	if err != nil {
		return nil, err
	}
	b.tags = in.Tagging.TagSet
	return &s3.PutBucketTaggingOutput{}, nil
}

func (f *fake) GetBucketPolicy(_ context.Context, in *s3.GetBucketPolicyInput, _ ...func(*s3.Options)) (*s3.GetBucketPolicyOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.s3call("GetBucketPolicy", *in.Bucket, in.ExpectedBucketOwner, false); err != nil {
		return nil, err
	}
	b, err := f.bucket(*in.Bucket)
	if err != nil {
		return nil, err
	}
	if b.policy == nil {
		return nil, apiErr("NoSuchBucketPolicy", "none")
	}
	return &s3.GetBucketPolicyOutput{Policy: b.policy}, nil
}

func (f *fake) PutBucketPolicy(_ context.Context, in *s3.PutBucketPolicyInput, _ ...func(*s3.Options)) (*s3.PutBucketPolicyOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := f.bucket(*in.Bucket)
	if err == nil {
		err = f.s3call("PutBucketPolicy", *in.Bucket, in.ExpectedBucketOwner, true)
	}
	if err != nil {
		return nil, err
	}
	var doc any
	if err := json.Unmarshal([]byte(*in.Policy), &doc); err != nil {
		return nil, apiErr("MalformedPolicy", err.Error())
	}
	// AWS wants a unique Sid per statement (IAM JSON policy reference:
	// "the Sid value must be unique within a JSON policy"); the exact S3
	// error text is not documented, the code is MalformedPolicy.
	if sid := duplicateSid(*in.Policy); sid != "" {
		return nil, apiErr("MalformedPolicy", "duplicate statement id "+sid)
	}
	if grantsToIdentity(doc) {
		f.checkGuardrails("bucket policy grant on " + *in.Bucket)
	}
	b.policy = in.Policy
	return &s3.PutBucketPolicyOutput{}, nil
}

// grantsToIdentity reports an Allow to a principal that is not a service.
func grantsToIdentity(doc any) bool {
	for _, s := range statements(doc) {
		if s["Effect"] != "Allow" {
			continue
		}
		p, _ := s["Principal"].(map[string]any)
		for typ := range p {
			if typ != "Service" {
				return true
			}
		}
	}
	return false
}

func (f *fake) GetBucketLifecycleConfiguration(_ context.Context, in *s3.GetBucketLifecycleConfigurationInput, _ ...func(*s3.Options)) (*s3.GetBucketLifecycleConfigurationOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.s3call("GetBucketLifecycleConfiguration", *in.Bucket, in.ExpectedBucketOwner, false); err != nil {
		return nil, err
	}
	b, err := f.bucket(*in.Bucket)
	if err != nil {
		return nil, err
	}
	rules := b.lifecycle
	if f.stale["GetBucketLifecycleConfiguration"] > 0 {
		f.stale["GetBucketLifecycleConfiguration"]--
		rules = b.prevLifecycle
	}
	if rules == nil {
		return nil, apiErr("NoSuchLifecycleConfiguration", "none")
	}
	return &s3.GetBucketLifecycleConfigurationOutput{Rules: rules,
		TransitionDefaultMinimumObjectSize: types.TransitionDefaultMinimumObjectSizeAllStorageClasses128k}, nil
}

func (f *fake) PutBucketLifecycleConfiguration(_ context.Context, in *s3.PutBucketLifecycleConfigurationInput, _ ...func(*s3.Options)) (*s3.PutBucketLifecycleConfigurationOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := f.bucket(*in.Bucket)
	if err == nil {
		err = f.s3call("PutBucketLifecycleConfiguration", *in.Bucket, in.ExpectedBucketOwner, true)
	}
	if err != nil {
		return nil, err
	}
	b.prevLifecycle, b.lifecycle = b.lifecycle, in.LifecycleConfiguration.Rules
	return &s3.PutBucketLifecycleConfigurationOutput{}, nil
}

func (f *fake) GetBucketLogging(_ context.Context, in *s3.GetBucketLoggingInput, _ ...func(*s3.Options)) (*s3.GetBucketLoggingOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.s3call("GetBucketLogging", *in.Bucket, in.ExpectedBucketOwner, false); err != nil {
		return nil, err
	}
	b, err := f.bucket(*in.Bucket)
	if err != nil {
		return nil, err
	}
	return &s3.GetBucketLoggingOutput{LoggingEnabled: b.logging}, nil
}

func (f *fake) PutBucketLogging(_ context.Context, in *s3.PutBucketLoggingInput, _ ...func(*s3.Options)) (*s3.PutBucketLoggingOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := f.bucket(*in.Bucket)
	if err == nil {
		err = f.s3call("PutBucketLogging", *in.Bucket, in.ExpectedBucketOwner, true)
	}
	if err != nil {
		return nil, err
	}
	b.logging = in.BucketLoggingStatus.LoggingEnabled
	return &s3.PutBucketLoggingOutput{}, nil
}
