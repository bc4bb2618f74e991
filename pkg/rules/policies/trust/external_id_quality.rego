# METADATA
# title: External id is well formed and not guessable
# description: >-
#   STS accepts an external id of 2 to 1,224 characters from letters, digits
#   and + = , . @ : / - _; anything else makes every AssumeRole call fail.
#   The id only protects against the confused deputy when another customer
#   of the partner cannot guess it: a placeholder copied from documentation
#   ("your-unique-external-id"), an account id, the bucket or role name
#   (also inside a longer id: "teramot-access-external-id"), a short value,
#   a simple sequence ("1234567890123456", "abcdef...", "9876...") or a
#   short unit repeated ("abc1abc1abc1abc1"), or an id with too few
#   distinct characters (it needs one per 4 characters of its length, at
#   least 4; 6 are always enough) defeats it. Names shorter than 4 characters are not looked for. Use the
#   random id the partner issued. An id that STS would refuse is also a
#   validate error: that part cannot be suppressed or disabled.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
#     description: AWS documentation
# custom:
#   id: TMC602
#   name: external-id-quality
#   severity: error
#   hard: false
#   remediation: >-
#     Set external_id to the random value (16 characters or more, for example
#     a UUID) that the partner issued for your account, from a sensitive
#     variable.
#   security_severity: "6.5"
#   peers: ["KICS 09c35abf"]
package teramotc.rules.external_id_quality

import data.teramotc.lib.identity

min_length := 16

# Placeholders, compared after lower-casing and removing - _ . and spaces.
placeholders := {
	"youruniqueexternalid", "yourexternalid", "uniqueexternalid", "externalid",
	"myexternalid", "exampleexternalid", "sampleexternalid", "changeme",
	"replaceme", "placeholder", "example", "sample", "secret", "password",
	"test", "testing", "todo", "default", "none", "null",
}

placeholder_prefixes := ["your", "insert", "enter", "replace", "changeme", "placeholder", "example"]

normalize(v) := strings.replace_n({"-": "", "_": "", ".": "", " ": ""}, lower(v))

# problems lists what is wrong with a role's external id; the value itself
# is never part of a message.
problems(g, v) := {msg |
	some check in [
		[bad_length(v), "it is not 2 to 1,224 characters long"],
		[bad_charset(v), "it holds characters other than letters, digits and + = , . @ : / - _"],
		[placeholder(v), "it is a placeholder"],
		[few_characters(v), sprintf("it uses fewer than %d distinct characters", [min_distinct(v)])],
		[short(v), sprintf("it is shorter than %d characters", [min_length])],
		[sequence(v), "it is a simple sequence or repeats a short unit"],
		[spec_name(g, v), "it contains a name in the spec (bucket, grant, role or policy)"],
		[has_account(v), "it contains an AWS account id"],
	]
	check[0] == true
	msg := check[1]
}

bad_length(v) if {
	not count(v) >= 2
} else if {
	count(v) > 1224
} else := false

bad_charset(v) if {
	not charset_ok(v)
} else := false

# charset_ok: ^[\w+=,.@:/-]*$, which trimming those characters leaves
# nothing of.
charset_ok(v) if trim(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+=,.@:/-") == ""

placeholder(v) if {
	normalize(v) in placeholders
} else if {
	strings.any_prefix_match(normalize(v), placeholder_prefixes)
} else := false

# few_characters: v has too little variety to be random: fewer distinct
# characters (in any case) than one per 4 characters of v, at least 4 and
# at most 6 (min_distinct). A random id of 16 hex digits has about 10, a
# UUID about 16; 6 distinct in 24 random digits or more is below one in a
# million. An id longer than STS accepts is not counted (bad_length).
few_characters(v) if {
	count(v) >= 2
	count(v) <= 1224
	count({c | some c in split(lower(v), "")}) < min_distinct(v)
} else := false

min_distinct(v) := min([max([floor(count(v) / 4), 4]), 6])

short(v) if {
	count(v) >= 2
	count(v) < min_length
} else := false

# sequence: v, in lower case and without its separators (+ = , . @ : /
# - _), is at least 4 characters and either part of an ascending or
# descending run of digits or letters (cycling: "7890123", "zyxw"), or
# repeats a unit shorter than min_length at least twice ("abcabcab"): then
# it is no harder to guess than that unit.
sequence(v) if {
	s := letters_and_digits(v)
	count(s) >= 4
	some run in runs(count(s))
	contains(run, s)
} else if {
	s := letters_and_digits(v)
	count(s) >= 4
	some u in numbers.range(1, min([min_length - 1, floor(count(s) / 2)]))
	substring(s, u, -1) == substring(s, 0, count(s) - u)
} else := false

letters_and_digits(v) := strings.replace_n({"+": "", "=": "", ",": "", ".": "", "@": "", ":": "", "/": "", "-": "", "_": ""}, lower(v))

# runs returns the ascending and descending cycles of digits and of letters,
# each repeated to hold a run of n characters from any start.
runs(n) := [cycle(c, n) |
	some c in ["0123456789", "9876543210", "abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba"]
]

cycle(c, n) := concat("", [c | some _ in numbers.range(0, floor(n / count(c)) + 1)])

# spec_name: v contains, in any case, the grant's label, role or policy
# name, or the name or label of a bucket, of 4 characters or more (shorter
# ones sit in random ids by chance). The buckets' names are lowered once
# (bucket_names), not for every grant; a name the grant lacks (no policy
# name) is left out.
spec_name(g, v) if {
	v != ""
	own := {lower(n) | some n in own_names(g); is_string(n); count(n) >= 4}
	lv := lower(v)
	named(own, lv)
} else := false

named(own, lv) if {
	some n in own
	contains(lv, n)
}

named(_, lv) if holds_any(lv, bucket_names, bucket_name_lengths)

# holds_any: s contains one of names, whose lengths are lengths. With fewer
# names than s has characters, a contains per name; otherwise each
# substring of s as long as a name is looked up in the set, a step per
# character of s and length (a spec of hundreds of grants has hundreds of
# accounts, of buckets).
holds_any(s, names, _) if {
	count(names) <= count(s)
	some n in names
	contains(s, n)
}

holds_any(s, names, lengths) if {
	count(names) > count(s)
	some n in lengths
	count(s) >= n
	some i in numbers.range(0, count(s) - n)
	substring(s, i, n) in names
}

own_names(g) := {object.get(g, "label", ""), object.get(r, ["name", "value"], ""), object.get(r, ["policy_name", "value"], "")} if {
	r := object.get(g, "cross_account_role", {})
}

bucket_names := {n |
	some b in input.buckets
	some n in {lower(b.name.value), lower(b.label)}
	count(n) >= 4
}

bucket_name_lengths := {count(n) | some n in bucket_names}

# has_account: v contains one of the accounts (holds_any).
has_account(v) if {
	holds_any(v, known_accounts, account_lengths)
} else := false

account_lengths := {count(a) | some a in known_accounts}

known_accounts := {a | some a in accounts; is_string(a); a != ""}

accounts := {identity.own_account} | {g.cross_account_role.trusted_account_id.value |
	some g in input.grants
	g.cross_account_role != null
}

deny contains f if {
	some g in input.grants
	r := g.cross_account_role
	r != null
	r.external_id.set
	v := r.external_id.value
	found := problems(g, v)
	count(found) > 0
	f := {
		"msg": sprintf("the external id of role %s is weak: %s", [identity.show(r.name), concat("; ", sort(found))]),
		"range": r.external_id.range,
		"address": g.address,
	}
}
