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
