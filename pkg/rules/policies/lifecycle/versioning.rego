# METADATA
# title: Versioning enabled
# description: >-
#   Versioning keeps every version of an object, so an overwrite or a delete
#   by a partner (or by a leaked key) can be undone. Without it the data is
#   gone for good. It is also required for replication and Object Lock. On a
#   bucket without versioning, an enabled lifecycle rule without a prefix
#   that expires objects after fewer than 7 days is reported too: it deletes
#   every object of the bucket for good, before a mistake is likely to be
#   noticed. When a grant or the bucket policy lets another party overwrite
#   or delete objects of a bucket without versioning, TMC307 reports an
#   error as well.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-14
#     description: FSBP S3.14, CKV_AWS_21, AVD-AWS-0090, KICS 568a4d22
# custom:
#   id: TMC301
#   name: versioning
#   severity: warning
#   hard: false
#   remediation: >-
#     Remove `versioning = false` (the default is true), and add a
#     lifecycle rule with `noncurrent_expiration_days` to bound the cost of old
#     versions. For a bucket of short-lived objects that needs no versioning,
#     give the expiring rule 7 days or more, or a prefix that holds only the
#     short-lived objects.
#   security_severity: "4.0"
#   peers: [CKV_AWS_21, AVD-AWS-0090, "KICS 568a4d22", "FSBP S3.14"]
package teramotc.rules.versioning

deny contains f if {
	some b in input.buckets
	b.versioning.value == false
	f := {
		"msg": sprintf("bucket %q is not versioned: overwritten and deleted objects cannot be recovered", [b.label]),
		"range": b.versioning.range,
		"address": b.address,
	}
}

# min_expiration_days: an unversioned bucket's whole-bucket expiration
# shorter than this deletes every object for good within days.
min_expiration_days := 7

deny contains f if {
	some b in input.buckets
	b.versioning.value == false
	some r in b.lifecycle_rules
	r.enabled.value
	whole_bucket(r)
	r.expiration_days.set
	r.expiration_days.value > 0
	r.expiration_days.value < min_expiration_days
	f := {
		"msg": sprintf("bucket %q is not versioned and lifecycle rule %q deletes every object %s after it is written: objects are gone for good before a mistake is likely to be noticed", [b.label, r.id, days(r.expiration_days.value)]),
		"range": r.expiration_days.range,
		"address": r.address,
	}
}

# whole_bucket: the rule has no prefix, so it expires every object.
whole_bucket(r) if object.get(r, ["prefix", "value"], "") == ""

days(1) := "1 day"

days(n) := sprintf("%d days", [n]) if n != 1
