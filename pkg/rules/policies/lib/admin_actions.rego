# The S3 actions that configure or protect a bucket rather than share its
# data, by the harm they do in the hands of another party (a partner's role,
# the holder of an IAM user's access keys, a foreign principal of the bucket
# policy). TMC105 reports them; TMC510 leaves them to TMC105. What each
# action permits is from the S3 API reference (API_<Operation>.html,
# "Permissions"). A Delete... operation that is not listed here is permitted
# by the Put... action of its configuration.
package teramotc.lib.admin_actions

import data.teramotc.lib.common
import data.teramotc.lib.identity

# errors open the bucket, take its data or its key listing elsewhere, or
# switch off a guardrail the owner relies on: versioning, logging,
# encryption, lifecycle, object lock.
errors := [
	# PutBucketPolicy, DeleteBucketPolicy: replace or drop the bucket policy.
	"s3:PutBucketPolicy",
	"s3:DeleteBucketPolicy",
	# PutBucketAcl, PutObjectAcl: ACL grants to any account or to AllUsers.
	"s3:PutBucketAcl",
	"s3:PutObjectAcl",
	# PutObjectVersionAcl: the ACL of one version, as PutObjectAcl.
	"s3:PutObjectVersionAcl",
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
	# UpdateObjectEncryption: re-keys existing objects in place under the
	# KMS key ARN of the request, without a copy and keeping their metadata
	# (update-sse-encryption.html). By default S3 accepts only keys of the
	# bucket owner's account (keys of other member accounts of the
	# organization on request to AWS Support): the objects can move to a key
	# whose key policy the owner's readers do not satisfy, or one that is
	# disabled or scheduled for deletion later; the uploads Deny of the
	# bucket policy (DenyOtherKMSKeys) covers s3:PutObject only.
	"s3:UpdateObjectEncryption",
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
	# PauseReplication: stops the replication of the bucket (the owner's
	# copy in another Region or account) until it is resumed.
	"s3:PauseReplication",
	# PutBucketObjectLockConfiguration: changes or removes the default
	# retention that protects new object versions.
	"s3:PutBucketObjectLockConfiguration",
	# DeleteBucket: once the bucket is empty (lifecycle, deletes), its name is
	# free for any account to create and receive the owner's writes
	# (bucketnamingrules.html).
	"s3:DeleteBucket",
	# PutInventoryConfiguration (and DeleteBucketInventoryConfiguration): a
	# daily or weekly list of every key of the bucket, with size, storage
	# class and encryption status, delivered to a bucket of any account; the
	# filter is optional, so a grant's prefix does not limit it.
	"s3:PutInventoryConfiguration",
	# PutBucketNotification: the key of every new and deleted object, sent to
	# an SNS topic, SQS queue or Lambda function of any account; it also
	# replaces (drops) the owner's own notifications.
	"s3:PutBucketNotification",
	# DeleteObjectVersion: deletes a version for good, which is what
	# versioning (TMC301) protects against; DeleteObject only adds a delete
	# marker the owner can remove.
	"s3:DeleteObjectVersion",
	# PutObjectRetention: with Object Lock, a COMPLIANCE retention date that
	# nobody, the owner's root user included, can shorten or remove: the
	# objects can be neither deleted nor expired until then.
	"s3:PutObjectRetention",
	# BypassGovernanceRetention: deletes versions (with DeleteObjectVersion)
	# or shortens their retention (with PutObjectRetention) despite a
	# GOVERNANCE-mode Object Lock retention.
	"s3:BypassGovernanceRetention",
]

