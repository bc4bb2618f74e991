package spec

import "strings"

// maxLogPrefix is the longest S3KeyPrefix CloudTrail accepts
// (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html:
// "The maximum length is 200 characters").
const maxLogPrefix = 200

// checkTrail checks a trail's settings that CloudTrail would reject or that
// the rendered documents could not agree on: the log prefix and the region
// of its KMS key.
func (l *loader) checkTrail(t *Trail) {
	l.checkNamedBucket(t.LogBucket, t.LogBucketRef, "the trail's log_bucket")
	l.checkLogBucketAccount(t)
	l.checkLogPrefix(t.LogPrefix)
	l.checkTrailKMSRegion(t)
}

// checkLogBucketAccount checks log_bucket_account: 12 digits, and only
// with a log bucket that the spec does not declare. A declared log bucket
// is created in the spec's own account, so another owner is a
// contradiction and the own account a no-op; either way the attribute
// says nothing plan could check.
func (l *loader) checkLogBucketAccount(t *Trail) {
	a := t.LogBucketAccount
	if !a.Set {
		return
	}
	if !accountIDRe.MatchString(a.Value) {
		l.checkAccountID(a, "log_bucket_account", "", "Invalid log bucket account",
			"log_bucket_account must be the 12 digits of the AWS account that owns the log bucket, like \"444455556666\".")
		return
	}
	if logs := l.declaredLogBucket(t); logs != nil {
		l.errorf(a.Range.Ptr(), "Log bucket account for a declared bucket",
			"log_bucket_account names the owner of a log bucket that the spec does not declare, but this trail's "+
				"log bucket is %s, which teramotc creates in the spec's own account. Remove log_bucket_account, or, "+
				"for a bucket of another account with the same name, remove that bucket block.", logs.Address)
	}
}

// checkLogPrefix rejects a log_prefix that CloudTrail refuses (over 200
// characters) or that would not match the log path the log bucket's policy
// allows. CloudTrail writes to PREFIX/AWSLogs/ACCOUNT/..., so a slash at
// either end or an empty segment ("a//b") makes keys with empty segments
// that the rendered Resource (bucket/PREFIX/AWSLogs/...) does not cover.
func (l *loader) checkLogPrefix(p Attr[string]) {
	v := p.Value
	if !p.Set || v == "" {
		return
	}
	switch {
	case len(v) > maxLogPrefix:
		l.errorf(p.Range.Ptr(), "Log prefix too long",
			"log_prefix has %d characters; CloudTrail accepts an S3 key prefix of at most %d.", len(v), maxLogPrefix)
	case strings.HasPrefix(v, "/") || strings.HasSuffix(v, "/"):
		summary := "Slash at the end of a log prefix"
		switch start, end := strings.HasPrefix(v, "/"), strings.HasSuffix(v, "/"); {
		case start && end && len(v) > 1:
			summary = "Slashes at both ends of a log prefix"
		case start:
			summary = "Slash at the start of a log prefix"
		}
		l.errorf(p.Range.Ptr(), summary,
			"CloudTrail writes the log files to PREFIX/AWSLogs/..., adding the slash itself: a log_prefix that starts "+
				"or ends with \"/\" makes keys with an empty path segment, which the log bucket's policy does not "+
				"cover. Remove the slashes at its ends. %s", prefixFix(p, "log_prefix", strings.Trim(v, "/")))
	case strings.Contains(v, "//"):
		l.errorf(p.Range.Ptr(), "Empty segment in log prefix",
			"log_prefix has two slashes in a row (an empty path segment), which the log bucket's policy would not "+
				"match. Use single slashes between segments, like \"audit/teramot\".")
	}
}

// checkTrailKMSRegion: CloudTrail encrypts log files only with a KMS key
// in the region of the bucket that receives them
// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-encryption-cli.html:
// "The key that you create must be in the same region as the S3 bucket
// that receives your CloudTrail log files"). The log bucket's region is
// known when the spec declares it; a key given as an alias name or key id
// has no region to compare.
func (l *loader) checkTrailKMSRegion(t *Trail) {
	k := t.KMSKeyARN
	if !k.Set || k.Value == "" {
		return
	}
	logs := l.declaredLogBucket(t)
	if logs == nil || !logs.Region.Set || logs.Region.Value == "" {
		return
	}
	region := kmsKeyRegion(k.Value)
	if !strings.HasPrefix(k.Value, "arn:") || region == "" || region == logs.Region.Value {
		return
	}
	l.ruleError("TMC202", k.Range, "Trail KMS key in another region",
		"kms_key_arn names a key in region %s, but the trail's log bucket %s is in region %s: CloudTrail encrypts "+
			"log files only with a key of the log bucket's region. Use a key created in %s (or a replica of a "+
			"multi-Region key there).",
		shownPlain(Attr[string]{Value: region, Sensitive: k.Sensitive}), logs.Address, shownPlain(logs.Region), shownPlain(logs.Region))
}

// declaredLogBucket returns the bucket of the spec that receives t's logs:
// the one its log_bucket refers to, or the one with that name; nil when
// the log bucket is not declared.
func (l *loader) declaredLogBucket(t *Trail) *Bucket {
	if t.LogBucketRef != "" {
		return l.spec.BucketByLabel(t.LogBucketRef)
	}
	for _, b := range l.spec.Buckets {
		if b.Name.Value != "" && b.Name.Value == t.LogBucket.Value {
			return b
		}
	}
	return nil
}
