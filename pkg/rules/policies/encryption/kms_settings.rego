# METADATA
# title: KMS settings valid
# description: >-
#   aws:kms and aws:kms:dsse need kms_key_arn, and it must be a key ARN
#   (arn:aws:kms:REGION:ACCOUNT:key/ID), not an alias: the grants' IAM
#   policies need the key ARN for kms:Decrypt and kms:GenerateDataKey.
#   The key must be in the bucket's region: S3 encrypts with SSE-KMS only
#   with a key of the bucket's own region. kms_key_arn is only valid with a
#   KMS algorithm, and S3 Bucket Keys are not supported with DSSE-KMS. S3
#   rejects these configurations. A trail's kms_key_arn, when it is an ARN,
#   must likewise be in the region of the trail's log bucket when the spec
#   declares that bucket: CloudTrail encrypts log files only with a key of
#   the log bucket's region.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html
#     description: S3 Bucket Keys
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-encryption-cli.html
#     description: CloudTrail log file encryption (key in the log bucket's region)
# custom:
#   id: TMC202
#   name: kms-settings
#   severity: error
#   hard: true
#   remediation: >-
#     With `algorithm = "aws:kms"` write `kms_key_arn =
#     "arn:aws:kms:us-east-1:111122223333:key/1234abcd-..."`, a key of the
#     bucket's region (or a replica of a multi-Region key there); with AES256
#     remove kms_key_arn; with aws:kms:dsse remove `bucket_key = true`.
#     A trail's kms_key_arn must be a key of its log bucket's region.
#   security_severity: "5.0"
#   peers: []
package teramotc.rules.kms_settings

import data.teramotc.lib.common

# key_arn: ^arn:aws(?:-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$
# field by field (no field holds a colon); trimming the characters a field
# may hold leaves nothing of it.
key_arn(v) if {
	parts := split(v, ":")
	count(parts) == 6
	parts[0] == "arn"
	parts[1] in {"aws", "aws-cn", "aws-us-gov"}
	parts[2] == "kms"
	parts[3] != ""
	trim(parts[3], "abcdefghijklmnopqrstuvwxyz0123456789-") == ""
	count(parts[4]) == 12
	trim(parts[4], "0123456789") == ""
	startswith(parts[5], "key/")
	id := substring(parts[5], 4, -1)
	id != ""
	trim(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") == ""
}

kms(e) if e.algorithm.value in {"aws:kms", "aws:kms:dsse"}

deny contains f if {
	some b in input.buckets
	not plain(b.encryption)
	some p in problems(b)
	f := {"msg": sprintf("bucket %q: %s", [b.label, p.msg]), "range": p.range, "address": b.address}
}

# problems mirrors pkg/spec's checkKMS: the first key problem, then the
# bucket key with DSSE.
problems(b) := {p | some p in [key_problem(b.encryption, b), dsse_bucket_key(b.encryption)]; p != null}

# bucket_region is the bucket's region, or "" when it is not written.
bucket_region(b) := b.region.value if b.region.set == true

else := ""

key_problem(e, b) := {"msg": sprintf("algorithm %q needs kms_key_arn", [e.algorithm.value]), "range": e.algorithm.range} if {
	kms(e)
	not e.kms_key_arn.set
} else := {"msg": sprintf("kms_key_arn only applies to aws:kms and aws:kms:dsse, not %q", [e.algorithm.value]), "range": e.kms_key_arn.range} if {
	not kms(e)
	e.kms_key_arn.set
} else := {"msg": "kms_key_arn is a KMS alias; use the key ARN", "range": e.kms_key_arn.range} if {
	kms(e)
	contains(e.kms_key_arn.value, "alias/")
} else := {"msg": sprintf("kms_key_arn %s is not a KMS key ARN", [common.shown(e.kms_key_arn)]), "range": e.kms_key_arn.range} if {
	kms(e)
	not key_arn(e.kms_key_arn.value)
} else := {"msg": sprintf("the KMS key is in region %s, but the bucket is in %s; S3 needs a key of the bucket's region", [key_region_shown(e.kms_key_arn), region_shown(b)]), "range": e.kms_key_arn.range} if {
	kms(e)
	region := bucket_region(b)
	region != ""
	split(e.kms_key_arn.value, ":")[3] != region
} else := null

key_region_shown(a) := "(sensitive)" if a.sensitive == true

else := split(a.value, ":")[3]

region_shown(b) := "(sensitive)" if b.region.sensitive == true

else := b.region.value

dsse_bucket_key(e) := {"msg": "S3 Bucket Keys are not supported with aws:kms:dsse", "range": e.bucket_key.range} if {
	e.algorithm.value == "aws:kms:dsse"
	e.bucket_key.set
	e.bucket_key.value
} else := null

# plain: no KMS algorithm and no kms_key_arn, where problems finds nothing
# (every problem needs a KMS algorithm or a key ARN).
plain(e) if {
	not kms(e)
	not e.kms_key_arn.set
}

# A trail's KMS key ARN in another region than its declared log bucket
# (mirrors pkg/spec's checkTrailKMSRegion).
deny contains f if {
	some t in input.trails
	key := object.get(t, ["kms_key_arn", "value"], "")
	startswith(key, "arn:")
	parts := split(key, ":")
	count(parts) == 6
	parts[3] != ""
	logs := trail_log_bucket(t)
	region := bucket_region(logs)
	region != ""
	parts[3] != region
	f := {
		"msg": sprintf("trail %q: the KMS key is in region %s, but its log bucket %q is in %s; CloudTrail needs a key of the log bucket's region", [
			t.label, key_region_shown(t.kms_key_arn), logs.label, region_shown(logs),
		]),
		"range": t.kms_key_arn.range,
		"address": t.address,
	}
}

# trail_log_bucket: the declared bucket a trail's log_bucket refers to or
# names.
trail_log_bucket(t) := common.bucket_by_label(t.log_bucket_ref) if {
	object.get(t, "log_bucket_ref", "") != ""
} else := bs[0] if {
	bs := [b | some b in input.buckets; b.name.value != ""; b.name.value == t.log_bucket.value]
	count(bs) > 0
}
