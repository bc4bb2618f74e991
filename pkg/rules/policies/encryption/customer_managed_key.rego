# METADATA
# title: Customer-managed KMS key
# description: >-
#   The bucket encrypts with AES256 (SSE-S3, keys owned by S3). A
#   customer-managed KMS key adds a second, separately audited permission on
#   every read (kms:Decrypt), key rotation and revocation under your control,
#   and CloudTrail records of every use of the key. Buckets that receive
#   server access logs or CloudTrail logs are exempt, unless they are
#   shared with another account (a grant, or an Allow of their policy to
#   another account or a wildcard principal that no condition limits to
#   the own account).
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

import data.teramotc.lib.log_targets

# A log target that is not shared is exempt (lib/log_targets.rego).
deny contains f if {
	some b in input.buckets
	algorithm(b) == "AES256"
	not log_targets.exempt(b)
	f := {
		"msg": sprintf("bucket %q encrypts with AES256 (S3-managed keys), not a customer-managed KMS key", [b.label]),
		"range": b.encryption.algorithm.range,
		"address": b.address,
	}
}

algorithm(b) := a if {
	a := b.encryption.algorithm.value
	a != ""
} else := "AES256"
