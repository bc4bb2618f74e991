# METADATA
# title: IAM names and paths are valid
# description: >-
#   IAM rejects a user or role name that is not 1-64 characters, a policy
#   name that is not 1-128 characters, either with characters other than
#   letters, digits and + = , . @ - _, and a path that is not "/" or
#   "/segments/" of printable ASCII of at most 512 characters.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
#     description: AWS documentation
# custom:
#   id: TMC704
#   name: iam-names
#   severity: error
#   hard: true
#   remediation: >-
#     Use names of letters, digits and + = , . @ - _ (users and roles up to
#     64 characters, policies up to 128), and paths such as "/" or
#     "/teramot/".
#   security_severity: "1.0"
#   peers: [aws_iam_role_invalid_name, aws_iam_user_invalid_name, aws_iam_policy_invalid_name, aws_iam_role_invalid_path]
package teramotc.rules.iam_names

import data.teramotc.lib.identity

# fields lists, per identity block, the name attributes and their limits.
fields := [
	{"block": "iam_user", "attr": "name", "max": 64, "what": "user name"},
	{"block": "iam_user", "attr": "policy_name", "max": 128, "what": "policy name"},
	{"block": "cross_account_role", "attr": "name", "max": 64, "what": "role name"},
	{"block": "cross_account_role", "attr": "policy_name", "max": 128, "what": "policy name"},
]

deny contains f if {
	some g in input.grants
	some field in fields
	blk := g[field.block]
	blk != null
	a := blk[field.attr]
	a.set
	not identity.iam_name_ok(a.value, field.max)
	f := {
		"msg": sprintf("%s %s must be 1-%d letters, digits and + = , . @ - _", [field.what, identity.show(a), field.max]),
		"range": a.range,
		"address": g.address,
	}
}

deny contains f if {
	some g in input.grants
	some kind in ["iam_user", "cross_account_role"]
	blk := g[kind]
	blk != null
	a := blk.path
	a.set
	not identity.iam_path_ok(a.value)
	f := {
		"msg": sprintf("IAM path %s must be \"/\" or start and end with \"/\", with printable ASCII in between, at most 512 characters", [identity.show(a)]),
		"range": a.range,
		"address": g.address,
	}
}
