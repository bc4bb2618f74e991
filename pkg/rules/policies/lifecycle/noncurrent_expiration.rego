# METADATA
# title: Noncurrent versions expire
# description: >-
#   A versioned bucket keeps every overwritten or deleted version forever,
#   and you pay for all of them. An enabled lifecycle rule with
#   noncurrent_expiration_days and no prefix (so that it applies to the
#   whole bucket) bounds that cost while keeping a recovery window.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configuration-examples.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-10
#     description: FSBP S3.10, CKV2_AWS_61
# custom:
#   id: TMC303
#   name: noncurrent-expiration
#   severity: warning
#   hard: false
#   remediation: >-
#     Add `noncurrent_expiration_days = 30` (or your recovery window, 7
#     days or more: TMC301 reports a shorter one) to a `lifecycle_rule` of
#     the bucket that has no `prefix`.
#   security_severity: "2.0"
#   peers: [CKV2_AWS_61, "FSBP S3.10"]
package teramotc.rules.noncurrent_expiration

import data.teramotc.lib.lifecycle

deny contains f if {
	some b in input.buckets
	b.versioning.value
	not expires_noncurrent(b)
	f := {
		"msg": concat("", [sprintf("bucket %q is versioned but no enabled lifecycle rule expires noncurrent versions", [b.label]), lifecycle.scoped_note(b, "noncurrent_expiration_days")]),
		"range": b.versioning.range,
		"address": b.address,
	}
}

expires_noncurrent(b) if {
	some r in b.lifecycle_rules
	r.enabled.value
	r.noncurrent_expiration_days.set
	lifecycle.whole_bucket(r)
}
