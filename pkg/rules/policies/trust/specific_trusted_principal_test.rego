package teramotc.rules.specific_trusted_principal_test

import data.teramotc.rules.specific_trusted_principal

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

spec(p) := {"grants": [{"label": "t", "address": "grant.t", "cross_account_role": {
	"name": attr("teramot-access", 10), "trusted_account_id": attr("210987654321", 12), "trusted_principal": attr(p, 14),
}}]}

test_fail_root if {
	fs := specific_trusted_principal.deny with input as spec("root")
	count(fs) == 1
	some f in fs
	f.range == rng(14)
}

test_fail_root_arn if {
	count(specific_trusted_principal.deny) == 1 with input as spec("arn:aws:iam::210987654321:root")
}

test_pass_role_arn if {
	count(specific_trusted_principal.deny) == 0 with input as spec("arn:aws:iam::210987654321:role/reader")
}

# whole_account agrees with the regular expression it replaces.
whole_account(p) if specific_trusted_principal.whole_account(p)

else := false

test_whole_account_agrees_with_regex if {
	every p in [
		"arn:aws:iam::123456789012:root", "arn:aws-cn:iam::123456789012:root", "arn::iam::123456789012:root",
		"arn:AWS:iam::123456789012:root", "arn:aws:iam::12345678901:root", "arn:aws:iam::123456789012:root:root",
		"arn:aws:iam:x:123456789012:root", "arn:aws:sts::123456789012:root", "arn:aws:iam::123456789012:role/root",
		"xarn:aws:iam::123456789012:root", "arn:a1:iam::123456789012:root", "arn:aws:iam::123456789012:rootx",
	] {
		whole_account(p) == regex.match(`^arn:[a-z-]+:iam::[0-9]{12}:root$`, p)
	}
}
