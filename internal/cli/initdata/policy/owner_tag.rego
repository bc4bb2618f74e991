# An example custom rule. The first http(s) URL of related_resources is
# the rule's documentation link (lint's "Reference:", SARIF's helpUri):
# point it at your team's page for the rule once there is one.

# METADATA
# title: Buckets name an owner
# description: |
#   Every bucket carries an "owner" tag naming the team that answers for its
#   data, so that findings, costs and access requests reach someone.
# related_resources:
#   - ref: https://github.com/teramot/teramotc/blob/main/docs/rules.md#custom-policies
#     description: writing custom rules for teramotc
# custom:
#   id: ORG001
#   severity: warning
#   remediation: Add tags = { owner = "team-name" } to the bucket block.
package teramotc.rules.owner_tag

# The input is the document printed by `teramotc inspect`: the spec with a
# range beside every value, and the rendered AWS documents.
deny contains {"msg": msg, "range": bucket.decl_range} if {
	some bucket in input.buckets
	not has_owner(bucket)
	msg := sprintf("bucket %q has no owner tag", [bucket.label])
}

has_owner(bucket) if {
	some tag in bucket.tags.entries
	tag.key == "owner"
	tag.value != ""
}
