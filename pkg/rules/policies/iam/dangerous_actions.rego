# METADATA
# title: No permission-management or escalation actions
# description: >-
#   Actions that change who may access a resource (s3:PutBucketPolicy,
#   s3:PutBucketAcl, s3:PutObjectAcl, s3:PutBucketPublicAccessBlock,
#   kms:PutKeyPolicy, kms:CreateGrant) or that manage IAM identities
#   (iam:PassRole, iam:AttachRolePolicy, iam:CreateAccessKey, ...) let the
#   holder widen their own access or make the data public. A data-sharing
#   grant never needs them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-6
#     description: AWS documentation
# custom:
#   id: TMC505
#   name: dangerous-actions
#   severity: error
#   hard: false
#   remediation: >-
#     Remove the action from extra_actions or the statement; manage bucket
#     policies, ACLs, keys and IAM identities from the owner's account (with
#     teramotc apply), not through the shared access.
#   security_severity: "8.0"
#   peers: [CKV_AWS_286, CKV_AWS_289, PRIVILEGE_ESCALATION, PERMISSIONS_MANAGEMENT_ACTIONS, "FSBP S3.6"]
package teramotc.rules.dangerous_actions

import data.teramotc.lib.identity

# IAM actions that grant permissions or create credentials (lower case).
iam_escalation := {
	"passrole", "createpolicyversion", "setdefaultpolicyversion",
	"attachuserpolicy", "attachrolepolicy", "attachgrouppolicy",
	"putuserpolicy", "putrolepolicy", "putgrouppolicy",
	"putuserpermissionsboundary", "putrolepermissionsboundary",
	"deleteuserpermissionsboundary", "deleterolepermissionsboundary",
	"createaccesskey", "createloginprofile", "updateloginprofile",
	"updateassumerolepolicy", "addusertogroup", "createrole", "createuser",
	"createpolicy", "createservicelinkedrole", "updaterole",
}

kms_permissions := {"putkeypolicy", "creategrant"}

dangerous(a) if {
	identity.service(a) == "iam"
	n := identity.name(a)
	identity.literal(n)
	n in iam_escalation
}

dangerous(a) if {
	identity.service(a) == "iam"
	pattern := identity.name(a)
	not identity.literal(pattern)
	some n in iam_escalation
	glob.match(pattern, null, n)
}

dangerous(a) if {
	identity.service(a) == "kms"
	not identity.has_wildcard(a)
	identity.name(a) in kms_permissions
}

dangerous(a) if {
	identity.service(a) == "s3"
	not identity.has_wildcard(a)
	startswith(identity.s3_info[identity.name(a)].level, "Permissions management")
}

deny contains f if {
	some site in identity.action_sites
	site.effect == "Allow"
	site.field == "actions"
	bad := sort([a | some a in site.actions; dangerous(a)])
	count(bad) > 0
	f := {
		"msg": sprintf("%s allows permission-management or escalation actions: %s", [site.attr, concat(", ", bad)]),
		"range": site.range,
		"address": site.address,
	}
}
