package teramotc.rules.unknown_action_test

import data.teramotc.rules.unknown_action

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

grant(extra) := {"label": "p", "address": "grant.p", "extra_actions": attr(extra, 12)}

test_fail_misspelt if {
	fs := unknown_action.deny with input as {"grants": [grant(["s3:GetObjects", "s3:GetObjectVersion", "kms:Decrypt"])], "buckets": []}
	count(fs) == 1
	some f in fs
	f.range == rng(12)
	f.msg == "extra_actions names actions that do not exist: s3:GetObjects"
}

test_fail_malformed_and_empty_pattern if {
	fs := unknown_action.deny with input as {"grants": [grant(["GetObject", "s3:Foo*", "sts:AssumeRole"])], "buckets": []}
	count(fs) == 1
	some f in fs
	contains(f.msg, "GetObject, s3:Foo*")
}

test_fail_other_service if {
	fs := unknown_action.deny with input as {"grants": [grant(["s3:GetObject", "iam:PassRole"])], "buckets": []}
	count(fs) == 1
	some f in fs
	contains(f.msg, "iam:PassRole")
}

test_fail_statement_not_actions if {
	st := {"address": "bucket.data.statement.S", "effect": attr("Deny", 20), "actions": attr([], 21), "not_actions": attr(["s3:GetObjekt"], 22)}
	fs := unknown_action.deny with input as {"grants": [], "buckets": [{"statements": [st]}]}
	count(fs) == 1
	some f in fs
	f.range == rng(22)
}

test_pass_known_any_case if {
	count(unknown_action.deny) == 0 with input as {"grants": [grant(["s3:getobjectversion", "S3:ListBucketVersions", "s3:Get*Tagging", "kms:GenerateDataKey", "sts:TagSession", "*"])], "buckets": []}
}
