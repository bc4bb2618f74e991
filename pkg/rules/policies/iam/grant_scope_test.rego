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

# One notice for the grant, listing the version reads of both statements.
test_version_metadata_notice if {
	fs := grant_scope.deny with input as grant_spec(user, "", ["s3:GetObjectVersionAcl"], ["s3:ListBucketVersions"])
	severities(fs) == {"notice"}
	[f.msg | some f in fs] == [`the identity policy of grant.partner lets whoever holds the access keys of IAM user "partner-user" call s3:ListBucketVersions, s3:GetObjectVersionAcl on versioned bucket "data": the partner can see the keys and details of versions the owner deleted or overwrote`]
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

# --- review-adopt F-dup-findings: one version finding per grant and tier ---------

# s3:* of extra_actions lands on the bucket ARN, where object actions grant
# nothing: only the object statement's s3:GetObjectVersion is reported, once.
test_version_reads_once_per_grant if {
	fs := grant_scope.deny with input as grant_spec(user, "", ["s3:GetObject", "s3:GetObjectVersion"], ["s3:*"])
	[f.msg | some f in fs; contains(f.msg, "versions")] == [`the identity policy of grant.partner lets whoever holds the access keys of IAM user "partner-user" call s3:GetObjectVersion on versioned bucket "data": the partner can read the versions the owner deleted or overwrote`]
}

# A wildcard names its source.
test_version_reads_name_wildcard if {
	fs := grant_scope.deny with input as grant_spec(user, "", ["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectVersion*"], ["s3:GetBucketLocation"])
	[f.msg | some f in fs] == [`the identity policy of grant.partner lets whoever holds the access keys of IAM user "partner-user" call s3:GetObjectVersion, s3:GetObjectVersionForReplication, s3:GetObjectVersionTorrent (through s3:GetObjectVersion*) on versioned bucket "data": the partner can read the versions the owner deleted or overwrote`]
}

# --- review-adopt F-statement-bypass: hand-written sharing statements ------------

# bypass_spec: bucket "data" (name b) with one hand-written statement.
bypass_spec(stmt) := {
	"aws": {"account_id": {"value": "111122223333"}},
	"buckets": [object.union(bucket(false), {"statements": [{"sid": stmt.Sid}]})],
	"documents": [{
		"kind": "bucket-policy", "address": "bucket.data", "range": rng(1),
		"content": {"Statement": [stmt]},
		"provenance": {"/Statement/0": rng(5)},
	}],
}

stmt(principal, actions, resources, condition) := {"Sid": "PartnerRead", "Effect": "Allow", "Principal": principal, "Action": actions, "Resource": resources, "Condition": condition}

test_statement_bypass_table if {
	cases := {
		"account root reads every object": [
			stmt({"AWS": ["arn:aws:iam::307946518231:root"]}, ["s3:GetObject"], "arn:aws:s3:::b/*", {}),
			[`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of account 307946518231 call s3:GetObject on every object of the bucket outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back; share through a grant instead`],
		],
		"bare account id under a prefix": [
			stmt({"AWS": "307946518231"}, ["s3:GetObject", "s3:PutObject"], "arn:aws:s3:::b/in/*", {}),
			[`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of account 307946518231 call s3:GetObject, s3:PutObject on arn:aws:s3:::b/in/* outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back; share through a grant instead`],
		],
		"role of another account": [
			stmt({"AWS": "arn:aws:iam::307946518231:role/reader"}, ["s3:ListBucket"], "arn:aws:s3:::b", {}),
			[`statement "PartnerRead" of the bucket policy of bucket.data lets "arn:aws:iam::307946518231:role/reader" call s3:ListBucket on arn:aws:s3:::b outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back; share through a grant instead`],
		],
		"wildcard limited to an organization": [
			stmt("*", ["s3:GetObject"], "arn:aws:s3:::b/*", {"StringEquals": {"aws:PrincipalOrgID": "o-abc123def4"}}),
			[`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of organization o-abc123def4 call s3:GetObject on every object of the bucket outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back; share through a grant instead`],
		],
		"wildcard limited to another account": [
			stmt({"AWS": "*"}, ["s3:GetObject"], "arn:aws:s3:::b/*", {"StringEquals": {"aws:PrincipalAccount": ["307946518231"]}}),
			[`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of account 307946518231 call s3:GetObject on every object of the bucket outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back; share through a grant instead`],
		],
		# TMC105 reports the statement.
		"admin action left to TMC105": [stmt({"AWS": "arn:aws:iam::307946518231:root"}, ["s3:GetObject", "s3:PutBucketPolicy"], ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], {}), []],
		# TMC102 and TMC107 report it.
		"public left to TMC102": [stmt("*", ["s3:GetObject"], "arn:aws:s3:::b/*", {}), []],
		"own account passes": [stmt({"AWS": "arn:aws:iam::111122223333:root"}, ["s3:GetObject"], "arn:aws:s3:::b/*", {}), []],
		"wildcard pinned to the own account passes": [stmt("*", ["s3:GetObject"], "arn:aws:s3:::b/*", {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}), []],
		# the ELB account delivering logs is AWS's, not a partner.
		"elb log delivery passes": [stmt({"AWS": "arn:aws:iam::127311923021:root"}, "s3:PutObject", "arn:aws:s3:::b/AWSLogs/111122223333/*", {}), []],
	}
	every name, c in cases {
		got := [f.msg | some f in grant_scope.deny] with input as bypass_spec(c[0])
		[name, got] == [name, c[1]]
	}
}

