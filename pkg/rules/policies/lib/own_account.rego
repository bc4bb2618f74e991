# Whether a policy statement can only ever match principals of the spec's
# own account because of its condition, whoever its Principal names. TMC105
# does not count such a statement as letting another account in, and
# lib/sharing.rego does not count it as sharing the bucket.
package teramotc.lib.common

# own_account_pinned(s): a condition of s requires the caller's account to be
# the own account, which must be known. Conditions are ANDed, so one such
# entry is enough.
own_account_pinned(s) if {
	own_account != ""
	some c in conditions(s)
	pins_own_account(c)
}

# pins_own_account: aws:PrincipalAccount equal to the own account, or every
# aws:PrincipalArn value an ARN of the own account. Every authenticated
# principal has both keys; an anonymous caller has neither, so only operators
# that fail on a missing key count: never ...IfExists (true when the key is
# missing), ForAllValues (true for a missing key), negated operators or Null.
# ForAnyValue is false when the key is missing and, on these single-valued
# keys, otherwise the plain operator (IAM User Guide,
# reference_policies_condition-single-vs-multi-valued-context-keys.html).
pins_own_account(c) if {
	c.key == "aws:principalaccount"
	lower(c.operator) in own_string_operators
	count(c.values) > 0
	every v in c.values {
		v == own_account
	}
}

pins_own_account(c) if {
	c.key == "aws:principalarn"
	op := lower(c.operator)
	op in own_arn_operators
	count(c.values) > 0
	every v in c.values {
		own_arn_value(op, v)
	}
}

# A value without wildcards is matched as written by each of these (account
# ids have no letters, so the case-insensitive form pins them too).
own_string_operators := {
	"stringequals", "stringequalsignorecase", "stringlike",
	"foranyvalue:stringequals", "foranyvalue:stringequalsignorecase",
	"foranyvalue:stringlike",
}

own_arn_operators := own_string_operators | {
	"arnequals", "arnlike",
	"foranyvalue:arnequals", "foranyvalue:arnlike",
}

# own_arn_value: an ARN pattern whose account field is the own account. The
# ARN operators compare the six colon-separated fields one by one, so only
# the account field must be fixed ("arn:aws:iam::111122223333:role/*" names
# roles of that account only). The string operators compare the whole text:
# a wildcard or a policy variable before the account field ("arn:*:iam::
# 111122223333:...") could also match a path holding ":iam::111122223333:",
# so nothing up to the account field may hold one.
own_arn_value(op, v) if {
	is_string(v)
	parts := split(v, ":")
	count(parts) >= 6
	parts[4] == own_account
	own_arn_prefix(op, parts)
}

own_arn_prefix(op, _) if op in {"arnequals", "arnlike", "foranyvalue:arnequals", "foranyvalue:arnlike"}

own_arn_prefix(op, parts) if {
	not op in {"arnequals", "arnlike", "foranyvalue:arnequals", "foranyvalue:arnlike"}
	prefix := concat(":", array.slice(parts, 0, 4))
	not wildcard_value(prefix)
	not contains(prefix, "${")
}
