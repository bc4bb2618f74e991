package teramotc.rules.public_policy_rejected_test

import data.teramotc.rules.public_policy_rejected

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 5, "byte": 0}, "end": {"line": line, "column": 20, "byte": 0}}

cond(test, variable, values) := {"test": {"value": test}, "variable": {"value": variable}, "values": {"value": values}}

spec(block_policy, wildcard, map, conditions) := {"buckets": [{
	"label": "data", "address": "bucket.data",
	"block_public_policy": {"value": block_policy, "range": rng(3)},
	"statements": [{
		"sid": "Share", "address": "bucket.data.statement.Share",
		"effect": {"value": "Allow"},
		"principals": {"value": {"wildcard": wildcard, "map": map}, "range": rng(9), "set": true},
		"conditions": conditions,
	}],
}]}

test_wildcard_with_block_public_policy_fails if {
	fs := public_policy_rejected.deny with input as spec(true, true, {}, [])
	count(fs) == 1
	some f in fs
	f.range.start.line == 9
	f.address == "bucket.data.statement.Share"
}

test_root_wildcard_fails if {
	count(public_policy_rejected.deny) == 1 with input as spec(true, false, {"AWS": ["arn:aws:iam::*:root"]}, [])
}

test_org_condition_passes if {
	inp := spec(true, true, {}, [cond("StringEquals", "aws:PrincipalOrgID", ["o-a1b2c3d4e5"])])
	count(public_policy_rejected.deny) == 0 with input as inp
}

test_block_public_policy_off_passes if {
	count(public_policy_rejected.deny) == 0 with input as spec(false, true, {}, [])
}

test_fixed_principal_passes if {
	count(public_policy_rejected.deny) == 0 with input as spec(true, false, {"AWS": ["arn:aws:iam::444455556666:root"]}, [])
}

# S3 calls any fixed aws:userid non-public, so TMC107 (a hard rule: what S3
# refuses) accepts every fixed value; TMC102 is the stricter, suppressible
# check (review-diff4 H2; pkg/spec agrees).
test_userid_any_fixed_value_passes if {
	every vs in [["anonymous"], ["AIDAJQABLZS4A3QDU576Q"], ["380214568012", "380214568012:alice"]] {
		count(public_policy_rejected.deny) == 0 with input as spec(true, true, {}, [cond("StringEquals", "aws:userid", vs)])
	}
	count(public_policy_rejected.deny) == 1 with input as spec(true, true, {}, [cond("StringLike", "aws:userid", ["AROAJQABLZS4A3QDU576Q:*"])])
}
