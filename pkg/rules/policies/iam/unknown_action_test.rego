package teramotc.rules.unknown_action_test

import data.teramotc.lib.identity
import data.teramotc.rules.unknown_action

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

grant(extra) := {"label": "p", "address": "grant.p", "extra_actions": attr(extra, 12)}

test_fail_misspelt if {
	fs := unknown_action.deny with input as {"grants": [grant(["s3:GetObjects", "s3:GetObjectVersion", "kms:Decrypt"])], "buckets": []}
	count(fs) == 1
	some f in fs
	f.range == rng(12)
	f.msg == "extra_actions names actions that are not S3, KMS or STS actions: s3:GetObjects"
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

# plainly_known only skips actions that invalid passes.
skips_only_valid(a) if not unknown_action.plainly_known(a)

skips_only_valid(a) if not unknown_action.invalid(a)

test_plainly_known_agrees_with_invalid if {
	every n, _ in identity.s3_info {
		n in identity.known.s3
	}
	every a in [
		"s3:GetObject", "s3:getobject", "S3:GetObject", "s3:Get*", "s3:GetObjectX", "s3:", "s3:Get-Object",
		"s3:ListBuc\u212aet", "kms:Decrypt", "s3:GetObject ", "s3:ListBucket", "s3:s3:GetObject", 7,
	] {
		skips_only_valid(a)
	}
	unknown_action.plainly_known("s3:GetObject")
	unknown_action.plainly_known("s3:getOBJECT")
	not unknown_action.plainly_known("s3:ListBuc\u212aet")
	unknown_action.invalid("s3:ListBuc\u212aet")
}

# An S3 action name under another two-letter service is not an S3 action.
test_fail_s3_name_of_other_service if {
	fs := unknown_action.deny with input as {"grants": [grant(["s4:GetObject"])], "buckets": []}
	count(fs) == 1
	some f in fs
	contains(f.msg, "s4:GetObject")
}

# With the document's element_ranges, the finding points at the bad
# actions (from the first to the last), not at the whole list.
elem(line, col) := {"filename": "main.hcl", "start": {"line": line, "column": col, "byte": col}, "end": {"line": line, "column": col + 5, "byte": col + 5}}

test_range_is_the_bad_elements if {
	extra := {
		"value": ["s3:GetObject", "s3:GetObjects", "kms:Decrypt", "s3:PutObjekt"], "range": rng(12), "set": true,
		"element_ranges": [elem(12, 20), elem(13, 5), elem(13, 30), elem(14, 5)],
	}
	fs := unknown_action.deny with input as {"grants": [{"label": "p", "address": "grant.p", "extra_actions": extra}], "buckets": []}
	count(fs) == 1
	some f in fs
	f.range == {"filename": "main.hcl", "start": elem(13, 5).start, "end": elem(14, 5).end}
	f.msg == "extra_actions names actions that are not S3, KMS or STS actions: s3:GetObjects, s3:PutObjekt"
}

test_range_is_the_one_bad_element if {
	extra := {"value": ["s3:GetObjects", "s3:GetObject"], "range": rng(12), "set": true, "element_ranges": [elem(12, 20), elem(12, 40)]}
	fs := unknown_action.deny with input as {"grants": [{"label": "p", "address": "grant.p", "extra_actions": extra}], "buckets": []}
	some f in fs
	f.range == elem(12, 20)
}
