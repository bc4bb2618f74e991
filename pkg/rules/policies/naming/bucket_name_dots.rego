# METADATA
# title: No dots in bucket names
# description: >-
#   A dot in a bucket name breaks virtual-hosted-style HTTPS, because the
#   *.s3.amazonaws.com certificate does not match a name with more labels,
#   and S3 Transfer Acceleration does not support such buckets. AWS
#   recommends dots only for static website buckets.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/transfer-acceleration.html
#     description: AWS documentation
# custom:
#   id: TMC702
#   name: bucket-name-dots
#   severity: notice
#   hard: false
#   remediation: Use hyphens instead of dots in the bucket name.
#   security_severity: "1.0"
#   peers: [AVD-AWS-0320]
package teramotc.rules.bucket_name_dots

import data.teramotc.lib.identity

deny contains f if {
	some b in input.buckets
	contains(b.name.value, ".")
	f := {
		"msg": sprintf("bucket name %s contains dots, which break virtual-hosted HTTPS and Transfer Acceleration", [identity.show(b.name)]),
		"range": b.name.range,
		"address": b.address,
	}
}