# A version read in such a statement is said once, in this finding.
test_statement_bypass_versions_once if {
	fs := grant_scope.deny with input as object.union(bypass_spec(stmt({"AWS": "307946518231"}, ["s3:GetObject", "s3:GetObjectVersion"], "arn:aws:s3:::b/*", {})), {"buckets": [object.union(bucket(true), {"statements": [{"sid": "PartnerRead"}]})]})
	[f.msg | some f in fs] == [`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of account 307946518231 call s3:GetObject, s3:GetObjectVersion on every object of the bucket outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back, and it reads the versions the owner deleted or overwrote; share through a grant instead`]
}

# A statement teramotc renders itself (no statement block) is not reported.
test_statement_bypass_only_user_statements if {
	s := json.patch(bypass_spec(stmt({"AWS": "307946518231"}, ["s3:GetObject"], "arn:aws:s3:::b/*", {})), [{"op": "replace", "path": "/buckets/0/statements", "value": []}])
	count(grant_scope.deny) == 0 with input as s
}

# An action on a Resource of the other type grants nothing (TMC503).
test_statement_bypass_skips_misplaced_actions if {
	s := bypass_spec(stmt({"AWS": "307946518231"}, ["s3:ListBucket", "s3:GetObject"], "arn:aws:s3:::b/*", {}))
	[f.msg | some f in grant_scope.deny] == [`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of account 307946518231 call s3:GetObject on every object of the bucket outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back; share through a grant instead`] with input as s
	count(grant_scope.deny) == 0 with input as bypass_spec(stmt({"AWS": "307946518231"}, ["s3:ListBucket"], "arn:aws:s3:::b/*", {}))
}

# --- review-diff6b F3: a wildcard in the bucket name also reaches objects --------

# In IAM "*" (and "?") also match "/", so "arn:aws:s3:::b*" covers every
# object of b: its object actions are shared and its version reads counted.
test_statement_bypass_bucket_wildcard_table if {
	versioned := {"buckets": [object.union(bucket(true), {"statements": [{"sid": "PartnerRead"}]})]}
	cases := {
		"bucket name with a trailing star": [
			stmt({"AWS": ["arn:aws:iam::999988887777:root"]}, ["s3:GetObject", "s3:GetObjectVersion"], ["arn:aws:s3:::b*"], {}),
			[`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of account 999988887777 call s3:GetObject, s3:GetObjectVersion on arn:aws:s3:::b* outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back, and it reads the versions the owner deleted or overwrote; share through a grant instead`],
		],
		"every bucket": [
			stmt({"AWS": ["arn:aws:iam::999988887777:root"]}, ["s3:GetObjectVersion"], ["arn:aws:s3:::*"], {}),
			[`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of account 999988887777 call s3:GetObjectVersion on arn:aws:s3:::* outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back, and it reads the versions the owner deleted or overwrote; share through a grant instead`],
		],
		"star resource": [
			stmt({"AWS": ["arn:aws:iam::999988887777:root"]}, ["s3:GetObjectVersion"], ["*"], {}),
			[`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of account 999988887777 call s3:GetObjectVersion on * outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back, and it reads the versions the owner deleted or overwrote; share through a grant instead`],
		],
		"question mark in the bucket name": [
			stmt({"AWS": ["arn:aws:iam::999988887777:root"]}, ["s3:GetObject"], ["arn:aws:s3:::b?x"], {}),
			[`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of account 999988887777 call s3:GetObject on arn:aws:s3:::b?x outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back; share through a grant instead`],
		],
		# the bare bucket ARN still reaches no object.
		"bare bucket ARN": [stmt({"AWS": ["arn:aws:iam::999988887777:root"]}, ["s3:GetObject"], ["arn:aws:s3:::b"], {}), []],
	}
	every name, c in cases {
		got := [f.msg | some f in grant_scope.deny] with input as object.union(bypass_spec(c[0]), versioned)
		[name, got] == [name, c[1]]
	}
}

