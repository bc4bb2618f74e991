package apply

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// The diagnostics of CheckLogTargets (logtarget.go): a log target that is
// missing, of another account or in another region.

// logTargetDiag is the diagnostic for bucket b logging to t, or nil when
// the target is usable (or its region unknown).
func logTargetDiag(t *logTarget, b *spec.Bucket, region string, status int) *hcl.Diagnostic {
	al := b.AccessLogging
	rng := al.TargetBucket.Range
	name := shownName(t)
	src := b.Region.Value
	if b.Region.Sensitive {
		src = spec.RedactedText
	}
	fix := fmt.Sprintf("S3 delivers access logs only to an existing bucket of your own account in the logged bucket's region (%s). "+
		"Create that bucket in %s, or declare it in the spec as a bucket block and write target_bucket = bucket.LABEL.name so "+
		"that teramotc creates it and lets the log delivery service write to it. Nothing was written to AWS.", src, src)
	switch {
	case status == targetMissing:
		return &hcl.Diagnostic{Severity: hcl.DiagError, Subject: &rng,
			Summary: fmt.Sprintf("Access log target %s not found", name),
			Detail:  fmt.Sprintf("%s sends its server access logs to %s, which does not exist. %s", b.Address, name, fix)}
	case status == targetDenied:
		return &hcl.Diagnostic{Severity: hcl.DiagError, Subject: &rng,
			Summary: fmt.Sprintf("Access log target %s not yours", name),
			Detail: fmt.Sprintf("%s sends its server access logs to %s, but S3 denied HeadBucket on it: it belongs to another "+
				"account, or your credentials may not read it (s3:ListBucket). If it is yours, allow s3:ListBucket on it and "+
				"rerun. %s", b.Address, name, fix)}
	case region != "" && region != b.Region.Value:
		return &hcl.Diagnostic{Severity: hcl.DiagError, Subject: &rng,
			Summary: fmt.Sprintf("Access log target %s in another region", name),
			Detail: fmt.Sprintf("%s is in region %s, but the target bucket %s is in %s: S3 delivers access logs only to a "+
				"bucket in the logged bucket's region, and PutBucketLogging would refuse it. Log to a bucket in %s instead "+
				"(for example one declared in the spec with region = %q). Nothing was written to AWS.",
				b.Address, src, name, region, src, src)}
	}
	return nil
}

// trailLogBucketDiag is the diagnostic for trail tr writing its logs to t,
// or nil when t exists and is the caller's (or the account its
// log_bucket_account names). The region does not matter: CloudTrail
// delivers to a bucket in any region.
func trailLogBucketDiag(t *logTarget, tr *spec.Trail, status int) *hcl.Diagnostic {
	if t.owner != "" {
		return foreignTrailLogBucketDiag(t, tr, status)
	}
	rng := tr.LogBucket.Range
	name := shownName(t)
	fix := "CloudTrail delivers logs to a bucket of any account whose policy lets it write, so teramotc sends a trail's " +
		"logs only to a bucket of your own account, or of the account that log_bucket_account names. Declare the log " +
		"bucket in the spec as a bucket block and write log_bucket = bucket.LABEL.name so that teramotc creates it and " +
		"lets CloudTrail write to it, or create it in your account with a policy that lets cloudtrail.amazonaws.com " +
		"write, and check the name for typos. Nothing was written to AWS."
	switch status {
	case targetMissing:
		return &hcl.Diagnostic{Severity: hcl.DiagError, Subject: &rng,
			Summary: fmt.Sprintf("Trail log bucket %s not found", name),
			Detail: fmt.Sprintf("%s sends its logs to %s, which does not exist: whoever creates a bucket of that name "+
				"would receive them. %s", tr.Address, name, fix)}
	case targetDenied:
		return &hcl.Diagnostic{Severity: hcl.DiagError, Subject: &rng,
			Summary: fmt.Sprintf("Trail log bucket %s not yours", name),
			Detail: fmt.Sprintf("%s sends its logs to %s, but S3 denied HeadBucket on it: it belongs to another account, "+
				"which would read the data events of your bucket, or your credentials may not read it (s3:ListBucket). "+
				"If the bucket belongs to another account of your organization, such as its log archive account, set "+
				"log_bucket_account = \"ID\" in %s to that account's 12-digit id, and teramotc checks that the bucket is "+
				"that account's instead. If it is yours, allow s3:ListBucket on it and rerun. %s",
				tr.Address, name, tr.Address, fix)}
	}
	return nil
}

// foreignTrailLogBucketDiag is trailLogBucketDiag for a log bucket that
// log_bucket_account says belongs to another account: S3 answers 403 when
// that account does not own it (ExpectedBucketOwner), and also when its
// policy does not let the caller list it.
func foreignTrailLogBucketDiag(t *logTarget, tr *spec.Trail, status int) *hcl.Diagnostic {
	rng := tr.LogBucket.Range
	name := shownName(t)
	owner := t.owner
	if t.ownerSens {
		owner = spec.RedactedText
	}
	switch status {
	case targetMissing:
		return &hcl.Diagnostic{Severity: hcl.DiagError, Subject: &rng,
			Summary: fmt.Sprintf("Trail log bucket %s not found", name),
			Detail: fmt.Sprintf("%s sends its logs to %s, which does not exist: whoever creates a bucket of that name "+
				"would receive them. Check the name for typos, or create the bucket in account %s (log_bucket_account) "+
				"with a policy that lets cloudtrail.amazonaws.com write, and rerun. Nothing was written to AWS.",
				tr.Address, name, owner)}
	case targetDenied:
		return &hcl.Diagnostic{Severity: hcl.DiagError, Subject: &rng,
			Summary: fmt.Sprintf("Trail log bucket %s not of account %s", name, owner),
			Detail: fmt.Sprintf("%s sends its logs to %s, which log_bucket_account says belongs to account %s, but S3 "+
				"denied HeadBucket with that expected owner: the bucket belongs to another account, which would read "+
				"the data events of your bucket, or its policy does not let your account list it (s3:ListBucket). "+
				"Check the bucket name and log_bucket_account; if both are right, let your account s3:ListBucket on "+
				"the bucket in its policy (in account %s) and rerun. Nothing was written to AWS.",
				tr.Address, name, owner, owner)}
	}
	return nil
}

func shownName(t *logTarget) string {
	if t.sensitive {
		return spec.RedactedText
	}
	return fmt.Sprintf("%q", t.name)
}
