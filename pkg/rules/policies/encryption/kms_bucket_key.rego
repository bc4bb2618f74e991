# METADATA
# title: S3 Bucket Key with SSE-KMS
# description: >-
#   A bucket encrypted with aws:kms should enable the S3 Bucket Key. Without
#   it, S3 calls KMS for every object it encrypts or decrypts; with it, S3
#   reuses a bucket-level data key and KMS requests (and their cost and
#   throttling) drop by up to 99 percent.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html
#     description: AWS documentation
# custom:
#   id: TMC203
#   name: kms-bucket-key
#   severity: warning
#   hard: false
#   remediation: >-
#     Remove `bucket_key = false` from the `encryption` block (the default is
#     true with aws:kms), or write `bucket_key = true`.
#   security_severity: "2.0"
#   peers: []
package teramotc.rules.kms_bucket_key

deny contains f if {
	some b in input.buckets
	b.encryption.algorithm.value == "aws:kms"
	not b.encryption.bucket_key.value
	f := {
		"msg": sprintf("bucket %q uses aws:kms without an S3 Bucket Key: every object operation calls KMS", [b.label]),
		"range": b.encryption.bucket_key.range,
		"address": b.address,
	}
}
