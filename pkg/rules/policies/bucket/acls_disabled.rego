# METADATA
# title: ACLs disabled
# description: >-
#   Object Ownership should be BucketOwnerEnforced. It disables ACLs, so the
#   bucket policy and IAM alone decide access and every object belongs to the
#   bucket owner, including objects a partner uploads. With ACLs enabled an
#   uploader can keep ownership of its objects or hand out access through an
#   ACL that no policy review sees.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-12
#     description: FSBP S3.12, CKV2_AWS_65
# custom:
#   id: TMC103
#   name: acls-disabled
#   severity: warning
#   hard: false
#   remediation: >-
#     Write `object_ownership = "BucketOwnerEnforced"`, or remove the
#     attribute: it is the default.
#   security_severity: "5.3"
#   peers: [CKV2_AWS_65, "FSBP S3.12"]
package teramotc.rules.acls_disabled

import data.teramotc.lib.common

deny contains f if {
	some b in input.buckets
	b.object_ownership.value != "BucketOwnerEnforced"
	f := {
		"msg": sprintf("bucket %q keeps ACLs enabled (object_ownership = %s)", [b.label, common.shown(b.object_ownership)]),
		"range": b.object_ownership.range,
		"address": b.address,
	}
}
