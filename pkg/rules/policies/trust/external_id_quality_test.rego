package teramotc.rules.external_id_quality_test

import data.teramotc.rules.external_id_quality

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

spec(id) := {
	"aws": {"account_id": attr("111122223333", 2)},
	"buckets": [{"label": "data", "name": attr("teramot-data-acme", 4)}],
	"grants": [{"label": "teramot", "address": "grant.teramot", "cross_account_role": {
		"name": attr("teramot-access", 10), "policy_name": attr("teramot-s3-access", 11),
		"trusted_account_id": attr("210987654321", 12), "external_id": attr(id, 13),
	}}],
}

fails(id, reason) if {
	fs := external_id_quality.deny with input as spec(id)
	count(fs) == 1
	some f in fs
	f.range == rng(13)
	contains(f.msg, reason)
	not contains(f.msg, id)
}

test_fail_documentation_placeholder if fails("your-unique-external-id", "placeholder")

test_fail_short if fails("abc123", "shorter than 16")

test_fail_format if fails("tmc 7f3a9c2e acme 4b1d 9e55", "characters other than")

test_fail_too_short_for_sts if fails("Z", "not 2 to 1,224")

test_fail_bucket_name if fails("teramot-data-acme", "equals a name")

test_fail_account_id if fails("acme-111122223333-x", "account id")

test_fail_repeated if fails("aaaaaaaaaaaaaaaaaaaa", "fewer than 4 distinct characters")

test_pass_random if {
	count(external_id_quality.deny) == 0 with input as spec("tmc-7f3a9c2e-acme-4b1d-9e55")
}

test_pass_unset if {
	unset := json.patch(spec(""), [{"op": "replace", "path": "/grants/0/cross_account_role/external_id/set", "value": false}])
	count(external_id_quality.deny) == 0 with input as unset
}

# An empty external id is written but AWS rejects it (2 to 1,224 characters),
# as validate does (the hard part of TMC602).
test_fail_empty if {
	fs := external_id_quality.deny with input as spec("")
	count(fs) == 1
	some f in fs
	f.range == rng(13)
	contains(f.msg, "not 2 to 1,224 characters")
	not contains(f.msg, "equals a name")
}

# fewer_than_four_distinct agrees with counting the distinct characters.
test_fewer_than_four_distinct if {
	samples := ["", "a", "ab", "abc", "abab", "aAbB", "ééé-é", "abcd", "aabbccdd", "abcabcd", "a-b_c.d", "ééé-éa_"]
	fewer := {s | some s in samples; external_id_quality.fewer_than_four_distinct(s)}
	fewer == {s | some s in samples; count({c | some c in split(s, "")}) < 4}
	fewer == {"", "a", "ab", "abc", "abab", "ééé-é"}
}

# normalize and bad_charset agree with the regular expressions they replace.
test_string_builtins_agree_with_regex if {
	every v in ["", "abc", "A-B_C.D E", "--__..  ", "é-x", "a+b=c,d.e@f:g/h-i_j", "a b", "a\nb", "a#b", "ÅÉ"] {
		external_id_quality.normalize(v) == regex.replace(lower(v), `[-_. ]`, "")
		external_id_quality.bad_charset(v) == not_regex_charset(v)
	}
}

not_regex_charset(v) if {
	not regex.match(`^[\w+=,.@:/-]*$`, v)
} else := false

# has_account looks up the substrings of v instead of calling contains per
# account: the same answer as the scan, for ids around the accounts' length
# and with characters of more than one byte.
contains_account(v) if {
	some a in external_id_quality.accounts
	a != ""
	contains(v, a)
} else := false

# many_accounts is spec(id) with 40 more trusted accounts, more than the
# characters of most ids (has_account's substring lookup).
many_accounts(id) := object.union(spec(id), {"grants": array.concat(spec(id).grants, [g |
	some k in numbers.range(1, 40)
	g := {"label": sprintf("g%d", [k]), "cross_account_role": {"trusted_account_id": attr(sprintf("%012d", [444455550000 + k]), 20)}}
])})

test_has_account_matches_contains if {
	every v in [
		"acme-111122223333-x", "111122223333", "11112222333", "x210987654321", "21098765432",
		"", "é111122223333é", "ééé", "2109876543211111222233", "a-b-c-d-e-f-g-h-i",
		"x444455550007y", "44445555000", "é444455550040", "444455550041",
	] {
		external_id_quality.has_account(v) == contains_account(v) with input as spec(v)
		external_id_quality.has_account(v) == contains_account(v) with input as many_accounts(v)
	}
	external_id_quality.has_account("x210987654321y") with input as spec("x")
	not external_id_quality.has_account("x21098765432y") with input as spec("x")
	external_id_quality.has_account("x444455550007y") with input as many_accounts("x")
	external_id_quality.has_account("é444455550040") with input as many_accounts("x")
	not external_id_quality.has_account("444455550041") with input as many_accounts("x")
	count(external_id_quality.accounts) == 42 with input as many_accounts("x")
}

# spec_name matches bucket names and labels in any case, and nothing when
# the role has no policy name (its set of names is undefined).
test_spec_name_buckets_and_undefined_names if {
	external_id_quality.spec_name(input.grants[0], "TERAMOT-data-acme") with input as spec("x")
	external_id_quality.spec_name(input.grants[0], "Data") with input as spec("x")
	not external_id_quality.spec_name(input.grants[0], "other") with input as spec("x")
	g := object.remove(spec("x").grants[0], ["cross_account_role"])
	r := object.remove(spec("x").grants[0].cross_account_role, ["policy_name"])
	not external_id_quality.spec_name(object.union(g, {"cross_account_role": r}), "data") with input as spec("x")
}
