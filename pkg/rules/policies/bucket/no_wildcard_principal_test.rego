package teramotc.rules.no_wildcard_principal_test

import data.teramotc.rules.no_wildcard_principal

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 3, "byte": 0}, "end": {"line": line, "column": 9, "byte": 0}}

policy(kind, s) := {"documents": [{
	"kind": kind, "address": "bucket.data", "range": rng(1),
	"content": {"Version": "2012-10-17", "Statement": [s]},
	"provenance": {"/Statement/0": rng(5), "/Statement/0/Principal": rng(6)},
}]}

findings(kind, s) := fs if {
	fs := no_wildcard_principal.deny with input as policy(kind, s)
}

allow(principal) := {"Sid": "Open", "Effect": "Allow", "Principal": principal, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}

test_star_fails if {
	fs := findings("bucket-policy", allow("*"))
	count(fs) == 1
	some f in fs
	f.range.start.line == 6
}

test_aws_star_fails if count(findings("bucket-policy", allow({"AWS": "*"}))) == 1

test_root_wildcard_fails if count(findings("trust-policy", allow({"AWS": ["arn:aws:iam::*:root"]}))) == 1

test_wildcarded_arn_fails if count(findings("trust-policy", allow({"AWS": "arn:aws:iam::444455556666:role/*"}))) == 1

test_org_id_narrowing_passes if {
	s := object.union(allow("*"), {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})
	count(findings("bucket-policy", s)) == 0
}

test_wildcard_org_id_fails if {
	s := object.union(allow("*"), {"Condition": {"StringLike": {"aws:PrincipalOrgID": "o-*"}}})
	count(findings("bucket-policy", s)) == 1
}

test_non_narrowing_condition_fails if {
	s := object.union(allow("*"), {"Condition": {"StringEquals": {"s3:prefix": "reports/"}}})
	count(findings("bucket-policy", s)) == 1
}

test_external_id_does_not_narrow if {
	s := object.union(allow({"AWS": "*"}), {"Condition": {"StringEquals": {"sts:ExternalId": "x8Kq2hVb7Lr4Tz9N"}}})
	count(findings("trust-policy", s)) == 1
}

test_deny_star_passes if count(findings("bucket-policy", object.union(allow("*"), {"Effect": "Deny"}))) == 0

test_fixed_principal_passes if count(findings("trust-policy", allow({"AWS": "arn:aws:iam::444455556666:root"}))) == 0

test_service_with_source_arn_passes if {
	s := object.union(allow({"Service": "logging.s3.amazonaws.com"}), {"Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::src"}}})
	count(findings("bucket-policy", s)) == 0
}

test_identity_policy_ignored if count(findings("identity-policy", allow("*"))) == 0

own(s) := object.union(policy("bucket-policy", s), {"aws": {"account_id": {"value": "111122223333"}}})

# Review H2, L1, L2: "anonymous" as aws:userid, a /8 or an IPv6 /32, and a
# resource of another account do not narrow.
test_review_gaps_fail if {
	every c in [
		{"StringEquals": {"aws:userid": "anonymous"}},
		{"IpAddress": {"aws:SourceIp": "3.0.0.0/8"}},
		{"IpAddress": {"aws:SourceIp": "2001::/32"}},
		{"StringEquals": {"aws:SourceArn": "arn:aws:cloudfront::210987654321:distribution/E1"}},
		{"StringEquals": {"s3:DataAccessPointAccount": "210987654321"}},
		{"StringEquals": {"s3:x-amz-server-side-encryption-aws-kms-key-id": "arn:aws:kms:us-east-1:210987654321:key/k"}},
	] {
		count(no_wildcard_principal.deny) == 1 with input as own(object.union(allow("*"), {"Condition": c}))
	}
}

test_foreign_message if {
	s := object.union(allow("*"), {"Condition": {"StringEquals": {"aws:SourceAccount": "210987654321"}}})
	some f in no_wildcard_principal.deny with input as own(s)
	contains(f.msg, "names account 210987654321, not the own account 111122223333")
}

test_own_resources_pass if {
	every c in [
		{"StringEquals": {"aws:userid": "AROAJQABLZS4A3QDU576Q:alice"}},
		{"IpAddress": {"aws:SourceIp": "198.51.0.0/16"}},
		{"StringEquals": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}},
		{"StringEquals": {"s3:DataAccessPointAccount": "111122223333"}},
		{"StringEquals": {"aws:PrincipalAccount": "210987654321"}},
	] {
		count(no_wildcard_principal.deny) == 0 with input as own(object.union(allow("*"), {"Condition": c}))
	}
}
