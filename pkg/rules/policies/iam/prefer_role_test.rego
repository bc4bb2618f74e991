package teramotc.rules.prefer_role_test

import data.teramotc.rules.prefer_role

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

user(key) := {"decl_range": rng(5), "name": attr("svc", 6), "create_access_key": attr(key, 7)}

test_fail_user if {
	fs := prefer_role.deny with input as {"grants": [{"label": "p", "address": "grant.p", "iam_user": user(false), "cross_account_role": null}]}
	count(fs) == 1
	some f in fs
	f.range == rng(5)
}

test_fail_access_key if {
	fs := prefer_role.deny with input as {"grants": [{"label": "p", "address": "grant.p", "iam_user": user(true), "cross_account_role": null}]}
	count(fs) == 2
	some f in fs
	f.range == rng(7)
}

test_pass_role if {
	count(prefer_role.deny) == 0 with input as {"grants": [{"label": "p", "address": "grant.p", "iam_user": null, "cross_account_role": {"decl_range": rng(5)}}]}
}
