# Whether the spec shares a declared bucket with someone outside its own
# account: through a grant, or through an Allow of the bucket's policy to
# another account or to a wildcard principal. TMC401 and TMC205 exempt log
# targets only when they are not shared; TMC403 and TMC405 look for shared
# buckets.
package teramotc.lib.sharing

import data.teramotc.lib.common

# grant_shared holds the labels of the buckets a grant shares.
grant_shared := {g.bucket.value | some g in input.grants}

# shared_addresses holds the addresses of the buckets whose policy allows
# another account or a wildcard principal in (one pass over the policies).
shared_addresses := {doc.address |
	some [doc, _, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Allow"
	shares(s)
}

# shared(b): bucket b is shared by a grant or by its policy.
shared(b) if b.label in grant_shared

shared(b) if b.address in shared_addresses

# shares: an Allow to a principal of another account; to everyone but some
# principals (NotPrincipal); to a CanonicalUser (the canonical id of the
# own account is not in the spec; CloudFront origin access identities use
# this form too); or to a wildcard not pinned to the own account.
shares(s) if {
	some p in common.principals(s)
	common.other_account_principal(p)
}

shares(s) if s.NotPrincipal

shares(s) if {
	some p in common.principals(s)
	p.type == "CanonicalUser"
}

shares(s) if {
	some p in common.principals(s)
	common.wildcard_value(p.value)
	not own_account_only(s)
}

# A web identity provider's users, or an IAM unique id (AROA..., AIDA...),
# which does not say its account: outside, as TMC105 counts them.
shares(s) if {
	some p in common.principals(s)
	p.type == "Federated"
}

shares(s) if {
	some p in common.principals(s)
	p.type == "AWS"
	regex.match(`^A[A-Z]{2}A[A-Z0-9]{12,}$`, p.value)
}

# own_account_only: a condition pins the caller to the own account (which
# must be known): aws:PrincipalAccount equal to it, or aws:PrincipalArn
# ARNs all of it.
own_account_only(s) if {
	common.own_account != ""
	some c in common.conditions(s)
	lower(c.operator) in {"stringequals", "foranyvalue:stringequals"}
	c.key == "aws:principalaccount"
	count(c.values) > 0
	every v in c.values {
		v == common.own_account
	}
}

own_account_only(s) if {
	common.own_account != ""
	some c in common.conditions(s)
	lower(c.operator) in {"stringequals", "stringlike", "arnequals", "arnlike", "foranyvalue:stringequals", "foranyvalue:stringlike", "foranyvalue:arnequals", "foranyvalue:arnlike"}
	c.key == "aws:principalarn"
	count(c.values) > 0
	every v in c.values {
		is_string(v)
		common.principal_account(v) == common.own_account
	}
}

# sharing_statement returns the first [doc, i, s] of the policy of the
# bucket at address that allows another account or a wildcard principal in.
sharing_statement(address) := xs[0][1] if {
	xs := sort([[i, [doc, i, s]] |
		some [doc, i, s] in common.statements_at_address("bucket-policy", address)
		s.Effect == "Allow"
		shares(s)
	])
	count(xs) > 0
}
