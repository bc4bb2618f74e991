package apply

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// locationGetter is the part of the S3 client that answers
// GetBucketLocation; a client without it leaves a bucket's region to
// HeadBucket alone.
type locationGetter interface {
	GetBucketLocation(context.Context, *s3.GetBucketLocationInput, ...func(*s3.Options)) (*s3.GetBucketLocationOutput, error)
}

// logTarget is one log bucket that the spec names by a literal string and
// does not declare, with the buckets whose access logs and the trails whose
// logs go to it. owner is the account that a trail's log_bucket_account
// says owns it ("" for the caller's account: always for access-log
// targets); a name with two owners is two targets.
type logTarget struct {
	name      string
	sensitive bool
	owner     string
	ownerSens bool
	sources   []*spec.Bucket
	trails    []*spec.Trail
	near      string // the region to ask in: the first source's, else the first trail's data bucket's
}

// CheckLogTargets checks the log buckets that validation cannot: an
// access_logging target_bucket or a trail's log_bucket named by a literal
// string that no bucket block of s declares. S3 delivers server access
// logs only to a bucket in the same region and account as the logged
// bucket (PutBucketLogging refuses any other), so each such access-log
// target must exist, be the caller's (HeadBucket with ExpectedBucketOwner)
// and be in the region of every bucket that logs to it. CloudTrail, in
// contrast, delivers to a bucket of any account and region whose policy
// lets it write, so a trail's log bucket must exist and be the caller's,
// or the account its log_bucket_account names (an organization's log
// archive): a typo or a name someone else registered would send the data
// events of the spec's bucket to that account. Each distinct target costs one
// HeadBucket (plus GetBucketLocation when HeadBucket does not say the
// region); a spec whose targets are all declared costs nothing.
//
// A target that fails the check is an error diagnostic at its
// target_bucket or log_bucket attribute, saying what to do; the error
// return is for AWS failures (access denied to HeadBucket itself, a
// connection problem), which the caller explains like any read error.
func (e *Engine) CheckLogTargets(ctx context.Context, s *spec.Spec) (hcl.Diagnostics, error) {
	e.defaults()
	targets := undeclaredLogTargets(s)
	var diags hcl.Diagnostics
	for _, t := range targets {
		owner := e.bucketOwner()
		if t.owner != "" {
			owner = aws.String(t.owner)
		}
		region, status, err := e.logTargetRegion(ctx, t.name, owner, t.near)
		if err != nil {
			what := "access log target"
			if len(t.sources) == 0 {
				what = "trail log bucket"
			}
			return diags, fmt.Errorf("checking %s %s: %w", what, shownName(t), err)
		}
		for _, b := range t.sources {
			if d := logTargetDiag(t, b, region, status); d != nil {
				diags = append(diags, d)
			}
		}
		for _, tr := range t.trails {
			if d := trailLogBucketDiag(t, tr, status); d != nil {
				diags = append(diags, d)
			}
		}
	}
	return diags, nil
}

// undeclaredLogTargets returns the log buckets of s named by a literal
// string that no bucket block declares: the access_logging targets and the
// trails' log buckets, one entry per distinct name and owner (a trail's
// log_bucket_account other than aws.account_id), sorted by name.
func undeclaredLogTargets(s *spec.Spec) []*logTarget {
	declared := map[string]bool{}
	for _, b := range s.Buckets {
		declared[b.Name.Value] = true
	}
	type key struct{ name, owner string }
	byKey := map[key]*logTarget{}
	var targets []*logTarget
	target := func(name, owner string) *logTarget {
		t := byKey[key{name, owner}]
		if t == nil {
			t = &logTarget{name: name, owner: owner}
			byKey[key{name, owner}] = t
			targets = append(targets, t)
		}
		return t
	}
	for _, b := range s.Buckets {
		al := b.AccessLogging
		if al == nil || al.TargetRef != "" || al.TargetBucket.Value == "" || declared[al.TargetBucket.Value] {
			continue
		}
		t := target(al.TargetBucket.Value, "")
		t.sensitive = t.sensitive || al.TargetBucket.Sensitive
		if len(t.sources) == 0 {
			t.near = b.Region.Value // S3 asks about a target in its sources' region
		}
		t.sources = append(t.sources, b)
	}
	for _, tr := range s.Trails {
		if tr.LogBucketRef != "" || tr.LogBucket.Value == "" || declared[tr.LogBucket.Value] {
			continue
		}
		owner := ""
		if a := tr.LogBucketAccount; a.Set && a.Value != s.AWS.AccountID.Value {
			owner = a.Value
		}
		t := target(tr.LogBucket.Value, owner)
		t.sensitive = t.sensitive || tr.LogBucket.Sensitive
		t.ownerSens = t.ownerSens || (owner != "" && tr.LogBucketAccount.Sensitive)
		if t.near == "" {
			if b := s.BucketByLabel(tr.Bucket.Value); b != nil {
				t.near = b.Region.Value
			}
		}
		t.trails = append(t.trails, tr)
	}
	sort.SliceStable(targets, func(i, j int) bool {
		if targets[i].name != targets[j].name {
			return targets[i].name < targets[j].name
		}
		return targets[i].owner < targets[j].owner
	})
	return targets
}

// Answers of HeadBucket about a log target.
const (
	targetFound   = iota
	targetMissing // not found
	targetDenied  // 403: another account's bucket (ExpectedBucketOwner), or one the caller may not read
)

// logTargetRegion asks S3 whether bucket exists and is owner's, and where
// it is (region is "" when the endpoint does not say).
func (e *Engine) logTargetRegion(ctx context.Context, bucket string, owner *string, near string) (region string, status int, err error) {
	cl := e.C.S3ForRegion(near)
	in := &s3.HeadBucketInput{Bucket: aws.String(bucket), ExpectedBucketOwner: owner}
	out, err := cl.HeadBucket(ctx, in)
	switch {
	case err == nil:
		region = aws.ToString(out.BucketRegion)
	case isNotFound(err):
		return "", targetMissing, nil
	case httpStatus(err) == http.StatusForbidden:
		return "", targetDenied, nil
	default:
		// A redirect to the bucket's region names it (as headBucketRegion
		// reads it for the buckets of the spec).
		if region = redirectRegion(err); region == "" {
			return "", targetFound, err
		}
	}
	if region == "" {
		if lg, ok := cl.(locationGetter); ok {
			loc, lerr := lg.GetBucketLocation(ctx, &s3.GetBucketLocationInput{Bucket: aws.String(bucket), ExpectedBucketOwner: in.ExpectedBucketOwner})
			if lerr == nil {
				region = locationRegion(string(loc.LocationConstraint))
			}
		}
	}
	return region, targetFound, nil
}

// redirectRegion returns the region S3 names in the x-amz-bucket-region
// header of a redirect (or 400) answer to HeadBucket, or "".
func redirectRegion(err error) string {
	var re *smithyhttp.ResponseError
	if !errors.As(err, &re) || re.Response == nil || re.Response.Response == nil {
		return ""
	}
	switch re.Response.StatusCode {
	case http.StatusMovedPermanently, http.StatusTemporaryRedirect, http.StatusBadRequest:
		return re.Response.Header.Get("x-amz-bucket-region")
	}
	return ""
}

// locationRegion maps a GetBucketLocation answer to a region: an empty
// constraint is us-east-1 and "EU" the legacy name of eu-west-1.
func locationRegion(c string) string {
	switch c {
	case "":
		return "us-east-1"
	case "EU":
		return "eu-west-1"
	}
	return c
}
