# METADATA
# title: Incomplete multipart uploads aborted
# description: >-
#   Parts of multipart uploads that never complete stay in the bucket,
#   invisible in listings, and are billed until they are aborted. An
#   enabled lifecycle rule with abort_incomplete_upload_days and no prefix
#   (so that it applies to the whole bucket) removes them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html
#     description: CKV_AWS_300
# custom:
#   id: TMC304
#   name: abort-multipart
#   severity: notice
#   hard: false
#   remediation: >-
#     Add `abort_incomplete_upload_days = 7` to a `lifecycle_rule` of the
#     bucket that has no `prefix`.
#   security_severity: "1.0"
#   peers: [CKV_AWS_300]
package teramotc.rules.abort_multipart

import data.teramotc.lib.lifecycle

deny contains f if {
	some b in input.buckets
	not aborts(b)
	f := {
		"msg": concat("", [sprintf("bucket %q keeps the parts of incomplete multipart uploads forever", [b.label]), lifecycle.scoped_note(b, "abort_incomplete_upload_days")]),
		"range": b.decl_range,
		"address": b.address,
	}
}

aborts(b) if {
	some r in b.lifecycle_rules
	r.enabled.value
	r.abort_incomplete_upload_days.set
	lifecycle.whole_bucket(r)
}
