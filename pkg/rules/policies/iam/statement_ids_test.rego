package teramotc.rules.statement_ids_test

import data.teramotc.rules.statement_ids

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

doc(sids) := {
	"path": "buckets/acme-data/bucket-policy.json", "kind": "bucket-policy", "address": "bucket.data", "range": rng(1),
	"provenance": {sprintf("/Statement/%d", [i]): rng(10 + i) | some i, _ in sids},
	"content": {"Version": "2012-10-17", "Statement": [{"Sid": s, "Effect": "Deny"} | some s in sids]},
}

test_fail_invalid_characters if {
	fs := statement_ids.deny with input as {"documents": [doc(["DenyInsecureTransport", "allow-read"])]}
	count(fs) == 1
	some f in fs
	f.range == rng(11)
}

test_fail_duplicate_with_generated if {
	fs := statement_ids.deny with input as {"documents": [doc(["DenyInsecureTransport", "Read", "DenyInsecureTransport"])]}
	count(fs) == 1
	some f in fs
	f.range == rng(12)
	contains(f.msg, "twice")
}

test_pass_unique_alphanumeric if {
	count(statement_ids.deny) == 0 with input as {"documents": [doc(["DenyInsecureTransport", "AllowRead2"])]}
}

# The per-document shortcuts: a Sid that is not a string is skipped, and
# sends the rules to the per-statement checks, which still find the others.
test_fail_invalid_beside_non_string_sid if {
	fs := statement_ids.deny with input as {"documents": [doc([7, "allow-read", "Ok"])]}
	count(fs) == 1
	some f in fs
	f.range == rng(11)
}

test_fail_duplicate_beside_non_string_sids if {
	fs := statement_ids.deny with input as {"documents": [doc([7, 7, "Read", "Read"])]}
	count(fs) == 1
	some f in fs
	f.range == rng(13)
	contains(f.msg, "twice")
}

test_pass_repeated_non_string_sid if {
	count(statement_ids.deny) == 0 with input as {"documents": [doc([7, 7, "Read"])]}
}

test_pass_no_statements if {
	count(statement_ids.deny) == 0 with input as {"documents": [doc([])]}
}

alphanumeric(s) if statement_ids.alphanumeric(s)

else := false

test_alphanumeric_agrees_with_regex if {
	every s in ["", "Ab9", "a-b", "a b", "é", "a\n", "Stmt_1", "x.y"] {
		alphanumeric(s) == regex.match(`^[A-Za-z0-9]*$`, s)
	}
}
