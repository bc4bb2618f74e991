# METADATA
# title: Buckets of ACME are versioned
# description: ACME keeps every object version.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
#     description: Versioning
# custom:
#   id: ACME001
#   name: acme-versioning
#   severity: warning
#   remediation: Set versioning = true.
#   security_severity: "4.0"
#   peers: [CKV_AWS_21]
package teramotc.rules.acme_versioning

deny contains {"msg": sprintf("bucket %q is not versioned", [b.label]), "range": b.versioning.range, "address": b.address} if {
	some b in input.buckets
	not b.versioning.value
}
