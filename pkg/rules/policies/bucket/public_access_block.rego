# METADATA
# title: Public access block fully enabled
# description: >-
#   All four S3 Block Public Access flags (BlockPublicAcls, IgnorePublicAcls,
#   BlockPublicPolicy, RestrictPublicBuckets) must be on. Each flag closes a
#   different path to public data: new public ACLs, existing public ACLs,
#   new public bucket policies, and access through an existing public policy.
#   A data-sharing bucket never needs any of them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-8
#     description: FSBP S3.8, CIS 2.1.4, CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56, AVD-AWS-0086, AVD-AWS-0087, AVD-AWS-0091, AVD-AWS-0093
# custom:
#   id: TMC101
#   name: public-access-block
#   severity: error
#   hard: false
#   remediation: >-
#     Turn every Block Public Access flag on: set `block_public_access = true`
#     (the default, so a `block_public_access = false` can simply be removed),
#     or set each flag the finding names to true in the `public_access_block`
#     block (where an imported spec writes the live flags). Share data through
#     a grant, not through public access.
#   security_severity: "8.8"
#   peers: [CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56, AVD-AWS-0086, AVD-AWS-0087, AVD-AWS-0091, AVD-AWS-0093, "FSBP S3.8", "CIS 2.1.4"]
package teramotc.rules.public_access_block

flags := {
	"block_public_acls": "block public ACLs",
	"ignore_public_acls": "ignore public ACLs",
	"block_public_policy": "block public bucket policies",
	"restrict_public_buckets": "restrict public buckets",
}

# The shorthand turns all four flags off at once: one finding on it.
deny contains f if {
	some b in input.buckets
	b.public_access_block_decl == null
	b.block_public_access.set
	not b.block_public_access.value
	f := {
		"msg": sprintf("bucket %q turns Block Public Access off", [b.label]),
		"range": b.block_public_access.range,
		"address": b.address,
	}
}

deny contains f if {
	some b in input.buckets
	not shorthand_off(b)
	some flag, what in flags
	b[flag].value == false
	f := {
		"msg": sprintf("bucket %q does not %s (%s = false)", [b.label, what, flag]),
		"range": b[flag].range,
		"address": b.address,
	}
}

shorthand_off(b) if {
	b.public_access_block_decl == null
	b.block_public_access.set
	not b.block_public_access.value
}
