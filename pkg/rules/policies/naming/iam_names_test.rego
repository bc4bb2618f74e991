package teramotc.rules.iam_names_test

import data.teramotc.rules.iam_names

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

unset(line) := {"value": "", "range": rng(line), "set": false}

user(name, path, policy) := {"grants": [{"label": "u", "address": "grant.u", "iam_user": {"name": name, "path": path, "policy_name": policy}, "cross_account_role": null}]}

role(name, path, policy) := {"grants": [{"label": "r", "address": "grant.r", "iam_user": null, "cross_account_role": {"name": name, "path": path, "policy_name": policy}}]}

test_fail_user_name_charset if {
	fs := iam_names.deny with input as user(attr("teramot user", 5), unset(4), unset(4))
	count(fs) == 1
	some f in fs
	f.range == rng(5)
}

test_fail_role_name_length if {
	n := concat("", [x | some _ in numbers.range(1, 65); x := "r"])
	count(iam_names.deny) == 1 with input as role(attr(n, 5), unset(4), unset(4))
}

test_fail_path if {
	fs := iam_names.deny with input as role(attr("reader", 5), attr("teramot", 6), attr("teramot-s3-access", 7))
	count(fs) == 1
	some f in fs
	f.range == rng(6)
}

test_fail_policy_name if {
	count(iam_names.deny) == 1 with input as user(attr("svc", 5), unset(4), attr("s3/access", 7))
}

test_pass_valid if {
	count(iam_names.deny) == 0 with input as role(attr("teramot-access", 5), attr("/teramot/", 6), attr("teramot-s3-access", 7))
	count(iam_names.deny) == 0 with input as user(attr("svc+ci@acme.com", 5), attr("/", 6), unset(4))
}
