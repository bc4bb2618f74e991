# METADATA
# title: Statement ids are unique and alphanumeric
# description: >-
#   IAM accepts only ASCII letters and digits in a statement's Sid, and a Sid
#   must be unique within its policy; AWS rejects the policy otherwise. In a
#   bucket policy, the Sids of statement blocks share the policy with the
#   statements teramotc adds (DenyInsecureTransport, DenyUnencryptedUploads,
#   DenyOtherKMSKeys, AllowAccessLogDelivery, AllowCloudTrailAclCheck,
#   AllowCloudTrailWrite).
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
#     description: AWS documentation
# custom:
#   id: TMC508
#   name: statement-ids
#   severity: error
#   hard: true
#   remediation: >-
#     Label each statement block with a unique name of letters and digits
#     only, for example statement "AllowAnalyticsRead".
#   security_severity: "3.0"
#   peers: [aws_iam_policy_sid_invalid_characters, DUPLICATE_SID, INVALID_SID]
package teramotc.rules.statement_ids

import data.teramotc.lib.common

deny contains f if {
	some doc in common.policy_documents
	not alphanumeric_sids(doc)
	some i, s in doc.content.Statement
	is_string(s.Sid)
	not alphanumeric(s.Sid)
	f := {
		"msg": sprintf("statement id %q in %s has characters other than letters and digits", [s.Sid, doc.path]),
		"range": common.statement_range(doc, i),
		"address": doc.address,
	}
}

deny contains f if {
	some doc in common.policy_documents
	count(sids(doc)) != count(doc.content.Statement)
	some i, s in doc.content.Statement
	is_string(s.Sid)
	some j, t in doc.content.Statement
	j < i
	t.Sid == s.Sid
	f := {
		"msg": sprintf("statement id %q appears twice in %s", [s.Sid, doc.path]),
		"range": common.statement_range(doc, i),
		"address": doc.address,
	}
}

# The rules look at single statements only in a document with a bad or a
# repeated Sid. alphanumeric_sids holds when all Sids of a document are
# strings of letters and digits, exactly when their concatenation is one (a
# Sid that is not a string fails the concat, and the rule looks at each
# statement). No Sid repeats when there are as many distinct Sids as
# statements (the rule looks at each statement of a document where some
# statement has no Sid).
alphanumeric_sids(doc) if trim(concat("", sids(doc)), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") == ""

# alphanumeric: ^[A-Za-z0-9]*$, which trimming them leaves nothing of.
alphanumeric(sid) if trim(sid, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") == ""

# sids is the set of the Sids of a policy document.
sids(doc) := {s.Sid | some s in doc.content.Statement}
