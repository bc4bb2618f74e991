# METADATA
# title: TLS only
# description: >-
#   The bucket policy must deny every request made without TLS: a Deny of
#   s3:* to Principal "*" on both the bucket ARN and the object ARN
#   (arn:aws:s3:::NAME and arn:aws:s3:::NAME/*) with the condition Bool
#   aws:SecureTransport "false". Without it, clients can read and write
#   shared data over plain HTTP. teramotc renders this statement when
#   require_tls is on (the default). An own statement counts only when its
#   Action matches every S3 action ("*" or "s3:*", no NotAction) and
#   aws:SecureTransport is its only condition key: conditions are ANDed, so
#   another one (s3:TlsVersion, which plain HTTP does not send, or
#   aws:PrincipalAccount) lets requests without TLS through.
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
# looking at each: every action (s3:*, no NotAction) on the bucket ARN and
# the object ARN, with the TLS condition alone.
# Both match themselves as patterns when the bucket ARN holds only
# lowercase letters, digits, dots, hyphens and colons, as a valid one does
# (others take the full check).
rendered(s, b) if {
	s.Action == "s3:*"
	not s.NotAction
	s.Condition == {"Bool": {"aws:SecureTransport": "false"}}
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
		"action": "does not deny every action (Action s3:* without NotAction)",
	}
	not covers(s, b, want)
} | {gap |
	keys := narrowing_keys(s)
	count(keys) > 0
	gap := sprintf("is narrowed by other conditions (%s), so it does not deny every request without TLS", [concat(", ", sort(keys))])
}

covers(s, b, "bucket") if common.statement_covers_resource(s, common.bucket_arn(b.name.value))

covers(s, b, "object") if common.statement_covers_resource(s, common.object_arn(b.name.value))

covers(s, _, "action") if {
	not s.NotAction
	some p in common.actions(s)
	every_s3_action(lower(p))
}

# every_s3_action: the action pattern matches every S3 action, that is
# it is "*", "s*", "s3*" or "s3:*" (stars at the end of a prefix of "s3:").
every_s3_action(p) if {
	endswith(p, "*")
	startswith("s3:", trim_right(p, "*"))
}

# narrowing_keys lists the conditions of s other than the TLS one, as
# "Operator key" written in the policy. The conditions of a statement are
# ANDed: one on another key than aws:SecureTransport (s3:TlsVersion is
# absent on plain HTTP, aws:PrincipalAccount exempts every other account)
# lets some requests without TLS through. The Bool entry itself may list
# more values (ORed), which only widens the Deny.
narrowing_keys(s) := [sprintf("%s %s", [op, k]) |
	some op, kv in object.get(s, "Condition", {})
	some k, _ in kv
	not tls_condition({"operator": op, "key": lower(k)})
]

tls_condition(c) if {
	lower(c.operator) in {"bool", "boolifexists"}
	c.key == "aws:securetransport"
}
