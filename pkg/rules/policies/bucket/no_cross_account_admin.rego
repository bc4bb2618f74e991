# METADATA
# title: No cross-account bucket administration
# description: >-
#   The bucket policy must not let another account (or everyone) change who
#   can access the bucket: s3:PutBucketPolicy, s3:DeleteBucketPolicy,
#   s3:PutBucketAcl, s3:PutEncryptionConfiguration or s3:PutObjectAcl. A
#   partner that holds one of them can rewrite the bucket's access rules or
#   weaken its encryption; sharing data never needs them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-6
#     description: AWS documentation (FSBP S3.6)
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-blacklisted-actions-prohibited.html
#     description: AWS Config rule s3-bucket-blacklisted-actions-prohibited; parliament RESOURCE_POLICY_PRIVILEGE_ESCALATION
# custom:
#   id: TMC105
#   name: no-cross-account-admin
#   severity: error
#   hard: false
#   remediation: >-
#     Remove the administrative actions from the statement's `actions` (and
#     avoid wildcards such as "s3:*" or "s3:Put*" that include them); give the
#     partner a grant with the permissions it needs (read, write, delete,
#     list).
#   security_severity: "8.1"
#   peers: ["FSBP S3.6", PARL_RESOURCE_POLICY_PRIVILEGE_ESCALATION]
package teramotc.rules.no_cross_account_admin

import data.teramotc.lib.common

admin_actions := [
	"s3:PutBucketPolicy",
	"s3:DeleteBucketPolicy",
	"s3:PutBucketAcl",
	"s3:PutEncryptionConfiguration",
	"s3:PutObjectAcl",
]

deny contains f if {
	some [doc, i, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Allow"
	who := foreign(s)
	count(who) > 0
	granted := common.covered_actions(s, admin_actions)
	count(granted) > 0
	f := {
		"msg": sprintf("the bucket policy of %s lets %s call %s", [doc.address, concat(", ", sort(who)), concat(", ", granted)]),
		"range": action_range(doc, i, s),
		"address": doc.address,
	}
}

# foreign lists the principals of s outside the spec's own account.
foreign(s) := {p.value |
	some p in common.principals(s)
	outside(p)
}

outside(p) if p.value == "*"

outside(p) if {
	p.type == "AWS"
	p.value != "*"
	common.other_account_principal(p)
}

outside(p) if {
	p.type == "AWS"
	common.wildcard_value(p.value)
	p.value != "*"
}

action_range(doc, i, s) := common.field_range(doc, i, "Action") if s.Action

else := common.field_range(doc, i, "NotAction")
