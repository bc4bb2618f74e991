package teramotc.rules.trusted_account_test

import data.teramotc.rules.trusted_account

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

spec(id) := {
	"aws": {"account_id": attr("111122223333", 2)},
	"grants": [{"label": "t", "address": "grant.t", "cross_account_role": {"name": attr("r", 10), "trusted_account_id": attr(id, 12)}}],
}

fails(id, reason) if {
	fs := trusted_account.deny with input as spec(id)
	count(fs) == 1
	some f in fs
	f.range == rng(12)
	contains(f.msg, reason)
}

test_fail_not_twelve_digits if fails("12345", "12-digit")

test_fail_placeholder if fails("123456789012", "placeholder")

test_fail_repeated_digit if fails("777777777777", "placeholder")

test_fail_own_account if fails("111122223333", "own account")

test_fail_runs_of_four if fails("555566667777", "placeholder")

test_fail_repeated_unit if fails("123412341234", "placeholder")

test_fail_ascending_run if fails("345678901234", "placeholder")

test_pass_partner if {
	count(trusted_account.deny) == 0 with input as spec("913476520813")
}

# Review leak2 H3: the examples' partner account (a descending run) is a
# placeholder: a copy of the example that keeps it does not lint clean.
test_fail_examples_partner if fails("210987654321", "placeholder")

test_fail_descending_run if fails("987654321098", "placeholder")

# documentation_pattern: made-up ids only, not real-looking ones.
test_documentation_pattern if {
	every id in ["111122223333", "999988887777", "000011112222", "121212121212", "123123123123", "100100100100", "012345678901", "901234567890", "210987654321", "987654321098", "109876543210"] {
		trusted_account.documentation_pattern(id)
	}
	every id in ["913476520813", "111122223334", "123412341235", "123456789013", "210987654322", "555566667778", "209876543210"] {
		not trusted_account.documentation_pattern(id)
	}
}

test_sensitive_account_not_shown if {
	doc := {
		"aws": {"account_id": attr("111122223333", 2)},
		"grants": [{"label": "t", "address": "grant.t", "cross_account_role": {
			"name": attr("r", 10),
			"trusted_account_id": {"value": "123456789012", "range": rng(12), "set": true, "sensitive": true},
		}}],
	}
	fs := trusted_account.deny with input as doc
	count(fs) == 1
	some f in fs
	not contains(f.msg, "123456789012")
	contains(f.msg, "(sensitive)")
}

# An empty trusted_account_id with no aws.account_id is only "not 12
# digits", though it equals the (unknown, empty) own account.
test_fail_empty_without_own_account if {
	doc := {"grants": [{"label": "t", "address": "grant.t", "cross_account_role": {"name": attr("r", 10), "trusted_account_id": attr("", 12)}}]}
	fs := trusted_account.deny with input as doc
	count(fs) == 1
	some f in fs
	contains(f.msg, "12-digit")
}

# An account id written as a number (the inspect document's "number": true)
# lost its leading zeros: the message says to quote it, as validate does.
test_fail_number_says_quote_it if {
	s := json.patch(spec("12345678901"), [{"op": "add", "path": "/grants/0/cross_account_role/trusted_account_id/number", "value": true}])
	fs := trusted_account.deny with input as s
	count(fs) == 1
	some f in fs
	f.range == rng(12)
	contains(f.msg, `trusted_account_id "12345678901" of role "r" is written as a number`)
	contains(f.msg, "write the account id as a quoted string of its 12 digits")
	not contains(f.msg, "12-digit")
}

# A 12-digit number is checked like a string.
test_fail_number_placeholder if {
	s := json.patch(spec("123456789012"), [{"op": "add", "path": "/grants/0/cross_account_role/trusted_account_id/number", "value": true}])
	fs := trusted_account.deny with input as s
	some f in fs
	contains(f.msg, "placeholder")
}
