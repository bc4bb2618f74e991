package teramotc.rules.customer_managed_key_test

import data.teramotc.rules.customer_managed_key

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 5, "byte": 0}, "end": {"line": line, "column": 9, "byte": 0}}

bucket(label, name, algorithm, logging) := {
	"label": label, "address": sprintf("bucket.%s", [label]), "name": {"value": name},
	"encryption": {"algorithm": {"value": algorithm, "range": rng(7)}},
	"access_logging": logging,
}

test_aes256_fails if {
	fs := customer_managed_key.deny with input as {"buckets": [bucket("data", "acme-data", "AES256", null)], "trails": []}
	count(fs) == 1
	some f in fs
	f.range.start.line == 7
}

test_kms_passes if {
	count(customer_managed_key.deny) == 0 with input as {"buckets": [bucket("data", "acme-data", "aws:kms", null)], "trails": []}
}

test_access_log_target_exempt if {
	src := bucket("data", "acme-data", "aws:kms", {"target_ref": "logs", "target_bucket": {"value": "acme-logs"}})
	inp := {"buckets": [src, bucket("logs", "acme-logs", "AES256", null)], "trails": []}
	count(customer_managed_key.deny) == 0 with input as inp
}

test_trail_log_bucket_by_name_exempt if {
	inp := {
		"buckets": [bucket("logs", "acme-trail-logs", "AES256", null)],
		"trails": [{"log_bucket_ref": "", "log_bucket": {"value": "acme-trail-logs"}}],
	}
	count(customer_managed_key.deny) == 0 with input as inp
}

# A log target shared with another account is a data bucket, not exempt.
test_shared_log_target_not_exempt if {
	src := bucket("data", "acme-data", "aws:kms", {"target_ref": "logs", "target_bucket": {"value": "acme-logs"}})
	inp := {"buckets": [src, bucket("logs", "acme-logs", "AES256", null)], "trails": [], "grants": [{"bucket": {"value": "logs"}}]}
	fs := customer_managed_key.deny with input as inp
	count(fs) == 1
	some f in fs
	f.address == "bucket.logs"
	policy := {
		"kind": "bucket-policy", "address": "bucket.logs",
		"content": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-logs/*"}]},
	}
	count(customer_managed_key.deny) == 1 with input as object.union(inp, {"grants": [], "documents": [policy]})
}

own := {"account_id": {"value": "111122223333"}}

kms_bucket(arn) := object.union(bucket("data", "acme-data", "aws:kms", null), {"encryption": {
	"algorithm": {"value": "aws:kms", "range": rng(7)},
	"kms_key_arn": {"value": arn, "range": rng(8)},
}})

# Review leak M4: a key of another account is a warning at kms_key_arn,
# for a bucket and for a trail; the AES256 finding stays a notice.
test_foreign_key_warns if {
	fs := customer_managed_key.deny with input as {"aws": own, "buckets": [kms_bucket("arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab")], "trails": []}
	[[f.range, object.get(f, "severity", "")] | some f in fs] == [[rng(8), ""]]
	some f in fs
	contains(f.msg, "account 210987654321, not of the spec's account 111122223333")
}

test_foreign_trail_key_warns if {
	t := {"label": "audit", "address": "trail.audit", "kms_key_arn": {"value": "arn:aws:kms:us-east-1:210987654321:alias/logs", "range": rng(30)}}
	fs := customer_managed_key.deny with input as {"aws": own, "buckets": [], "trails": [t]}
	[f.range | some f in fs] == [rng(30)]
}

test_own_or_unknown_key_passes if {
	arn := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	count(customer_managed_key.deny) == 0 with input as {"aws": own, "buckets": [kms_bucket(arn)], "trails": []}
	foreign := "arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	count(customer_managed_key.deny) == 0 with input as {"buckets": [kms_bucket(foreign)], "trails": []}
	sens := json.patch(kms_bucket(foreign), [{"op": "add", "path": "/encryption/kms_key_arn/sensitive", "value": true}])
	count(customer_managed_key.deny) == 0 with input as {"aws": own, "buckets": [sens], "trails": []}
}

test_aes256_is_a_notice if {
	fs := customer_managed_key.deny with input as {"buckets": [bucket("data", "acme-data", "AES256", null)], "trails": []}
	[f.severity | some f in fs] == ["notice"]
}
