package teramotc.rules.kms_grant_access_test

import data.teramotc.rules.kms_grant_access

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 3, "byte": 0}, "end": {"line": line, "column": 9, "byte": 0}}

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

spec(extra, statements) := {
	"buckets": [{"label": "data", "address": "bucket.data", "encryption": {
		"algorithm": {"value": "aws:kms"},
		"kms_key_arn": {"value": key},
	}}],
	"grants": [{
		"label": "partner", "address": "grant.partner", "bucket": {"value": "data"},
		"permissions": {"value": ["list"], "range": rng(12)},
		"extra_actions": {"value": extra, "range": rng(13)},
	}],
	"documents": [{
		"kind": "identity-policy", "address": "grant.partner", "range": rng(10),
		"content": {"Statement": statements}, "provenance": {},
	}],
}

object_access(actions) := {"Sid": "ObjectAccess", "Effect": "Allow", "Action": actions, "Resource": "arn:aws:s3:::acme-data/*"}

kms_access(actions) := {"Sid": "KMSAccess", "Effect": "Allow", "Action": actions, "Resource": key}

test_read_with_decrypt_passes if {
	inp := spec([], [object_access(["s3:GetObject", "s3:PutObject"]), kms_access(["kms:Decrypt", "kms:GenerateDataKey"])])
	count(kms_grant_access.deny) == 0 with input as inp
}

test_extra_get_object_without_decrypt_fails if {
	fs := kms_grant_access.deny with input as spec(["s3:GetObject"], [object_access("s3:GetObject")])
	count(fs) == 1
	some f in fs
	f.range.start.line == 13
	contains(f.msg, "kms:Decrypt")
}

test_write_without_generate_data_key_fails if {
	inp := spec([], [object_access(["s3:PutObject"]), kms_access("kms:Decrypt")])
	fs := kms_grant_access.deny with input as inp
	count(fs) == 1
	some f in fs
	f.range.start.line == 12
	contains(f.msg, "kms:GenerateDataKey")
}

test_write_without_decrypt_fails if {
	inp := spec([], [object_access(["s3:PutObject"]), kms_access("kms:GenerateDataKey")])
	fs := kms_grant_access.deny with input as inp
	count(fs) == 1
	some f in fs
	contains(f.msg, "s3:PutObject")
	contains(f.msg, "kms:Decrypt")
}

test_write_with_both_passes if {
	inp := spec([], [object_access(["s3:PutObject"]), kms_access(["kms:Decrypt", "kms:GenerateDataKey"])])
	count(kms_grant_access.deny) == 0 with input as inp
}

test_kms_on_other_key_fails if {
	other := object.union(kms_access("kms:Decrypt"), {"Resource": "arn:aws:kms:us-east-1:111122223333:key/other"})
	count(kms_grant_access.deny) == 1 with input as spec([], [object_access("s3:GetObject"), other])
}

test_list_only_passes if {
	count(kms_grant_access.deny) == 0 with input as spec([], [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-data"}])
}

# A bucket without a KMS algorithm needs no key access, even when a key ARN
# is (wrongly) written: TMC202 reports that key.
test_aes256_bucket_with_key_passes if {
	inp := object.union(spec([], [object_access(["s3:GetObject", "s3:PutObject"])]), {"buckets": [{"label": "data", "address": "bucket.data", "encryption": {
		"algorithm": {"value": "AES256"},
		"kms_key_arn": {"value": key},
	}}]})
	count(kms_grant_access.deny) == 0 with input as inp
}
