package teramotc.rules.kms_settings_test

import data.teramotc.rules.kms_settings

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 5, "byte": 0}, "end": {"line": line, "column": 9, "byte": 0}}

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

spec(algorithm, arn, arn_set, bucket_key, bk_set) := {"buckets": [{"label": "data", "address": "bucket.data", "encryption": {
	"algorithm": {"value": algorithm, "set": true, "range": rng(7)},
	"kms_key_arn": {"value": arn, "set": arn_set, "range": rng(8)},
	"bucket_key": {"value": bucket_key, "set": bk_set, "range": rng(9)},
}}]}

lines(inp) := {f.range.start.line | some f in kms_settings.deny with input as inp}

test_valid_kms_passes if {
	count(kms_settings.deny) == 0 with input as spec("aws:kms", key, true, true, false)
	count(kms_settings.deny) == 0 with input as spec("AES256", "", false, false, false)
}

test_missing_key_fails if lines(spec("aws:kms", "", false, true, false)) == {7}

test_alias_fails if lines(spec("aws:kms", "arn:aws:kms:us-east-1:111122223333:alias/data", true, true, false)) == {8}

test_key_id_fails if lines(spec("aws:kms", "1234abcd-12ab-34cd-56ef-1234567890ab", true, true, false)) == {8}

test_key_with_aes256_fails if lines(spec("AES256", key, true, false, false)) == {8}

test_dsse_bucket_key_fails if lines(spec("aws:kms:dsse", key, true, true, true)) == {9}

test_dsse_default_bucket_key_passes if count(kms_settings.deny) == 0 with input as spec("aws:kms:dsse", key, true, false, false)

# key_arn agrees with the regular expression it replaces.
key_arn(v) if kms_settings.key_arn(v)

else := false

test_key_arn_agrees_with_regex if {
	every v in [
		"arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		"arn:aws-cn:kms:cn-north-1:123456789012:key/abc", "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/A-1",
		"arn:aws-x:kms:eu-west-1:123456789012:key/abc", "arn:aws:kms::123456789012:key/abc",
		"arn:aws:kms:EU:123456789012:key/abc", "arn:aws:kms:eu-west-1:12345678901:key/abc",
		"arn:aws:kms:eu-west-1:123456789012:key/", "arn:aws:kms:eu-west-1:123456789012:key/a_b",
		"arn:aws:kms:eu-west-1:123456789012:alias/x", "arn:aws:kms:eu-west-1:123456789012:key/a:b",
		"arn:aws:kms:eu-west-1:123456789012:key/abc\n", "xarn:aws:kms:eu-west-1:123456789012:key/abc",
		"arn:aws:s3:eu-west-1:123456789012:key/abc", "arn:aws:kms:eu-west-1:123456789012:keys/abc", "",
	] {
		key_arn(v) == regex.match(`^arn:aws(?:-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$`, v)
	}
}

in_region(region, arn) := {"buckets": [{
	"label": "data", "address": "bucket.data",
	"region": {"value": region, "set": true, "range": rng(4)},
	"encryption": {
		"algorithm": {"value": "aws:kms", "set": true, "range": rng(7)},
		"kms_key_arn": {"value": arn, "set": true, "range": rng(8)},
		"bucket_key": {"value": true, "set": false, "range": rng(9)},
	},
}]}

test_key_in_bucket_region_passes if count(kms_settings.deny) == 0 with input as in_region("us-east-1", key)

test_key_in_other_region_fails if {
	lines(in_region("eu-west-1", key)) == {8}
	some f in kms_settings.deny with input as in_region("eu-west-1", key)
	contains(f.msg, "region us-east-1, but the bucket is in eu-west-1")
}

# An invalid ARN is reported as such, not also as a region mismatch.
test_invalid_key_reported_once if {
	found := [f | some f in kms_settings.deny with input as in_region("eu-west-1", "arn:aws:kms:us-east-1:111122223333:alias/x")]
	count(found) == 1
	contains(found[0].msg, "alias")
}

trail_spec(arn, ref, log_name, log_region) := {
	"buckets": [{
		"label": "logs", "address": "bucket.logs", "name": {"value": "acme-logs"},
		"region": {"value": log_region, "set": true},
		"encryption": {"algorithm": {"value": "AES256", "set": false, "range": rng(3)}, "kms_key_arn": {"value": "", "set": false, "range": rng(3)}},
	}],
	"trails": [{
		"label": "audit", "address": "trail.audit", "log_bucket_ref": ref, "log_bucket": {"value": log_name},
		"kms_key_arn": {"value": arn, "set": arn != "", "range": rng(12)},
	}],
}

test_trail_key_in_log_bucket_region_passes if {
	count(kms_settings.deny) == 0 with input as trail_spec(key, "logs", "acme-logs", "us-east-1")
}

test_trail_key_other_region_fails if {
	lines(trail_spec(key, "logs", "acme-logs", "eu-west-1")) == {12}
	lines(trail_spec(key, "", "acme-logs", "eu-west-1")) == {12}
}

test_trail_key_undeclared_log_bucket_passes if {
	count(kms_settings.deny) == 0 with input as trail_spec(key, "", "someone-elses-logs", "eu-west-1")
}

test_trail_key_alias_name_passes if {
	count(kms_settings.deny) == 0 with input as trail_spec("alias/audit", "logs", "acme-logs", "eu-west-1")
}

# An ARN with more than six parts has no region field to compare (as
# pkg/spec's kmsKeyRegion).
test_trail_key_malformed_arn_passes if {
	count(kms_settings.deny) == 0 with input as trail_spec("arn:aws:kms:us-east-1:111122223333:key/abc:extra", "logs", "acme-logs", "eu-west-1")
}
