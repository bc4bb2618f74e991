# METADATA
# title: Public bucket policy rejected by Block Public Access
# description: >-
#   With block_public_policy on, S3 rejects (403 AccessDenied) any bucket
#   policy it classifies as public: an Allow to a wildcard principal ("*",
#   {"AWS": "*"}, arn:aws:iam::*:root or a wildcarded ARN) that no condition
#   pins to fixed values of a non-public key such as aws:PrincipalOrgID,
#   aws:SourceArn, aws:SourceAccount or aws:SourceVpce. Apply would fail.
#   As S3 does, this rule takes any fixed aws:userid value as narrowing;
#   TMC102 (no-wildcard-principal) is stricter and accepts only IAM unique
#   ids (never "anonymous", the value of an unauthenticated caller).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
#     description: AWS documentation
# custom:
#   id: TMC107
#   name: public-policy-rejected
#   severity: error
#   hard: true
#   remediation: >-
#     Name the principal exactly in the `statement`'s `principals`, or add a
#     `condition` with a fixed value of aws:PrincipalOrgID, aws:PrincipalAccount,
#     aws:SourceArn, aws:SourceAccount or aws:SourceVpce. Turning
#     block_public_policy off is not a fix: it makes the bucket public.
#   security_severity: "7.5"
#   peers: []
package teramotc.rules.public_policy_rejected

import data.teramotc.lib.common

deny contains f if {
	some b in input.buckets
	b.block_public_policy.value
	some st in b.statements
	common.model_public_allow(st)
	f := {
		"msg": sprintf("S3 rejects statement %q of bucket %q: it is public while block_public_policy is on", [st.sid, b.label]),
		"range": st.principals.range,
		"address": st.address,
	}
}
