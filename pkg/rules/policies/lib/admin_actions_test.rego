package teramotc.lib.admin_actions_test

import data.teramotc.lib.actions
import data.teramotc.lib.admin_actions

# unclassified lists the Write and Permissions-management actions of the
# catalog on a bucket or object ARN that are in no tier of TMC105 and not
# in admin_actions.unranked (review-leak2 L12).
unclassified contains n if {
	some n, e in actions.s3
	contains(e.level, "Write")
	e.resource in {"bucket", "object"}
	a := lower(sprintf("s3:%s", [n]))
	not a in admin_actions.lowered(admin_actions.all)
	not a in admin_actions.lowered(object.keys(admin_actions.unranked))
}

test_every_write_action_is_classified if {
	count(unclassified) == 0
}

# An action is in one list only, and each listed action is in the catalog.
test_lists_are_disjoint_and_known if {
	ranked := admin_actions.lowered(admin_actions.all)
	count(ranked) == count(admin_actions.all)
	every a in object.keys(admin_actions.unranked) {
		not lower(a) in ranked
	}
	known := {lower(sprintf("s3:%s", [n])) | some n, _ in actions.s3}
	every a in array.concat(admin_actions.all, [k | some k, _ in admin_actions.unranked]) {
		lower(a) in known
	}
}

# Review-leak2 H2 and L12: the actions added to the tiers.
severity_of(a) := tier.severity if {
	some tier in admin_actions.tiers
	lower(a) in tier.lowered
}

test_leak2_actions_ranked if {
	severity_of("s3:UpdateObjectEncryption") == "error"
	severity_of("s3:PauseReplication") == "error"
	severity_of("s3:PutObjectVersionAcl") == "error"
	severity_of("s3:BypassGovernanceRetention") == "error"
	severity_of("s3:CreateBucketMetadataTableConfiguration") == "warning"
	severity_of("s3:DeleteBucketMetadataTableConfiguration") == "warning"
	severity_of("s3:UpdateBucketMetadataJournalTableConfiguration") == "warning"
	severity_of("s3:RestoreObject") == "notice"
}

# review-adopt F-msg-nits: a trusted_principal naming one role of the
# partner is named, not the whole account.
test_holder_names_trusted_role if {
	role := {"trusted_account_id": {"value": "210987654321"}, "name": {"value": "r"}}
	admin_actions.holder({"cross_account_role": role, "iam_user": null}) == `account "210987654321", which assumes role "r",`
	one := object.union(role, {"trusted_principal": {"value": "arn:aws:iam::210987654321:role/reader"}})
	admin_actions.holder({"cross_account_role": one, "iam_user": null}) == `role "arn:aws:iam::210987654321:role/reader" of account "210987654321", which assumes role "r",`
	root := object.union(role, {"trusted_principal": {"value": "root"}})
	admin_actions.holder({"cross_account_role": root, "iam_user": null}) == `account "210987654321", which assumes role "r",`
}
