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
#   the own account). A KMS key of another account than the spec's
#   (aws.account_id, when set) for a bucket's default encryption or a
#   trail's logs is a warning: whoever administers that key controls the
#   data (disabling the key or changing its policy makes every object or
#   log file unreadable) and sees every use of it, with the bucket's ARN, in
#   their own CloudTrail. The finding for AES256 is a notice.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-17
#     description: FSBP S3.17, CKV_AWS_145, AVD-AWS-0132
# custom:
#   id: TMC205
#   name: customer-managed-key
#   severity: warning
#   hard: false
#   remediation: >-
#     In the `encryption` block write `algorithm = "aws:kms"` and `kms_key_arn
#     = "arn:aws:kms:REGION:ACCOUNT:key/ID"` of a customer-managed key;
#     teramotc then grants kms:Decrypt and kms:GenerateDataKey to each grant.
#     Use a key of your own account (aws.account_id); if the key belongs to
#     your organization's central key account, suppress the warning with
#     that reason.
#   security_severity: "3.0"
#   peers: [CKV_AWS_145, AVD-AWS-0132, "FSBP S3.17"]
package teramotc.rules.customer_managed_key

import data.teramotc.lib.common
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
		"severity": "notice",
	}
}

# A bucket encrypted with a key of another account (review leak M4).
deny contains f if {
	some b in input.buckets
	algorithm(b) in {"aws:kms", "aws:kms:dsse"}
	account := foreign_key_account(b.encryption.kms_key_arn)
	f := {
		"msg": sprintf("bucket %q encrypts with a KMS key of account %s, not of the spec's account %s: that account can make the data unreadable and sees every use of the key", [b.label, account, common.own_account]),
		"range": b.encryption.kms_key_arn.range,
		"address": b.address,
	}
}

# A trail that encrypts its logs with a key of another account.
deny contains f if {
	some t in input.trails
	account := foreign_key_account(t.kms_key_arn)
	f := {
		"msg": sprintf("trail %q encrypts its logs with a KMS key of account %s, not of the spec's account %s: that account can make the logs unreadable and sees every use of the key", [t.label, account, common.own_account]),
		"range": t.kms_key_arn.range,
		"address": t.address,
	}
}

# foreign_key_account is the account of a KMS key or alias ARN when it is
# not the spec's own (known) account; undefined otherwise (no account set,
# no ARN, a sensitive value).
foreign_key_account(a) := account if {
	common.own_account != ""
	object.get(a, "sensitive", false) != true
	v := object.get(a, "value", "")
	startswith(v, "arn:")
	parts := split(v, ":")
	count(parts) == 6
	parts[2] == "kms"
	account := parts[4]
	regex.match(`^[0-9]{12}$`, account)
	account != common.own_account
}

algorithm(b) := a if {
	a := b.encryption.algorithm.value
	a != ""
} else := "AES256"
