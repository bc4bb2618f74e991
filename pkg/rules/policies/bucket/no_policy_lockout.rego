# METADATA
# title: No policy lockout
# description: >-
#   A Deny to every principal ("*") of s3:*, *, s3:PutBucketPolicy or
#   s3:DeleteBucketPolicy without any condition also denies the bucket
#   owner's own administrators: nobody can change or remove the bucket policy
#   again except the account's root user.
# related_resources:
#   - ref: https://repost.aws/knowledge-center/s3-accidentally-denied-access
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
#     description: CKV_AWS_93
# custom:
#   id: TMC106
#   name: no-policy-lockout
#   severity: warning
#   hard: false
#   remediation: >-
#     Narrow the Deny: list the exact actions it should block, and add a
#     `condition` that excludes your administrators (for example
#     `test = "StringNotLike"`, `variable = "aws:PrincipalArn"`, `values =
#     ["arn:aws:iam::ACCOUNT:role/admin"]`) or that names what is denied
#     (aws:SecureTransport, s3:x-amz-server-side-encryption).
#   security_severity: "5.5"
#   peers: [CKV_AWS_93]
package teramotc.rules.no_policy_lockout

import data.teramotc.lib.common

locking := ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy"]

deny contains f if {
	some [doc, i, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Deny"
	not s.NotPrincipal
	some p in common.principals(s)
	p.value == "*"
	not common.has_condition(s)
	blocked := common.covered_actions(s, locking)
	count(blocked) > 0
	f := {
		"msg": sprintf("the bucket policy of %s denies %s to everyone without a condition, locking out the bucket owner", [doc.address, concat(" and ", blocked)]),
		"range": common.statement_range(doc, i),
		"address": doc.address,
	}
}
