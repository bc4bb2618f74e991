package teramotc.rules.kms_bucket_key_test

import data.teramotc.rules.kms_bucket_key

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 5, "byte": 0}, "end": {"line": line, "column": 9, "byte": 0}}

spec(algorithm, bucket_key) := {"buckets": [{"label": "data", "address": "bucket.data", "encryption": {
	"algorithm": {"value": algorithm, "set": true, "range": rng(7)},
	"bucket_key": {"value": bucket_key, "set": true, "range": rng(9)},
}}]}

test_kms_without_bucket_key_fails if {
	fs := kms_bucket_key.deny with input as spec("aws:kms", false)
	count(fs) == 1
	some f in fs
	f.range.start.line == 9
}

test_kms_with_bucket_key_passes if count(kms_bucket_key.deny) == 0 with input as spec("aws:kms", true)

test_aes256_passes if count(kms_bucket_key.deny) == 0 with input as spec("AES256", false)

test_dsse_passes if count(kms_bucket_key.deny) == 0 with input as spec("aws:kms:dsse", false)