# The version rule on its own (a statement block TMC510's bypass leaves to
# TMC105 for an error-level action) counts object reads on "b*" too.
test_bucket_policy_version_reads_bucket_wildcard if {
	s := json.patch(policy_spec("arn:aws:iam::210987654321:root", ["s3:GetObjectVersion"]), [{"op": "replace", "path": "/documents/0/content/Statement/0/Resource", "value": "arn:aws:s3:::b*"}])
	[f.msg | some f in grant_scope.deny] == [`the bucket policy of bucket.data allows another account to call s3:GetObjectVersion on a versioned bucket: the partner can read the versions the owner deleted or overwrote`] with input as s
}

# An own-account Allow on "b*" reaches the grant's role past its prefix
# with object actions, not only with listings.
test_prefix_bypassed_bucket_wildcard if {
	s := own_read("*", ["s3:GetObject", "s3:ListBucket"], "arn:aws:s3:::b*", own_pin)
	fs := grant_scope.deny with input as reach_spec(named_role, [s])
	[f.msg | some f in fs] == [`the prefix "partner/" of grant.partner is bypassed by statement "OwnAccount" of the bucket policy of bucket.data: it lets role "partner-access" of grant "partner" (assumed by account 210987654321) call s3:GetObject, s3:ListBucket outside the prefix`]
}

# --- review-diff6b F4: only an error of TMC105 takes the statement over ----------

test_statement_bypass_admin_tiers_table if {
	cases := {
		"restore (a TMC105 notice) beside a read": [
			stmt({"AWS": "arn:aws:iam::307946518231:root"}, ["s3:GetObject", "s3:RestoreObject"], "arn:aws:s3:::b/*", {}),
			[`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of account 307946518231 call s3:GetObject on every object of the bucket outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back; share through a grant instead`],
		],
		"bucket tagging (a TMC105 warning) beside a listing": [
			stmt({"AWS": "arn:aws:iam::307946518231:root"}, ["s3:ListBucket", "s3:PutBucketTagging"], "arn:aws:s3:::b", {}),
			[`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of account 307946518231 call s3:ListBucket on arn:aws:s3:::b outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back; share through a grant instead`],
		],
		# an error-level action on a Resource of the other type grants
		# nothing, so TMC105 does not report it and TMC510 must.
		"error action on the wrong resource type": [
			stmt({"AWS": "arn:aws:iam::307946518231:root"}, ["s3:GetObject", "s3:PutBucketPolicy"], "arn:aws:s3:::b/*", {}),
			[`statement "PartnerRead" of the bucket policy of bucket.data lets every principal of account 307946518231 call s3:GetObject on every object of the bucket outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back; share through a grant instead`],
		],
		"error action left to TMC105": [stmt({"AWS": "arn:aws:iam::307946518231:root"}, ["s3:GetObject", "s3:PutBucketPolicy"], ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], {}), []],
		# nothing but a TMC105 notice: TMC105 says it all.
		"only a restore": [stmt({"AWS": "arn:aws:iam::307946518231:root"}, ["s3:RestoreObject"], "arn:aws:s3:::b/*", {}), []],
	}
	every name, c in cases {
		got := [f.msg | some f in grant_scope.deny] with input as bypass_spec(c[0])
		[name, got] == [name, c[1]]
	}
}
