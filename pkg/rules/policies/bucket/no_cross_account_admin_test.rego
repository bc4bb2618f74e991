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

role_spec(trusted, actions) := role_spec_on(trusted, actions, "arn:aws:s3:::b")

# both: object actions need an object ARN, bucket actions the bucket ARN.
both := ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]

role_spec_on(trusted, actions, resource) := {
	"aws": {"account_id": {"value": "111122223333"}},
	"grants": [{
		"address": "grant.partner",
		"cross_account_role": {"trusted_account_id": {"value": trusted}, "name": {"value": "teramot-access"}},
	}],
	"documents": [{
		"kind": "identity-policy", "address": "grant.partner", "range": rng(11),
		"content": {"Statement": [
			{"Sid": "ObjectAccess", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
			{"Sid": "BucketAccess", "Effect": "Allow", "Action": actions, "Resource": resource},
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

# --- identity policies of IAM users (H3) --------------------------------------

user_spec(actions) := object.union(role_spec("210987654321", actions), {"grants": [{
	"address": "grant.partner",
	"cross_account_role": null,
	"iam_user": {"name": {"value": "teramot-service-user"}},
	"prefix": {"value": ""},
}]})

# The access keys of an IAM user are handed to the partner: the user's
# identity policy counts like a partner role's.
test_user_grant_fails if {
	fs := no_cross_account_admin.deny with input as user_spec(["s3:PutBucketLogging", "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration", "s3:PutEncryptionConfiguration", "s3:DeleteBucket"])
	count(fs) == 1
	some f in fs
	f.range.start.line == 14
	f.severity == "error"
	f.msg == `the identity policy of grant.partner lets whoever holds the access keys of IAM user "teramot-service-user" call s3:PutEncryptionConfiguration, s3:PutBucketLogging, s3:PutBucketVersioning, s3:PutLifecycleConfiguration, s3:DeleteBucket`
}

test_user_grant_data_actions_pass if {
	count(no_cross_account_admin.deny) == 0 with input as user_spec(["s3:ListBucket", "s3:GetBucketLocation"])
}

# --- tiers (M3) ---------------------------------------------------------------

by_severity(fs) := {sev: sort([f.msg | some f in fs; f.severity == sev]) | some sev in {f.severity | some f in fs}}

test_key_listings_and_purges_are_errors if {
	every a in ["s3:PutInventoryConfiguration", "s3:PutBucketNotification", "s3:DeleteObjectVersion", "s3:PutObjectRetention", "s3:PutReplicationConfiguration"] {
		fs := no_cross_account_admin.deny with input as role_spec_on("210987654321", [a], both)
		count(fs) == 1
		some f in fs
		f.severity == "error"
	}
}

test_shared_settings_are_warnings if {
	fs := no_cross_account_admin.deny with input as role_spec_on("210987654321", ["s3:ListBucket", "s3:PutBucketCORS", "s3:PutBucketWebsite", "s3:PutBucketRequestPayment", "s3:PutBucketTagging", "s3:PutAnalyticsConfiguration", "s3:PutIntelligentTieringConfiguration", "s3:PutObjectLegalHold"], both)
	count(fs) == 1
	some f in fs
	f.severity == "warning"
	f.range.start.line == 14
	contains(f.msg, "s3:PutBucketCORS (which web origins may call the bucket)")
	contains(f.msg, "s3:PutObjectLegalHold (legal holds")
}

test_costs_are_notices if {
	fs := no_cross_account_admin.deny with input as role_spec("210987654321", ["s3:PutAccelerateConfiguration", "s3:PutMetricsConfiguration"])
	by_severity(fs) == {"notice": [`the identity policy of grant.partner lets account "210987654321", which assumes role "teramot-access", call s3:PutAccelerateConfiguration (Transfer Acceleration, billed to the owner), s3:PutMetricsConfiguration (request metrics, billed to the owner)`]}
}

# Written out, each tier gets its finding.
test_tiers_reported_apart if {
	fs := no_cross_account_admin.deny with input as role_spec("210987654321", ["s3:PutBucketCORS", "s3:PutInventoryConfiguration", "s3:PutMetricsConfiguration"])
	{f.severity | some f in fs} == {"error", "warning", "notice"}
	count(fs) == 3
}

# A wildcard that grants error-level actions gets that one finding.
test_wildcard_folds_lower_tiers if {
	fs := no_cross_account_admin.deny with input as role_spec("210987654321", ["s3:Put*"])
	count(fs) == 1
	some f in fs
	f.severity == "error"
}

test_wildcard_of_warnings_only if {
	fs := no_cross_account_admin.deny with input as role_spec("210987654321", ["s3:PutBucketC*"])
	count(fs) == 1
	some f in fs
	f.severity == "warning"
}

test_bucket_statement_warning if {
	fs := no_cross_account_admin.deny with input as spec(stmt("arn:aws:iam::444455556666:root", ["s3:GetObject", "s3:PutBucketTagging"]))
	count(fs) == 1
	some f in fs
	f.severity == "warning"
}

# --- a grant prefix does not limit bucket-level actions (M3) -----------------

prefixed(actions, p) := json.patch(role_spec("210987654321", actions), [{"op": "add", "path": "/grants/0/prefix", "value": {"value": p}}])

test_prefix_noted if {
	fs := no_cross_account_admin.deny with input as prefixed(["s3:PutInventoryConfiguration"], "partner/")
	some f in fs
	endswith(f.msg, `call s3:PutInventoryConfiguration; the grant's prefix "partner/" does not limit them, they act on the whole bucket`)
}

test_no_prefix_no_note if {
	fs := no_cross_account_admin.deny with input as prefixed(["s3:PutInventoryConfiguration"], "")
	some f in fs
	endswith(f.msg, "call s3:PutInventoryConfiguration")
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

# --- a condition that admits only the own account (C1) ------------------------

cond(principal, condition) := {"Sid": "Own", "Effect": "Allow", "Principal": principal, "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::b", "Condition": condition}

# "*", or any principal, pinned to the own account by the caller's account
# or ARN, is not another account (lib/own_account_test.rego holds the full
# operator matrix).
test_pinned_to_own_account_passes if {
	every s in [
		cond("*", {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}),
		cond({"AWS": "*"}, {"StringEquals": {"aws:PrincipalAccount": ["111122223333"]}}),
		cond("*", {"ArnEquals": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:role/admin"]}}),
		cond("*", {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin-*"}}),
		cond("*", {"ForAnyValue:StringEquals": {"aws:PrincipalAccount": "111122223333"}}),
		cond({"AWS": "444455556666"}, {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}),
		cond({"CanonicalUser": "79a59df900b949e55d96a1e698fbaced"}, {"StringEqualsIgnoreCase": {"aws:PrincipalAccount": "111122223333"}}),
	] {
		count(no_cross_account_admin.deny) == 0 with input as spec(s)
	}
}

# Forms an anonymous caller or another account gets through are still
# reported.
test_not_pinned_to_own_account_fails if {
	every s in [
		cond("*", {"StringEqualsIfExists": {"aws:PrincipalAccount": "111122223333"}}),
		cond("*", {"ForAnyValue:StringEqualsIfExists": {"aws:PrincipalAccount": "111122223333"}}),
		cond("*", {"ForAllValues:StringEquals": {"aws:PrincipalAccount": "111122223333"}}),
		cond("*", {"ArnLikeIfExists": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin"}}),
		cond("*", {"StringNotEquals": {"aws:PrincipalAccount": "444455556666"}}),
		cond("*", {"Null": {"aws:PrincipalAccount": "false"}}),
		cond("*", {"StringEquals": {"aws:PrincipalAccount": ["111122223333", "444455556666"]}}),
		cond("*", {"StringEquals": {"aws:PrincipalAccount": "${aws:ResourceAccount}"}}),
		cond("*", {"StringEquals": {"aws:SourceAccount": "111122223333"}}),
		cond("*", {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}),
		cond("*", {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin"}}),
		cond("*", {"StringLike": {"aws:PrincipalArn": "arn:*:iam::111122223333:role/admin"}}),
	] {
		count(no_cross_account_admin.deny) == 1 with input as spec(s)
	}
}

test_pinned_without_own_account_fails if {
	s := object.remove(spec(cond("*", {"StringEquals": {"aws:PrincipalAccount": "111122223333"}})), ["aws"])
	count(no_cross_account_admin.deny) == 1 with input as s
}

# The identity policy of a partner's role is read as before: the role's
# sessions are principals of the own account, so a condition on
# aws:PrincipalAccount there does not keep the partner out.
test_role_identity_policy_ignores_conditions if {
	s := role_spec("210987654321", "s3:PutBucketPolicy")
	stmts := [object.union(st, {"Condition": {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}}) | some st in s.documents[0].content.Statement]
	s2 := json.patch(s, [{"op": "replace", "path": "/documents/0/content/Statement", "value": stmts}])
	count(no_cross_account_admin.deny) == 1 with input as s2
}

# --- statements that reach a grant's own-account identity (H1) ----------------

# with_grant adds a partner's role grant (a role of the own account) to a
# bucket-policy spec.
with_grant(s, grant_kind) := object.union(spec(s), {"grants": [object.union(
	{"label": "partner", "address": "grant.partner", "bucket": {"value": "data"}, "prefix": {"value": "partner/"}, "cross_account_role": null, "iam_user": null},
	grant_kind,
)]})

partner_role := {"cross_account_role": {"name": {"value": "partner-access"}, "path": {"value": "/"}, "trusted_account_id": {"value": "210987654321"}}}

partner_user := {"iam_user": {"name": {"value": "partner-svc"}, "path": {"value": "/"}}}

own_pinned(principal, actions) := object.union(stmt(principal, actions), {"Condition": {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}})

test_grant_identity_reached_table if {
	cases := {
		"star pinned, role grant": [own_pinned("*", "s3:PutBucketVersioning"), partner_role, `the bucket policy of bucket.data lets role "partner-access" of grant "partner" (assumed by account 210987654321) call s3:PutBucketVersioning`],
		"star pinned, user grant": [own_pinned("*", "s3:PutLifecycleConfiguration"), partner_user, `the bucket policy of bucket.data lets IAM user "partner-svc" of grant "partner" (whose access keys are handed out) call s3:PutLifecycleConfiguration`],
		"role ARN named": [object.union(stmt("arn:aws:iam::111122223333:role/partner-access", "s3:DeleteObjectVersion"), {"Resource": "arn:aws:s3:::b/*"}), partner_role, `the bucket policy of bucket.data lets role "partner-access" of grant "partner" (assumed by account 210987654321) call s3:DeleteObjectVersion`],
	}
	every _, c in cases {
		fs := no_cross_account_admin.deny with input as with_grant(c[0], c[1])
		{f.msg | some f in fs} == {c[2]}
	}
}

# An own administrator stays exempt: an exact role that is not a grant's,
# the account root (which delegates to identity policies), or "*" with the
# grants' identities excluded.
test_own_admin_with_grant_passes_table if {
	excluded := object.union(own_pinned("*", "s3:PutBucketPolicy"), {"Condition": {
		"StringEquals": {"aws:PrincipalAccount": "111122223333"},
		"ArnNotEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/partner-access"},
	}})
	cases := {
		"admin role": stmt("arn:aws:iam::111122223333:role/admin", "s3:PutBucketPolicy"),
		"own root": stmt("arn:aws:iam::111122223333:root", "s3:PutBucketPolicy"),
		"grants excluded": excluded,
	}
	every _, s in cases {
		count(no_cross_account_admin.deny) == 0 with input as with_grant(s, partner_role)
	}
}

# Without aws.account_id no principal is known to be the own account's:
# the message says so (L9).
test_unknown_account_says_so if {
	fs := no_cross_account_admin.deny with input as object.remove(spec(stmt("arn:aws:iam::111122223333:role/admin", "s3:PutBucketVersioning")), ["aws"])
	count(fs) == 1
	some f in fs
	endswith(f.msg, "; the own account is unknown: set aws.account_id so that principals of the own account are recognised")
	fs2 := no_cross_account_admin.deny with input as object.remove(spec(stmt("*", "s3:PutBucketVersioning")), ["aws"])
	[f2.msg | some f2 in fs2] == ["the bucket policy of bucket.data lets * call s3:PutBucketVersioning"]
}

# --- actions count only on a resource of their type --------------------------

# Object actions apply to object ARNs and bucket actions to bucket ARNs: an
# action matched on a resource of the other type grants nothing (the
# renderer puts an extra action it cannot place by name, such as
# s3:*Object, on the bucket ARN).
on_resource(actions, resource) := {
	"aws": {"account_id": {"value": "111122223333"}},
	"grants": [{
		"address": "grant.partner",
		"cross_account_role": {"trusted_account_id": {"value": "210987654321"}, "name": {"value": "teramot-access"}},
	}],
	"documents": [{
		"kind": "identity-policy", "address": "grant.partner", "range": rng(11),
		"content": {"Statement": [{"Sid": "BucketAccess", "Effect": "Allow", "Action": actions, "Resource": resource}]},
		"provenance": {"/Statement/0": rng(14)},
	}],
}

partner_on(resource) := {
	"aws": {"account_id": {"value": "111122223333"}},
	"documents": [{
		"kind": "bucket-policy", "address": "bucket.data", "range": rng(1),
		"content": {"Statement": [object.union(stmt("210987654321", "s3:*Object"), {"Resource": resource})]},
		"provenance": {"/Statement/0": rng(5), "/Statement/0/Action": rng(7)},
	}],
}

test_actions_on_their_resource_type_table if {
	bucket := "arn:aws:s3:::b"
	objects := "arn:aws:s3:::b/*"
	cases := {
		"object wildcard on the bucket ARN": [on_resource("s3:*Object", bucket), {}],
		"object wildcard on objects": [on_resource("s3:*Object", objects), {"notice": ["s3:RestoreObject"]}],
		"object wildcard on both": [on_resource("s3:*Object", [bucket, objects]), {"notice": ["s3:RestoreObject"]}],
		"object wildcard on a bucket wildcard": [on_resource("s3:*Object", "arn:aws:s3:::b*"), {"notice": ["s3:RestoreObject"]}],
		"object wildcard on every resource": [on_resource("s3:*Object", "*"), {"notice": ["s3:RestoreObject"]}],
		"object wildcard with NotResource": [json.patch(on_resource("s3:*Object", bucket), [{"op": "remove", "path": "/documents/0/content/Statement/0/Resource"}, {"op": "add", "path": "/documents/0/content/Statement/0/NotResource", "value": bucket}]), {"notice": ["s3:RestoreObject"]}],
		"object actions on the bucket ARN": [on_resource(["s3:PutObjectRetention", "s3:RestoreObject"], bucket), {}],
		"bucket actions on objects": [on_resource(["s3:PutBucketPolicy", "s3:PutBucketCORS"], objects), {}],
		"Put wildcard on objects: the object ones": [on_resource("s3:Put*", objects), {"error": ["s3:PutObjectAcl", "s3:PutObjectVersionAcl", "s3:PutObjectRetention"]}],
		"Put wildcard on the bucket ARN: the bucket ones": [on_resource("s3:PutBucketP*", bucket), {"error": ["s3:PutBucketPolicy", "s3:PutBucketPublicAccessBlock"]}],
		"an action of neither type": [on_resource(["s3:PutBucketPolicy", "s3:CreateJob"], objects), {}],
	}
	every name, c in cases {
		fs := no_cross_account_admin.deny with input as c[0]
		got := {f.severity: regex.find_n(`s3:[A-Za-z]+`, f.msg, -1) | some f in fs}
		[name, count(fs), got] == [name, count(c[1]), c[1]]
	}
}

test_bucket_policy_object_wildcard_on_bucket_passes if {
	count(no_cross_account_admin.deny) == 0 with input as partner_on("arn:aws:s3:::b")
	count(no_cross_account_admin.deny) == 1 with input as partner_on("arn:aws:s3:::b/*")
}
