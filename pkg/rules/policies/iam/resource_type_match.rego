# METADATA
# title: Actions match their resource type
# description: >-
#   S3 authorizes bucket actions such as s3:ListBucket against the bucket ARN
#   (arn:aws:s3:::NAME) and object actions such as s3:GetObject against
#   object ARNs (arn:aws:s3:::NAME/KEY). A statement that pairs an action
#   only with resources of the other type is accepted by AWS but silently
#   grants (or denies) nothing, which usually surfaces later as an
#   AccessDenied nobody can explain.
# related_resources:
#   - ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
#     description: AWS documentation
# custom:
#   id: TMC503
#   name: resource-type-match
#   severity: error
#   hard: false
#   remediation: >-
#     Give s3:ListBucket and other bucket actions the bucket ARN, and
#     s3:GetObject and other object actions the object ARN with "/*" (or
#     "/PREFIX*"); split the statement if it needs both.
#   security_severity: "4.0"
#   peers: [RESOURCE_MISMATCH]
package teramotc.rules.resource_type_match

import data.teramotc.lib.common
import data.teramotc.lib.identity

deny contains f if {
	some kind in ["bucket-policy", "identity-policy"]
	some [doc, i, s] in common.statements_of_kind(kind)
	needed := action_levels(object.get(s, "Action", []))
	count(needed) > 0
	missing := needed - resource_levels(object.get(s, "Resource", []))
	count(missing) > 0
	count(common.resources(s)) > 0
	actions := common.actions(s)
	bad := sort([a | some a in actions; identity.s3_level(a) in missing])
	count(bad) > 0
	f := {
		"msg": sprintf("%s of %s: %s not on a resource of the matching type (bucket actions need arn:aws:s3:::NAME, object actions arn:aws:s3:::NAME/KEY)", [statement_name(s, i), doc.path, concat(", ", bad)]),
		"range": common.field_range(doc, i, "Action"),
		"address": doc.address,
	}
}

statement_name(s, _) := sprintf("statement %q", [s.Sid]) if s.Sid

statement_name(s, i) := sprintf("statement %d", [i]) if not s.Sid

# action_levels is the set of resource levels ("bucket", "object") the
# actions of a statement's Action (a string or a list, as common.actions
# reads it) need, and resource_levels the set the resources of its Resource
# can designate. As functions they are computed once per distinct value, and
# policies repeat the same ones.
action_levels(action) := {level |
	some a in common.as_list(action)
	level := identity.s3_level(a)
	level in {"bucket", "object"}
}

resource_levels(resource) := {level | some r in common.as_list(resource); some level in identity.levels(r)}
