package teramotc.rules.encryption_enforced_test

import data.teramotc.rules.encryption_enforced

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 3, "byte": 0}, "end": {"line": line, "column": 9, "byte": 0}}

deny_unencrypted(value) := {
	"Sid": "DenyUnencryptedUploads", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject",
	"Resource": "arn:aws:s3:::acme-data/*",
	"Condition": {"StringNotEquals": {"s3:x-amz-server-side-encryption": value}},
}

spec(algorithm, require, statements) := {
	"buckets": [{
		"label": "data", "address": "bucket.data", "name": {"value": "acme-data"},
		"encryption": {
			"range": rng(6),
			"algorithm": {"value": algorithm, "set": true, "range": rng(7)},
			"require_encrypted_uploads": {"value": require, "set": true, "range": rng(8)},
		},
	}],
	"documents": [{
		"kind": "bucket-policy", "address": "bucket.data", "range": rng(1),
		"content": {"Statement": statements},
		"provenance": {"/Statement/0": rng(8), "/Statement/1": rng(20)},
	}],
}

test_matching_deny_passes if {
	count(encryption_enforced.deny) == 0 with input as spec("AES256", true, [deny_unencrypted("AES256")])
	count(encryption_enforced.deny) == 0 with input as spec("aws:kms", true, [deny_unencrypted("aws:kms")])
}

test_require_off_fails if {
	fs := encryption_enforced.deny with input as spec("AES256", false, [])
	count(fs) == 1
	some f in fs
	f.range.start.line == 8
}

test_kms_deny_on_aes256_bucket_fails if {
	inp := spec("AES256", true, [deny_unencrypted("AES256"), deny_unencrypted("aws:kms")])
	fs := encryption_enforced.deny with input as inp
	count(fs) == 1
	some f in fs
	f.range.start.line == 20
	contains(f.msg, "aws:kms")
}

test_aes256_deny_on_kms_bucket_fails if {
	fs := encryption_enforced.deny with input as spec("aws:kms", true, [deny_unencrypted("AES256")])

	# the mismatch, and no Deny for aws:kms
	count(fs) == 2
}

test_missing_rendered_deny_fails if {
	count(encryption_enforced.deny) == 1 with input as spec("AES256", true, [])
}

test_own_matching_statement_counts if {
	count(encryption_enforced.deny) == 0 with input as spec("AES256", false, [deny_unencrypted("AES256")])
}

test_mismatch_points_at_condition_values if {
	st := {
		"sid": "DenyUnencryptedUploads",
		"conditions": [{
			"test": {"value": "StringNotEquals"},
			"variable": {"value": "s3:x-amz-server-side-encryption"},
			"values": {"value": ["aws:kms"], "range": rng(22)},
		}],
	}
	base := spec("AES256", true, [deny_unencrypted("aws:kms")])
	inp := json.patch(base, [{"op": "add", "path": "/buckets/0/statements", "value": [st]}])
	lines := {f.range.start.line | some f in encryption_enforced.deny with input as inp}
	lines == {8, 22}
}

# A Deny whose condition is StringEquals on the SSE header denies the
# encrypted uploads, not the unencrypted ones: it enforces nothing.
test_deny_on_string_equals_fails if {
	s := object.union(object.remove(deny_unencrypted("AES256"), ["Condition"]), {"Condition": {"StringEquals": {"s3:x-amz-server-side-encryption": "AES256"}}})
	count(encryption_enforced.deny) == 1 with input as spec("AES256", true, [s])
}

# An own Deny on one prefix leaves uploads elsewhere unchecked; one ANDed
# with aws:PrincipalAccount leaves every other account unchecked.
test_partial_own_deny_is_not_enforcement if {
	prefix := object.union(deny_unencrypted("AES256"), {"Resource": "arn:aws:s3:::acme-data/tmp/*"})
	count(encryption_enforced.deny) == 1 with input as spec("AES256", false, [prefix])
	narrowed := object.union(deny_unencrypted("AES256"), {"Condition": {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}})
	count(encryption_enforced.deny) == 1 with input as spec("AES256", false, [narrowed])
	not_resource := object.union(object.remove(deny_unencrypted("AES256"), ["Resource"]), {"NotResource": "arn:aws:s3:::acme-data/public/*"})
	count(encryption_enforced.deny) == 1 with input as spec("AES256", false, [not_resource])
	whole := object.union(deny_unencrypted("AES256"), {"Resource": ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]})
	count(encryption_enforced.deny) == 0 with input as spec("AES256", false, [whole])
}

# The renderer's exemption of the log delivery services on a log bucket.
test_service_exemption_is_enforcement if {
	s := object.union(deny_unencrypted("AES256"), {"Condition": {"StringNotEquals": {
		"s3:x-amz-server-side-encryption": "AES256",
		"aws:PrincipalServiceName": ["cloudtrail.amazonaws.com", "logging.s3.amazonaws.com"],
	}}})
	count(encryption_enforced.deny) == 0 with input as spec("AES256", true, [s])
}

# A stricter aws:kms Deny on one prefix of an AES256 bucket is no mismatch.
test_stricter_prefix_deny_is_not_a_mismatch if {
	secret := object.union(deny_unencrypted("aws:kms"), {"Resource": "arn:aws:s3:::acme-data/secret/*"})
	count(encryption_enforced.deny) == 0 with input as spec("AES256", true, [deny_unencrypted("AES256"), secret])
}

# A StringNotLike value with * or ? lets other algorithms through: the Deny
# is no enforcement (review L6).
deny_not_like(values) := object.union(object.remove(deny_unencrypted("AES256"), ["Condition"]), {"Condition": {"StringNotLike": {"s3:x-amz-server-side-encryption": values}}})

test_wildcard_not_like_is_not_enforcement if {
	every values in [["AES256", "*"], ["AES256", "AES*"], ["AES256", "aws:kms?"]] {
		count(encryption_enforced.deny) == 1 with input as spec("AES256", false, [deny_not_like(values)])
	}
	count(encryption_enforced.deny) == 0 with input as spec("AES256", false, [deny_not_like(["AES256"])])
}
