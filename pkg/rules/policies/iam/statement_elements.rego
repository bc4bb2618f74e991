# METADATA
# title: Statement principals and resources are valid
# description: >-
#   S3 rejects a bucket policy (MalformedPolicy) when a statement names no
#   principal, a principal type without identifiers, an AWS principal that is
#   neither an account id, an ARN, an IAM unique id nor "*", or a resource
#   that is not the bucket's own ARN or an ARN of its objects (another
#   bucket, an IAM ARN, a bare key). Apply would fail on the whole policy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html
#     description: AWS documentation
# custom:
#   id: TMC509
#   name: statement-elements
#   severity: error
#   hard: true
#   remediation: >-
#     In the `statement` block list at least one identifier per principal
#     type, AWS principals as account ids or ARNs, for example
#     principals = { AWS = ["arn:aws:iam::111122223333:role/NAME"] }, and
#     resources as "arn:aws:s3:::BUCKET" or "arn:aws:s3:::BUCKET/PREFIX*"
#     of the bucket the statement belongs to.
#   security_severity: "3.0"
#   peers: [MalformedPolicy]
package teramotc.rules.statement_elements

import data.teramotc.lib.common

deny contains f if {
	some b in input.buckets
	some st in b.statements
	st.principals.set
	not st.principals.value.wildcard
	bad_principals(st.principals.value.map)
	f := {
		"msg": sprintf("statement %q of bucket %q names no principal or an invalid one; S3 rejects the policy", [st.sid, b.label]),
		"range": st.principals.range,
		"address": st.address,
	}
}

deny contains f if {
	some b in input.buckets
	b.name.set
	some st in b.statements
	st.resources.set
	bad := [r | some r in st.resources.value; foreign_resource(r, b.name.value)]
	count(bad) > 0
	f := {
		"msg": sprintf("statement %q of bucket %q: %s not the bucket's ARN or an ARN of its objects; S3 rejects the policy", [st.sid, b.label, shown(st.resources, bad)]),
		"range": st.resources.range,
		"address": st.address,
	}
}

shown(a, _) := "(sensitive value) is" if a.sensitive == true

shown(a, bad) := sprintf("%s %s", [concat(", ", [sprintf("%q", [r]) | some r in bad]), verb(bad)]) if not a.sensitive == true

verb(bad) := "is" if count(bad) == 1

else := "are"

bad_principals(m) if not has_entries(m)

bad_principals(m) if {
	some ids in m
	not has_entries(ids)
}

# has_entries: a non-empty map or list (an empty list may come as null).
has_entries(x) if count(x) > 0

bad_principals(m) if {
	some typ, ids in m
	some id in ids
	not valid_id(typ, id)
}

valid_id(typ, id) if {
	id != ""
	typ != "AWS"
}

valid_id("AWS", id) if common.wildcard_value(id)

valid_id("AWS", id) if {
	count(id) == 12
	trim(id, "0123456789") == ""
}

valid_id("AWS", id) if startswith(id, "arn:")

valid_id("AWS", id) if regex.match(`^A[A-Z0-9]{15,127}$`, id)

# foreign_resource: neither "*" (TMC502) nor arn:PARTITION:s3:::BUCKET[/...]
# of the statement's bucket; a bucket part with a wildcard is left alone.
foreign_resource(r, name) if {
	r != "*"
	not own_resource(r, name)
}

own_resource(r, name) if {
	rest := trim_prefix(r, sprintf("arn:%s:s3:::", [common.partition]))
	rest != r
	bucket := split(rest, "/")[0]
	own_bucket(bucket, name)
}

own_bucket(bucket, name) if bucket == name

own_bucket(bucket, _) if common.wildcard_value(bucket)
