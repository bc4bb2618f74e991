package teramotc.rules.external_id_quality_test

import data.teramotc.lib.published
import data.teramotc.lib.randomness
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

# review-adopt F-msg-nits: the finding names the name (never the whole
# value, which may be sensitive).
test_fail_names_the_grant_label if fails("9f8e7d-teramot-4b1d", `it contains "teramot", a name in the spec (bucket, grant, role or policy)`)

test_fail_names_the_longest_name if fails("x7-TERAMOT-DATA-ACME-q2", `it contains "teramot-data-acme", a name in the spec`)

test_fail_name_is_the_whole_value if fails("teramot-data-acme", "it is a name in the spec (bucket, grant, role or policy)")

test_fail_documentation_placeholder if fails("your-unique-external-id", "placeholder")

test_fail_short if fails("abc123", "shorter than 16")

test_fail_format if fails("tmc 7f3a9c2e acme 4b1d 9e55", "characters other than")

test_fail_too_short_for_sts if fails("Z", "not 2 to 1,224")

test_fail_bucket_name if fails("teramot-data-acme", "a name in the spec")

# Review rego2 L5: a spec name inside a longer id, in any case.
test_fail_role_name_with_suffix if fails("teramot-access-external-id", "a name in the spec")

test_fail_bucket_name_inside if fails("x7-TERAMOT-DATA-ACME-q2", "a name in the spec")

test_fail_policy_name_inside if fails("teramot-s3-access-2026-11", "a name in the spec")

test_fail_grant_label_inside if fails("9f8e7d-teramot-4b1d", "a name in the spec")

test_fail_bucket_label_inside if fails("9f8e7d1c-data-4b1d", "a name in the spec")

# Review rego2 L5: sequences and repetitions.
test_fail_digit_run if fails("1234567890123456", "simple sequence")

test_fail_descending_run if fails("9876-5432-1098-7654", "simple sequence")

test_fail_letter_run if fails("abcdefghijklmnopqrstuvwxyzabc", "simple sequence")

test_fail_descending_letters if fails("ZYXWVUTSRQPONMLK", "simple sequence")

test_fail_repeated_unit if fails("k3x9-k3x9-k3x9-k3x9", "repeats a short unit")

test_fail_repeated_unit_cut if fails("Ab1cDe2Ab1cDe2Ab1c", "repeats a short unit")

# Too little variety for its length: 5 distinct characters in 24.
test_fail_little_variety if fails("aab1-b1ab-a1b1-aab1-baab", "fewer than 6 distinct characters")

test_fail_account_id if fails("acme-111122223333-x", "account id")

test_fail_repeated if fails("aaaaaaaaaaaaaaaaaaaa", "fewer than 5 distinct characters")

# A UUID of (almost) nothing but zeros is no random one.
test_fail_zero_uuid if fails("00000000-0000-4000-8000-000000000000", "fewer than 6 distinct characters")

# Review leak L4: ids made of words and separators, or of words around a few
# random characters, are no secret.
test_fail_words if fails("teramot-external-id", "bits of randomness, fewer than 64")

test_fail_my_external_id if fails("my-external-id-value", "bits of randomness")

test_fail_partner_secret if fails("partner-secret-key", "bits of randomness")

test_fail_words_around_digits if fails("tmc-another-secret-value-0002", "about 13 bits of randomness")

test_fail_words_inside_a_part if fails("Partner2024Secret", "about 13 bits of randomness")

test_fail_few_random_characters_among_words if fails("Xk3-long-random-ext-id-9f8e7d", "about 54 bits")

test_fail_camel_case_words if fails("MyExternalIdForAcme", "about 0 bits of randomness")

# 16 decimal digits are about 53 bits, below 64; a UUID of zeros around a
# word is 16 digits too.
test_fail_sixteen_digits if fails("2718281828459045", "about 53 bits")

# Review-diff4 M1: a random number of 16 to 19 digits with no other problem
# is a warning, not an error; words around digits stay errors.
severity_of(id) := object.get(f, "severity", "error") if {
	some f in external_id_quality.deny with input as spec(id)
}

test_sixteen_digits_warning if {
	severity_of("2718281828459045") == "warning"
	severity_of("2718281828459045235") == "warning"
	severity_of("tmc-00000000-zeta-0000-0000") == "error"
	severity_of("1234567890123456") == "error"
	severity_of("Partner2024Secret") == "error"
}

