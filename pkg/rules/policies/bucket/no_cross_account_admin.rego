# METADATA
# title: No cross-account bucket administration
# description: >-
#   Another account (or everyone), or whoever holds a grant's IAM user keys,
#   must not be able to change the bucket's protection: who can access it
#   (s3:PutBucketPolicy, s3:DeleteBucketPolicy, s3:PutBucketAcl,
#   s3:PutObjectAcl and its version form, s3:PutBucketOwnershipControls,
#   s3:PutBucketPublicAccessBlock), its encryption
#   (s3:PutEncryptionConfiguration, s3:UpdateObjectEncryption), its audit
#   trail (s3:PutBucketLogging), how long its data survives
#   (s3:PutBucketVersioning, s3:PutLifecycleConfiguration,
#   s3:PutBucketObjectLockConfiguration, s3:PutObjectRetention,
#   s3:BypassGovernanceRetention, s3:DeleteObjectVersion, s3:DeleteBucket),
#   or where copies and key listings go (s3:PutReplicationConfiguration,
#   s3:PauseReplication, s3:PutInventoryConfiguration,
#   s3:PutBucketNotification). A partner that
#   holds one of these can open the bucket, re-encrypt it under its own KMS
#   key, hide its tracks, expire or purge every object, or receive the keys
#   of the whole bucket; sharing data never needs them. (The bucket
#   policy's Deny of uploads under another key, DenyOtherKMSKeys, covers
#   s3:PutObject only, not s3:UpdateObjectEncryption: keeping the action
#   from others is what protects the key.) Bucket settings that
#   others depend on but that grant no access and destroy no data are
#   warnings (s3:PutBucketCORS, s3:PutBucketWebsite,
#   s3:DeleteBucketWebsite, s3:PutBucketRequestPayment, s3:PutBucketTagging,
#   s3:PutBucketAbac, s3:PutAnalyticsConfiguration,
#   s3:PutIntelligentTieringConfiguration, s3:PutObjectLegalHold, and the
#   S3 Metadata table configurations: s3:CreateBucketMetadataTableConfiguration,
#   s3:DeleteBucketMetadataTableConfiguration and the three
#   s3:UpdateBucketMetadata*TableConfiguration); those that only cost money
#   are notices (s3:PutAccelerateConfiguration, s3:PutMetricsConfiguration,
#   s3:RestoreObject). An action counts only on a resource of its type:
#   object actions on an object ARN, bucket actions on the bucket ARN (so
#   "s3:*Object" on the bucket ARN grants none). A grant's prefix does not
#   limit the bucket-level ones, and the message says so. The rule reads the bucket
#   policy, and the identity policy of every grant: of a cross_account_role,
#   which the trusted account uses when it assumes the role, and of an
#   iam_user, whose access keys are handed out (suppress the finding with a
#   reason for a user of the own team). A bucket-policy statement is not
#   counted, whatever its principals, when a condition admits only
#   principals of the own account (aws.account_id): StringEquals (or
#   StringEqualsIgnoreCase, StringLike, ForAnyValue:) on
#   aws:PrincipalAccount with the own account id as every value, or
#   ArnEquals/ArnLike (or a string operator) on aws:PrincipalArn with every
#   ARN in the own account (no wildcard or policy variable in its account
#   field, nor before it for a string operator). ...IfExists, ForAllValues
#   and negated operators do not count (they let in an anonymous caller,
#   which has neither key), nor do Null, aws:SourceAccount (the account of
#   a calling service's resource) or aws:PrincipalOrgID. (A wildcard ARN
#   on "*" makes TMC102 and TMC107 report a public policy: write exact
#   ARNs.) The grants' own identities are the exception: a
#   cross_account_role is a role of the own account that the partner
#   assumes, an iam_user a user of the own account whose keys are handed
#   out, and within one account the bucket policy alone grants access. So
#   a statement that names such a role or user (or a session of the role),
#   or "*" limited to the own account without excluding them, is reported
#   naming the grant. The own account as a principal (its id or
#   arn:...:root) is not: it delegates to the account's identity policies.
#   Without aws.account_id no principal is known to be the own account's,
#   and the message says so.
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
#     configuration in the owner's account (teramotc apply). Set
#     aws.account_id first: only then are principals of the own account
#     recognised. An own-account administrator may be named exactly
#     (`principals = { AWS = ["arn:aws:iam::111122223333:role/admin"] }`,
#     not a grant's role or user), or written as "*" with a `condition`
#     block `test = "StringEquals"`, `variable = "aws:PrincipalAccount"`,
#     `values = ["<aws.account_id>"]` and, when the spec has grants, one
#     with `test = "ArnNotEquals"`, `variable = "aws:PrincipalArn"` and the
#     ARNs of the grants' roles and users as `values`.
#   security_severity: "8.1"
#   peers: ["FSBP S3.6", PARL_RESOURCE_POLICY_PRIVILEGE_ESCALATION]
package teramotc.rules.no_cross_account_admin

