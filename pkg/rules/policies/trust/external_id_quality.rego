# METADATA
# title: External id is well formed and not guessable
# description: >-
#   STS accepts an external id of 2 to 1,224 characters from letters, digits
#   and + = , . @ : / - _; anything else makes every AssumeRole call fail.
#   The id only protects against the confused deputy when another customer
#   of the partner cannot guess it: a placeholder copied from documentation
#   ("your-unique-external-id"), an account id, the bucket or role name
#   (also inside a longer id: "teramot-access-external-id"), a short value,
#   a simple sequence ("1234567890123456", "abcdef...", "9876...", the
#   hexadecimal digits in order, a keyboard walk such as "qwertyuiop",
#   "zxcvbnmasdfghjkl" or "1qaz2wsx3edc", in both directions) or a
#   short unit repeated ("abc1abc1abc1abc1"), an id with too few distinct
#   characters (it needs one per 4 characters of its length, at least 4; 6
#   are always enough), or an id made of words ("teramot-external-id",
#   "partner-secret") defeats it. Names shorter than 4 characters are not
#   looked for. The estimated randomness of the id must be 64 bits or
#   more. Words add nothing to it: the id is cut into parts at its
#   separators and each part into chunks of digits and of letters in one
#   case or capitalized ("MyExternalId": "My", "External", "Id"; a
#   hexadecimal part with a digit stays whole: "deadbeef01"). A chunk of
#   letters in a short list of common id words ("external", "id", "secret",
#   "partner", "tmc", ...) adds nothing, and listed words of 4 letters or
#   more are dropped from inside a longer chunk ("mysecretvalue"). A
#   pronounceable chunk (5 to 12 letters, at least 35 % vowels, never 3
#   consonants or 3 vowels in a row: "contoso") adds 2 bits a letter, what
#   a made-up name is worth; random letters look pronounceable now and
#   then, so it is not counted as nothing. In a part of both cases only
#   capitalized chunks and the first one can be words, so random text
#   ("FtHxkeoObPkUVoGd") is not cut into words. Each remaining character
#   adds the bits of the alphabet of all of them (3.3 for digits only, 4
#   for hexadecimal, 5.2 for letters of one case and digits, 6 for both
#   cases and digits). Random ids of the common forms (UUIDs, 32 hex
#   digits, 20 or more random letters and digits, 24 random lower-case
#   letters and digits, 16 or more random bytes in base64) pass; a test
#   checks 2,000 of each. teramotc init's ids ("tmc-" and 32 hex digits)
#   have 128 bits. A random number of 16 to 19 digits (53 to 63 bits) with
#   no other problem is only a warning: partners issue such numbers, and
#   guessing one still takes about 2^53 AssumeRole calls through the
#   partner's service. Use the random id the partner issued. An id
#   printed in teramotc's README, docs, examples or shared test data (the
#   default of examples/setup-guide-role among them) is a placeholder:
#   anyone can read it and try it. An id that
#   STS would refuse is also a validate error: that part cannot be
#   suppressed or disabled.
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
#     Set external_id to the random value (16 characters or more with at
#     least 64 bits of randomness, for example a UUID) that the partner
#     issued for your account, from a sensitive variable (never an id
#     copied from teramotc's examples or docs); words and names
#     around a few random characters do not count. If the partner issued
#     a random id that this estimate misjudges, suppress the finding with
#     that reason.
#   security_severity: "6.5"
#   peers: ["KICS 09c35abf"]
package teramotc.rules.external_id_quality

import data.teramotc.lib.identity
import data.teramotc.lib.published as published_ids
import data.teramotc.lib.randomness

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
# is never part of a message. A published id (published) with no other
# error is a placeholder.
problems(g, v) := found | published_problem(v, found) if found := weaknesses(g, v)

# weaknesses are the problems of v itself.
weaknesses(g, v) := {msg |
	some check in [
		[bad_length(v), "it is not 2 to 1,224 characters long"],
		[bad_charset(v), "it holds characters other than letters, digits and + = , . @ : / - _"],
		[placeholder(v), "it is a placeholder"],
		[few_characters(v), sprintf("it uses fewer than %d distinct characters", [min_distinct(v)])],
		[short(v), sprintf("it is shorter than %d characters", [min_length])],
		[sequence(v), "it is a simple sequence or repeats a short unit"],
		[has_account(v), "it contains an AWS account id"],
		[guessable(v), sprintf("it has about %d bits of randomness, fewer than %d (words count for little or nothing)", [round(randomness.estimate(v)), min_bits])],
	]
	check[0] == true
	msg := check[1]
} | name_weakness(g, v)

