package teramotc.rules.grant_scope_test

import data.teramotc.rules.grant_scope

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 3, "byte": 0}, "end": {"line": line, "column": 9, "byte": 0}}

bucket(versioning) := {"address": "bucket.data", "label": "data", "versioning": {"value": versioning}}

# grant_spec renders one grant's identity policy as the renderer does: the
# object statement, the listing with its s3:prefix condition, the other
# bucket actions on the bucket ARN with provenance per action.
grant_spec(who, prefix, object_actions, bucket_actions) := {
	"aws": {"account_id": {"value": "111122223333"}},
	"buckets": [bucket(true)],
	"grants": [object.union(who, {"address": "grant.partner", "bucket": {"value": "data"}, "prefix": {"value": prefix}})],
	"documents": [{
		"kind": "identity-policy", "address": "grant.partner", "range": rng(11),
		"content": {"Statement": [
			{"Sid": "ObjectAccess", "Effect": "Allow", "Action": object_actions, "Resource": sprintf("arn:aws:s3:::b/%s*", [prefix])},
			{"Sid": "ListBucket", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b", "Condition": {"StringLike": {"s3:prefix": [prefix, sprintf("%s*", [prefix])]}}},
			{"Sid": "BucketAccess", "Effect": "Allow", "Action": bucket_actions, "Resource": "arn:aws:s3:::b"},
		]},
		"provenance": {"/Statement/0": rng(13), "/Statement/1": rng(13), "/Statement/2": rng(14), "/Statement/2/Action/0": rng(15), "/Statement/2/Action/1": rng(16)},
	}],
}

role(account) := {"cross_account_role": {"trusted_account_id": {"value": account}, "name": {"value": "partner-role"}}, "iam_user": null}

user := {"cross_account_role": null, "iam_user": {"name": {"value": "partner-user"}}}

severities(fs) := {f.severity | some f in fs}

# --- prefix ----------------------------------------------------------------------

test_prefix_bucket_write_warns if {
	fs := grant_scope.deny with input as grant_spec(role("210987654321"), "partner/", ["s3:GetObject"], ["s3:ListBucketMultipartUploads"])
	count(fs) == 1
	some f in fs
	f.severity == "warning"
	f.range.start.line == 15
	f.msg == `the prefix "partner/" of grant.partner does not limit s3:ListBucketMultipartUploads: bucket-level actions act on the whole bucket`
}

test_prefix_bucket_reads_notice if {
	fs := grant_scope.deny with input as grant_spec(user, "partner/", ["s3:GetObject"], ["s3:GetBucketPolicy", "s3:GetBucketAcl"])
	count(fs) == 1
	some f in fs
	f.severity == "notice"
	endswith(f.msg, "so the partner reads settings of every prefix")
}

test_prefix_wildcard_warns if {
	fs := grant_scope.deny with input as grant_spec(user, "partner/", ["s3:GetObject"], ["s3:GetBucket*"])
	severities(fs) == {"warning"}
}

# TMC105 reports its actions, with the same remark.
test_prefix_leaves_admin_actions_to_tmc105 if {
	count(grant_scope.deny) == 0 with input as grant_spec(role("210987654321"), "partner/", ["s3:GetObject"], ["s3:PutInventoryConfiguration", "s3:PutBucketCORS"])
}

test_no_prefix_passes if {
	count(grant_scope.deny) == 0 with input as grant_spec(role("210987654321"), "", ["s3:GetObject"], ["s3:GetBucketPolicy", "s3:ListBucketMultipartUploads"])
}

# A listing on the bucket ARN without s3:prefix is not limited.
test_prefix_listing_without_condition_warns if {
	fs := grant_scope.deny with input as grant_spec(role("210987654321"), "partner/", ["s3:GetObject"], ["s3:ListBucket"])
	severities(fs) == {"warning"}
}

# --- versions --------------------------------------------------------------------

test_version_content_warns if {
	fs := grant_scope.deny with input as grant_spec(role("210987654321"), "", ["s3:GetObject", "s3:GetObjectVersion"], ["s3:GetBucketLocation"])
	count(fs) == 1
	some f in fs
	f.severity == "warning"
	f.msg == `the identity policy of grant.partner lets account "210987654321", which assumes role "partner-role", call s3:GetObjectVersion on versioned bucket "data": the partner can read the versions the owner deleted or overwrote`
}

test_version_metadata_notice if {
	fs := grant_scope.deny with input as grant_spec(user, "", ["s3:GetObjectVersionAcl"], ["s3:ListBucketVersions"])
	severities(fs) == {"notice"}
	count(fs) == 2
}

test_version_wildcard_folds if {
	fs := grant_scope.deny with input as grant_spec(user, "", ["s3:GetObject*"], ["s3:GetBucketLocation"])
	count(fs) == 1
	some f in fs
	f.severity == "warning"
}

test_unversioned_passes if {
	s := object.union(grant_spec(user, "", ["s3:GetObjectVersion"], ["s3:ListBucketVersions"]), {"buckets": [bucket(false)]})
	count(grant_scope.deny) == 0 with input as s
}

test_own_account_role_passes if {
	count(grant_scope.deny) == 0 with input as grant_spec(role("111122223333"), "", ["s3:GetObjectVersion"], ["s3:ListBucketVersions"])
}

test_presets_pass if {
	every p in ["", "partner/"] {
		s := grant_spec(role("210987654321"), p, ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], [])
		s2 := json.patch(s, [{"op": "remove", "path": "/documents/0/content/Statement/2"}])
		count(grant_scope.deny) == 0 with input as s2
	}
}

