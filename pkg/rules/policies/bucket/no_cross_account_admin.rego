# METADATA
# title: No cross-account bucket administration
# description: >-
#   Another account (or everyone) must not be able to change the bucket's
#   protection: who can access it (s3:PutBucketPolicy, s3:DeleteBucketPolicy,
#   s3:PutBucketAcl, s3:PutObjectAcl, s3:PutBucketOwnershipControls,
#   s3:PutBucketPublicAccessBlock), its encryption
#   (s3:PutEncryptionConfiguration), its audit trail (s3:PutBucketLogging),
#   or how long its data survives and where copies go
#   (s3:PutBucketVersioning, s3:PutLifecycleConfiguration,
#   s3:PutReplicationConfiguration, s3:PutBucketObjectLockConfiguration,
#   s3:DeleteBucket). The rule reads the bucket policy, and the identity
#   policy of every grant with a cross_account_role, which the trusted
#   account uses when it assumes the role. A partner that holds one of these
#   actions can open the bucket, re-encrypt it under its own KMS key, hide
#   its tracks, or expire every object; sharing data never needs them. A
#   bucket-policy statement is not counted, whatever its principals, when a
#   condition admits only principals of the own account (aws.account_id):
#   StringEquals (or StringEqualsIgnoreCase, StringLike, ForAnyValue:) on
#   aws:PrincipalAccount with the own account id as every value, or
#   ArnEquals/ArnLike (or a string operator) on aws:PrincipalArn with every
#   ARN in the own account (no wildcard or policy variable in its account
#   field, nor before it for a string operator). ...IfExists, ForAllValues
#   and negated operators do not count (they let in an anonymous caller,
#   which has neither key), nor do Null, aws:SourceAccount (the account of
#   a calling service's resource) or aws:PrincipalOrgID.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-6
#     description: AWS documentation (FSBP S3.6)
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-blacklisted-actions-prohibited.html
#     description: AWS Config rule s3-bucket-blacklisted-actions-prohibited; parliament RESOURCE_POLICY_PRIVILEGE_ESCALATION
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
#     description: AWS documentation (the API operations each S3 action permits)
# custom:
#   id: TMC105
#   name: no-cross-account-admin
#   severity: error
#   hard: false
#   remediation: >-
#     Remove the administrative actions from the statement's `actions` or the
#     grant's `extra_actions` (and avoid wildcards such as "s3:*" or
#     "s3:Put*" that include them); give the partner a grant with the
#     permissions it needs (read, write, delete, list), and keep bucket
#     configuration in the owner's account (teramotc apply). An own-account
#     administrator may be named exactly (`principals = { AWS =
#     ["arn:aws:iam::111122223333:role/admin"] }`), or written as "*" with a
#     `condition` block `test = "StringEquals"`, `variable =
#     "aws:PrincipalAccount"`, `values = ["<aws.account_id>"]`.
#   security_severity: "8.1"
#   peers: ["FSBP S3.6", PARL_RESOURCE_POLICY_PRIVILEGE_ESCALATION]
package teramotc.rules.no_cross_account_admin

import data.teramotc.lib.common

