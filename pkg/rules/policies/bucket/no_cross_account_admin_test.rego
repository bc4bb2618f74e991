package teramotc.rules.no_cross_account_admin_test

import data.teramotc.rules.no_cross_account_admin

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 3, "byte": 0}, "end": {"line": line, "column": 9, "byte": 0}}

spec(s) := {
	"aws": {"account_id": {"value": "111122223333"}},
	"documents": [{
		"kind": "bucket-policy", "address": "bucket.data", "range": rng(1),
		"content": {"Statement": [s]},
		"provenance": {"/Statement/0": rng(5), "/Statement/0/Action": rng(7)},
	}],
}

stmt(principal, actions) := {"Sid": "Partner", "Effect": "Allow", "Principal": {"AWS": principal}, "Action": actions, "Resource": "arn:aws:s3:::b"}

test_partner_put_bucket_policy_fails if {
	fs := no_cross_account_admin.deny with input as spec(stmt("arn:aws:iam::444455556666:root", "s3:PutBucketPolicy"))
	count(fs) == 1
	some f in fs
	f.range.start.line == 7
}

test_partner_s3_star_fails if {
	count(no_cross_account_admin.deny) == 1 with input as spec(stmt("444455556666", ["s3:*"]))
}

test_partner_put_star_fails if {
	count(no_cross_account_admin.deny) == 1 with input as spec(stmt(["arn:aws:iam::444455556666:role/x"], ["s3:Put*"]))
}

test_partner_read_passes if {
	count(no_cross_account_admin.deny) == 0 with input as spec(stmt("arn:aws:iam::444455556666:root", ["s3:GetObject", "s3:ListBucket"]))
}

test_own_account_passes if {
	count(no_cross_account_admin.deny) == 0 with input as spec(stmt("arn:aws:iam::111122223333:role/admin", "s3:PutBucketPolicy"))
}

test_deny_passes if {
	s := object.union(stmt("arn:aws:iam::444455556666:root", "s3:*"), {"Effect": "Deny"})
	count(no_cross_account_admin.deny) == 0 with input as spec(s)
}

test_not_action_fails if {
	s := {"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "NotAction": "s3:GetObject", "Resource": "*"}
	count(no_cross_account_admin.deny) == 1 with input as spec(s)
}

# A wildcard in an own-account principal ARN may match principals the
# account does not control: it counts as outside.
test_own_account_wildcard_fails if {
	count(no_cross_account_admin.deny) == 1 with input as spec(stmt("arn:aws:iam::111122223333:role/admin-*", "s3:PutBucketPolicy"))
}
