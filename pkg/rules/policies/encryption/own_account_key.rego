# METADATA
# title: KMS key of the own account
# description: >-
#   A bucket's default encryption or a trail's logs use a KMS key of
#   another account than the spec's (aws.account_id; the rule needs it).
#   Whoever administers that key controls the data: disabling the key or
#   changing its policy makes every object or log file unreadable, and every
#   use of the key, with the bucket's ARN as encryption context, is recorded
#   in their own CloudTrail.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
#     description: AWS documentation
# custom:
#   id: TMC206
#   name: own-account-key
#   severity: warning
#   hard: false
#   remediation: >-
#     Use a KMS key of your own account (aws.account_id) in kms_key_arn. If
#     the key belongs to your organization's central key account, suppress
#     the finding with that reason.
#   security_severity: "5.0"
#   peers: []
package teramotc.rules.own_account_key

import data.teramotc.lib.common

deny contains f if {
	some b in input.buckets
	b.encryption.algorithm.value in {"aws:kms", "aws:kms:dsse"}
	account := foreign_key_account(b.encryption.kms_key_arn)
	f := {
		"msg": sprintf("bucket %q encrypts with a KMS key of account %s, not of the spec's account %s: that account can make the data unreadable and sees every use of the key", [b.label, account, common.own_account]),
		"range": b.encryption.kms_key_arn.range,
		"address": b.address,
	}
}

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
