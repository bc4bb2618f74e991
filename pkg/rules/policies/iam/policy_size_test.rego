package teramotc.rules.policy_size_test

import data.teramotc.rules.policy_size

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

policy(kind, n) := {
	"path": sprintf("x/%s.json", [kind]), "kind": kind, "address": "grant.p", "range": rng(7), "provenance": {},
	"content": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [sprintf("s3:GetObject%d", [i]) | some i in numbers.range(1, n)], "Resource": "*"}]},
}

test_fail_managed_policy_too_long if {
	# each action adds about 18 characters
	fs := policy_size.deny with input as {"documents": [policy("identity-policy", 400)]}
	count(fs) == 1
	some f in fs
	f.range == rng(7)
}

test_fail_trust_policy_too_long if {
	count(policy_size.deny) == 1 with input as {"documents": [policy("trust-policy", 150)]}
}

test_pass_bucket_policy_under_20kb if {
	# about 7 KB compact, more with indentation but under 20 KB
	count(policy_size.deny) == 0 with input as {"documents": [policy("bucket-policy", 400)]}
}

test_fail_bucket_policy_over_20kb if {
	count(policy_size.deny) == 1 with input as {"documents": [policy("bucket-policy", 1000)]}
}

test_pass_small if {
	count(policy_size.deny) == 0 with input as {"documents": [policy("identity-policy", 10), policy("trust-policy", 10)]}
}

test_size_ignores_whitespace if {
	policy_size.size({"kind": "identity-policy", "content": {"a": [1, 2]}}) == 11
	policy_size.size({"kind": "bucket-policy", "content": {"a": [1, 2]}}) == 30
	policy_size.size({"kind": "identity-policy", "content": {"a": "<&>"}}) == 11
}

# A bucket policy's 20 KB are bytes: a non-ASCII character counts more than once.
test_byte_count if {
	policy_size.byte_count("abc") == 3
	policy_size.byte_count("café") == 5
	policy_size.byte_count("") == 0
}

# A text with a backslash but no HTML escape is counted as it is.
test_size_backslash_without_escape if {
	policy_size.size({"kind": "identity-policy", "content": {"a": `x\y`}}) == 12
	policy_size.size({"kind": "identity-policy", "content": {"a": `\u0041`}}) == 15
}
