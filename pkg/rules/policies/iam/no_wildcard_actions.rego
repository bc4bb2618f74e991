# METADATA
# title: No wildcard actions
# description: >-
#   An Allow of "*", "s3:*" or a pattern such as "s3:Put*" grants every
#   action that matches, including ones added by AWS later and ones that
#   change the bucket's policy, ACLs or encryption. A NotAction in an Allow
#   statement is a wildcard too: it grants everything except the listed
#   actions. Data sharing needs a short, explicit list of actions.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
#     description: AWS documentation
# custom:
#   id: TMC501
#   name: no-wildcard-actions
#   severity: error
#   hard: false
#   remediation: >-
#     List the exact actions instead (for example "s3:GetObjectVersion"), or
#     use the grant's permissions (read, write, delete, list); replace an
#     Allow with not_actions by an Allow with actions.
#   security_severity: "7.5"
#   peers: [CKV_AWS_63, CKV_AWS_49, AVD-AWS-0345, "FSBP IAM.21", CKV2_AWS_40]
package teramotc.rules.no_wildcard_actions

import data.teramotc.lib.identity

deny contains f if {
	some site in identity.action_sites
	site.effect == "Allow"
	site.field == "actions"
	idx := [i | some i, a in site.actions; identity.has_wildcard(a)]
	count(idx) > 0
	wild := [site.actions[i] | some i in idx]
	f := {
		"msg": sprintf("%s allows wildcard actions: %s", [site.attr, concat(", ", wild)]),
		"range": identity.elements_range(site, idx),
		"address": site.address,
	}
}

deny contains f if {
	some site in identity.action_sites
	site.effect == "Allow"
	site.field == "not_actions"
	f := {
		"msg": "an Allow with not_actions allows every action it does not list",
		"range": site.range,
		"address": site.address,
	}
}
