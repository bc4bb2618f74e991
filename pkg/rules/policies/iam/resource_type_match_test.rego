package teramotc.rules.resource_type_match_test

import data.teramotc.rules.resource_type_match

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

identity_doc(statements) := {
	"path": "grants/p/identity-policy.json", "kind": "identity-policy", "address": "grant.p", "range": rng(10),
	"provenance": {"/Statement/0": rng(12), "/Statement/1": rng(13)},
	"content": {"Version": "2012-10-17", "Statement": statements},
}

ok := [
	{"Sid": "ObjectAccess", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::acme-data/*"},
	{"Sid": "ListBucket", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-data"},
]

test_pass_generated_policy if {
	count(resource_type_match.deny) == 0 with input as {"buckets": [], "documents": [identity_doc(ok)]}
}

test_fail_object_action_on_bucket if {
	st := [ok[0], {"Sid": "BucketAccess", "Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:InitiateReplication"], "Resource": "arn:aws:s3:::acme-data"}]
	fs := resource_type_match.deny with input as {"buckets": [], "documents": [identity_doc(st)]}
	count(fs) == 1
	some f in fs
	f.range == rng(13)
	contains(f.msg, "s3:InitiateReplication")
	not contains(f.msg, "GetBucketLocation")
}

test_fail_list_bucket_on_objects if {
	fs := resource_type_match.deny with input as {"buckets": [], "documents": [identity_doc([{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-data/*"}])]}
	count(fs) == 1
	some f in fs
	f.range == rng(12)
}

test_fail_user_statement_points_at_actions if {
	doc := {
		"path": "buckets/acme-data/bucket-policy.json", "kind": "bucket-policy", "address": "bucket.data", "range": rng(1),
		"provenance": {"/Statement/0": rng(30)},
		"content": {"Statement": [{"Sid": "Read", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data"}]},
	}
	st := {"sid": "Read", "actions": attr(["s3:GetObject"], 33), "not_actions": {"value": [], "set": false, "range": rng(30)}, "resources": attr([], 34), "principals": attr({}, 32), "effect": attr("Allow", 31), "conditions": []}
	fs := resource_type_match.deny with input as {"buckets": [{"address": "bucket.data", "statements": [st]}], "documents": [doc]}
	count(fs) == 1
	some f in fs
	f.range == rng(33)
}

test_pass_wildcard_bucket_pattern if {
	count(resource_type_match.deny) == 0 with input as {"buckets": [], "documents": [identity_doc([{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-*"}])]}
}
