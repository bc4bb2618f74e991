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