# warnings change bucket settings that other users of the bucket, or the
# owner's account-level controls, depend on. They neither grant access nor
# destroy data by themselves. Each maps to what it controls, for messages.
warnings := {
	# The export of storage-class analysis (object counts, sizes and ages per
	# filter, no key names) goes to a bucket of any account.
	"s3:PutAnalyticsConfiguration": "storage-class analysis exports to any account's bucket",
	# Browser origins allowed to call the bucket (with the caller's own
	# credentials or presigned URLs); also drops the owner's CORS rules.
	"s3:PutBucketCORS": "which web origins may call the bucket",
	# Static website hosting and its redirect rules (RedirectAllRequestsTo
	# any host); the endpoint serves only publicly readable objects.
	"s3:PutBucketWebsite": "website hosting and its redirects",
	"s3:DeleteBucketWebsite": "website hosting and its redirects",
	# Requester Pays: every request of another account then fails without
	# x-amz-request-payer, and transfers are billed to the requester.
	"s3:PutBucketRequestPayment": "Requester Pays, which fails other accounts' requests",
	# Replaces (or deletes) all bucket tags: those that tag-based access
	# (aws:ResourceTag with ABAC), AWS Backup selections and cost allocation
	# read.
	"s3:PutBucketTagging": "the bucket tags that tag-based access and backup plans select by",
	# Turns attribute-based access control on bucket tags on or off.
	"s3:PutBucketAbac": "whether bucket tags decide access",
	# Archive tiers: objects not read for 90 days or more become unreadable
	# until someone restores them (hours).
	"s3:PutIntelligentTieringConfiguration": "archive tiers, from which objects must be restored before a read",
	# A legal hold stops deletes and lifecycle expiration of a version until
	# someone with the same action lifts it (the owner can).
	"s3:PutObjectLegalHold": "legal holds, which stop deletes and expiration",
	# S3 Metadata: the tables of every key of the bucket with its metadata
	# (journal, inventory, annotations) that the owner's queries read;
	# creating, changing or deleting their configuration.
	"s3:CreateBucketMetadataTableConfiguration": "the S3 Metadata tables that list every key of the bucket",
	"s3:DeleteBucketMetadataTableConfiguration": "the S3 Metadata tables that list every key of the bucket",
	"s3:UpdateBucketMetadataAnnotationTableConfiguration": "the S3 Metadata tables that list every key of the bucket",
	"s3:UpdateBucketMetadataInventoryTableConfiguration": "the S3 Metadata tables that list every key of the bucket",
	"s3:UpdateBucketMetadataJournalTableConfiguration": "the S3 Metadata tables that list every key of the bucket",
}

# notices cost the owner money but change no access and no data.
notices := {
	# Transfer Acceleration: accelerated transfers are billed to the owner.
	"s3:PutAccelerateConfiguration": "Transfer Acceleration, billed to the owner",
	# CloudWatch request metrics, billed to the owner per metric.
	"s3:PutMetricsConfiguration": "request metrics, billed to the owner",
	# Restores of archived objects (S3 Glacier classes), billed to the owner
	# per request and for the temporary copy.
	"s3:RestoreObject": "restores of archived objects, billed to the owner",
}

# unranked lists the other Write and Permissions-management actions on a
# bucket or object ARN (lib/actions.rego), which TMC105 leaves alone, with
# the reason. admin_actions_test.rego checks that every such action of the
# catalog is in a tier or here, so that an action AWS adds is classified.
unranked := {
	# Object data: what a grant's write and delete permissions are for
	# (TMC307 reports them on a bucket whose deletes cannot be undone).
	"s3:PutObject": "object data",
	"s3:DeleteObject": "object data",
	"s3:AbortMultipartUpload": "object data",
	"s3:PutObjectTagging": "object data",
	"s3:PutObjectVersionTagging": "object data",
	"s3:DeleteObjectTagging": "object data",
	"s3:DeleteObjectVersionTagging": "object data",
	"s3:PutObjectAnnotation": "object data",
	"s3:PutObjectVersionAnnotation": "object data",
	"s3:DeleteObjectAnnotation": "object data",
	"s3:DeleteObjectVersionAnnotation": "object data",
	# Writes of a replication rule of the holder's bucket into this one;
	# TMC307 counts ReplicateObject and ReplicateDelete as destructive.
	"s3:ReplicateObject": "object data written by replication",
	"s3:ReplicateDelete": "object data written by replication",
	"s3:ReplicateTags": "object data written by replication",
	"s3:ReplicateObjectAnnotation": "object data written by replication",
	# Lets a replication rule of the holder's bucket give this bucket's
	# owner the replicas it writes here.
	"s3:ObjectOwnerOverrideToBucketOwner": "ownership of replicas written by replication",
	# Batch Replication of existing objects, to the destinations of the
	# owner's own replication configuration (PutReplicationConfiguration
	# is an error).
	"s3:InitiateReplication": "replication to the owner's own destinations",
	# Access points belong to the account that creates them, and one for
	# this bucket grants nothing its bucket policy does not.
	"s3:CreateAccessPoint": "access points of the caller's account",
	"s3:DeleteAccessPoint": "access points of the caller's account",
	"s3:PutAccessPointPolicy": "access points of the caller's account",
	"s3:DeleteAccessPointPolicy": "access points of the caller's account",
	# Creates a new bucket in the caller's account; this one exists.
	"s3:CreateBucket": "creates another bucket",
}

