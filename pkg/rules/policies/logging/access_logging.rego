# METADATA
# title: Server access logging enabled
# description: >-
#   A bucket without server access logging leaves no record of the requests
#   made to it: who read, wrote or deleted which object, from where, and with
#   which result. Access logs are the first thing an investigation of a data
#   leak needs, and Security Hub control S3.9 expects them on every bucket.
#   A bucket that the spec itself names as a log target is exempt, unless
#   it is shared with another account (a grant, or an Allow of its policy
#   to another account or a wildcard principal that no condition limits to
#   the own account).
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
#     bucket (for example bucket.logs.name) and a target_prefix. A bucket
#     that the spec names as a log target (some bucket's
#     access_logging.target_bucket or a trail's log_bucket) and that is not
#     shared is exempt: logging it would loop or pile logs on logs. Do not
#     write logs into a shared data bucket.
#   security_severity: "4.0"
#   peers: [CKV_AWS_18, AVD-AWS-0089, "FSBP S3.9"]
package teramotc.rules.access_logging

import data.teramotc.lib.log_targets

# A log target that is not shared is exempt (lib/log_targets.rego).
deny contains f if {
	some b in input.buckets
	b.access_logging == null
	not log_targets.exempt(b)
	f := {
		"msg": message(b),
		"range": b.decl_range,
		"address": b.address,
	}
}

message(b) := sprintf("bucket %q has no server access logging: it receives logs, but it is shared with another account, so it is no dedicated log bucket", [b.label]) if {
	log_targets.log_target(b)
} else := sprintf("bucket %q has no server access logging", [b.label])
