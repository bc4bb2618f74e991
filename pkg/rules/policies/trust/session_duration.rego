# METADATA
# title: Session duration within IAM limits
# description: >-
#   IAM accepts a role's maximum session duration between 3,600 seconds (one
#   hour) and 43,200 seconds (12 hours); CreateRole fails with any other
#   value.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
#     description: AWS documentation
# custom:
#   id: TMC605
#   name: session-duration
#   severity: error
#   hard: true
#   remediation: >-
#     Set max_session_duration to a number of seconds from 3600 to 43200, or
#     leave it out for the default of 3600.
#   security_severity: "2.0"
#   peers: [aws_iam_role_invalid_max_session_duration]
package teramotc.rules.session_duration

import data.teramotc.lib.identity

deny contains f if {
	some g in input.grants
	r := g.cross_account_role
	r != null
	d := r.max_session_duration
	not valid(d.value)
	f := {
		"msg": sprintf("max_session_duration %v of role %s is outside 3600-43200 seconds", [d.value, identity.show(r.name)]),
		"range": d.range,
		"address": g.address,
	}
}

valid(n) if {
	is_number(n)
	n >= 3600
	n <= 43200
}