# tiers lists the severities in order with their actions (sorted) and the
# reasons of the lowered ones.
tiers := [
	{"severity": "error", "actions": errors, "reasons": {}, "lowered": lowered(errors)},
	{"severity": "warning", "actions": sort(object.keys(warnings)), "reasons": warnings, "lowered": lowered(object.keys(warnings))},
	{"severity": "notice", "actions": sort(object.keys(notices)), "reasons": notices, "lowered": lowered(object.keys(notices))},
]

# lowered is the set of the actions of list in lower case (common.may_cover).
lowered(list) := {lower(a) | some a in list}

# all is every action of the three lists.
all := array.concat(array.concat(errors, sort(object.keys(warnings))), sort(object.keys(notices)))

# holder names who uses a grant's identity policy: the trusted account of a
# cross-account role, whoever holds the access keys of an IAM user. It is
# undefined for a role only the own account may assume (TMC604 reports it;
# its identity policy grants no other account anything).
holder(g) := sprintf("%s, which assumes role %s,", [partner_of(role), common.shown(role.name)]) if {
	role := g.cross_account_role
	role != null
	not own_account_role(role)
}

# partner_of: the role ARN trusted_principal names, else the whole account
# (review-adopt F-msg-nits).
partner_of(role) := sprintf("role %q of account %s", [tp, common.shown(role.trusted_account_id)]) if {
	tp := object.get(role, ["trusted_principal", "value"], "")
	is_string(tp)
	contains(tp, ":role/")
} else := sprintf("account %s", [common.shown(role.trusted_account_id)])

holder(g) := sprintf("whoever holds the access keys of IAM user %s", [common.shown(u.name)]) if {
	u := g.iam_user
	u != null
}

own_account_role(role) if {
	common.own_account != ""
	role.trusted_account_id.value == common.own_account
}

# --- which of them a statement grants (TMC105; TMC510 leaves a statement
# with an error-level one to it) ---------------------------------------------

# applicable keeps the actions of list that s grants on one of its
# resources: an object action (s3:RestoreObject) only applies to an object
# ARN, a bucket action (s3:PutBucketPolicy) to a bucket ARN, so "s3:*Object"
# on the bucket ARN (where the renderer puts an extra action it cannot place
# by name) grants no object action. Resource types as TMC503 reads them
# (lib/identity.rego: "*", a bucket name with a wildcard, a non-S3 ARN and
# NotResource may be either); actions of neither type are kept.
applicable(s, list) := list if {
	count(list) > 0
	resource_levels(s) == {"bucket", "object"}
} else := [a |
	levels := resource_levels(s)
	some a in list
	on_levels(a, levels)
]

on_levels(a, levels) if identity.s3_level(a) in levels

on_levels(a, _) if not identity.s3_level(a) in {"bucket", "object"}

resource_levels(s) := {"bucket", "object"} if s.NotResource

else := {"bucket", "object"} if count(common.resources(s)) == 0

else := {level | some r in common.resources(s); some level in identity.levels(r)}

# grants_errors(s): s grants an error-level action on one of its resources,
# as TMC105 types them.
grants_errors(s) if {
	common.may_cover(s, tiers[0].lowered)
	count(applicable(s, common.covered_actions(s, errors))) > 0
}
