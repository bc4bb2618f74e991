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

# --- bucket-configuration writes (H2) -----------------------------------------

test_partner_config_writes_fail if {
	acts := ["s3:PutBucketLogging", "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration", "s3:PutReplicationConfiguration", "s3:PutBucketObjectLockConfiguration", "s3:DeleteBucket", "s3:PutBucketPublicAccessBlock", "s3:PutBucketOwnershipControls"]
	every a in acts {
		count(no_cross_account_admin.deny) == 1 with input as spec(stmt("arn:aws:iam::444455556666:root", a))
	}
}

# --- identity policies of cross-account roles (H2) ---------------------------

role_spec(trusted, actions) := {
	"aws": {"account_id": {"value": "111122223333"}},
	"grants": [{
		"address": "grant.partner",
		"cross_account_role": {"trusted_account_id": {"value": trusted}, "name": {"value": "teramot-access"}},
	}],
	"documents": [{
		"kind": "identity-policy", "address": "grant.partner", "range": rng(11),
		"content": {"Statement": [
			{"Sid": "ObjectAccess", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
			{"Sid": "BucketAccess", "Effect": "Allow", "Action": actions, "Resource": "arn:aws:s3:::b"},
		]},
		"provenance": {"/Statement/0": rng(13), "/Statement/1": rng(14)},
	}],
}

test_role_extra_actions_fail if {
	fs := no_cross_account_admin.deny with input as role_spec("210987654321", ["s3:PutEncryptionConfiguration", "s3:PutBucketLogging", "s3:ListBucket"])
	count(fs) == 1
	some f in fs
	f.range.start.line == 14
	f.address == "grant.partner"
	contains(f.msg, `account "210987654321"`)
	endswith(f.msg, "call s3:PutEncryptionConfiguration, s3:PutBucketLogging")
}

test_role_wildcard_fails if {
	count(no_cross_account_admin.deny) == 1 with input as role_spec("210987654321", "s3:PutBucket*")
}

test_role_data_actions_pass if {
	count(no_cross_account_admin.deny) == 0 with input as role_spec("210987654321", ["s3:ListBucket", "s3:GetBucketLocation"])
}

test_own_account_role_passes if {
	count(no_cross_account_admin.deny) == 0 with input as role_spec("111122223333", "s3:PutBucketVersioning")
}

test_user_grant_identity_policy_ignored if {
	s := object.union(role_spec("210987654321", "s3:PutBucketPolicy"), {"grants": [{"address": "grant.partner", "cross_account_role": null}]})
	count(no_cross_account_admin.deny) == 0 with input as s
}

# --- principals that do not name their account (L3) ---------------------------

typed(t, v) := {"Sid": "P", "Effect": "Allow", "Principal": {t: v}, "Action": "s3:PutEncryptionConfiguration", "Resource": "arn:aws:s3:::b"}

test_other_principal_types_fail if {
	every s in [
		typed("CanonicalUser", "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"),
		typed("Federated", "arn:aws:iam::444455556666:saml-provider/corp"),
		typed("Federated", "accounts.google.com"),
		typed("AWS", "AROA1234567890EXAMPLE"),
		typed("AWS", "AIDA1234567890EXAMPLE"),
	] {
		count(no_cross_account_admin.deny) == 1 with input as spec(s)
	}
}

test_own_typed_principals_pass if {
	every s in [
		typed("Federated", "arn:aws:iam::111122223333:saml-provider/corp"),
		typed("AWS", "111122223333"),
		typed("Service", "logging.s3.amazonaws.com"),
	] {
		count(no_cross_account_admin.deny) == 0 with input as spec(s)
	}
}
