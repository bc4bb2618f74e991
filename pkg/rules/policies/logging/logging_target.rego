# METADATA
# title: Access log target is valid
# description: >-
#   Server access logs must go to another bucket: logging a bucket to itself
#   causes an endless loop of log objects about log objects. When the target
#   bucket is declared in the spec, its bucket policy must let the log
#   delivery service (logging.s3.amazonaws.com) write with s3:PutObject,
#   because a bucket with ACLs disabled rejects the old log-delivery ACL grant
#   and no log would ever arrive.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
#     description: AWS documentation
# custom:
#   id: TMC402
#   name: logging-target
#   severity: error
#   hard: false
#   remediation: >-
#     Set access_logging.target_bucket to a separate log bucket, preferably
#     one declared in the spec (bucket.logs.name) so that teramotc adds the
#     logging.s3.amazonaws.com statement to its policy; do not remove that
#     statement with a Deny.
#   security_severity: "6.0"
#   peers: ["FSBP S3.9"]
package teramotc.rules.logging_target

import data.teramotc.lib.common
import data.teramotc.lib.identity

# The target is the bucket itself.
deny contains f if {
	some b in input.buckets
	l := b.access_logging
	l != null
	self_target(b, l)
	f := {
		"msg": sprintf("bucket %q writes its server access logs to itself, which loops", [b.label]),
		"range": l.target_bucket.range,
		"address": b.address,
	}
}

self_target(b, l) if l.target_ref == b.label

self_target(b, l) if {
	l.target_ref == ""
	l.target_bucket.value == b.name.value
}

# A declared target lacks the log delivery statement.
deny contains f if {
	some b in input.buckets
	l := b.access_logging
	l != null
	some t in input.buckets
	t.label != b.label
	declared_target(t, l)
	not delivery_allowed(t)
	f := {
		"msg": sprintf("the policy of log bucket %q does not let logging.s3.amazonaws.com write the logs of bucket %q", [t.label, b.label]),
		"range": l.target_bucket.range,
		"address": b.address,
	}
}

declared_target(t, l) if l.target_ref == t.label

declared_target(t, l) if {
	l.target_ref == ""
	l.target_bucket.value == t.name.value
}

delivery_allowed(t) if {
	some doc in common.policy_documents
	doc.kind == "bucket-policy"
	doc.address == t.address
	some s in identity.statements(doc.content)
	s.Effect == "Allow"
	"logging.s3.amazonaws.com" in identity.list(object.get(s, ["Principal", "Service"], []))
	some a in identity.list(object.get(s, "Action", []))
	lower(a) in {"s3:putobject", "s3:put*", "s3:*"}
}
