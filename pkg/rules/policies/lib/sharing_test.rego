package teramotc.lib.sharing_test

import data.teramotc.lib.sharing

aws := {"account_id": {"value": "111122223333"}}

allow(principal, condition) := {"Effect": "Allow", "Principal": principal, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data/*", "Condition": condition}

doc(statements) := {
	"aws": aws,
	"buckets": [{"label": "data", "address": "bucket.data"}],
	"grants": [],
	"documents": [{"kind": "bucket-policy", "address": "bucket.data", "content": {"Statement": statements}}],
}

shared(statements) if sharing.shared({"label": "data", "address": "bucket.data"}) with input as doc(statements)

else := false

test_statements_that_share if {
	every s in [
		allow({"AWS": "arn:aws:iam::210987654321:root"}, {}),
		allow({"AWS": ["arn:aws:iam::111122223333:role/a", "210987654321"]}, {}),
		allow("*", {}),
		allow({"AWS": "*"}, {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}),
		allow("*", {"StringEquals": {"aws:PrincipalAccount": ["111122223333", "210987654321"]}}),
		allow("*", {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/reader"}}),
		allow("*", {"StringEqualsIfExists": {"aws:PrincipalAccount": "111122223333"}}),
		allow("*", {"ForAllValues:StringEquals": {"aws:PrincipalAccount": "111122223333"}}),
		allow("*", {"StringLike": {"aws:PrincipalArn": "arn:*:iam::111122223333:role/reader"}}),
		allow({"AWS": "210987654321"}, {"StringEquals": {"aws:SourceAccount": "111122223333"}}),
		allow({"CanonicalUser": "79a59df900b949e55d96a1e698fbaced"}, {}),
		allow({"Federated": "accounts.google.com"}, {}),
		allow({"AWS": "AROAEXAMPLEID1234567"}, {}),
		object.union(object.remove(allow("*", {}), ["Principal"]), {"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}}),
		# A service acts for any account unless its source is scoped to
		# the own one (H1, TMC108).
		allow({"Service": "logging.s3.amazonaws.com"}, {}),
		allow({"Service": "cloudfront.amazonaws.com"}, {"StringEquals": {"aws:SourceAccount": "210987654321"}}),
		allow({"Service": "cloudfront.amazonaws.com"}, {"StringEqualsIfExists": {"aws:SourceAccount": "111122223333"}}),
		allow({"Service": "cloudfront.amazonaws.com"}, {"ArnLike": {"aws:SourceArn": "arn:aws:cloudfront::210987654321:distribution/E1"}}),
	] {
		shared([s])
	}
}

test_statements_that_do_not_share if {
	every s in [
		allow({"AWS": "arn:aws:iam::111122223333:role/reader"}, {}),
		allow({"Service": "logging.s3.amazonaws.com"}, {"StringEquals": {"aws:SourceAccount": "111122223333"}}),
		allow({"Service": "cloudfront.amazonaws.com"}, {"ArnLike": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}}),
		allow("*", {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}),
		allow("*", {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}}),
		allow("*", {"StringEqualsIgnoreCase": {"aws:PrincipalAccount": "111122223333"}}),
		# Pinned to the own account, whatever the principal (as TMC105).
		allow({"AWS": "210987654321"}, {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}),
		allow({"CanonicalUser": "79a59df900b949e55d96a1e698fbaced"}, {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/reader"}}),
		object.union(object.remove(allow("*", {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}), ["Principal"]), {"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}}),
		object.union(allow("*", {}), {"Effect": "Deny"}),
	] {
		not shared([s])
	}
}

test_grant_shares if {
	sharing.shared({"label": "data", "address": "bucket.data"}) with input as object.union(doc([]), {"grants": [{"bucket": {"value": "data"}}]})
}

# H1: with a grant, an own-account-only Allow reaches the grant's role (a
# role of the own account the partner assumes) and shares the bucket; the
# own root (delegation to identity policies) or another role does not.
# L11: a CloudFront origin access identity shares too.
test_grant_identity_sharing_table if {
	grant := {"label": "partner", "bucket": {"value": "other"}, "cross_account_role": {"name": {"value": "partner-access"}, "trusted_account_id": {"value": "210987654321"}}, "iam_user": null}
	cases := {
		"star pinned": [allow("*", {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}), true],
		"role named": [allow({"AWS": "arn:aws:iam::111122223333:role/partner-access"}, {}), true],
		"oai": [allow({"AWS": "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL"}, {}), true],
		"own root": [allow({"AWS": "arn:aws:iam::111122223333:root"}, {}), false],
		"other role": [allow({"AWS": "arn:aws:iam::111122223333:role/auditor"}, {}), false],
	}
	every _, c in cases {
		got := shared_with([c[0]], [grant])
		got == c[1]
	}
}

shared_with(statements, grants) if {
	sharing.shared({"label": "data", "address": "bucket.data"}) with input as object.union(doc(statements), {"grants": grants})
} else := false

# The older ELB access-log form: the regional Elastic Load Balancing
# account (arn:aws:iam::127311923021:root is us-east-1's) may only
# s3:PutObject into the bucket's objects. That is a write-only delivery like
# the logdelivery.elasticloadbalancing.amazonaws.com form; anything more
# from that account, or the form on another account, still shares.
elb_put(principal, action, resource) := {"Effect": "Allow", "Principal": {"AWS": principal}, "Action": action, "Resource": resource}

test_elb_account_delivery_table if {
	logs := "arn:aws:s3:::acme-data/elb/AWSLogs/111122223333/*"
	cases := {
		"us-east-1 root, PutObject on objects": [elb_put("arn:aws:iam::127311923021:root", "s3:PutObject", logs), false],
		"plain account id": [elb_put("127311923021", ["s3:PutObject"], logs), false],
		"eu-west-1 account, mixed case action": [elb_put("arn:aws:iam::156460612806:root", "s3:putobject", [logs, "arn:aws:s3:::acme-data/alb/AWSLogs/111122223333/*"]), false],
		"GovCloud account": [elb_put("arn:aws-us-gov:iam::048591011584:root", "s3:PutObject", "arn:aws-us-gov:s3:::acme-data/AWSLogs/111122223333/*"), false],
		"ELB account also reads": [elb_put("arn:aws:iam::127311923021:root", ["s3:PutObject", "s3:GetObject"], logs), true],
		"ELB account with a wildcard action": [elb_put("arn:aws:iam::127311923021:root", "s3:Put*", logs), true],
		"ELB account with NotAction": [object.union(object.remove(elb_put("arn:aws:iam::127311923021:root", "s3:PutObject", logs), ["Action"]), {"NotAction": "s3:GetObject"}), true],
		"ELB account on the bucket ARN": [elb_put("arn:aws:iam::127311923021:root", "s3:PutObject", "arn:aws:s3:::acme-data"), true],
		"ELB account with NotResource": [object.union(object.remove(elb_put("arn:aws:iam::127311923021:root", "s3:PutObject", logs), ["Resource"]), {"NotResource": "arn:aws:s3:::acme-data/private/*"}), true],
		"a role of the ELB account": [elb_put("arn:aws:iam::127311923021:role/reader", "s3:PutObject", logs), true],
		"another account's PutObject": [elb_put("arn:aws:iam::210987654321:root", "s3:PutObject", logs), true],
		"ELB account beside another account": [elb_put(["arn:aws:iam::127311923021:root", "210987654321"], "s3:PutObject", logs), true],
		# review-diff6b F5: the regional ELB account writes for every AWS
		# customer; only AWS's form BUCKET/[PREFIX/]AWSLogs/<own account>/*
		# confines it to the own account's load balancers.
		"no prefix, AWSLogs of the own account": [elb_put("arn:aws:iam::127311923021:root", "s3:PutObject", "arn:aws:s3:::acme-data/AWSLogs/111122223333/*"), false],
		"every object": [elb_put("arn:aws:iam::127311923021:root", "s3:PutObject", "arn:aws:s3:::acme-data/*"), true],
		"a prefix without AWSLogs": [elb_put("arn:aws:iam::127311923021:root", "s3:PutObject", "arn:aws:s3:::acme-data/alb/*"), true],
		"AWSLogs of another account": [elb_put("arn:aws:iam::127311923021:root", "s3:PutObject", "arn:aws:s3:::acme-data/elb/AWSLogs/210987654321/*"), true],
		"AWSLogs without the account": [elb_put("arn:aws:iam::127311923021:root", "s3:PutObject", "arn:aws:s3:::acme-data/elb/AWSLogs/*"), true],
		"wildcard before AWSLogs": [elb_put("arn:aws:iam::127311923021:root", "s3:PutObject", "arn:aws:s3:::acme-data/*AWSLogs/111122223333/*"), true],
		"one Resource of the form, one not": [elb_put("arn:aws:iam::127311923021:root", "s3:PutObject", [logs, "arn:aws:s3:::acme-data/*"]), true],
	}
	every name, c in cases {
		[name, shared([c[0]])] == [name, c[1]]
	}
}

# Without aws.account_id the own account's key space is unknown: no
# exemption.
test_elb_account_delivery_needs_own_account if {
	s := elb_put("arn:aws:iam::127311923021:root", "s3:PutObject", "arn:aws:s3:::acme-data/elb/AWSLogs/111122223333/*")
	sharing.shared({"label": "data", "address": "bucket.data"}) with input as object.remove(doc([s]), ["aws"])
}
