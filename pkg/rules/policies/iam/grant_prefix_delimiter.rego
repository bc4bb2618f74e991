# METADATA
# title: Grant prefix ends in a slash
# description: >-
#   A grant's prefix limits it to the object keys that begin with those
#   characters: teramotc renders Resource arn:aws:s3:::BUCKET/PREFIX* and,
#   for listing, the condition s3:prefix PREFIX and PREFIX*. S3 compares
#   characters, not folders, so prefix = "team-a" also grants
#   team-admin/..., team-archive/... and team-a-confidential/.... A prefix
#   that ends in "/" grants exactly one folder. An empty prefix (the
#   default) grants the whole bucket on purpose and is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-prefixes.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html
#     description: AWS documentation
# custom:
#   id: TMC511
#   name: grant-prefix-delimiter
#   severity: warning
#   hard: false
#   remediation: >-
#     End the prefix with "/" (prefix = "team-a/") so that the grant covers
#     that folder only. If the keys to share really have no folder of their
#     own (logs-2026-...), check that no other key begins with the same
#     characters and suppress the finding with that reason.
#   security_severity: "4.0"
#   peers: []
package teramotc.rules.grant_prefix_delimiter

import data.teramotc.lib.common

deny contains f if {
	some g in input.grants
	p := g.prefix
	p.value != ""
	not endswith(p.value, "/")
	f := {
		"msg": message(g),
		"range": p.range,
		"address": g.address,
	}
}

# message shows the prefix and the rendered Resource unless the prefix or
# the bucket name is sensitive.
message(g) := sprintf("grant %q has prefix %q, which does not end in \"/\": its policy allows Resource %q%s, so keys such as %q and %q are granted too, not only the keys under %q", [
	g.label, p, sprintf("%s/%s*", [common.bucket_arn(b.name.value), p]), listing(g, p),
	sprintf("%s-old/", [p]), sprintf("%sx/", [p]), sprintf("%s/", [p]),
]) if {
	p := g.prefix.value
	not g.prefix.sensitive == true
	b := common.bucket_by_label(g.bucket.value)
	not b.name.sensitive == true
}

else := sprintf("grant %q has a prefix that does not end in \"/\": its policy allows every object key that begins with those characters, not only the keys of one folder", [g.label])

# listing names the s3:prefix condition when the grant may list the bucket.
listing(g, p) := sprintf(" (and listing with s3:prefix %q)", [sprintf("%s*", [p])]) if {
	some [_, _, s] in common.statements_at_address("identity-policy", g.address)
	object.get(s, ["Condition", "StringLike", "s3:prefix"], null) != null
} else := ""