policy_spec(principal, actions) := {
	"aws": {"account_id": {"value": "111122223333"}},
	"buckets": [bucket(true)],
	"documents": [{
		"kind": "bucket-policy", "address": "bucket.data", "range": rng(1),
		"content": {"Statement": [{"Sid": "P", "Effect": "Allow", "Principal": {"AWS": principal}, "Action": actions, "Resource": "arn:aws:s3:::b/*"}]},
		"provenance": {"/Statement/0": rng(5), "/Statement/0/Action": rng(7)},
	}],
}

test_bucket_policy_version_reads if {
	fs := grant_scope.deny with input as policy_spec("arn:aws:iam::210987654321:root", ["s3:GetObjectVersion"])
	count(fs) == 1
	some f in fs
	f.range.start.line == 7
}

test_bucket_policy_own_account_passes if {
	count(grant_scope.deny) == 0 with input as policy_spec("arn:aws:iam::111122223333:role/restore", ["s3:GetObjectVersion"])
}

# Review-diff4 L1: a wildcard of object actions only (s3:GetObject*) on the
# bucket ARN grants nothing there and is not "bucket-level"; a wildcard
# that also matches bucket actions still is.
prefix_findings(fs) := {f | some f in fs; contains(f.msg, "bucket-level")}

test_prefix_object_wildcard_not_bucket_level if {
	fs := prefix_findings(grant_scope.deny) with input as grant_spec(user, "partner/", ["s3:GetObject"], ["s3:GetObject*", "s3:GetBucketLocation"])
	count(fs) == 1
	some f in fs
	f.severity == "notice"
	not contains(f.msg, "GetObject")
	count(prefix_findings(grant_scope.deny)) == 0 with input as grant_spec(user, "partner/", ["s3:GetObject"], ["s3:PutObject*", "s3:*Object"])
	count(prefix_findings(grant_scope.deny)) == 1 with input as grant_spec(user, "partner/", ["s3:GetObject"], ["s3:Get*"])
}

# --- bucket-policy statements that reach a grant's role or user (H1) -------------

# policy_spec: a role grant with prefix "partner/" on bucket "data" and a
# bucket policy of the given statements.
reach_spec(who, statements) := {
	"aws": {"account_id": {"value": "111122223333"}},
	"buckets": [bucket(false)],
	"grants": [object.union(who, {"label": "partner", "address": "grant.partner", "bucket": {"value": "data"}, "prefix": {"value": "partner/"}})],
	"documents": [{
		"kind": "bucket-policy", "address": "bucket.data", "range": rng(1),
		"content": {"Statement": statements},
		"provenance": {"/Statement/0": rng(5)},
	}],
}

named_role := {"cross_account_role": {"trusted_account_id": {"value": "210987654321"}, "name": {"value": "partner-access"}, "path": {"value": "/"}}, "iam_user": null}

own_read(principal, actions, resources, condition) := {"Sid": "OwnAccount", "Effect": "Allow", "Principal": principal, "Action": actions, "Resource": resources, "Condition": condition}

own_pin := {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}

test_prefix_bypassed_table if {
	cases := {
		"whole bucket read, star pinned": [
			own_read("*", ["s3:GetObject", "s3:ListBucket"], ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], own_pin),
			`the prefix "partner/" of grant.partner is bypassed by statement "OwnAccount" of the bucket policy of bucket.data: it lets role "partner-access" of grant "partner" (assumed by account 210987654321) call s3:GetObject, s3:ListBucket outside the prefix`,
		],
		"role named, other prefix": [
			own_read({"AWS": "arn:aws:iam::111122223333:role/partner-access"}, "s3:PutObject", "arn:aws:s3:::b/private/*", {}),
			`the prefix "partner/" of grant.partner is bypassed by statement "OwnAccount" of the bucket policy of bucket.data: it lets role "partner-access" of grant "partner" (assumed by account 210987654321) call s3:PutObject outside the prefix`,
		],
	}
	every _, c in cases {
		fs := grant_scope.deny with input as reach_spec(named_role, [c[0]])
		[[f.msg, f.range.start.line] | some f in fs] == [[c[1], 5]]
	}
}

