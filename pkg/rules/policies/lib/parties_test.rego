package teramotc.lib.parties_test

import data.teramotc.lib.parties

role_grant := {
	"label": "partner", "address": "grant.partner", "bucket": {"value": "data"}, "prefix": {"value": "partner/"},
	"cross_account_role": {"name": {"value": "partner-access"}, "path": {"value": "/"}, "trusted_account_id": {"value": "210987654321"}},
	"iam_user": null,
}

user_grant := {
	"label": "svc", "address": "grant.svc", "bucket": {"value": "data"}, "prefix": {"value": ""},
	"cross_account_role": null,
	"iam_user": {"name": {"value": "partner-svc"}, "path": {"value": "/ext/"}},
}

own_role_grant := json.patch(role_grant, [{"op": "replace", "path": "/cross_account_role/trusted_account_id/value", "value": "111122223333"}])

spec(grants) := {"aws": {"account_id": {"value": "111122223333"}}, "grants": grants}

allow(principal, condition) := {"Effect": "Allow", "Principal": principal, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data/*", "Condition": condition}

reached(s) := names if {
	got := parties.reached(s) with input as spec([role_grant, user_grant])
	names := {p.name | some p in got}
}

test_grant_parties if {
	got := parties.grant_parties with input as spec([role_grant, user_grant, own_role_grant])
	{[p.kind, p.arn] | some p in got} == {
		["role", "arn:aws:iam::111122223333:role/partner-access"],
		["user", "arn:aws:iam::111122223333:user/ext/partner-svc"],
	}
}

test_no_parties_without_account if {
	count(parties.grant_parties) == 0 with input as {"grants": [role_grant]}
}

# What each statement lets in of the grants' own-account identities.
test_reached_table if {
	cases := {
		"star pinned to own account": [allow("*", {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}), {"partner-access", "partner-svc"}],
		"role ARN named": [allow({"AWS": "arn:aws:iam::111122223333:role/partner-access"}, {}), {"partner-access"}],
		"role session named": [allow({"AWS": "arn:aws:sts::111122223333:assumed-role/partner-access/s1"}, {}), {"partner-access"}],
		"user ARN named": [allow({"AWS": "arn:aws:iam::111122223333:user/ext/partner-svc"}, {}), {"partner-svc"}],
		"role wildcard ARN condition": [allow("*", {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}}), {"partner-access"}],
		"IfExists reads like the plain operator": [allow("*", {"StringEqualsIfExists": {"aws:PrincipalAccount": "111122223333"}}), {"partner-access", "partner-svc"}],
		# The own account's root delegates to the account's identity policies.
		"own root": [allow({"AWS": "arn:aws:iam::111122223333:root"}, {}), set()],
		"own account id": [allow({"AWS": "111122223333"}, {}), set()],
		"other own role": [allow({"AWS": "arn:aws:iam::111122223333:role/admin"}, {}), set()],
		"exact admin ARN condition": [allow("*", {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin"}}), set()],
		"grant roles excluded": [allow("*", {"StringEquals": {"aws:PrincipalAccount": "111122223333"}, "ArnNotEquals": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:role/partner-access", "arn:aws:iam::111122223333:user/ext/partner-svc"]}}), set()],
		"other account pinned": [allow("*", {"StringEquals": {"aws:PrincipalAccount": "444455556666"}}), set()],
	}
	every _, c in cases {
		reached(c[0]) == c[1]
	}
}

deny(principal, condition) := object.union(allow(principal, condition), {"Effect": "Deny"})

party(grants) := p if {
	ps := parties.grant_parties with input as spec(grants)
	some p in ps
}

test_deny_misses_table if {
	p := party([role_grant])
	misses := {
		"account pinned": deny("*", {"StringEquals": {"aws:PrincipalAccount": "210987654321"}}),
		"partner root": deny({"AWS": "arn:aws:iam::210987654321:root"}, {}),
		"partner ARN": deny("*", {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::210987654321:role/*"}}),
	}
	every _, s in misses {
		parties.misses_under_deny(s, p) with input as spec([role_grant])
	}
	hits := {
		"role ARN": deny("*", {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/partner-access"}}),
		"everyone": deny("*", {}),
		"partner and role": deny({"AWS": ["arn:aws:iam::210987654321:root", "arn:aws:iam::111122223333:role/partner-access"]}, {}),
	}
	every _, s in hits {
		not parties.misses_under_deny(s, p) with input as spec([role_grant])
	}
}
