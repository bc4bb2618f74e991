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
