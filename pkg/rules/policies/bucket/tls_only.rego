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

deny contains f if {
	some b in input.buckets
	not partial(b)
	f := {
		"msg": message(b),
		"range": b.require_tls.range,
		"address": b.address,
	}
}

deny contains f if {
	some b in input.buckets
	not complete(b)
	some [doc, i, s] in tls_index[b.address]
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

# tls_denies lists, as [doc, i, s], the bucket-policy statements that deny
# requests without TLS to everyone.
tls_denies := [[doc, i, s] |
	some [doc, i, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Deny"
	tls_deny(s)
]

# tls_index maps a bucket address to its tls_denies (as a set), built once
# instead of scanning tls_denies for every bucket (lib/index.rego explains
# the two forms).
tls_index := {x[0].address: {x} | some x in tls_denies} if {
	count({x[0].address | some x in tls_denies}) == count(tls_denies)
} else := tls_denies_at

tls_denies_at[address] contains [doc, i, s] if {
	some [doc, i, s] in tls_denies
	address := doc.address
}

# complete: a TLS deny of the bucket's policy covers the bucket, its objects
# and every action; partial: there is a TLS deny at all.
complete(b) if {
	some [doc, _, s] in tls_index[b.address]
	rendered(s, b)
} else if {
	some [doc, _, s] in tls_index[b.address]
	count(gaps(s, b)) == 0
}

# rendered: s is the TLS deny teramotc renders, which has no gaps without
# looking at each: every action (s3:*) on the bucket ARN and the object ARN.
# Both match themselves as patterns when the bucket ARN holds only
# lowercase letters, digits, dots, hyphens and colons, as a valid one does
# (others take the full check).
rendered(s, b) if {
	s.Action == "s3:*"
	arn := common.bucket_arn(b.name.value)
	s.Resource == [arn, common.object_arn(b.name.value)]
	trim(arn, "abcdefghijklmnopqrstuvwxyz0123456789.-:") == ""
}

partial(b) if {
	some [doc, _, _] in tls_index[b.address]
}

# tls_deny: a Deny (tls_denies passes only those) to everyone on
# aws:SecureTransport = false.
tls_deny(s) if {
	some p in common.principals(s)
	p.value == "*"
	some c in common.conditions(s)
	lower(c.operator) == "bool"
	c.key == "aws:securetransport"
	some v in c.values
	lower(sprintf("%v", [v])) == "false"
}

gaps(s, b) := {gap |
	some want, gap in {
		"bucket": "does not cover the bucket ARN",
		"object": "does not cover the object ARN (NAME/*)",
		"action": "does not deny every action (s3:*)",
	}
	not covers(s, b, want)
}

covers(s, b, "bucket") if common.statement_covers_resource(s, common.bucket_arn(b.name.value))

covers(s, b, "object") if common.statement_covers_resource(s, common.object_arn(b.name.value))

covers(s, _, "action") if common.statement_covers_action(s, "s3:*")
