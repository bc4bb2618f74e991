package teramotc.rules.dangerous_actions_test

import data.teramotc.rules.dangerous_actions

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

grant(extra) := {"label": "p", "address": "grant.p", "extra_actions": attr(extra, 12)}

test_fail_permission_management if {
	fs := dangerous_actions.deny with input as {"grants": [grant(["s3:PutObjectAcl", "s3:GetObjectVersion", "kms:PutKeyPolicy"])], "buckets": []}
	count(fs) == 1
	some f in fs
	f.range == rng(12)
	contains(f.msg, "kms:PutKeyPolicy, s3:PutObjectAcl")
}

test_fail_iam_in_statement if {
	st := {"address": "bucket.data.statement.S", "effect": attr("Allow", 20), "actions": attr(["iam:*", "s3:GetObject"], 21), "not_actions": attr([], 22)}
	fs := dangerous_actions.deny with input as {"grants": [], "buckets": [{"statements": [st]}]}
	count(fs) == 1
	some f in fs
	f.range == rng(21)
}

test_pass_data_actions if {
	st := {"address": "bucket.data.statement.S", "effect": attr("Deny", 20), "actions": attr(["s3:PutBucketPolicy"], 21), "not_actions": attr([], 22)}
	count(dangerous_actions.deny) == 0 with input as {"grants": [grant(["s3:GetObjectVersion", "s3:GetBucketLocation", "iam:GetUser"])], "buckets": [{"statements": [st]}]}
}

test_fail_wildcard_policy_actions if {
	fs := dangerous_actions.deny with input as {"grants": [grant(["s3:*Policy", "s3:GetObject"])], "buckets": []}
	count(fs) == 1
	some f in fs
	contains(f.msg, "s3:*Policy (grants ")
	contains(f.msg, "s3:DeleteBucketPolicy, s3:PutAccessGrantsInstanceResourcePolicy, s3:PutAccessPointPolicy, s3:PutBucketPolicy")
	not contains(f.msg, "GetObject")
}

test_fail_many_covered if {
	fs := dangerous_actions.deny with input as {"grants": [grant(["s3:Put*"])], "buckets": []}
	count(fs) == 1
	some f in fs
	regex.match(`s3:Put\* \(grants (s3:Put[A-Za-z]+, ){7}s3:Put[A-Za-z]+ and [0-9]+ more\)$`, f.msg)
}

test_fail_star if {
	fs := dangerous_actions.deny with input as {"grants": [grant(["*"])], "buckets": []}
	count(fs) == 1
	some f in fs
	endswith(f.msg, ": * (every action)")
}

test_fail_wildcard_case_insensitive if {
	fs := dangerous_actions.deny with input as {"grants": [grant(["S3:putbucketa?l", "kms:*Grant"])], "buckets": []}
	count(fs) == 1
	some f in fs
	contains(f.msg, "S3:putbucketa?l (grants s3:PutBucketAcl)")
	contains(f.msg, "kms:*Grant (grants kms:CreateGrant)")
}

test_fail_wildcard_service if {
	fs := dangerous_actions.deny with input as {"grants": [grant(["*:PutBucketPolicy"])], "buckets": []}
	count(fs) == 1
}

test_fail_wildcard_in_statement if {
	st := {"address": "bucket.data.statement.S", "effect": attr("Allow", 20), "actions": attr(["s3:Put*"], 21), "not_actions": attr([], 22)}
	fs := dangerous_actions.deny with input as {"grants": [], "buckets": [{"statements": [st]}]}
	count(fs) == 1
	some f in fs
	f.range == rng(21)
	contains(f.msg, "s3:Put* (grants ")
}

test_pass_harmless_wildcards if {
	count(dangerous_actions.deny) == 0 with input as {"grants": [grant(["s3:Get*", "s3:List*", "kms:Decrypt*", "iam:Get*"])], "buckets": []}
}

test_covered_lists_only_dangerous if {
	dangerous_actions.covered("s3:*Policy") == [
		"s3:DeleteAccessGrantsInstanceResourcePolicy", "s3:DeleteAccessPointPolicy", "s3:DeleteBucketPolicy",
		"s3:PutAccessGrantsInstanceResourcePolicy", "s3:PutAccessPointPolicy", "s3:PutBucketPolicy",
		"s3:PutMultiRegionAccessPointPolicy",
	]
}

