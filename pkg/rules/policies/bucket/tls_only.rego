# METADATA
# title: TLS only
# description: >-
#   The bucket policy must deny every request made without TLS: a Deny of
#   s3:* to Principal "*" on both the bucket ARN and the object ARN
#   (arn:aws:s3:::NAME and arn:aws:s3:::NAME/*) with the condition Bool
#   aws:SecureTransport "false". Without it, clients can read and write
#   shared data over plain HTTP. teramotc renders this statement when
#   require_tls is on (the default).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-5
#     description: FSBP S3.5, CIS 2.1.1, CKV_AWS_379, KICS 4bc4dd4c
# custom:
#   id: TMC104
#   name: tls-only
#   severity: error
#   hard: false
#   remediation: >-
#     Remove `require_tls = false` (the default is true): teramotc then renders
#     the Deny with Bool aws:SecureTransport "false" on the bucket and object
#     ARNs.
#   security_severity: "7.4"
#   peers: [CKV_AWS_379, "KICS 4bc4dd4c", "FSBP S3.5", "CIS 2.1.1"]
package teramotc.rules.tls_only

import data.teramotc.lib.common

# A bucket with no complete TLS deny in its rendered policy.
deny contains f if {
	some b in input.buckets
	not complete(b)
	not partial(b)
	f := {
		"msg": message(b),
		"range": b.require_tls.range,
		"address": b.address,
	}
}

# A TLS deny that misses the bucket or the object ARN, or all actions.
deny contains f if {
	some b in input.buckets
	not complete(b)
	some doc in policy_documents(b)
	some i, s in doc.content.Statement
	tls_deny(s)
	some gap in gaps(s, b)
	f := {
		"msg": sprintf("the TLS deny of bucket %q %s", [b.label, gap]),
		"range": common.statement_range(doc, i),
		"address": b.address,
	}
}

message(b) := sprintf("bucket %q allows requests without TLS (require_tls = false)", [b.label]) if {
	not b.require_tls.value
} else := sprintf("the bucket policy of %q has no Deny on aws:SecureTransport = false", [b.label])

policy_documents(b) := {d | some d in input.documents; d.kind == "bucket-policy"; d.address == b.address}

complete(b) if {
	some doc in policy_documents(b)
	some s in doc.content.Statement
	tls_deny(s)
	count(gaps(s, b)) == 0
}

partial(b) if {
	some doc in policy_documents(b)
	some s in doc.content.Statement
	tls_deny(s)
}

# tls_deny: a Deny to everyone conditioned on aws:SecureTransport false.
tls_deny(s) if {
	common.is_deny(s)
	everyone(s)
	some c in common.conditions(s)
	lower(c.operator) == "bool"
	c.key == "aws:securetransport"
	some v in c.values
	lower(sprintf("%v", [v])) == "false"
}

everyone(s) if {
	some p in common.principals(s)
	p.value == "*"
}

gaps(s, b) := {gap |
	some want, gap in {
		"bucket": "does not cover the bucket ARN",
		"object": "does not cover the object ARN (NAME/*)",
		"action": "does not deny every action (s3:*)",
	}
	not covers(s, b, want)
}

covers(s, b, "bucket") if {
	some r in common.resources(s)
	glob.match(r, [], common.bucket_arn(b.name.value))
}

covers(s, b, "object") if {
	some r in common.resources(s)
	glob.match(r, [], common.object_arn(b.name.value))
}

covers(s, _, "action") if common.covers_action(s, "s3:*")
