# METADATA
# title: Every action exists
# description: >-
#   An action name must have the form "service:Action" and name an action
#   the service defines. S3 rejects a bucket policy with an unknown action
#   ("Policy has invalid action"), and in an identity policy a misspelt
#   action (s3:GetObjects) simply grants nothing. teramotc ships the action
#   lists of Amazon S3, AWS KMS and AWS STS from the AWS Service
#   Authorization Reference; a pattern with * or ? must match at least one
#   action of the list. Actions of other services are not needed by a bucket
#   setup, and teramotc refuses them as hard errors too, although IAM would
#   accept one (iam:PassRole) in an identity policy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html
#     description: AWS documentation
# custom:
#   id: TMC504
#   name: unknown-action
#   severity: error
#   hard: true
#   remediation: >-
#     Correct the spelling of the action (names are listed in the AWS Service
#     Authorization Reference), or remove it. An action of another service,
#     such as iam:PassRole, is not needed by a bucket setup and teramotc does
#     not allow it: manage that permission outside teramotc.
#   security_severity: "5.0"
#   peers: [UNKNOWN_ACTION, UNKNOWN_PREFIX, INVALID_ACTION]
package teramotc.rules.unknown_action

import data.teramotc.lib.identity

deny contains f if {
	some site in identity.action_sites
	idx := [i | some i, a in site.actions; not plainly_known(a); invalid(a)]
	count(idx) > 0
	bad := sort([site.actions[i] | some i in idx])
	f := {
		"msg": sprintf("%s names actions that are not S3, KMS or STS actions: %s", [site.attr, concat(", ", bad)]),
		"range": identity.elements_range(site, idx),
		"address": site.address,
	}
}

# plainly_known holds for an action that invalid finds nothing wrong with, in
# fewer steps: "s3:" and a name of ASCII letters and digits only (so well
# formed and without wildcards) that S3 has (every name of s3_info is a
# known S3 action).
plainly_known(a) if {
	startswith(a, "s3:")
	n := substring(a, 3, -1)
	trim(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") == ""
	identity.s3_info[lower(n)]
}

invalid(a) if not identity.well_formed(a)

invalid(a) if {
	identity.well_formed(a)
	identity.unknown(a)
}
