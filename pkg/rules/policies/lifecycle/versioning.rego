# METADATA
# title: Versioning enabled
# description: >-
#   Versioning keeps every version of an object, so an overwrite or a delete
#   by a partner (or by a leaked key) can be undone. Without it the data is
#   gone for good. It is also required for replication and Object Lock.
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
#     versions.
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
