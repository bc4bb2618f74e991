# METADATA
# title: Server access logging enabled
# description: >-
#   A bucket without server access logging leaves no record of the requests
#   made to it: who read, wrote or deleted which object, from where, and with
#   which result. Access logs are the first thing an investigation of a data
#   leak needs, and Security Hub control S3.9 expects them on every bucket.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
#     description: AWS documentation
# custom:
#   id: TMC401
#   name: access-logging
#   severity: warning
#   hard: false
#   remediation: >-
#     Add an access_logging block with target_bucket set to a dedicated log
#     bucket (for example bucket.logs.name) and a target_prefix. For the log
#     bucket itself, suppress this rule with a reason: logging it to itself
#     would loop.
#   security_severity: "4.0"
#   peers: [CKV_AWS_18, AVD-AWS-0089, "FSBP S3.9"]
package teramotc.rules.access_logging

deny contains f if {
	some b in input.buckets
	b.access_logging == null
	f := {
		"msg": sprintf("bucket %q has no server access logging", [b.label]),
		"range": b.decl_range,
		"address": b.address,
	}
}
