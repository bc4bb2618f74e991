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

# review-adopt F-dup-findings: one finding per grant, at create_access_key
# when the spec creates the key.
test_fail_access_key_once if {
	fs := prefer_role.deny with input as {"grants": [{"label": "p", "address": "grant.p", "iam_user": user(true), "cross_account_role": null}]}
	count(fs) == 1
	some f in fs
	f.range == rng(7)
	f.msg == `grant "p" gives IAM user "svc" a long-lived access key (create_access_key = true); a cross-account role with an external id would do`
}

# review-adopt F-msg-nits: without create_access_key the spec makes no key,
# so the message does not say the user has one.
test_fail_user_message if {
	fs := prefer_role.deny with input as {"grants": [{"label": "p", "address": "grant.p", "iam_user": user(false), "cross_account_role": null}]}
	some f in fs
	f.msg == `grant "p" gives access to IAM user "svc", which signs in with long-lived access keys made outside the spec; a cross-account role with an external id would do`
}

test_pass_role if {
	count(prefer_role.deny) == 0 with input as {"grants": [{"label": "p", "address": "grant.p", "iam_user": null, "cross_account_role": {"decl_range": rng(5)}}]}
}
