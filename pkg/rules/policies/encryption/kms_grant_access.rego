# METADATA
# title: Grants can use the bucket's KMS key
# description: >-
#   On a bucket encrypted with a KMS key, reading an object needs
#   kms:Decrypt and writing one needs kms:GenerateDataKey and kms:Decrypt on
#   that key (a multipart upload, which the aws CLI and the SDKs use for
#   large files, decrypts the uploaded parts to assemble them), on top of
#   the S3 permission. A grant whose identity policy allows the S3 action
#   but not the KMS action gets AccessDenied at run time. teramotc adds the
#   KMS statement for the read and write permissions; object actions given
#   through extra_actions need it too.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#aws-managed-customer-managed-keys
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/services-s3.html
#     description: How Amazon S3 uses AWS KMS
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html#mpuAndPermissions
#     description: Multipart upload API and permissions
# custom:
#   id: TMC204
#   name: kms-grant-access
#   severity: error
#   hard: false
#   remediation: >-
#     Give the grant the `read` and/or `write` permission instead of raw
#     object actions in `extra_actions`, so that teramotc renders kms:Decrypt
#     (read and write) and kms:GenerateDataKey (write) on the bucket's
#     kms_key_arn. A cross-account
#     role also needs the key policy to trust its account.
#   security_severity: "5.0"
#   peers: []
package teramotc.rules.kms_grant_access

import data.teramotc.lib.common

# needs pairs each S3 object action with a KMS action it requires.
# s3:PutObject needs kms:Decrypt for multipart uploads.
needs := {
	["s3:GetObject", "kms:Decrypt"],
	["s3:GetObjectVersion", "kms:Decrypt"],
	["s3:PutObject", "kms:GenerateDataKey"],
	["s3:PutObject", "kms:Decrypt"],
}

deny contains f if {
	some g in input.grants
	b := common.bucket_by_label(g.bucket.value)
	b.encryption.algorithm.value in {"aws:kms", "aws:kms:dsse"}
	key := b.encryption.kms_key_arn.value
	key != ""
	doc := common.policy_document(g.address, "identity-policy")
	some kms_action in {k | some [_, k] in needs}
	not allowed(doc, kms_action, key)
	s3_actions := sort([a | some [a, k] in needs; k == kms_action; allowed(doc, a, "*")])
	count(s3_actions) > 0
	f := {
		"msg": sprintf("grant %q allows %s on bucket %q but not %s on its key %s", [g.label, concat(", ", s3_actions), b.label, kms_action, common.shown(b.encryption.kms_key_arn)]),
		"range": source_range(g, s3_actions),
		"address": g.address,
	}
}

# allowed: an Allow statement of doc covers action on a resource matching
# arn ("*" accepts any resource).
allowed(doc, action, arn) if {
	some s in doc.content.Statement
	s.Effect == "Allow"
	common.statement_covers_action(s, action)
	some r in common.resources(s)
	resource_matches(r, arn)
}

resource_matches(_, "*")

resource_matches(r, arn) if glob.match(r, [], arn)

# source_range: the extra_actions attribute when it holds the action, else
# the permissions.
source_range(g, actions) := g.extra_actions.range if {
	some a in g.extra_actions.value
	some action in actions
	common.action_matches(a, action)
} else := g.permissions.range