# Review-diff4 M1: random ids the old estimate took for words: digit-free
# mixed case, lower-case runs that look like nothing, base64 with a
# digit-free segment, the Snowflake form.
test_pass_random_review_diff4 if {
	every v in [
		"FtHxkeoObPkUVoGdLuBx", "f7im8ykakvoslhupziyltipv", "RGTaISmj+NhNVIRvh+OxWDkFReVs/Z1W",
		"MYACCOUNT_SFCRole=2_YFLjlloEOjJCtwucQwTzUGVLD/Ml", "JJIFTEJIxTe7XOJofR2n",
	] {
		count(external_id_quality.deny) == 0 with input as spec(v)
	}
}

# Words are found in camel case, inside a long chunk and as pronounceable
# made-up names; a listed word needs the whole chunk.
test_words if {
	randomness.estimate("MyExternalIdForAcme") == 0
	randomness.random_part("mysecretvalue2024") == "my2024"
	randomness.random_part("globex-teramot-external-id") == "globex"
	randomness.random_part("XOJofR2") == "XOJofR2"
	randomness.random_part("value-9") == "9"
	randomness.word_chunk("teramot")
	not randomness.word_chunk("mqvwa")
	not randomness.word_chunk("hxkeo")
	not randomness.word_chunk("ykakvoslhupziyltipv")
}

test_fail_zeros_around_a_word if fails("tmc-00000000-zeta-0000-0000", "about 53 bits")

# randomness: what the estimate counts.
test_randomness if {
	randomness.estimate("tmc-0123456789abcdef0123456789abcdef") == 128
	randomness.estimate("tmc-7f3a9c2e-acme-4b1d-9e55") == 64
	randomness.estimate("f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90") == 128
	randomness.estimate("teramot-external-id") == 0
	randomness.random_part("Partner2024Secret-x9") == "2024x9"
	randomness.random_part("k3x9mqvwa7tpl0zr") == "k3x9mqvwa7tpl0zr"
	randomness.alphabet_bits("ABC9") == 4
	randomness.alphabet_bits("aB9") == 5.9542
	randomness.alphabet_bits("xy") == 4.7004
	randomness.alphabet_bits("ab") == 4
	not external_id_quality.guessable("short")
	not external_id_quality.guessable("words with spaces are a charset problem")
}

# teramotc init's ids ("tmc-" and 32 random hex digits) never fall short:
# the estimate counts every hex digit, letters or not.
test_init_ids_pass if {
	every v in [
		"tmc-3f9a0c6e1b7d4e2a9c5f8b0d6e1a7c34", "tmc-abcdefabcdefabcdefabcdefabcdef12", "tmc-deadbeefcafebabefacefeed01234567",
		"tmc-ffffffffffffffffffffffffffffff00", "tmc-11111111111111111111111111111111a",
	] {
		not external_id_quality.guessable(v)
	}
}

test_pass_random if {
	count(external_id_quality.deny) == 0 with input as spec("tmc-5b8e2d7a-acme-9c4f-1e63")
}

# Review leak2 H3: the id of examples/setup-guide-role (and every other id
# teramotc prints) is a placeholder, though random; an id that is not
# printed passes.
test_fail_published_example if fails("tmc-7f3a9c2e-acme-4b1d-9e55", "placeholder printed in teramotc's README, docs, examples or test data")

test_published_list if {
	"tmc-7f3a9c2e-acme-4b1d-9e55" in published.external_ids
	"f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90" in published.external_ids
	not "tmc-5b8e2d7a-acme-9c4f-1e63" in published.external_ids
}

# A weak id printed as a bad example keeps its own reasons; a printed random
# number of 16 digits, otherwise a warning, is an error.
test_published_weak_keeps_reasons if {
	fs := external_id_quality.deny with input as spec("teramot-external-id")
	some f in fs
	contains(f.msg, "bits of randomness")
	not contains(f.msg, "printed")
}

test_published_number_is_error if {
	fs := external_id_quality.deny with input as spec("2718281828459045") with published.external_ids as {"2718281828459045"}
	count(fs) == 1
	some f in fs
	contains(f.msg, "about 53 bits")
	contains(f.msg, "printed in teramotc")
	object.get(f, "severity", "error") == "error"
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
	not contains(f.msg, "a name in the spec")
}

