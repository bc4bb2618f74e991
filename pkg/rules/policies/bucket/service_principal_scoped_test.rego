package teramotc.rules.service_principal_scoped_test

import data.teramotc.rules.service_principal_scoped

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 3, "byte": 0}, "end": {"line": line, "column": 9, "byte": 0}}

svc(principal, condition) := {"Sid": "Svc", "Effect": "Allow", "Principal": principal, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data/*", "Condition": condition}

doc(account, s) := {
	"aws": {"account_id": {"value": account}},
	"buckets": [{"label": "data", "address": "bucket.data", "name": {"value": "acme-data"}, "statements": []}],
	"documents": [{
		"kind": "bucket-policy", "address": "bucket.data", "range": rng(1),
		"content": {"Version": "2012-10-17", "Statement": [s]},
		"provenance": {"/Statement/0": rng(5), "/Statement/0/Principal": rng(6)},
	}],
}

findings(account, s) := fs if {
	fs := service_principal_scoped.deny with input as doc(account, s)
}

cloudfront := {"Service": "cloudfront.amazonaws.com"}

test_unscoped_service_fails if {
	fs := findings("111122223333", svc(cloudfront, {}))
	count(fs) == 1
	some f in fs
	f.range.start.line == 6
	contains(f.msg, `"cloudfront.amazonaws.com"`)
	contains(f.msg, "any AWS account")
}

test_other_account_fails if {
	fs := findings("111122223333", svc(cloudfront, {"StringEquals": {"aws:SourceAccount": "210987654321"}}))
	count(fs) == 1
	some f in fs
	contains(f.msg, "account 210987654321, not the own account 111122223333")
}

test_scoped_passes if {
	every c in [
		{"StringEquals": {"aws:SourceAccount": "111122223333"}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:s3:::acme-data"}},
	] {
		count(findings("111122223333", svc(cloudfront, c))) == 0
	}
}

# Without the account any fixed source passes the error, with a notice
# that the account could not be checked (L2).
test_unknown_account_takes_any_fixed_source if {
	fs := findings("", svc(cloudfront, {"StringEquals": {"aws:SourceAccount": "210987654321"}}))
	[[f.severity, f.msg] | some f in fs] == [["notice", `statement "Svc" of the bucket policy of bucket.data lets the service principal "cloudfront.amazonaws.com" act for account 210987654321, which lint cannot check is the own account: set account_id in the aws block`]]
	count(findings("", svc(cloudfront, {}))) == 1
	count(findings("", svc(cloudfront, {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::acme-data"}}))) == 0
}

test_other_principals_and_deny_ignored if {
	count(findings("111122223333", svc({"AWS": "arn:aws:iam::210987654321:root"}, {}))) == 0
	count(findings("111122223333", object.union(svc(cloudfront, {}), {"Effect": "Deny"}))) == 0
}

# L1: scoped only to an organization: a notice, lint cannot check it.
test_org_only_notice_table if {
	cases := {
		"org id": [{"StringEquals": {"aws:SourceOrgID": "o-attacker1234"}}, "o-attacker1234"],
		"org path": [{"ForAnyValue:StringLike": {"aws:SourceOrgPaths": "o-attacker12/*"}}, "o-attacker12/*"],
	}
	every _, c in cases {
		fs := findings("111122223333", svc(cloudfront, c[0]))
		[[f.severity, f.msg] | some f in fs] == [["notice", sprintf(`statement "Svc" of the bucket policy of bucket.data scopes the service principal "cloudfront.amazonaws.com" only to the organization %s: lint cannot check that it is yours, and every account of it gets in through the service; prefer aws:SourceArn or aws:SourceAccount of the own account`, [c[1]])]]
	}
	both := {"StringEquals": {"aws:SourceOrgID": "o-abcdefghij", "aws:SourceAccount": "111122223333"}}
	count(findings("111122223333", svc(cloudfront, both))) == 0
}

# L11: a legacy CloudFront origin access identity: a notice.
test_origin_access_identity_notice if {
	oai := {"AWS": "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL"}
	fs := findings("111122223333", svc(oai, {}))
	[[f.severity, f.range.start.line] | some f in fs] == [["notice", 6]]
	some f in fs
	contains(f.msg, "use origin access control")
}
