package apply

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	smithy "github.com/aws/smithy-go"
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
	err := e.parallel(ctx, len(groups), func(i int) error {
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
	switch {
	case err == nil:
	case isNotFound(err):
		return nil
	case e.C.Endpoint != "" && isUnsupported(err):
		live.unsupported(key, fmt.Sprintf("%s is not supported by %s (%s)", it.Type, e.C.Endpoint, errorCode(err)))
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
	b := aws.String(it.Bucket)
	s3c := func() S3API { return e.C.S3ForRegion(it.Region) }
	switch it.Type {
	case TBucket:
		region, err := headBucketRegion(ctx, s3c(), it.Bucket)
		if err != nil {
			return nil, err
		}
		if region != "" && it.Region != "" && region != it.Region {
			return nil, &RegionMismatchError{Address: it.Address, Bucket: it.Bucket, Spec: it.Region, Live: region}
		}
		return map[string]any{"Name": it.Bucket}, nil
	case TPublicAccessBlock:
		out, err := s3c().GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: b})
		if errorCode(err) == "NoSuchPublicAccessBlockConfiguration" {
			return noPublicAccessBlock(), nil
		}
		if err != nil {
			return nil, err
		}
		return out.PublicAccessBlockConfiguration, nil
	case TOwnership:
		out, err := s3c().GetBucketOwnershipControls(ctx, &s3.GetBucketOwnershipControlsInput{Bucket: b})
		if errorCode(err) == "OwnershipControlsNotFoundError" {
			return noOwnershipControls(), nil
		}
		if err != nil {
			return nil, err
		}
		return out.OwnershipControls, nil
	case TEncryption:
		out, err := s3c().GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: b})
		if err != nil {
			return nil, err
		}
		return out.ServerSideEncryptionConfiguration, nil
	case TVersioning:
		out, err := s3c().GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: b})
		if err != nil {
			return nil, err
		}
		return map[string]any{"Status": string(out.Status)}, nil
	case TTagging:
		out, err := s3c().GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: b})
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
		out, err := s3c().GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: b})
		if err != nil {
			return nil, err
		}
		return ParsePolicy(aws.ToString(out.Policy))
	case TLifecycle:
		out, err := s3c().GetBucketLifecycleConfiguration(ctx, &s3.GetBucketLifecycleConfigurationInput{Bucket: b})
		if err != nil {
			return nil, err
		}
		if len(out.Rules) == 0 {
			return nil, nil
		}
		return map[string]any{"Rules": generic(out.Rules)}, nil
	case TLogging:
		out, err := s3c().GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: b})
		if err != nil {
			return nil, err
		}
		return map[string]any{"LoggingEnabled": generic(out.LoggingEnabled)}, nil
	}
	return e.readIdentityOrTrail(ctx, it)
}