test_prefix_kept_table if {
	cases := {
		"inside the prefix": own_read("*", "s3:GetObject", "arn:aws:s3:::b/partner/*", own_pin),
		"listing with s3:prefix": own_read("*", "s3:ListBucket", "arn:aws:s3:::b", {"StringEquals": {"aws:PrincipalAccount": "111122223333", "s3:prefix": "partner/"}}),
		"other own role": own_read({"AWS": "arn:aws:iam::111122223333:role/admin"}, "s3:GetObject", "arn:aws:s3:::b/*", {}),
		"grant role excluded": own_read("*", "s3:GetObject", "arn:aws:s3:::b/*", {"StringEquals": {"aws:PrincipalAccount": "111122223333"}, "ArnNotEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/partner-access"}}),
		"admin actions left to TMC105": own_read("*", "s3:DeleteObjectVersion", "arn:aws:s3:::b/*", own_pin),
	}
	every _, s in cases {
		count(grant_scope.deny) == 0 with input as reach_spec(named_role, [s])
	}
}

# F2 (review-diff5): an s3:prefix condition limits only when the key must
# be present (no ...IfExists, not negated) and every value is under the
# grant's prefix; otherwise the actions past the prefix are still reported.
prefix_cond(op, values) := object.union(own_pin, {op: {"s3:prefix": values}})

whole_read(condition) := own_read("*", ["s3:GetObject", "s3:ListBucket"], ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], condition)

test_prefix_condition_table if {
	cases := {
		"StringLikeIfExists *": [whole_read(prefix_cond("StringLikeIfExists", ["*"])), "s3:GetObject, s3:ListBucket"],
		"StringEqualsIfExists under the prefix": [whole_read(prefix_cond("StringEqualsIfExists", ["partner/"])), "s3:GetObject, s3:ListBucket"],
		"StringLike *": [whole_read(prefix_cond("StringLike", ["*"])), "s3:ListBucket"],
		"StringLike other prefix": [whole_read(prefix_cond("StringLike", ["other/*"])), "s3:ListBucket"],
		"StringLike one value outside": [whole_read(prefix_cond("StringLike", ["partner/*", "other/*"])), "s3:ListBucket"],
		"StringLike prefix without its slash": [whole_read(prefix_cond("StringLike", ["partner*"])), "s3:ListBucket"],
		"StringNotLike": [whole_read(prefix_cond("StringNotLike", ["secret/*"])), "s3:GetObject, s3:ListBucket"],
		"StringEqualsIgnoreCase": [whole_read(prefix_cond("StringEqualsIgnoreCase", ["partner/"])), "s3:GetObject, s3:ListBucket"],
		"Null false": [whole_read(prefix_cond("Null", ["false"])), "s3:ListBucket"],
		"StringLike under the prefix": [whole_read(prefix_cond("StringLike", ["partner/", "partner/*"])), ""],
		"StringEquals under the prefix": [whole_read(prefix_cond("StringEquals", "partner/")), ""],
		"ForAnyValue:StringLike under the prefix": [whole_read(prefix_cond("ForAnyValue:StringLike", ["partner/*"])), ""],
	}
	every name, c in cases {
		fs := grant_scope.deny with input as reach_spec(named_role, [c[0]])
		got := [trim_suffix(split(f.msg, " call ")[1], " outside the prefix") | some f in fs]
		want := [w | w := c[1]; w != ""]
		[name, got] == [name, want]
	}
}

# H1d: a Deny keyed on the partner's account misses the partner's role.
test_deny_on_partner_account_warns if {
	d := {"Sid": "DenyPartner", "Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/private/*", "Condition": {"StringEquals": {"aws:PrincipalAccount": "210987654321"}}}
	fs := grant_scope.deny with input as reach_spec(named_role, [d])
	[[f.msg, f.range.start.line] | some f in fs] == [[`statement "DenyPartner" of the bucket policy of bucket.data denies account 210987654321, but grant "partner"'s partner works through role "partner-access" of the own account, which the Deny does not match: key it on aws:PrincipalArn arn:aws:iam::111122223333:role/partner-access instead`, 5]]
	fixed := json.patch(d, [{"op": "replace", "path": "/Condition", "value": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/partner-access"}}}])
	count(grant_scope.deny) == 0 with input as reach_spec(named_role, [fixed])
}
