package teramotc.lib.own_account_test

import data.teramotc.lib.common

own := {"aws": {"account_id": {"value": "111122223333"}}}

star(condition) := {"Effect": "Allow", "Principal": "*", "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::b", "Condition": condition}

pinned(s) if common.own_account_pinned(s) with input as own

# Forms that admit only principals of account 111122223333.
test_pinning_conditions if {
	every c in [
		{"StringEquals": {"aws:PrincipalAccount": "111122223333"}},
		{"StringEquals": {"aws:PrincipalAccount": ["111122223333", "111122223333"]}},
		{"StringEquals": {"AWS:PRINCIPALACCOUNT": "111122223333"}},
		{"StringEqualsIgnoreCase": {"aws:PrincipalAccount": "111122223333"}},
		{"StringLike": {"aws:PrincipalAccount": "111122223333"}},
		{"ForAnyValue:StringEquals": {"aws:PrincipalAccount": "111122223333"}},
		{"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin"}},
		{"ArnLike": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:role/admin-*", "arn:aws:iam::111122223333:root"]}},
		{"ArnLike": {"aws:PrincipalArn": "arn:*:iam::111122223333:role/admin"}},
		{"ForAnyValue:ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:*"}},
		{"StringEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin"}},
		{"StringLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}},
		{"StringLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:user/${aws:username}"}},
		{"StringEqualsIgnoreCase": {"aws:PrincipalArn": "ARN:AWS:IAM::111122223333:ROLE/ADMIN"}},
		# Conditions are ANDed: one pinning entry is enough.
		{
			"StringEquals": {"aws:PrincipalAccount": "111122223333"},
			"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-abc"},
		},
	] {
		pinned(star(c))
	}
}

# Forms another account, or an anonymous caller, gets through.
test_conditions_that_do_not_pin if {
	every c in [
		{},
		{"StringEquals": {"aws:PrincipalAccount": ["111122223333", "444455556666"]}},
		{"StringEquals": {"aws:PrincipalAccount": []}},
		{"StringEquals": {"aws:PrincipalAccount": 111122223333}},
		{"StringLike": {"aws:PrincipalAccount": "1111222233*"}},
		{"StringEquals": {"aws:PrincipalAccount": "${aws:PrincipalAccount}"}},
		# Missing key (an anonymous caller): true.
		{"StringEqualsIfExists": {"aws:PrincipalAccount": "111122223333"}},
		{"ForAnyValue:StringEqualsIfExists": {"aws:PrincipalAccount": "111122223333"}},
		{"ArnLikeIfExists": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin"}},
		{"ForAllValues:StringEquals": {"aws:PrincipalAccount": "111122223333"}},
		{"ForAllValues:ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin"}},
		{"StringNotEquals": {"aws:PrincipalAccount": "444455556666"}},
		{"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::444455556666:*"}},
		{"Null": {"aws:PrincipalAccount": "false"}},
		# Keys that do not name the caller's account.
		{"StringEquals": {"aws:SourceAccount": "111122223333"}},
		{"StringEquals": {"aws:PrincipalOrgID": "o-abc"}},
		{"StringEquals": {"aws:ResourceAccount": "111122223333"}},
		# ARNs whose account is not fixed to the own one.
		{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin"}},
		{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::1111222233??:role/admin"}},
		{"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::${aws:PrincipalAccount}:role/admin"}},
		{"ArnEquals": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:role/admin", "arn:aws:iam::444455556666:role/admin"]}},
		{"ArnLike": {"aws:PrincipalArn": "*"}},
		{"ArnEquals": {"aws:PrincipalArn": "111122223333"}},
		# A string operator matches across the colons: a wildcard before
		# the account field also matches a role path ":iam::111122223333:".
		{"StringLike": {"aws:PrincipalArn": "arn:*:iam::111122223333:role/admin"}},
		{"StringLike": {"aws:PrincipalArn": "arn:aws:iam:${aws:x}:111122223333:role/admin"}},
	] {
		not pinned(star(c))
	}
}

test_unknown_own_account_never_pins if {
	s := star({"StringEquals": {"aws:PrincipalAccount": "111122223333"}})
	not common.own_account_pinned(s) with input as {}
	not common.own_account_pinned(s) with input as {"aws": {"account_id": {"value": ""}}}
}
