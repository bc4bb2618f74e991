package teramotc.rules.external_id_required_test

import data.teramotc.rules.external_id_required

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

trust(condition) := {
	"path": "grants/p/trust-policy.json", "kind": "trust-policy", "address": "grant.p", "range": rng(1),
	"provenance": {"/Statement/0": rng(5), "/Statement/0/Principal": rng(6), "/Statement/0/Condition": rng(8)},
	"content": {"Version": "2012-10-17", "Statement": [object.union(
		{"Sid": "TrustedAccountAssumeRole", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "sts:AssumeRole"},
		condition,
	)]},
}

test_fail_without_external_id if {
	fs := external_id_required.deny with input as {"aws": {"account_id": attr("111122223333", 2)}, "buckets": [], "documents": [trust({})]}
	count(fs) == 1
	some f in fs
	f.range == rng(8)
	contains(f.msg, "210987654321")
}

test_fail_string_like if {
	cond := {"Condition": {"StringLike": {"sts:ExternalId": "abc*"}}}
	count(external_id_required.deny) == 1 with input as {"aws": {"account_id": attr("", 2)}, "buckets": [], "documents": [trust(cond)]}
}

test_pass_string_equals if {
	cond := {"Condition": {"StringEquals": {"sts:ExternalId": "tmc-7f3a9c2e-acme-4b1d-9e55"}}}
	count(external_id_required.deny) == 0 with input as {"aws": {"account_id": attr("111122223333", 2)}, "buckets": [], "documents": [trust(cond)]}
}

test_pass_same_account if {
	count(external_id_required.deny) == 0 with input as {"aws": {"account_id": attr("210987654321", 2)}, "buckets": [], "documents": [trust({})]}
}

# A Deny statement lets nobody assume the role: it needs no external id.
test_pass_deny_statement if {
	count(external_id_required.deny) == 0 with input as {"aws": {"account_id": attr("111122223333", 2)}, "buckets": [], "documents": [trust({"Effect": "Deny"})]}
}