# admin_actions change the bucket's protection. What each permits, from the
# S3 API reference (API_<Operation>.html, "Permissions"):
admin_actions := [
	# PutBucketPolicy, DeleteBucketPolicy: replace or drop the bucket policy.
	"s3:PutBucketPolicy",
	"s3:DeleteBucketPolicy",
	# PutBucketAcl, PutObjectAcl: ACL grants to any account or to AllUsers.
	"s3:PutBucketAcl",
	"s3:PutObjectAcl",
	# PutBucketOwnershipControls: leaving BucketOwnerEnforced turns ACLs back
	# on (about-object-ownership.html).
	"s3:PutBucketOwnershipControls",
	# PutBucketPublicAccessBlock: also the permission of
	# DeletePublicAccessBlock; without the block a public policy or ACL works.
	"s3:PutBucketPublicAccessBlock",
	# PutEncryptionConfiguration: PutBucketEncryption and
	# DeleteBucketEncryption; the default key can become a KMS key of the
	# partner's account, so the owner can no longer read new objects.
	"s3:PutEncryptionConfiguration",
	# PutBucketLogging: an empty BucketLoggingStatus turns server access
	# logging off, another target sends the logs elsewhere.
	"s3:PutBucketLogging",
	# PutBucketVersioning: Suspended makes overwrites and deletes permanent.
	"s3:PutBucketVersioning",
	# PutLifecycleConfiguration: PutBucketLifecycleConfiguration and
	# DeleteBucketLifecycle; an expiration rule deletes every object and
	# version.
	"s3:PutLifecycleConfiguration",
	# PutReplicationConfiguration: PutBucketReplication and
	# DeleteBucketReplication; replicas can go to a bucket of another account.
	"s3:PutReplicationConfiguration",
	# PutBucketObjectLockConfiguration: changes or removes the default
	# retention that protects new object versions.
	"s3:PutBucketObjectLockConfiguration",
	# DeleteBucket: once the bucket is empty (lifecycle, deletes), its name is
	# free for any account to create and receive the owner's writes
	# (bucketnamingrules.html).
	"s3:DeleteBucket",
]

deny contains f if {
	some [doc, i, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Allow"
	who := foreign(s)
	count(who) > 0
	granted := common.covered_actions(s, admin_actions)
	count(granted) > 0
	not common.own_account_pinned(s)
	f := {
		"msg": sprintf("the bucket policy of %s lets %s call %s", [doc.address, concat(", ", sort(who)), concat(", ", granted)]),
		"range": action_range(doc, i, s),
		"address": doc.address,
	}
}

# A cross-account role's identity policy is what the trusted account may do
# once it assumes the role.
deny contains f if {
	some g in input.grants
	role := g.cross_account_role
	role != null
	not own_account_role(role)
	doc := common.policy_document(g.address, "identity-policy")
	some [i, s] in common.statements(doc)
	s.Effect == "Allow"
	granted := common.covered_actions(s, admin_actions)
	count(granted) > 0
	f := {
		"msg": sprintf("the identity policy of %s lets account %s, which assumes role %s, call %s", [g.address, common.shown(role.trusted_account_id), common.shown(role.name), concat(", ", granted)]),
		"range": action_range(doc, i, s),
		"address": g.address,
	}
}

# own_account_role: a role only the spec's own account may assume (TMC604
# reports it; its identity policy grants no other account anything).
own_account_role(role) if {
	common.own_account != ""
	role.trusted_account_id.value == common.own_account
}

# foreign lists the principals of s outside the spec's own account. A
# statement whose condition lets only the own account's principals match
# (common.own_account_pinned: "*" with aws:PrincipalAccount equal to the own
# account, say) lets no other account in, whatever its principals.
foreign(s) := {p.value |
	some p in common.principals(s)
	outside(p)
}

outside(p) if p.value == "*"

# An AWS, CanonicalUser or Federated principal is outside unless it names
# the own account by id or ARN without a wildcard. Canonical user ids and
# unique ids (AROA..., AIDA...) do not say their account: unknown counts as
# outside, and so does a web identity provider (accounts.google.com).
outside(p) if {
	p.type in {"AWS", "CanonicalUser", "Federated"}
	not owned(p.value)
}

owned(v) if {
	not common.wildcard_value(v)
	common.own_account != ""
	common.principal_account(v) == common.own_account
}

# action_range is the range of the first administrative action of s: its own
# provenance entry when the renderer records one per action (a grant's
# identity policy, whose actions come from permissions or extra_actions),
# else the range of the Action or NotAction field.
action_range(doc, i, s) := doc.provenance[sprintf("/Statement/%d/Action/%d", [i, j])] if {
	js := [j | some j, a in common.actions(s); common.covers_any_action({"Action": a}, admin_actions)]
	j := js[0]
} else := common.field_range(doc, i, "Action") if s.Action

else := common.field_range(doc, i, "NotAction")
