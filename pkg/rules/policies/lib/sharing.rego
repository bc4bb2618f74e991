# Whether the spec shares a declared bucket with someone outside its own
# account: through a grant, or through an Allow of the bucket's policy to
# another account, to a wildcard principal, or to a service principal not
# scoped to the own account. TMC401 and TMC205 exempt log
# targets only when they are not shared; TMC403 and TMC405 look for shared
# buckets.
package teramotc.lib.sharing

import data.teramotc.lib.common
import data.teramotc.lib.parties

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

# shares: an Allow to someone outside the own account (outsider) whose
# condition does not admit only the own account's principals
# (common.own_account_pinned, as TMC105 reads it); or an Allow that reaches
# a grant's role or IAM user (lib/parties: "*" narrowed to the own account,
# or the role's or user's ARN), which another party uses although it lives
# in the own account.
shares(s) if {
	outsider(s)
	not common.own_account_pinned(s)
}

shares(s) if count(parties.reached(s)) > 0

# who(s) says whom a sharing statement lets in, for messages.
who(s) := sprintf("lets in %s", [concat(" and ", sort([parties.label(p) | some p in parties.reached(s)]))]) if {
	not outsider_unpinned(s)
	count(parties.reached(s)) > 0
} else := "allows another account"

outsider_unpinned(s) if {
	outsider(s)
	not common.own_account_pinned(s)
}

# outsider: an Allow to a principal of another account (but for the
# regional Elastic Load Balancing account when it may only deliver logs,
# lib/elb_accounts.rego); to everyone but some principals (NotPrincipal); to
# a CanonicalUser (the canonical id of the own account is not in the spec;
# CloudFront origin access identities use this form too); or to a wildcard.
outsider(s) if {
	some p in common.principals(s)
	common.other_account_principal(p)
	not elb_delivery(s, p)
}

outsider(s) if s.NotPrincipal

outsider(s) if {
	some p in common.principals(s)
	p.type == "CanonicalUser"
}

outsider(s) if {
	some p in common.principals(s)
	common.wildcard_value(p.value)
}

# A service principal with no condition that scopes its source to the own
# account (common.source_scoped, TMC108): the service acts for every AWS
# account, so any account's distribution, trail or bucket gets in.
outsider(s) if {
	count(common.service_principals(s)) > 0
	not common.source_scoped(s)
}

# A CloudFront origin access identity (legacy OAI): any account can create
# one, and its distribution usually serves the objects to anyone.
outsider(s) if {
	some p in common.principals(s)
	p.type == "AWS"
	oai(p.value)
}

oai(v) if regex.match(`^arn:[a-z-]+:iam::cloudfront:user/CloudFront Origin Access Identity `, v)

# A web identity provider's users, or an IAM unique id (AROA..., AIDA...),
# which does not say its account: outside, as TMC105 counts them.
outsider(s) if {
	some p in common.principals(s)
	p.type == "Federated"
}

outsider(s) if {
	some p in common.principals(s)
	p.type == "AWS"
	regex.match(`^A[A-Z]{2}A[A-Z0-9]{12,}$`, p.value)
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
