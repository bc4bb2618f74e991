# METADATA
# title: External id is well formed and not guessable
# description: >-
#   STS accepts an external id of 2 to 1,224 characters from letters, digits
#   and + = , . @ : / - _; anything else makes every AssumeRole call fail.
#   The id only protects against the confused deputy when another customer
#   of the partner cannot guess it: a placeholder copied from documentation
#   ("your-unique-external-id"), an account id, the bucket or role name, or a
#   short value defeats it. Use the random id the partner issued. An id
#   that STS would refuse is also a validate error: that part cannot be
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
		[few_characters(v), "it uses fewer than 4 distinct characters"],
		[short(v), sprintf("it is shorter than %d characters", [min_length])],
		[spec_name(g, v), "it equals a name in the spec (bucket, grant, role or policy)"],
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

few_characters(v) if {
	count(v) >= 2
	fewer_than_four_distinct(lower(v))
} else := false

# fewer_than_four_distinct: removing every occurrence of the first
# character three times over empties a string of at most three distinct
# characters (count({c | some c in split(s, "")}) < 4, without a step per
# character).
fewer_than_four_distinct(s) if {
	r1 := replace(s, substring(s, 0, 1), "")
	r2 := replace(r1, substring(r1, 0, 1), "")
	replace(r2, substring(r2, 0, 1), "") == ""
}

short(v) if {
	count(v) >= 2
	count(v) < min_length
} else := false

# spec_name: v is, in any case, the grant's label, role or policy name, or
# the name or label of a bucket. The buckets' names are lowered once
# (bucket_names), not for every grant; a grant without a role or policy
# name matches nothing, as the set of names it would be part of is
# undefined.
spec_name(g, v) if {
	v != ""
	own := own_names(g)
	named(own, lower(v))
} else := false

named(own, lv) if lv in {lower(n) | some n in own}

named(_, lv) if lv in bucket_names

own_names(g) := {g.label, g.cross_account_role.name.value, g.cross_account_role.policy_name.value}

bucket_names := {lower(b.name.value) | some b in input.buckets} | {lower(b.label) | some b in input.buckets}

# has_account: v contains one of the accounts. With fewer accounts than v
# has characters, a contains per account; otherwise each substring of v as
# long as an account is looked up in the set, a step per character of v
# (a spec of hundreds of grants has hundreds of accounts).
has_account(v) if {
	count(accounts) <= count(v)
	some a in accounts
	a != ""
	contains(v, a)
} else if {
	count(accounts) > count(v)
	some n in account_lengths
	count(v) >= n
	some i in numbers.range(0, count(v) - n)
	substring(v, i, n) in accounts
} else := false

account_lengths := {count(a) | some a in accounts; a != ""}

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
