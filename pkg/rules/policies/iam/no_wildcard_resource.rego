# METADATA
# title: No wildcard resource
# description: >-
#   An Allow of bucket or object actions on Resource "*" (or on
#   "arn:aws:s3:::*") reaches every bucket the principal can see, not just
#   the shared one. Statements must name the bucket and, for objects, the
#   prefix they cover.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html
#     description: AWS documentation
# custom:
#   id: TMC502
#   name: no-wildcard-resource
#   severity: error
#   hard: false
#   remediation: >-
#     Write resources as the bucket ARN ("arn:aws:s3:::NAME") for bucket
#     actions and the object ARN ("arn:aws:s3:::NAME/PREFIX*") for object
#     actions.
#   security_severity: "7.5"
#   peers: [CKV_AWS_355, CKV_AWS_356, AVD-AWS-0346, CKV_AWS_288, CKV_AWS_290]
package teramotc.rules.no_wildcard_resource

import data.teramotc.lib.identity

deny contains f if {
	some b in input.buckets
	some st in b.statements
	identity.effect(st) == "Allow"
	wild := [r | some r in st.resources.value; any_bucket(r)]
	count(wild) > 0
	f := {
		"msg": sprintf("statement %q allows actions on every bucket: %s", [st.sid, concat(", ", wild)]),
		"range": st.resources.range,
		"address": st.address,
	}
}

# any_bucket holds for "*" and for S3 ARNs whose bucket name is only
# wildcards ("arn:aws:s3:::*", "arn:aws:s3:::*/*").
any_bucket(r) if r == "*"

# any_bucket: the path of an S3 ARN matches ^[*?]*(/.*)?$, that is, its
# bucket name (up to the first "/") is only * and ?, and no line break
# follows (. does not match one).
any_bucket(r) if {
	path := identity.s3_path(r)
	trim(split(path, "/")[0], "*?") == ""
	not contains(path, "\n")
}
