# METADATA
# title: No permission-management or escalation actions
# description: >-
#   Actions that change who may access a resource (s3:PutBucketPolicy,
#   s3:PutBucketAcl, s3:PutObjectAcl, s3:PutBucketPublicAccessBlock,
#   kms:PutKeyPolicy, kms:CreateGrant) or that manage IAM identities
#   (iam:PassRole, iam:AttachRolePolicy, iam:CreateAccessKey, ...) let the
#   holder widen their own access or make the data public, and
#   s3:UpdateObjectEncryption re-encrypts existing objects under any KMS key
#   named in the request (one of another account, later disabled, locks the
#   owner out). A data-sharing grant never needs them. An Allow with
#   not_actions grants each of them it does not exclude. A bucket-policy
#   statement that lets in only the own account's own people (no principal
#   of another account, no wildcard, no grant's role or IAM user, as TMC105
#   reads it) is an own administrator: a notice.
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
#     teramotc apply), not through the shared access. For an own-account
#     administrator in a bucket policy, name its role exactly (not a
#     grant's role or user) and set aws.account_id.
#   security_severity: "8.0"
#   peers: [CKV_AWS_286, CKV_AWS_289, PRIVILEGE_ESCALATION, PERMISSIONS_MANAGEMENT_ACTIONS, "FSBP S3.6"]
package teramotc.rules.dangerous_actions

import data.teramotc.lib.common
import data.teramotc.lib.identity
import data.teramotc.lib.parties

# IAM actions that grant permissions or create credentials.
iam_escalation_names := [
	"PassRole", "CreatePolicyVersion", "SetDefaultPolicyVersion",
	"AttachUserPolicy", "AttachRolePolicy", "AttachGroupPolicy",
	"PutUserPolicy", "PutRolePolicy", "PutGroupPolicy",
	"PutUserPermissionsBoundary", "PutRolePermissionsBoundary",
	"DeleteUserPermissionsBoundary", "DeleteRolePermissionsBoundary",
	"CreateAccessKey", "CreateLoginProfile", "UpdateLoginProfile",
	"UpdateAssumeRolePolicy", "AddUserToGroup", "CreateRole", "CreateUser",
	"CreatePolicy", "CreateServiceLinkedRole", "UpdateRole",
]

iam_escalation := {lower(n) | some n in iam_escalation_names}

kms_permission_names := ["PutKeyPolicy", "CreateGrant"]

kms_permissions := {lower(n) | some n in kms_permission_names}

# S3 actions of other access levels that change who can read the data:
# s3:UpdateObjectEncryption re-encrypts existing objects under the SSE-KMS
# key named in the request, which may be a key of another account that is
# later disabled (review-leak2 H2).
s3_extra_names := ["UpdateObjectEncryption"]

s3_extra := {lower(n) | some n in s3_extra_names}

# dangerous_actions lists every dangerous action as "service:Name": the IAM
# and KMS lists above and the S3 actions of the "Permissions management"
# access level. Wildcard actions are expanded against it.
dangerous_actions := array.concat(
	array.concat(
		[sprintf("iam:%s", [n]) | some n in iam_escalation_names],
		[sprintf("kms:%s", [n]) | some n in kms_permission_names],
	),
	sort(array.concat(
		[sprintf("s3:%s", [n]) |
			some n, info in data.teramotc.lib.actions.s3
			startswith(info.level, "Permissions management")
		],
		[sprintf("s3:%s", [n]) | some n in s3_extra_names],
	)),
)

# covered returns the dangerous actions a wildcard action grants, sorted
# ("s3:*Policy" grants s3:DeleteBucketPolicy, s3:PutBucketPolicy, ...; "*"
# and "iam:*" grant them all). Action names are case-insensitive.
covered(pattern) := sort([d |
	some d in dangerous_actions
	glob.match(lower(pattern), null, lower(d))
])

dangerous(a) if {
	identity.service(a) == "iam"
	n := identity.name(a)
	identity.literal(n)
	n in iam_escalation
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

dangerous(a) if {
	identity.service(a) == "s3"
	not identity.has_wildcard(a)
	identity.name(a) in s3_extra
}

dangerous(a) if {
	identity.has_wildcard(a)
	count(covered(a)) > 0
}

# shown is an action as the message names it: a wildcard with the dangerous
# actions it grants (the first eight).
shown(a) := a if not identity.has_wildcard(a)

shown(a) := sprintf("%s (every action)", [a]) if {
	identity.has_wildcard(a)
	count(covered(a)) == count(dangerous_actions)
}

shown(a) := sprintf("%s (grants %s)", [a, concat(", ", c)]) if {
	identity.has_wildcard(a)
	c := covered(a)
	count(c) < count(dangerous_actions)
	count(c) <= 8
}

shown(a) := sprintf("%s (grants %s and %d more)", [a, concat(", ", array.slice(c, 0, 8)), count(c) - 8]) if {
	identity.has_wildcard(a)
	c := covered(a)
	count(c) < count(dangerous_actions)
	count(c) > 8
}

deny contains f if {
	some site in identity.action_sites
	site.effect == "Allow"
	site.field == "actions"
	idx := [i | some i, a in site.actions; dangerous(a)]
	count(idx) > 0
	bad := sort([shown(site.actions[i]) | some i in idx])
	f := object.union(
		{
			"msg": sprintf("%s allows permission-management or escalation actions: %s%s", [site.attr, concat(", ", bad), own_note(site)]),
			"range": identity.elements_range(site, idx),
			"address": site.address,
		},
		own_severity(site),
	)
}

# A bucket-policy statement that lets in only the own account's own people
# (no principal of another account, no wildcard, no grant's role or IAM
# user: lib/parties, as TMC105 reads it) is an own administrator, the form
# TMC105's remediation recommends: a notice (review-leak2 L3).
own_only(site) if {
	some b in input.buckets
	some st in b.statements
	st.address == site.address
	some [_, _, s] in common.statements_at_address("bucket-policy", b.address)
	s.Sid == st.sid
	count(parties.others(s)) == 0
}

own_note(site) := "; only principals of the own account are let in (no grant's role or user): keep it for the account's administrators" if own_only(site)

else := ""

own_severity(site) := {"severity": "notice"} if own_only(site)

else := {}

# An Allow with not_actions grants every action it does not exclude. The
# statement blocks that hold not_actions are bucket-policy statements, which
# can grant only S3 actions, so the S3 dangerous actions it leaves in are
# reported (after TMC501, which a suppression may silence).
deny contains f if {
	some site in identity.action_sites
	site.effect == "Allow"
	site.field == "not_actions"
	left := [d |
		some on_bucket in [true, false]
		some d in dangerous_actions
		startswith(d, "s3:")
		bucket_or_object(d) == on_bucket
		not excluded(site.actions, d)
	]
	count(left) > 0
	f := {
		"msg": sprintf("%s allows every action it does not list, including permission-management actions: %s", [site.attr, listed(left)]),
		"range": site.range,
		"address": site.address,
	}
}

# bucket_or_object: the action works on bucket or object ARNs (listed first,
# before access points, Access Grants and account settings).
bucket_or_object(d) := identity.s3_info[identity.name(d)].resource in {"bucket", "object"}

excluded(patterns, d) if {
	some p in patterns
	glob.match(lower(p), null, lower(d))
}

listed(ds) := concat(", ", ds) if count(ds) <= 8

else := sprintf("%s and %d more", [concat(", ", array.slice(ds, 0, 8)), count(ds) - 8])