# name_weakness names the name v contains (the longest), only when it is
# not all of v: the value itself is never printed.
name_weakness(g, v) := {sprintf("it contains %q, a name in the spec (bucket, grant, role or policy)", [n])} if {
	spec_name(g, v)
	n := name_in(g, lower(v))
	n != lower(v)
} else := {"it is a name in the spec (bucket, grant, role or policy)"} if {
	spec_name(g, v)
} else := set()

name_in(g, lv) := n if {
	ns := {n | some n in own_names(g); is_string(n); count(n) >= 4; contains(lv, lower(n))} | {n | some n in bucket_names; contains(lv, n)}
	longest := max({count(n) | some n in ns})
	n := lower(sort([n | some n in ns; count(n) == longest])[0])
}

min_bits := 64

# published: v is printed in teramotc's README, docs, examples or shared
# test data (lib/published_ids.rego, generated by go generate ./pkg/rules):
# every reader can try it, and a copy of an example keeps it (review leak2
# H3). It is reported when v has no other error, so a weak id printed as a
# bad example keeps its own reasons.
published(v) if v in published_ids.external_ids

published_problem(v, found) := {"it is a placeholder printed in teramotc's README, docs, examples or test data, which anyone can read"} if {
	published(v)
	every_other_is_warning(v, found)
} else := set()

every_other_is_warning(_, found) if count(found) == 0

every_other_is_warning(v, found) if number_warning(v, found)

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
# descending run of digits, hexadecimal digits or letters (cycling:
# "7890123", "zyxw", "0123456789abcdef01"), a keyboard walk ("qwertyuiop",
# "zxcvbnmasdfghjkl", "1qaz2wsx": randomness.keyboard_walk), or repeats a
# unit shorter than min_length at least twice ("abcabcab"): then it is no
# harder to guess than that unit.
sequence(v) if {
	s := letters_and_digits(v)
	count(s) >= 4
	some run in runs(count(s))
	contains(run, s)
} else if {
	s := letters_and_digits(v)
	count(s) >= 4
	randomness.keyboard_walk(s)
} else if {
	s := letters_and_digits(v)
	count(s) >= 4
	some u in numbers.range(1, min([min_length - 1, floor(count(s) / 2)]))
	substring(s, u, -1) == substring(s, 0, count(s) - u)
} else := false

letters_and_digits(v) := strings.replace_n({"+": "", "=": "", ",": "", ".": "", "@": "", ":": "", "/": "", "-": "", "_": ""}, lower(v))

# runs returns the ascending and descending cycles of digits, of
# hexadecimal digits and of letters, each repeated to hold a run of n
# characters from any start.
runs(n) := [cycle(c, n) |
	some c in [
		"0123456789", "9876543210", "0123456789abcdef", "fedcba9876543210",
		"abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba",
	]
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
	f := object.union(
		{
			"msg": sprintf("the external id of role %s is weak: %s", [identity.show(r.name), concat("; ", sort(found))]),
			"range": r.external_id.range,
			"address": g.address,
		},
		number_severity(v, found),
	)
}

# number_severity lowers to a warning the finding of a random number of 16
# to 19 digits (53 to 63 bits) that has no other problem: partners issue
# such numbers, and guessing one still takes about 2^53 tries through the
# partner's own service, one AssumeRole each.
number_severity(v, found) := {"severity": "warning"} if number_warning(v, found)

else := {}

number_warning(v, found) if {
	regex.match(`^[0-9]+$`, v)
	randomness.estimate(v) >= 50
	count(found) == 1
	guessable(v)
}

# guessable: v, in the characters STS accepts, has less than min_bits of
# estimated randomness. Only ids of min_length or more are measured (a
# shorter one is reported as short) and at most 1,224 characters.
guessable(v) if {
	count(v) >= min_length
	count(v) <= 1224
	charset_ok(v)
	randomness.estimate(v) < min_bits
} else := false