# few_characters asks for one distinct character per 4, from 4 up to 6.
test_min_distinct if {
	[external_id_quality.min_distinct(v) | some v in ["ab", "a1b2c3d4e5f6g7h8", concat("", ["x" | some _ in numbers.range(1, 23)]), concat("", ["x" | some _ in numbers.range(1, 24)]), concat("", ["x" | some _ in numbers.range(1, 40)])]] == [4, 4, 5, 6, 6]
	external_id_quality.few_characters("abcabcabcabc")
	not external_id_quality.few_characters("abcdabcdabcdabcd")
	external_id_quality.few_characters("aAbBcCaAbBcCaAbBcCaAbBcC")
	not external_id_quality.few_characters("tmc-00000000-zeta-0000-0000")
}

# Random ids, teramotc init's ("tmc-" and 32 hex digits), UUIDs and the ids
# of the examples pass every check but the ones about the spec and the list
# of printed ids (left empty here).
test_pass_random_ids if {
	every v in [
		"tmc-0123456789abcdef0123456789abcdef", "tmc-00000000000000000000000000000001", "tmc-9d2e4f6a-acme-7c3b-1f08",
		"f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90", "0c9d7e1f-2b3a-4c5d-8e6f-7a8b9c0d1e2f",
		"Zq8v2LmT4kRx9WbN7cJd", "tmc-5e6f7a8b-zeta-1c2d-3e4f", "31415926535897932384",
		"k3x9mqvwa7tpl0zr", "MYACCOUNT_SFCRole=2_a1b2c3/s0aBCDEfGHIJklmNoPq=", "tmc-4f1c9a7e2b8d4c6f",
	] {
		count(external_id_quality.deny) == 0 with input as spec(v) with published.external_ids as set()
	}
}

# sequence: whole runs and repetitions only, not ids that hold one.
test_sequence if {
	every v in ["0123", "7890123456789012", "zyxw-vuts", "dcba", "abab", "k3x9k3x9k", "12:34/56.78"] {
		external_id_quality.sequence(v)
	}
	every v in ["", "abc", "0124", "tmc-1234567890123456", "abcdefghijklmnop-x", "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7", "0123456789abcdef0123456789abcdeg"] {
		not external_id_quality.sequence(v)
	}
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

# spec_name matches bucket names and labels in any case, inside longer ids
# too, names of fewer than 4 characters not at all, and the names a role
# has when it lacks a policy name.
test_spec_name_buckets_and_undefined_names if {
	external_id_quality.spec_name(input.grants[0], "TERAMOT-data-acme") with input as spec("x")
	external_id_quality.spec_name(input.grants[0], "Data") with input as spec("x")
	not external_id_quality.spec_name(input.grants[0], "other") with input as spec("x")
	external_id_quality.spec_name(input.grants[0], "x-TERAMOT-data-acme-y") with input as spec("x")
	not external_id_quality.spec_name(input.grants[0], "x-TERAMO-dat-acm") with input as spec("x")
	short_label := json.patch(spec("x"), [{"op": "replace", "path": "/buckets/0/label", "value": "dat"}])
	not external_id_quality.spec_name(input.grants[0], "9f8e-dat-4b1d") with input as short_label
	external_id_quality.spec_name(input.grants[0], "9f8e-data-4b1d") with input as spec("x")
	g := object.remove(spec("x").grants[0], ["cross_account_role"])
	r := object.remove(spec("x").grants[0].cross_account_role, ["policy_name"])
	external_id_quality.spec_name(object.union(g, {"cross_account_role": r}), "data") with input as spec("x")
	external_id_quality.spec_name(object.union(g, {"cross_account_role": r}), "x-teramot-access") with input as spec("x")
	not external_id_quality.spec_name(object.union(g, {"cross_account_role": r}), "tramot-s3-acces") with input as spec("x")
}

# Review leak2 L6: keyboard walks and the hexadecimal digits in order are
# sequences; random ids that hold a short walk are not.
test_fail_keyboard_walk if fails("qwertyuiopasdfghjkl", "simple sequence")

test_fail_keyboard_walk_rows if fails("zxcvbnmasdfghjklqwerty", "simple sequence")

test_fail_hex_run if fails("0123456789ABCDEF0123456789", "simple sequence")

test_fail_column_walk if fails("1qaz-2wsx-3edc-4rfv", "simple sequence")

test_keyboard_walk if {
	every v in ["qwertyuiop", "poiuytrewq", "azertyuiopqsdfghjklm", "mnbvcxzlkjhgfdsa", "1qaz2wsx3edc", "qwerasdfzxcv", "fedcba9876543210fe"] {
		external_id_quality.sequence(v)
	}
	every v in ["qwertyuiopx", "k3x9mqvwa7tpl0zr", "qwe7f3a9c2e4b1d9e55", "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90", "asd"] {
		not external_id_quality.sequence(v)
	}
}
