# METADATA
# title: No policy lockout
# description: >-
#   A Deny to every principal ("*") of s3:*, *, s3:PutBucketPolicy or
#   s3:DeleteBucketPolicy on the bucket ARN without any condition also
#   denies the bucket owner's own administrators: nobody can change or
#   remove the bucket policy again except the account's root user. A
#   condition that always holds (StringLike with "*", Bool with both "true"
#   and "false") counts as none; a Deny of objects only (NAME/prefix/*)
#   cannot block the bucket policy actions.
# related_resources:
#   - ref: https://repost.aws/knowledge-center/s3-accidentally-denied-access
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
#     description: CKV_AWS_93
# custom:
#   id: TMC106
#   name: no-policy-lockout
#   severity: warning
#   hard: false
#   remediation: >-
#     Narrow the Deny: list the exact actions it should block, and add a
#     `condition` that excludes your administrators (for example
#     `test = "StringNotLike"`, `variable = "aws:PrincipalArn"`, `values =
#     ["arn:aws:iam::ACCOUNT:role/admin"]`) or that names what is denied
#     (aws:SecureTransport, s3:x-amz-server-side-encryption).
#   security_severity: "5.5"
#   peers: [CKV_AWS_93]
package teramotc.rules.no_policy_lockout

import data.teramotc.lib.common

locking := ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy"]

deny contains f if {
	some [doc, i, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Deny"
	not s.NotPrincipal
	some p in common.principals(s)
	p.value == "*"
	every c in common.conditions(s) {
		always_true(c)
	}
	blocked := common.covered_actions(s, locking)
	count(blocked) > 0
	some b in common.bucket_address_index[doc.address]
	covers_bucket(s, common.bucket_arn(b.name.value))
	f := {
		"msg": sprintf("the bucket policy of %s denies %s to everyone %s, locking out the bucket owner", [doc.address, concat(" and ", blocked), how(s)]),
		"range": common.statement_range(doc, i),
		"address": doc.address,
	}
}

how(s) := "with a condition that always holds" if common.has_condition(s)

else := "without a condition"

# covers_bucket: s applies to the bucket ARN, where PutBucketPolicy and
# DeleteBucketPolicy act. A Deny of objects only (NAME/prefix/*) does not
# block them.
covers_bucket(s, arn) if common.statement_covers_resource(s, arn)

covers_bucket(s, arn) if {
	nres := common.as_list(s.NotResource)
	count(nres) > 0
	not common.matches_pattern(common.patterns(nres), arn)
}

# always_true: a condition that holds for every request of the owner's
# administrators, so it narrows nothing: a like-operator with "*" among its
# values, or Bool with both "true" and "false". Without IfExists it holds
# only where the key is present, so only keys every signed request carries
# count (aws:SourceVpce "*" holds only through a VPC endpoint).
always_true(c) if {
	lower(c.operator) in {"stringlike", "arnlike", "stringlikeifexists", "arnlikeifexists"}
	present(c)
	"*" in c.values
}

always_true(c) if {
	lower(c.operator) in {"bool", "boolifexists"}
	present(c)
	vs := {lower(sprintf("%v", [v])) | some v in c.values}
	"true" in vs
	"false" in vs
}

present(c) if endswith(lower(c.operator), "ifexists")

present(c) if c.key in always_present

always_present := {
	"aws:principalarn", "aws:principalaccount", "aws:principaltype", "aws:userid",
	"aws:requestedregion", "aws:currenttime", "aws:epochtime",
	"aws:securetransport", "aws:principalisawsservice", "aws:viaawsservice",
}