# An Allow with not_actions grants the dangerous S3 actions it does not
# exclude, even where TMC501 is suppressed.
not_actions_stmt(effect, nacts) := {"address": "bucket.data.statement.S", "effect": attr(effect, 20), "actions": attr([], 21), "not_actions": attr(nacts, 22)}

test_fail_not_actions_leaves_dangerous if {
	st := not_actions_stmt("Allow", ["s3:DeleteObject", "s3:DeleteObjectVersion"])
	fs := dangerous_actions.deny with input as {"grants": [], "buckets": [{"statements": [st]}]}
	count(fs) == 1
	some f in fs
	f.range == rng(22)
	startswith(f.msg, "not_actions allows every action it does not list, including permission-management actions: s3:BypassGovernanceRetention, ")
	contains(f.msg, "s3:PutBucketPolicy")
	not contains(f.msg, "iam:")
	regex.match(` and [0-9]+ more$`, f.msg)
}

test_fail_not_actions_partial_exclusion if {
	st := not_actions_stmt("Allow", ["s3:*Policy", "s3:*Acl", "s3:*AccessGrant*", "s3:*PublicAccessBlock", "s3:*AccessPoint*", "s3:BypassGovernanceRetention"])
	fs := dangerous_actions.deny with input as {"grants": [], "buckets": [{"statements": [st]}]}
	count(fs) == 1
	some f in fs
	endswith(f.msg, ": s3:ObjectOwnerOverrideToBucketOwner, s3:PutBucketOwnershipControls, s3:UpdateObjectEncryption")
}

test_pass_not_actions_excludes_all if {
	allow := not_actions_stmt("Allow", ["s3:*"])
	deny := not_actions_stmt("Deny", ["s3:GetObject"])
	count(dangerous_actions.deny) == 0 with input as {"grants": [], "buckets": [{"statements": [allow, deny]}]}
}

# s3:UpdateObjectEncryption re-keys existing objects under any KMS key.
test_fail_update_object_encryption if {
	fs := dangerous_actions.deny with input as {"grants": [grant(["s3:GetObject", "s3:UpdateObjectEncryption"])], "buckets": []}
	[f.msg | some f in fs] == ["extra_actions allows permission-management or escalation actions: s3:UpdateObjectEncryption"]
	some d in dangerous_actions.covered("s3:Update*")
	d == "s3:UpdateObjectEncryption"
}

# L3: a bucket statement that lets in only the own account's own people is
# an own administrator: a notice. One that reaches a grant's role (a role of
# the own account the partner assumes), another account or "*" stays an error.
test_own_admin_severity_table if {
	st := {"address": "bucket.data.statement.Admin", "sid": "Admin", "effect": attr("", 20), "actions": attr(["s3:PutBucketPolicy"], 21), "not_actions": attr([], 22)}
	role_grant := {"label": "partner", "address": "grant.partner", "bucket": {"value": "data"}, "extra_actions": attr([], 12), "cross_account_role": {"name": {"value": "partner-access"}, "trusted_account_id": {"value": "210987654321"}}, "iam_user": null}
	pinned := {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}
	cases := {
		"own admin role": [{"AWS": "arn:aws:iam::111122223333:role/admin"}, {}, [], "notice"],
		"star pinned, no grant": ["*", pinned, [], "notice"],
		"star pinned, with a grant": ["*", pinned, [role_grant], "error"],
		"grant role named": [{"AWS": "arn:aws:iam::111122223333:role/partner-access"}, {}, [role_grant], "error"],
		"other account": [{"AWS": "arn:aws:iam::210987654321:root"}, {}, [], "error"],
	}
	every _, c in cases {
		s := {"Sid": "Admin", "Effect": "Allow", "Principal": c[0], "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::acme-data", "Condition": c[1]}
		inp := {
			"aws": {"account_id": {"value": "111122223333"}},
			"grants": c[2],
			"buckets": [{"label": "data", "address": "bucket.data", "statements": [st]}],
			"documents": [{"kind": "bucket-policy", "address": "bucket.data", "content": {"Statement": [s]}}],
		}
		fs := dangerous_actions.deny with input as inp
		[object.get(f, "severity", "error") | some f in fs] == [c[3]]
	}
}
