# METADATA
# title: Cross-account role requires an external id
# description: >-
#   A role that trusts another account can be assumed by anyone in that
#   account who learns its ARN, including on behalf of other customers of the
#   same partner (the confused deputy problem). Requiring the sts:ExternalId
#   that the partner issued to you, compared with StringEquals, ensures the
#   partner assumes the role only for you.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
#     description: AWS documentation
# custom:
#   id: TMC601
#   name: external-id-required
#   severity: error
#   hard: false
#   remediation: >-
#     Set external_id in the cross_account_role block to the value the partner
#     gave you, preferably from a sensitive variable (external_id =
#     var.external_id).
#   security_severity: "8.0"
#   peers: [CKV_AWS_61, "KICS 09c35abf", AssumableByCrossAccountPrincipal]
package teramotc.rules.external_id_required

import data.teramotc.lib.common

deny contains f if {
	some [doc, i, s] in common.statements_of_kind("trust-policy")
	s.Effect == "Allow"
	some p in common.principals(s)
	common.other_account_principal(p)
	not requires_external_id(s)
	f := {
		"msg": sprintf("the role of %s can be assumed by account %s without an external id", [doc.address, common.principal_account(p.value)]),
		"range": common.field_range(doc, i, "Condition"),
		"address": doc.address,
	}
}

requires_external_id(s) if {
	some c in common.conditions(s)
	c.operator == "StringEquals"
	c.key == "sts:externalid"
	count(c.values) > 0
	every v in c.values {
		is_string(v)
		v != ""
	}
}
