# METADATA
# title: Encryption enforced
# description: >-
#   Default encryption must be configured and the bucket policy must deny
#   uploads that do not ask for the bucket's algorithm
#   (require_encrypted_uploads). The Deny's condition value must be the
#   algorithm itself: a Deny on s3:x-amz-server-side-encryption "aws:kms"
#   on an AES256 bucket (or the reverse) rejects the uploads that follow the
#   bucket's own setting, and accepts the wrong one. An own Deny counts as
#   enforcement only when it covers every object (NAME/*) and has no other
#   condition ANDed with the one on the header; a stricter Deny on part of
#   the bucket is not a mismatch. A StringNotLike value with * or ? (as in
#   ["AES256", "*"]) lets other algorithms through, so such a Deny does not
#   count as enforcement either.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingServerSideEncryption.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html
#     description: CKV_AWS_19, AVD-AWS-0088, KICS ad03cb46, FSBP S3.4
# custom:
#   id: TMC201
#   name: encryption-enforced
#   severity: error
#   hard: false
#   remediation: >-
#     Keep `require_encrypted_uploads = true` in the `encryption` block (the
#     default) so teramotc renders the Deny with the algorithm's value, and
#     make any own `statement` on s3:x-amz-server-side-encryption use the
#     same value as `algorithm`.
#   security_severity: "6.5"
#   peers: [CKV_AWS_19, AVD-AWS-0088, "KICS ad03cb46", "FSBP S3.4"]
package teramotc.rules.encryption_enforced

import data.teramotc.lib.common

sse_key := "s3:x-amz-server-side-encryption"

# Uploads without the header are not denied.
deny contains f if {
	some b in input.buckets
	not b.encryption.require_encrypted_uploads.value
	not enforced(b)
	f := {
		"msg": sprintf("bucket %q does not deny uploads without server-side encryption (require_encrypted_uploads = false)", [b.label]),
		"range": b.encryption.require_encrypted_uploads.range,
		"address": b.address,
	}
}

# require_encrypted_uploads is on but the rendered policy has no such Deny.
deny contains f if {
	some b in input.buckets
	b.encryption.require_encrypted_uploads.value
	not enforced(b)
	f := {
		"msg": sprintf("the bucket policy of %q has no Deny of uploads without the %s header", [b.label, algorithm(b)]),
		"range": b.encryption.require_encrypted_uploads.range,
		"address": b.address,
	}
}

# A Deny of the whole bucket whose condition value is another algorithm than
# the bucket's. A stricter Deny on part of the bucket (aws:kms under
# secret/) rejects no upload that follows the bucket's setting elsewhere.
deny contains f if {
	some b in input.buckets
	some [doc, i, s, conditions] in sse_index[b.address]
	whole_bucket(s, b)
	some c in conditions
	not algorithm(b) in c.values
	f := {
		"msg": sprintf("statement %s denies uploads unless they use %s, but bucket %q encrypts with %s", [
			statement_name(s, i), values_shown(doc, c.values), b.label, algorithm(b),
		]),
		"range": condition_range(doc, i, s),
		"address": b.address,
	}
}

# condition_range: the values of the statement block's condition on the SSE
# header when a `statement` produced s, else the statement's condition.
condition_range(doc, i, s) := c.values.range if {
	st := common.user_statement(doc, s)
	some c in st.conditions
	lower(c.variable.value) == sse_key
	startswith(lower(c.test.value), "stringnot")
} else := common.field_range(doc, i, "Condition")

values_shown(doc, values) := "(sensitive)" if doc.sensitive == true

else := concat(" or ", values)

algorithm(b) := a if {
	a := b.encryption.algorithm.value
	a != ""
} else := "AES256"

# sse_denies lists the bucket-policy statements that have sse_conditions,
# as [doc, i, s, conditions].
sse_denies := [[doc, i, s, conditions] |
	some [doc, i, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Deny"
	conditions := sse_conditions(s)
	count(conditions) > 0
]

# sse_index maps a bucket address to its sse_denies (as a set), built once
# instead of scanning sse_denies for every bucket (lib/index.rego explains
# the two forms).
sse_index := {x[0].address: {x} | some x in sse_denies} if {
	count({x[0].address | some x in sse_denies}) == count(sse_denies)
} else := sse_denies_at

sse_denies_at[address] contains [doc, i, s, conditions] if {
	some [doc, i, s, conditions] in sse_denies
	address := doc.address
}

# sse_conditions: negated string conditions on the SSE header of a Deny that
# covers s3:PutObject (sse_denies passes only Deny statements). Such a Deny
# lets through only the listed values.
sse_conditions(s) := [c |
	common.statement_covers_action(s, "s3:PutObject")
	some c in common.conditions(s)
	c.key == sse_key
	startswith(lower(c.operator), "stringnot")
]

# enforced: some Deny of PutObject to everyone, on every object of the
# bucket, names the bucket's algorithm and has no condition that narrows it.
enforced(b) if {
	some [doc, _, s, conditions] in sse_index[b.address]
	some p in common.principals(s)
	p.value == "*"
	whole_bucket(s, b)
	count(narrowing_keys(s)) == 0
	some c in conditions
	algorithm(b) in c.values
	not wildcard_like(c)
}

# wildcard_like: a StringNotLike value with * or ? matches other values
# than the bucket's algorithm too ("*" matches every one), so the Deny
# lets uploads with any of them through: no enforcement.
wildcard_like(c) if {
	startswith(lower(c.operator), "stringnotlike")
	some v in c.values
	common.wildcard_value(v)
}

# whole_bucket: s applies to every object of b (a Resource matches NAME/*).
whole_bucket(s, b) if {
	not s.NotResource
	common.statement_covers_resource(s, common.object_arn(b.name.value))
}

# narrowing_keys lists the conditions of s that are ANDed with the SSE one
# and let some uploads without it through (aws:PrincipalAccount exempts
# every other account), as "Operator key". A negated string operator on the
# SSE key itself or on aws:PrincipalServiceName is not one: the first is
# the check, the second exempts only the named services (the log delivery
# exemption teramotc renders on a log bucket), as the key is absent for
# every other caller and a negated operator then holds.
narrowing_keys(s) := [sprintf("%s %s", [op, k]) |
	some op, kv in object.get(s, "Condition", {})
	some k, _ in kv
	not allowed_condition(lower(op), lower(k))
]

allowed_condition(op, key) if {
	startswith(op, "stringnot")
	key in {sse_key, "aws:principalservicename"}
}

statement_name(s, i) := sprintf("%q", [s.Sid]) if s.Sid

else := sprintf("%d", [i])
