# METADATA
# title: No wildcard principal
# description: >-
#   An Allow statement in a bucket policy or a role trust policy must not name
#   "*", {"AWS": "*"}, arn:aws:iam::*:root or any wildcarded ARN as its
#   principal: that opens the bucket, or the role, to every AWS account and
#   to anonymous callers. A wildcard is only acceptable when a condition pins
#   it to fixed values of a key AWS treats as non-public (aws:PrincipalOrgID,
#   aws:PrincipalAccount, aws:PrincipalArn, aws:SourceVpce, aws:SourceVpc,
#   aws:SourceAccount, aws:SourceArn, aws:SourceOwner, aws:userid, or
#   aws:SourceIp values that together hold no more addresses than one IPv4
#   /8 and one IPv6 /32).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
#     description: CKV_AWS_70, CKV_AWS_60, KICS 7af43613, FSBP S3.2, FSBP S3.3
# custom:
#   id: TMC102
#   name: no-wildcard-principal
#   severity: error
#   hard: false
#   remediation: >-
#     Name the principal exactly, e.g. `principals = { AWS =
#     ["arn:aws:iam::444455556666:role/analytics"] }`, or keep "*" and add a
#     `condition` block with `test = "StringEquals"`, `variable =
#     "aws:PrincipalOrgID"` and a fixed `values = ["o-..."]`. For partner
#     access prefer a grant.
#   security_severity: "9.1"
#   peers: [CKV_AWS_70, CKV_AWS_60, "KICS 7af43613", "FSBP S3.2", "FSBP S3.3"]
package teramotc.rules.no_wildcard_principal

import data.teramotc.lib.common

kinds := {"bucket-policy", "trust-policy"}

deny contains f if {
	some kind in kinds
	some [doc, i, s] in common.statements_of_kind(kind)
	s.Effect == "Allow"
	common.public_allow(s)
	who := concat(", ", sort({sprintf("%q", [p.value]) | some p in common.wildcard_principals(s)}))
	f := {
		"msg": sprintf("%s %s allows the wildcard principal %s without a narrowing condition", [what(doc), statement_name(s, i), who]),
		"range": common.field_range(doc, i, "Principal"),
		"address": doc.address,
	}
}

what(doc) := sprintf("the bucket policy of %s", [doc.address]) if doc.kind == "bucket-policy"

else := sprintf("the trust policy of %s", [doc.address])

statement_name(s, i) := sprintf("statement %q", [s.Sid]) if s.Sid

else := sprintf("statement %d", [i])
