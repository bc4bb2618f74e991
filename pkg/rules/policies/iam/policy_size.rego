# METADATA
# title: Rendered policies fit AWS size limits
# description: >-
#   AWS rejects a policy that is too long: an IAM managed policy may hold
#   6,144 characters and a role trust policy 2,048 (whitespace not counted),
#   a bucket policy 20 KB. The limit is checked on the rendered documents,
#   so statements, extra actions, principals and long prefixes all count.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html
#     description: AWS documentation
# custom:
#   id: TMC506
#   name: policy-size
#   severity: error
#   hard: true
#   remediation: >-
#     Split the access over several grants, list fewer extra_actions, or
#     remove or merge statement blocks; shorten long external ids or
#     principal ARNs.
#   security_severity: "3.0"
#   peers: [aws_iam_policy_too_long_policy, POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA]
package teramotc.rules.policy_size

import data.teramotc.lib.common

limits := {
	"identity-policy": {"max": 6144, "what": "managed policy", "unit": "characters without whitespace"},
	"trust-policy": {"max": 2048, "what": "trust policy", "unit": "characters without whitespace"},
	"bucket-policy": {"max": 20480, "what": "bucket policy", "unit": "characters"},
}

# size counts what AWS counts: IAM policies without whitespace (compact
# JSON), a bucket policy as the rendered file sends it (two-space indent and
# a final newline).
size(doc) := count(unescape(json.marshal(doc.content))) if doc.kind != "bucket-policy"

# A bucket policy is limited in bytes (20 KB) as sent, pretty-printed with a
# final newline; IAM policies in characters without whitespace.
size(doc) := byte_count(unescape(json.marshal_with_options(doc.content, {"pretty": true, "indent": "  "}))) + 1 if {
	doc.kind == "bucket-policy"
}

# byte_count is the length of s in UTF-8 bytes (count counts characters).
byte_count(s) := count(hex.encode(s)) / 2

# unescape undoes the HTML escaping of json.marshal, which the rendered
# files do not have; a text without `\u00` has none to undo.
unescape(s) := strings.replace_n({`\u003c`: "<", `\u003e`: ">", `\u0026`: "&"}, s) if contains(s, `\u00`)

else := s

deny contains f if {
	some doc in common.policy_documents
	limit := limits[doc.kind]
	n := size(doc)
	n > limit.max
	f := {
		"msg": sprintf("the %s %s is %d %s; AWS accepts at most %d", [limit.what, doc.path, n, limit.unit, limit.max]),
		"range": doc.range,
		"address": doc.address,
	}
}
