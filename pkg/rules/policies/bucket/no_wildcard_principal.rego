# METADATA
# title: No wildcard principal
# description: >-
#   An Allow statement in a bucket policy or a role trust policy must not name
#   "*", {"AWS": "*"}, arn:aws:iam::*:root or any wildcarded ARN as its
#   principal: that opens the bucket, or the role, to every AWS account and
#   to anonymous callers. A wildcard is only acceptable when a condition pins
#   it to fixed values of a key AWS treats as non-public (aws:PrincipalOrgID,
#   aws:PrincipalAccount, aws:PrincipalArn, aws:SourceVpce, aws:SourceVpc,
#   aws:SourceAccount, aws:SourceArn, aws:SourceOwner, aws:userid as an IAM
#   unique id AIDA... or AROA...:..., never "anonymous", or aws:SourceIp
#   values that together hold no more addresses than one IPv4 /16 and one
#   IPv6 /48). The address budget is stricter than S3's (each value up to a
#   /8 or an IPv6 /32, TMC107): a /8 of a cloud provider or an IPv6 /32 of a
#   tunnelling service is open to anyone who rents an address there. With
#   aws.account_id set, a key that names an account or a resource
#   (aws:SourceAccount, aws:SourceOwner, aws:SourceArn,
#   s3:DataAccessPointAccount, s3:DataAccessPointArn,
#   s3:x-amz-server-side-encryption-aws-kms-key-id) does not narrow when a
#   value names another account: that account then decides who gets in
#   (every distribution, access point or key user it sets up), so this is an
#   error, not a notice. Naming the partner as the caller
#   (aws:PrincipalAccount, aws:PrincipalArn) still narrows.
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
		"msg": sprintf("%s %s allows the wildcard principal %s without a narrowing condition%s", [what(doc), statement_name(s, i), who, foreign_note(s)]),
		"range": common.field_range(doc, i, "Principal"),
		"address": doc.address,
	}
}

what(doc) := sprintf("the bucket policy of %s", [doc.address]) if doc.kind == "bucket-policy"

else := sprintf("the trust policy of %s", [doc.address])

statement_name(s, i) := sprintf("statement %q", [s.Sid]) if s.Sid

else := sprintf("statement %d", [i])

# foreign_note says which other accounts a condition names instead of
# narrowing to the own one.
foreign_note(s) := sprintf(" (its condition names account %s, not the own account %s: that account decides who gets in)", [
	concat(", ", sort(accts)), common.own_account,
]) if {
	accts := common.statement_foreign_accounts(s)
	count(accts) > 0
} else := ""
