# METADATA
# title: Customer-managed KMS key
# description: >-
#   The bucket encrypts with AES256 (SSE-S3, keys owned by S3). A
#   customer-managed KMS key adds a second, separately audited permission on
#   every read (kms:Decrypt), key rotation and revocation under your control,
#   and CloudTrail records of every use of the key. Buckets that receive
#   server access logs or CloudTrail logs are exempt, unless they are
#   shared with another account (a grant, or an Allow of their policy to
#   another account or a wildcard principal).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-17
#     description: FSBP S3.17, CKV_AWS_145, AVD-AWS-0132
# custom:
#   id: TMC205
#   name: customer-managed-key
#   severity: notice
#   hard: false
#   remediation: >-
#     In the `encryption` block write `algorithm = "aws:kms"` and `kms_key_arn
#     = "arn:aws:kms:REGION:ACCOUNT:key/ID"` of a customer-managed key;
#     teramotc then grants kms:Decrypt and kms:GenerateDataKey to each grant.
#   security_severity: "3.0"
#   peers: [CKV_AWS_145, AVD-AWS-0132, "FSBP S3.17"]
package teramotc.rules.customer_managed_key

import data.teramotc.lib.sharing

deny contains f if {
	some b in input.buckets
	algorithm(b) == "AES256"
	not exempt(b)
	f := {
		"msg": sprintf("bucket %q encrypts with AES256 (S3-managed keys), not a customer-managed KMS key", [b.label]),
		"range": b.encryption.algorithm.range,
		"address": b.address,
	}
}

# exempt: b is a log target that is not shared with another account (a
# grant, or an Allow of its policy to another account or a wildcard).
exempt(b) if {
	log_target(b)
	not sharing.shared(b)
}

algorithm(b) := a if {
	a := b.encryption.algorithm.value
	a != ""
} else := "AES256"

# log_target: some access_logging block or trail refers to b, by label
# (a reference) or by AWS name (a plain name). The targets are collected
# once (log_refs, log_names) instead of scanned for every bucket.
log_target(b) if b.label in log_refs

log_target(b) if b.name.value in log_names

log_refs contains ref if {
	some [ref, _] in log_targets
	ref != ""
}

log_names contains name if {
	some ["", name] in log_targets
	name != ""
}

# log_targets lists [reference, name] of every access_logging block and
# trail.
log_targets contains [ref, name] if {
	some src in input.buckets
	src.access_logging != null
	ref := src.access_logging.target_ref
	name := src.access_logging.target_bucket.value
}

log_targets contains [ref, name] if {
	some t in input.trails
	ref := t.log_bucket_ref
	name := t.log_bucket.value
}
