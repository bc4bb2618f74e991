package spec

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	bucketNameRe = newLazyRegexp(`^[a-z0-9][a-z0-9.-]*[a-z0-9]$`)
	bucketIPRe   = newLazyRegexp(`^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$`)
)

// bucketNameProblem returns why name breaks the AWS bucket naming rules
// (TMC701), or "".
func bucketNameProblem(name string) string {
	switch {
	case len(name) < 3 || len(name) > 63:
		return fmt.Sprintf("it is %s long; bucket names have 3 to 63", characters(len(name)))
	case !bucketNameRe.MatchString(name):
		return "bucket names use only lowercase letters, digits, dots and hyphens, and begin and end with a letter or digit"
	case strings.Contains(name, ".."):
		return "bucket names may not contain two adjacent dots"
	case bucketIPRe.MatchString(name): // also 999.1.1.1 and 01.2.3.4, as the lint rule
		return "bucket names may not look like an IP address"
	}
	for _, p := range []string{"xn--", "sthree-", "amzn-s3-demo-"} {
		if strings.HasPrefix(name, p) {
			return fmt.Sprintf("the prefix %q is reserved by AWS", p)
		}
	}
	for _, s := range []string{"-s3alias", "--ol-s3", "--x-s3", ".mrap", "--table-s3"} {
		if strings.HasSuffix(name, s) {
			return fmt.Sprintf("the suffix %q is reserved by AWS", s)
		}
	}
	return ""
}

func (l *loader) checkBucketName(b *Bucket) {
	if b.AccessLogging != nil {
		l.checkNamedBucket(b.AccessLogging.TargetBucket, b.AccessLogging.TargetRef, "access_logging target_bucket")
	}
	if !b.Name.Set {
		return
	}
	if why := bucketNameProblem(b.Name.Value); why != "" {
		l.ruleError("TMC701", b.Name.Range, "Invalid bucket name",
			"AWS would reject the bucket name %s: %s. Choose another name.", show(b.Name), why)
	}
}

// checkNamedBucket applies the naming rules to a bucket written by name (an
// access-log target, a trail's log bucket). A reference to a declared
// bucket is checked at that bucket's name. Without this an empty or invalid
// name passed validation and lint, and only PutBucketLogging or CreateTrail
// refused it, after the plan had been approved.
func (l *loader) checkNamedBucket(name Attr[string], ref, what string) {
	if !name.Set || ref != "" {
		return
	}
	if why := bucketNameProblem(name.Value); why != "" {
		l.ruleError("TMC701", name.Range, "Invalid bucket name",
			"AWS would reject %s %s: %s. Write the name of an existing bucket, or refer to a bucket block "+
				"of the spec (bucket.LABEL.name).", what, show(name), why)
	}
}

// checkTags enforces the S3 tag limits (TMC703).
func (l *loader) checkTags(b *Bucket) {
	t := b.Tags
	if len(t.Entries) > 50 {
		l.ruleError("TMC703", t.Range, "Too many tags",
			"This bucket has %d tags; S3 allows at most 50 per bucket. Remove or merge %d of them "+
				"(a value can hold several facts, like \"team=data env=prod\").", len(t.Entries), len(t.Entries)-50)
	}
	for _, e := range t.Entries {
		n := utf8.RuneCountInString(e.Key)
		switch {
		case n < 1 || n > 128:
			l.ruleError("TMC703", e.Range, "Invalid tag key",
				"Tag keys are 1 to 128 characters long; this one has %d. Shorten it.", n)
		case strings.HasPrefix(strings.ToLower(e.Key), "aws:"):
			l.ruleError("TMC703", e.Range, "Reserved tag key",
				"%s begins with \"aws:\", a prefix reserved for AWS. Rename it.", tagName("The key of", e))
		case !tagCharsRe.MatchString(e.Key):
			l.ruleError("TMC703", e.Range, "Invalid tag key", "%s", tagCharsDetail("the key", e.Key, e.Sensitive))
		}
		if v := utf8.RuneCountInString(e.Value); v > 256 {
			l.ruleError("TMC703", e.Range, "Tag value too long",
				"%s has %d characters; S3 allows at most 256. Shorten it.", tagName("The value of", e), v)
		}
		if !tagCharsRe.MatchString(e.Value) {
			l.ruleError("TMC703", e.Range, "Invalid tag value",
				"%s", tagCharsDetail(tagName("the value of", e), e.Value, e.Sensitive))
		}
	}
}

