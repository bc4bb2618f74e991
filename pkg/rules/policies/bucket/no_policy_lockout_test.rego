package teramotc.rules.no_policy_lockout_test

import data.teramotc.rules.no_policy_lockout

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 3, "byte": 0}, "end": {"line": line, "column": 9, "byte": 0}}

spec(s) := {"buckets": [{"label": "data", "address": "bucket.data", "name": {"value": "b"}}], "documents": [{
	"kind": "bucket-policy", "address": "bucket.data", "range": rng(1),
	"content": {"Statement": [s]}, "provenance": {"/Statement/0": rng(5)},
}]}

deny_all := {"Sid": "DenyAll", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b"}

test_unconditional_deny_all_fails if {
	fs := no_policy_lockout.deny with input as spec(deny_all)
	count(fs) == 1
	some f in fs
	f.range.start.line == 5
}

test_deny_put_bucket_policy_fails if {
	s := object.union(deny_all, {"Action": ["s3:PutBucketPolicy"]})
	count(no_policy_lockout.deny) == 1 with input as spec(s)
}

test_tls_deny_passes if {
	s := object.union(deny_all, {"Condition": {"Bool": {"aws:SecureTransport": "false"}}})
	count(no_policy_lockout.deny) == 0 with input as spec(s)
}

test_deny_get_object_passes if {
	s := object.union(deny_all, {"Action": "s3:GetObject"})
	count(no_policy_lockout.deny) == 0 with input as spec(s)
}

test_deny_to_one_principal_passes if {
	s := object.union(deny_all, {"Principal": {"AWS": "arn:aws:iam::444455556666:root"}})
	count(no_policy_lockout.deny) == 0 with input as spec(s)
}

# An Allow of the same actions to everyone locks nobody out (other rules
# report the wildcard principal).
test_allow_all_passes if {
	s := object.union(deny_all, {"Effect": "Allow"})
	count(no_policy_lockout.deny) == 0 with input as spec(s)
}

# PutBucketPolicy acts on the bucket ARN: a Deny of the objects under one
# prefix cannot lock anyone out of the policy.
test_deny_of_objects_only_passes if {
	s := object.union(deny_all, {"Resource": "arn:aws:s3:::b/quarantine/*"})
	count(no_policy_lockout.deny) == 0 with input as spec(s)
	with_bucket := object.union(deny_all, {"Resource": ["arn:aws:s3:::b/quarantine/*", "arn:aws:s3:::b"]})
	count(no_policy_lockout.deny) == 1 with input as spec(with_bucket)
	not_resource := object.union(object.remove(deny_all, ["Resource"]), {"NotResource": "arn:aws:s3:::b/public/*"})
	count(no_policy_lockout.deny) == 1 with input as spec(not_resource)
	not_bucket := object.union(object.remove(deny_all, ["Resource"]), {"NotResource": "arn:aws:s3:::b"})
	count(no_policy_lockout.deny) == 0 with input as spec(not_bucket)
}

# A condition that always holds narrows nothing.
test_always_true_condition_fails if {
	every cond in [
		{"StringLike": {"aws:PrincipalArn": "*"}},
		{"ArnLike": {"aws:PrincipalArn": ["arn:aws:iam::1:role/x", "*"]}},
		{"Bool": {"aws:SecureTransport": ["true", "false"]}},
	] {
		fs := no_policy_lockout.deny with input as spec(object.union(deny_all, {"Condition": cond}))
		count(fs) == 1
		some f in fs
		contains(f.msg, "always holds")
	}
	every cond in [
		{"StringLike": {"aws:PrincipalArn": "*"}, "StringNotLike": {"aws:PrincipalArn": "arn:aws:iam::1:role/admin"}},
		{"StringLike": {"aws:SourceVpce": "*"}},
		{"Bool": {"aws:MultiFactorAuthPresent": ["true", "false"]}},
	] {
		count(no_policy_lockout.deny) == 0 with input as spec(object.union(deny_all, {"Condition": cond}))
	}
	count(no_policy_lockout.deny) == 1 with input as spec(object.union(deny_all, {"Condition": {"StringLikeIfExists": {"aws:SourceVpce": "*"}}}))
}
