# METADATA
# title: Prefer a cross-account role to an IAM user
# description: >-
#   An IAM user accesses the bucket with long-lived access keys that must be
#   handed over, stored, rotated and revoked by hand, and that keep working
#   wherever they leak. A cross-account role gives the partner temporary
#   credentials from their own account, guarded by an external id. When an
#   IAM user is unavoidable, create_access_key = true writes a key to a file
#   that then has to travel to the partner.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp
#     description: AWS documentation
# custom:
#   id: TMC507
#   name: prefer-role
#   severity: warning
#   hard: false
#   remediation: >-
#     Replace the iam_user block by a cross_account_role block with the
#     partner's trusted_account_id and an external_id; if a user is required,
#     create its access key outside the spec and rotate it.
#   security_severity: "4.0"
#   peers: [CKV_AWS_273, "FSBP IAM.2", "CIS 1.15"]
package teramotc.rules.prefer_role

import data.teramotc.lib.identity

# One finding per grant (review-adopt F-dup-findings): at create_access_key
# when the spec creates the key, else at the iam_user block.
deny contains f if {
	some g in input.grants
	u := g.iam_user
	u != null
	not u.create_access_key.value == true
	f := {
		"msg": sprintf("grant %q gives access to IAM user %s, which signs in with long-lived access keys made outside the spec; a cross-account role with an external id would do", [g.label, identity.show(u.name)]),
		"range": u.decl_range,
		"address": g.address,
	}
}

deny contains f if {
	some g in input.grants
	u := g.iam_user
	u != null
	u.create_access_key.value == true
	f := {
		"msg": sprintf("grant %q gives IAM user %s a long-lived access key (create_access_key = true); a cross-account role with an external id would do", [g.label, identity.show(u.name)]),
		"range": u.create_access_key.range,
		"address": g.address,
	}
}