import data.teramotc.lib.admin_actions
import data.teramotc.lib.common
import data.teramotc.lib.identity
import data.teramotc.lib.parties

# The actions, by severity, are data.teramotc.lib.admin_actions.tiers.

deny contains f if {
	some [doc, i, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Allow"
	who := parties.others(s)
	count(who) > 0
	some tier in admin_actions.tiers
	common.may_cover(s, tier.lowered)
	granted := admin_actions.applicable(s, common.covered_actions(s, tier.actions))
	count(granted) > 0
	not folded(s, tier)
	f := {
		"msg": sprintf("the bucket policy of %s lets %s call %s%s", [doc.address, concat(", ", sort(who)), listed(granted, tier), account_note(who)]),
		"range": action_range(doc, i, s, tier.actions),
		"address": doc.address,
		"severity": tier.severity,
	}
}

# A grant's identity policy is what its holder may do: the trusted account
# once it assumes a cross-account role, whoever holds the access keys of an
# IAM user (keys that are handed to the partner).
deny contains f if {
	some g in input.grants
	who := admin_actions.holder(g)
	doc := common.policy_document(g.address, "identity-policy")
	some [i, s] in common.statements(doc)
	s.Effect == "Allow"
	some tier in admin_actions.tiers
	common.may_cover(s, tier.lowered)
	granted := admin_actions.applicable(s, common.covered_actions(s, tier.actions))
	count(granted) > 0
	not folded(s, tier)
	f := {
		"msg": sprintf("the identity policy of %s lets %s call %s%s", [g.address, who, listed(granted, tier), prefix_note(g, s)]),
		"range": action_range(doc, i, s, tier.actions),
		"address": g.address,
		"severity": tier.severity,
	}
}

# account_note: without aws.account_id no principal is known to be the own
# account's, so an own administrator is reported too (L9): said when a
# principal names an account.
account_note(who) := "; the own account is unknown: set aws.account_id so that principals of the own account are recognised" if {
	common.own_account == ""
	some w in who
	common.principal_account(w)
} else := ""

# folded: a statement that grants error-level actions through a wildcard
# or NotAction ("s3:*", "s3:Put*") gets that one finding; its warnings and
# notices would only repeat the wildcard.
folded(s, tier) if {
	tier.severity != "error"
	wide(s)
	count(admin_actions.applicable(s, common.covered_actions(s, admin_actions.errors))) > 0
}

wide(s) if count(common.not_actions(s)) > 0

wide(s) if {
	some a in common.actions(s)
	common.wildcard_value(a)
}

# listed names the granted actions; a lowered tier says what each controls.
listed(granted, tier) := concat(", ", granted) if tier.severity == "error"

else := concat(", ", [sprintf("%s (%s)", [a, reason(tier, a)]) | some a in granted])

reason(tier, a) := r if {
	some k, r in tier.reasons
	lower(k) == lower(a)
}

# prefix_note: a grant's prefix limits object ARNs and listings, not the
# bucket-level actions of a statement on the bucket ARN.
prefix_note(g, s) := sprintf("; the grant's prefix %s does not limit them, they act on the whole bucket", [common.shown(g.prefix)]) if {
	g.prefix.value != ""
	some r in common.resources(s)
	path := identity.s3_path(r)
	not contains(path, "/")
} else := ""

# action_range is the range of the first action of s among acts: its own
# provenance entry when the renderer records one per action (a grant's
# identity policy, whose actions come from permissions or extra_actions),
# else the range of the Action or NotAction field.
action_range(doc, i, s, acts) := doc.provenance[sprintf("/Statement/%d/Action/%d", [i, j])] if {
	js := [j | some j, a in common.actions(s); common.covers_any_action({"Action": a}, acts)]
	j := js[0]
} else := common.field_range(doc, i, "Action") if s.Action

else := common.field_range(doc, i, "NotAction")
