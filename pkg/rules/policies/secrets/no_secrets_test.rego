package teramotc.rules.no_secrets_test

import data.teramotc.rules.no_secrets

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

test_fail_access_key if {
	fs := no_secrets.deny with input as {"secrets": [{"kind": "access_key_id", "range": rng(9)}]}
	count(fs) == 1
	some f in fs
	f.range == rng(9)
	contains(f.msg, "access key id")
}

test_fail_secret_key if {
	fs := no_secrets.deny with input as {"secrets": [{"kind": "secret_access_key", "range": rng(3)}, {"kind": "access_key_id", "range": rng(2)}]}
	count(fs) == 2
}

test_pass_no_hits if {
	count(no_secrets.deny) == 0 with input as {"secrets": []}
	count(no_secrets.deny) == 0 with input as {}
}

# Review rego2 L6: a key built by an expression is found by the loader in
# the evaluated value and reported at the attribute holding it; the message
# never holds the key.
test_fail_evaluated_key if {
	fs := no_secrets.deny with input as {"secrets": [{"kind": "evaluated_access_key_id", "range": rng(6)}]}
	[f.msg | some f in fs] == ["an AWS access key id (built by an expression) appears in the spec; remove it and rotate the key"]
	[f.range | some f in fs] == [rng(6)]
}