func (e *Engine) readIdentityOrTrail(ctx context.Context, it *Item) (any, error) {
	switch it.Type {
	case TIAMUser:
		out, err := e.C.IAM.GetUser(ctx, &iam.GetUserInput{UserName: aws.String(it.Name)})
		if err != nil {
			return nil, err
		}
		return map[string]any{"UserName": aws.ToString(out.User.UserName), "Path": aws.ToString(out.User.Path)}, nil
	case TIAMRole:
		out, err := e.C.IAM.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(it.Name)})
		if err != nil {
			return nil, err
		}
		if arn := aws.ToString(out.Role.Arn); arn != "" && !strings.HasPrefix(arn, "arn:") {
			// Right after CreateRole, IAM may briefly show the role's
			// unique id (AROA...) instead of its ARN: not ready yet.
			return nil, &smithy.GenericAPIError{Code: "NoSuchEntity", Message: "role " + it.Name + " is not fully created yet (ARN shown as " + arn + ")"}
		}
		doc, err := ParsePolicy(aws.ToString(out.Role.AssumeRolePolicyDocument))
		if err != nil {
			return nil, err
		}
		tp, err := CanonicalPolicy(doc, e.Partition)
		if err != nil {
			return nil, err
		}
		return map[string]any{"RoleName": aws.ToString(out.Role.RoleName), "Path": aws.ToString(out.Role.Path),
			"MaxSessionDuration": float64(aws.ToInt32(out.Role.MaxSessionDuration)), "AssumeRolePolicyDocument": tp}, nil
	case TManagedPolicy:
		doc, err := e.policyDocument(ctx, e.policyARN(it.Name))
		if err != nil || doc == nil {
			return nil, err
		}
		return map[string]any{"PolicyName": it.Name, "PolicyDocument": doc}, nil
	case TAttachment:
		ok, err := e.attached(ctx, it.Owner, e.policyARN(it.Name))
		if err != nil || !ok {
			return nil, err
		}
		return map[string]any{"PolicyName": it.Name, "Attached": true}, nil
	case TAccessKey:
		out, err := e.C.IAM.ListAccessKeys(ctx, &iam.ListAccessKeysInput{UserName: aws.String(it.Name)})
		if err != nil || len(out.AccessKeyMetadata) == 0 {
			return nil, err
		}
		return map[string]any{"Exists": true}, nil
	case TTrail:
		ct := e.C.CloudTrailForRegion(it.Region)
		out, err := ct.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{TrailNameList: []string{it.Name}})
		if err != nil {
			return nil, err
		}
		for _, t := range out.TrailList {
			if aws.ToString(t.Name) == it.Name {
				return map[string]any{"Name": t.Name, "S3BucketName": t.S3BucketName, "S3KeyPrefix": t.S3KeyPrefix,
					"KmsKeyId": t.KmsKeyId, "IsMultiRegionTrail": t.IsMultiRegionTrail,
					"EnableLogFileValidation": t.LogFileValidationEnabled, "IncludeGlobalServiceEvents": t.IncludeGlobalServiceEvents}, nil
			}
		}
		return nil, nil
	case TEventSelectors:
		out, err := e.C.CloudTrailForRegion(it.Region).GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String(it.Name)})
		if err != nil {
			return nil, err
		}
		return map[string]any{"EventSelectors": generic(out.EventSelectors), "AdvancedEventSelectors": generic(out.AdvancedEventSelectors)}, nil
	case TTrailLogging:
		out, err := e.C.CloudTrailForRegion(it.Region).GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String(it.Name)})
		if err != nil {
			return nil, err
		}
		return map[string]any{"IsLogging": aws.ToBool(out.IsLogging)}, nil
	}
	return nil, fmt.Errorf("no reader for %s", it.Type)
}

func (e *Engine) policyARN(name string) string {
	return "arn:" + e.Partition + ":iam::" + e.Account + ":policy/" + name
}

// policyDocument returns the canonical default version of a managed policy,
// nil when the policy does not exist.
func (e *Engine) policyDocument(ctx context.Context, arn string) (any, error) {
	p, err := e.C.IAM.GetPolicy(ctx, &iam.GetPolicyInput{PolicyArn: aws.String(arn)})
	if err != nil {
		return nil, err
	}
	v, err := e.C.IAM.GetPolicyVersion(ctx, &iam.GetPolicyVersionInput{PolicyArn: aws.String(arn), VersionId: p.Policy.DefaultVersionId})
	if err != nil {
		return nil, err
	}
	doc, err := ParsePolicy(aws.ToString(v.PolicyVersion.Document))
	if err != nil {
		return nil, err
	}
	return CanonicalPolicy(doc, e.Partition)
}

// attached reports whether the managed policy arn is attached to owner
// ("user/NAME" or "role/NAME").
func (e *Engine) attached(ctx context.Context, owner, arn string) (bool, error) {
	kind, name := splitOwner(owner)
	var marker *string
	for {
		var arns []string
		var truncated bool
		if kind == "user" {
			out, err := e.C.IAM.ListAttachedUserPolicies(ctx, &iam.ListAttachedUserPoliciesInput{UserName: aws.String(name), Marker: marker})
			if err != nil {
				return false, err
			}
			for _, p := range out.AttachedPolicies {
				arns = append(arns, aws.ToString(p.PolicyArn))
			}
			truncated, marker = out.IsTruncated, out.Marker
		} else {
			out, err := e.C.IAM.ListAttachedRolePolicies(ctx, &iam.ListAttachedRolePoliciesInput{RoleName: aws.String(name), Marker: marker})
			if err != nil {
				return false, err
			}
			for _, p := range out.AttachedPolicies {
				arns = append(arns, aws.ToString(p.PolicyArn))
			}
			truncated, marker = out.IsTruncated, out.Marker
		}
		for _, a := range arns {
			if a == arn {
				return true, nil
			}
		}
		if !truncated || marker == nil {
			return false, nil
		}
	}
}

func splitOwner(owner string) (kind, name string) {
	for i := 0; i < len(owner); i++ {
		if owner[i] == '/' {
			return owner[:i], owner[i+1:]
		}
	}
	return "", owner
}
