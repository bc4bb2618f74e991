# METADATA
# title: Versioning enabled
# description: >-
#   Versioning keeps every version of an object, so an overwrite or a delete
#   by a partner (or by a leaked key) can be undone. Without it the data is
#   gone for good. It is also required for replication and Object Lock. On a
#   bucket without versioning, an enabled lifecycle rule without a prefix
#   that expires objects after fewer than 7 days is reported too: it deletes
#   every object of the bucket for good, before a mistake is likely to be
#   noticed. A versioned bucket with an enabled lifecycle rule without a
#   prefix that expires noncurrent versions fewer than 7 days after they
#   become noncurrent is reported for the same reason: an overwritten or
#   deleted object is gone for good before anyone is likely to look for it.
#   When a grant or the bucket policy lets another party overwrite or
#   delete objects of a bucket without versioning, or with such a short
#   noncurrent expiration, TMC307 reports an error as well.
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
#     short-lived objects. Keep `noncurrent_expiration_days` at 7 days or
#     more (30 is common): it is how long a mistake can be undone.
#   security_severity: "4.0"
#   peers: [CKV_AWS_21, AVD-AWS-0090, "KICS 568a4d22", "FSBP S3.14"]
package teramotc.rules.versioning

import data.teramotc.lib.lifecycle

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

# A versioned bucket whose whole-bucket rule purges noncurrent versions
# within days keeps an overwritten or deleted object only that long; with a
# short whole-bucket expiration as well, every object is gone for good
# within days of its upload.
deny contains f if {
	some b in input.buckets
	b.versioning.value == true
	some r in lifecycle.short_noncurrent(b)
	whole_bucket(r)
	n := r.noncurrent_expiration_days.value
	f := {
		"msg": sprintf("bucket %q is versioned, but lifecycle rule %q deletes noncurrent versions %s after they become noncurrent: an overwritten or deleted object can be recovered only that long, before a mistake is likely to be noticed%s", [b.label, r.id, days(n), expiring_note(b, n)]),
		"range": r.noncurrent_expiration_days.range,
		"address": r.address,
	}
}

# expiring_note names a whole-bucket rule that also expires every object
# within days: current objects then become noncurrent and are purged too.
expiring_note(b, n) := sprintf("; with rule %q expiring every object %s after it is written, every object is gone for good about %s after it is written", [e.id, days(e.expiration_days.value), days(e.expiration_days.value + n)]) if {
	es := [e |
		some e in b.lifecycle_rules
		e.enabled.value
		whole_bucket(e)
		e.expiration_days.set
		e.expiration_days.value > 0
		e.expiration_days.value < min_expiration_days
	]
	count(es) > 0
	e := es[0]
} else := ""

# whole_bucket: the rule has no prefix, so it expires every object.
whole_bucket(r) if object.get(r, ["prefix", "value"], "") == ""

days(n) := lifecycle.days(n)
