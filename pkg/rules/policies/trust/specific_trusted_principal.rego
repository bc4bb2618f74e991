# METADATA
# title: Trust a specific role, not the whole partner account
# description: >-
#   trusted_principal = "root" renders the principal
#   arn:aws:iam::ACCOUNT:root, which lets every user and role of the partner
#   account that its administrators allow assume the role. Naming the
#   partner's role ARN limits the trust to that one role.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
#     description: AWS documentation
# custom:
#   id: TMC603
#   name: specific-trusted-principal
#   severity: notice
#   hard: false
#   remediation: >-
#     Ask the partner for the ARN of the role that reads your data and set
#     trusted_principal = "arn:aws:iam::ACCOUNT:role/NAME".
#   security_severity: "2.0"
#   peers: [CKV_AWS_61]
package teramotc.rules.specific_trusted_principal

import data.teramotc.lib.identity

deny contains f if {
	some g in input.grants
	r := g.cross_account_role
	r != null
	whole_account(r.trusted_principal.value)
	f := {
		"msg": sprintf("role %s trusts every principal of account %s", [identity.show(r.name), identity.show(r.trusted_account_id)]),
		"range": r.trusted_principal.range,
		"address": g.address,
	}
}

whole_account(p) if p in {"", "root"}

# ^arn:[a-z-]+:iam::[0-9]{12}:root$ field by field.
whole_account(p) if {
	endswith(p, ":root")
	parts := split(p, ":")
	count(parts) == 6
	parts[0] == "arn"
	parts[1] != ""
	trim(parts[1], "abcdefghijklmnopqrstuvwxyz-") == ""
	parts[2] == "iam"
	parts[3] == ""
	identity.twelve_digits(parts[4])
}