// tagName names e: what followed by its quoted key ("the value of tag
// \"env\""), or, when e is sensitive (a sensitive map makes its keys secrets
// too), what followed by "a tag from a sensitive value", without the key.
func tagName(what string, e *Tag) string {
	if e.Sensitive {
		return what + " a tag from a sensitive value"
	}
	return fmt.Sprintf("%s tag %q", what, e.Key)
}

// tagCharsRe is what S3 and IAM accept in tag keys and values: Unicode
// letters, separators (spaces) and numbers, and _ . : / = + - @ (the Tag
// type of the AWS APIs: ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$).
var tagCharsRe = newLazyRegexp(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`)

// tagCharsDetail says which characters of s, the key or value of a tag
// (what: "the key", "the value of tag \"x\""), tags do not accept and what
// to do. A sensitive s is described without quoting any of it.
func tagCharsDetail(what, s string, sensitive bool) string {
	const rule = "Tag keys and values use only letters, digits, spaces and _ . : / = + - @; "
	if sensitive {
		return rule + what + " has other characters. Replace them."
	}
	var bad []string
	for _, r := range s {
		if q := strconv.QuoteRune(r); !tagCharsRe.MatchString(string(r)) && !slices.Contains(bad, q) {
			bad = append(bad, q)
		}
	}
	if len(bad) == 1 {
		return rule + what + " has " + bad[0] + ". Replace it."
	}
	return rule + what + " has " + strings.Join(bad[:len(bad)-1], ", ") + " and " + bad[len(bad)-1] + ". Replace them."
}

var (
	iamNameRe = newLazyRegexp(`^[\w+=,.@-]+$`)
	iamPathRe = newLazyRegexp(`^(?:/|/[\x21-\x7e]+/)$`) // IAM API: (\u002F)|(\u002F[\u0021-\u007E]+\u002F)
)

// checkIAMName enforces IAM name length and charset (TMC704).
func (l *loader) checkIAMName(a Attr[string], what string, max int) {
	if !a.Set && a.Value == "" {
		return // a missing required name is reported on its own
	}
	n := len(a.Value)
	switch {
	case n < 1 || n > max:
		l.ruleError("TMC704", a.Range, "Invalid IAM "+what,
			"An IAM %s has 1 to %d characters; this one has %d. Choose another name.", what, max, n)
	case !iamNameRe.MatchString(a.Value):
		l.ruleError("TMC704", a.Range, "Invalid IAM "+what,
			"An IAM %s uses only letters, digits and + = , . @ _ -; %s has other characters.", what, show(a))
	}
}

func (l *loader) checkIAMPath(a Attr[string]) {
	if !a.Set {
		return
	}
	if len(a.Value) > 512 || !iamPathRe.MatchString(a.Value) {
		l.ruleError("TMC704", a.Range, "Invalid IAM path",
			"An IAM path is \"/\" or starts and ends with \"/\" (like \"/partners/\"), uses printable ASCII "+
				"without spaces and has at most 512 characters.")
	}
}

// kmsKeyRegion returns the region field of a KMS key ARN ("" when it has
// none).
func kmsKeyRegion(arn string) string {
	if parts := strings.Split(arn, ":"); len(parts) == 6 {
		return parts[3]
	}
	return ""
}

// shownPlain returns a value for a diagnostic, unquoted, unless it is
// sensitive.
func shownPlain(a Attr[string]) string {
	if a.Sensitive {
		return RedactedText
	}
	return a.Value
}

var kmsKeyARNRe = newLazyRegexp(`^arn:aws(?:-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$`)

// checkKMS enforces the KMS settings of a bucket's encryption (TMC202).
func (l *loader) checkKMS(b *Bucket) {
	e := b.Encryption
	alg := e.Algorithm.Value
	kms := alg == "aws:kms" || alg == "aws:kms:dsse"
	switch {
	case kms && !e.KMSKeyARN.Set:
		l.ruleError("TMC202", e.Algorithm.Range, "Missing KMS key",
			"The algorithm %s needs kms_key_arn, the ARN of the customer-managed key that encrypts the bucket.",
			quoteValue(alg, e.Algorithm.Sensitive))
	case !kms && e.KMSKeyARN.Set:
		l.ruleError("TMC202", e.KMSKeyARN.Range, "KMS key without a KMS algorithm",
			"kms_key_arn only applies with algorithm \"aws:kms\" or \"aws:kms:dsse\"; S3 rejects it with %s. "+
				"Set the algorithm or remove the key.", quoteValue(alg, e.Algorithm.Sensitive))
	case kms && strings.Contains(e.KMSKeyARN.Value, "alias/"):
		l.ruleError("TMC202", e.KMSKeyARN.Range, "KMS alias instead of key ARN",
			"kms_key_arn must be a key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID), not an alias: "+
				"grants need the key ARN in their kms:Decrypt and kms:GenerateDataKey statements.")
	case kms && !kmsKeyARNRe.MatchString(e.KMSKeyARN.Value):
		l.ruleError("TMC202", e.KMSKeyARN.Range, "Invalid KMS key ARN",
			"kms_key_arn must look like arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab.")
	case kms && b.Region.Set && b.Region.Value != "" && kmsKeyRegion(e.KMSKeyARN.Value) != b.Region.Value:
		region := shownPlain(b.Region)
		l.ruleError("TMC202", e.KMSKeyARN.Range, "KMS key in another region",
			"kms_key_arn names a key in region %s, but %s is in region %s: S3 encrypts a bucket with SSE-KMS only with a key "+
				"of the bucket's own region. Use a key created in %s (or a replica of a multi-Region key there).",
			shownPlain(Attr[string]{Value: kmsKeyRegion(e.KMSKeyARN.Value), Sensitive: e.KMSKeyARN.Sensitive}), b.Address, region, region)
	}
	if alg == "aws:kms:dsse" && e.BucketKey.Set && e.BucketKey.Value {
		l.ruleError("TMC202", e.BucketKey.Range, "Bucket key with DSSE-KMS",
			"S3 Bucket Keys are not supported with aws:kms:dsse. Remove bucket_key or use aws:kms.")
	}
}

var (
	trailNameRe     = newLazyRegexp(`^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$`)
	trailAdjacentRe = newLazyRegexp(`[._-]{2}`)
)

// trailNameProblem returns why CloudTrail would reject name as a trail
// name (TMC706), or "".
func trailNameProblem(name string) string {
	switch {
	case len(name) < 3 || len(name) > 128:
		return fmt.Sprintf("it is %s long; trail names have 3 to 128", characters(len(name)))
	case !trailNameRe.MatchString(name):
		return "trail names use only ASCII letters, digits, periods, underscores and dashes, and begin and end with a letter or digit"
	case trailAdjacentRe.MatchString(name):
		return "trail names may not have two periods, underscores or dashes next to each other (like \"my--trail\" or \"my-_trail\")"
	case bucketIPRe.MatchString(name):
		return "trail names may not look like an IP address"
	}
	return ""
}

// checkTrailName checks the trail's label, which is its name in CloudTrail.
func (l *loader) checkTrailName(t *Trail) {
	if why := trailNameProblem(t.Label); why != "" {
		l.ruleError("TMC706", t.DeclRange, "Invalid trail name",
			"CloudTrail would reject the trail name %q (the block label): %s. Choose another label, like trail \"teramot-data\".", t.Label, why)
	}
}

// characters says "1 character" or "N characters".
func characters(n int) string {
	if n == 1 {
		return "1 character"
	}
	return fmt.Sprintf("%d characters", n)
}
