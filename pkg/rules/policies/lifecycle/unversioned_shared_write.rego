# METADATA
# title: No shared write or delete on a bucket without versioning
# description: >-
#   Without versioning, an object that is overwritten or deleted is gone for
#   good. A grant (a partner's role, or an IAM user whose keys are handed
#   out) or an Allow of the bucket policy to another account that covers
#   s3:PutObject, s3:DeleteObject, s3:DeleteObjectVersion, or
#   s3:ReplicateObject or s3:ReplicateDelete (the writes of another
#   account's replication rule), lets someone outside the account, or
#   whoever steals their credentials, destroy the bucket's data beyond
#   recovery. TMC301 warns about every bucket without
#   versioning; this rule makes the shared case an error. When every such
#   party is a grant whose writes and deletes are limited to its prefix
#   (an "inbox/" drop box), the finding is a warning that names the
#   prefix: only the objects under it are at risk. A versioned bucket
#   counts as unversioned when an enabled lifecycle rule expires noncurrent
#   versions fewer than 7 days after they become noncurrent (TMC301): what
#   such a party overwrites or deletes under the rule's prefix is purged
#   before a mistake is likely to be noticed. That finding is an error when
#   the rule and a party both cover the whole bucket, a warning otherwise.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html
#     description: AWS documentation
# custom:
#   id: TMC307
#   name: unversioned-shared-write
#   severity: error
#   hard: false
#   remediation: >-
#     Remove `versioning = false` from the bucket (the default is true) and
#     bound the cost of old versions with `noncurrent_expiration_days` of 7
#     days or more (30 is common), or give the grants and statements of
#     other parties only read and list.
#   security_severity: "6.0"
#   peers: [CKV_AWS_21, "FSBP S3.14"]
package teramotc.rules.unversioned_shared_write

import data.teramotc.lib.common
import data.teramotc.lib.lifecycle
import data.teramotc.lib.sharing

# destructive lists the actions that overwrite or delete an object; without
# versioning nothing keeps the old data. ReplicateObject and ReplicateDelete
# are the writes of a replication rule of another party's bucket into this
# one: they overwrite an object or add a delete marker as PutObject and
# DeleteObject do.
destructive := ["s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:ReplicateObject", "s3:ReplicateDelete"]

# writers lists, for bucket b, who else may overwrite or delete its objects,
# as {"name", "prefix"}: the grants on b whose identity policy allows it
# (with the grant's prefix when every such statement is limited to the
# objects under it, "" otherwise), and the bucket policy's Allow statements
# to another account that do (prefix "").
writers(b) := grant_writers(b) | statement_writers(b)

grant_writers(b) := {{"name": sprintf("grant %q", [g.label]), "prefix": limit(g, b)} |
	some g in input.grants
	g.bucket.value == b.label
	count(grant_writes(g)) > 0
}

grant_writes(g) := [s |
	some [_, _, s] in common.statements_at_address("identity-policy", g.address)
	s.Effect == "Allow"
	common.covers_any_action(s, destructive)
]

# limit is the grant's prefix when every statement of it that writes or
# deletes names only the bucket (where object actions grant nothing) or
# objects under the prefix; "" otherwise.
limit(g, b) := p if {
	p := object.get(g, ["prefix", "value"], "")
	p != ""
	under := concat("", [common.bucket_arn(b.name.value), "/", p])
	every s in grant_writes(g) {
		every r in common.resources(s) {
			within(r, b, under)
		}
	}
} else := ""

within(r, b, _) if r == common.bucket_arn(b.name.value)

within(r, _, under) if {
	startswith(r, under)
	not contains(substring(r, 0, count(under)), "*")
}

statement_writers(b) := {{"name": sprintf("bucket policy statement %s", [name(s, i)]), "prefix": ""} |
	some [_, i, s] in common.statements_at_address("bucket-policy", b.address)
	s.Effect == "Allow"
	sharing.shares(s)
	common.covers_any_action(s, destructive)
}

name(s, i) := sprintf("%q", [s.Sid]) if s.Sid

else := sprintf("%d", [i])

# An unlimited writer is an error; writers that all are grants limited to
# a prefix are a warning that names the prefixes: they can destroy only the
# objects under them.
deny contains f if {
	some b in input.buckets
	b.versioning.value == false
	ws := writers(b)
	some w in ws
	w.prefix == ""
	f := {
		"msg": sprintf("bucket %q is not versioned, but another party can overwrite or delete its objects (%s): what they overwrite or delete cannot be recovered", [b.label, concat(", ", sort([shown(w) | some w in ws]))]),
		"range": b.versioning.range,
		"address": b.address,
	}
}

deny contains f if {
	some b in input.buckets
	b.versioning.value == false
	ws := writers(b)
	count(ws) > 0
	every w in ws {
		w.prefix != ""
	}
	f := {
		"msg": sprintf("bucket %q is not versioned, but another party can overwrite or delete the objects under a prefix (%s): what they overwrite or delete there cannot be recovered", [b.label, concat(", ", sort([shown(w) | some w in ws]))]),
		"range": b.versioning.range,
		"address": b.address,
		"severity": "warning",
	}
}

shown(w) := w.name if w.prefix == ""

else := sprintf("%s under %q", [w.name, w.prefix])

# A versioned bucket whose lifecycle rule r purges noncurrent versions
# within days: the writers whose prefix overlaps the rule's can destroy
# what lies under both. An error when both cover the whole bucket.
deny contains f if {
	some b in input.buckets
	b.versioning.value == true
	some r in lifecycle.short_noncurrent(b)
	rp := object.get(r, ["prefix", "value"], "")
	ws := [w | some w in writers(b); overlaps(w.prefix, rp)]
	count(ws) > 0
	n := r.noncurrent_expiration_days.value
	f := object.union(
		{
			"msg": sprintf("lifecycle rule %q of bucket %q deletes noncurrent versions%s %s after they become noncurrent, and another party can overwrite or delete objects there (%s): what they overwrite or delete is gone for good %s later, before a mistake is likely to be noticed", [r.id, b.label, rule_scope(rp), lifecycle.days(n), concat(", ", sort([shown(w) | some w in ws])), lifecycle.days(n)]),
			"range": r.noncurrent_expiration_days.range,
			"address": r.address,
		},
		short_severity(ws, rp),
	)
}

# overlaps: the objects under two prefixes ("" is the whole bucket) have
# some in common.
overlaps(a, b) if startswith(a, b)

overlaps(a, b) if startswith(b, a)

rule_scope("") := ""

rule_scope(p) := sprintf(" under %q", [p]) if p != ""

short_severity(ws, rp) := {} if {
	rp == ""
	some w in ws
	w.prefix == ""
} else := {"severity": "warning"}
