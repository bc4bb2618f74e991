# Who a bucket-policy Allow lets in besides the own account's own people.
#
# A grant's identity lives in the own account: a cross_account_role is a
# role of the own account that the partner assumes (its session's
# aws:PrincipalAccount is the own account), an iam_user is a user of the own
# account whose access keys are handed out. Within one account S3 allows a
# request when the identity policy or the bucket policy allows it (IAM
# policy evaluation logic, requests within a single account), so a bucket
# policy Allow that names such a role or user, or "*" narrowed only to the
# own account, reaches the partner too, past the grant's prefix and
# permissions. The own account itself as a principal (its id or
# arn:...:root) does not: that delegates to the account, whose identities
# still need an identity policy that allows the request.
package teramotc.lib.parties

import data.teramotc.lib.common

# grant_parties holds one entry per grant whose identity another party
# uses: {"grant", "bucket", "kind", "name", "arn", "session", "account"}.
# The ARNs need the own account; a role that only the own account may
# assume is not another party.
grant_parties contains party if {
	common.own_account != ""
	some g in input.grants
	role := g.cross_account_role
	role != null
	account := object.get(role, ["trusted_account_id", "value"], "")
	account != common.own_account
	name := object.get(role, ["name", "value"], "")
	name != ""
	party := {
		"grant": g.label, "bucket": g.bucket.value, "kind": "role", "name": name,
		"arn": sprintf("arn:%s:iam::%s:role%s%s", [common.partition, common.own_account, iam_path(role), name]),
		"session": sprintf("arn:%s:sts::%s:assumed-role/%s/", [common.partition, common.own_account, name]),
		"account": account,
	}
}

grant_parties contains party if {
	common.own_account != ""
	some g in input.grants
	user := g.iam_user
	user != null
	name := object.get(user, ["name", "value"], "")
	name != ""
	party := {
		"grant": g.label, "bucket": g.bucket.value, "kind": "user", "name": name,
		"arn": sprintf("arn:%s:iam::%s:user%s%s", [common.partition, common.own_account, iam_path(user), name]),
		"session": "", "account": "",
	}
}

iam_path(blk) := p if {
	p := object.get(blk, ["path", "value"], "/")
	p != ""
} else := "/"

# label names a party for messages.
label(party) := sprintf("role %q of grant %q (assumed by account %s)", [party.name, party.grant, party.account]) if party.kind == "role"

label(party) := sprintf("IAM user %q of grant %q (whose access keys are handed out)", [party.name, party.grant]) if party.kind == "user"

# reached(s) is the set of the grant parties an Allow statement s lets in.
reached(s) := {party |
	some party in grant_parties
	reaches(s, party)
}

# reaches(s, party): a principal of s is the party's ARN (or a session of
# its role) or a wildcard, and no condition of s leaves the party out.
reaches(s, party) if {
	some p in common.principals(s)
	names(p, party)
	not excluded(s, party)
}

names(p, _) if p.value == "*"

names(p, party) if {
	p.type == "AWS"
	p.value == party.arn
}

names(p, party) if {
	p.type == "AWS"
	party.session != ""
	startswith(p.value, party.session)
}

# excluded: a condition the party's requests cannot meet. Only the keys
# that identify the caller are read: aws:PrincipalArn and
# aws:PrincipalAccount (both present on every request of the party, so
# ...IfExists and ForAnyValue/ForAllValues read like the plain operator).
excluded(s, party) if {
	some c in common.conditions(s)
	c.key == "aws:principalarn"
	fails_arn(operator(c.operator), c.values, party.arn)
}

excluded(s, _) if {
	some c in common.conditions(s)
	c.key == "aws:principalaccount"
	fails_arn(operator(c.operator), c.values, common.own_account)
}

# operator drops the set and IfExists qualifiers.
operator(op) := trim_suffix(trim_prefix(trim_prefix(lower(op), "foranyvalue:"), "forallvalues:"), "ifexists")

positive := {"stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike"}

negative := {"stringnotequals", "stringnotequalsignorecase", "stringnotlike", "arnnotequals", "arnnotlike"}

# fails_arn: a positive operator none of whose values matches v, or a
# negative one with a value that matches v. A policy variable may match
# anything: it neither fails a positive operator nor a negative one.
fails_arn(op, values, v) if {
	op in positive
	not any_match(op, values, v)
}

fails_arn(op, values, v) if {
	op in negative
	some x in values
	is_string(x)
	not contains(x, "${")
	matches(op, x, v)
}

any_match(_, values, _) if {
	some x in values
	is_string(x)
	contains(x, "${")
}

any_match(op, values, v) if {
	some x in values
	is_string(x)
	matches(op, x, v)
}

matches(op, x, v) if {
	op in {"stringequals", "stringnotequals"}
	x == v
}

matches(op, x, v) if {
	op in {"stringequalsignorecase", "stringnotequalsignorecase"}
	lower(x) == lower(v)
}

matches(op, x, v) if {
	not op in {"stringequals", "stringnotequals", "stringequalsignorecase", "stringnotequalsignorecase"}
	glob.match(x, [], v)
}

# others(s) names who an Allow statement s lets in from outside the own
# account (TMC105, TMC505): its principals outside the account unless a
# condition admits only the own account's principals, else the grant
# parties it reaches. Empty for a statement of the own account's own
# people only.
others(s) := w if {
	not common.own_account_pinned(s)
	w := foreign(s)
	count(w) > 0
} else := {label(party) | some party in reached(s)}

# foreign lists the principals of s outside the spec's own account.
foreign(s) := {p.value |
	some p in common.principals(s)
	outside(p)
}

outside(p) if p.value == "*"

# An AWS, CanonicalUser or Federated principal is outside unless it names
# the own account by id or ARN without a wildcard. Canonical user ids and
# unique ids (AROA..., AIDA...) do not say their account: unknown counts as
# outside, and so does a web identity provider (accounts.google.com) and a
# CloudFront origin access identity (arn:aws:iam::cloudfront:user/...).
outside(p) if {
	p.type in {"AWS", "CanonicalUser", "Federated"}
	not owned(p.value)
}

owned(v) if {
	not common.wildcard_value(v)
	common.own_account != ""
	common.principal_account(v) == common.own_account
}

# misses_under_deny: a Deny statement s that is keyed on the account of a role
# grant's partner (its Principal only that account, or an
# aws:PrincipalAccount / aws:PrincipalArn condition naming only it) and so
# never applies to the role the partner works through, whose account is
# the own one.
misses_under_deny(s, party) if {
	party.kind == "role"
	partner_keyed(s, party.account)
	not reaches_deny(s, party)
}

partner_keyed(s, account) if {
	ps := common.principals(s)
	count(ps) > 0
	every p in ps {
		p.type == "AWS"
		common.principal_account(p.value) == account
	}
}

partner_keyed(s, account) if {
	some c in common.conditions(s)
	c.key == "aws:principalaccount"
	operator(c.operator) in positive
	count(c.values) > 0
	every v in c.values {
		v == account
	}
}

partner_keyed(s, account) if {
	some c in common.conditions(s)
	c.key == "aws:principalarn"
	operator(c.operator) in positive
	count(c.values) > 0
	every v in c.values {
		is_string(v)
		parts := split(v, ":")
		count(parts) >= 6
		parts[4] == account
	}
}

# reaches_deny: the Deny does apply to the party's role after all.
reaches_deny(s, party) if reaches(s, party)
