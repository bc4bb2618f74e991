package teramotc.rules.own_account_key_test

import data.teramotc.rules.own_account_key

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 5, "byte": 0}, "end": {"line": line, "column": 9, "byte": 0}}

own := {"account_id": {"value": "111122223333"}}

foreign := "arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab"

kms_bucket(arn) := {
	"label": "data", "address": "bucket.data", "name": {"value": "acme-data"},
	"encryption": {"algorithm": {"value": "aws:kms", "range": rng(7)}, "kms_key_arn": {"value": arn, "range": rng(8)}},
}

test_foreign_bucket_key_warns if {
	fs := own_account_key.deny with input as {"aws": own, "buckets": [kms_bucket(foreign)], "trails": []}
	[f.range | some f in fs] == [rng(8)]
	some f in fs
	contains(f.msg, "account 210987654321, not of the spec's account 111122223333")
}

test_foreign_trail_key_warns if {
	t := {"label": "audit", "address": "trail.audit", "kms_key_arn": {"value": "arn:aws:kms:us-east-1:210987654321:alias/logs", "range": rng(30)}}
	fs := own_account_key.deny with input as {"aws": own, "buckets": [], "trails": [t]}
	[f.range | some f in fs] == [rng(30)]
}

test_own_unknown_or_sensitive_passes if {
	mine := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	count(own_account_key.deny) == 0 with input as {"aws": own, "buckets": [kms_bucket(mine)], "trails": []}
	count(own_account_key.deny) == 0 with input as {"buckets": [kms_bucket(foreign)], "trails": []}
	sens := json.patch(kms_bucket(foreign), [{"op": "add", "path": "/encryption/kms_key_arn/sensitive", "value": true}])
	count(own_account_key.deny) == 0 with input as {"aws": own, "buckets": [sens], "trails": []}
}
