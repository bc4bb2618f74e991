# METADATA
# title: Access log target is valid
# description: >-
#   Server access logs must go to another bucket: logging a bucket to itself
#   causes an endless loop of log objects about log objects. When the target
#   bucket is declared in the spec, its bucket policy must let the log
#   delivery service (logging.s3.amazonaws.com) write with s3:PutObject,
#   because a bucket with ACLs disabled rejects the old log-delivery ACL grant
#   and no log would ever arrive. A Deny in that policy that applies to the
#   delivery (such as a deny of uploads without an encryption header, which
#   the service does not send) beats the Allow, and the logs are lost just
#   the same. The statement teramotc renders names the source bucket's ARN
#   (aws:SourceArn) and, when the aws block names the account, also
#   aws:SourceAccount; since an S3 bucket ARN carries no account, only the
#   latter proves the logs come from the own account, so the spec must name
#   its account (aws.account_id). The target must not be shared
#   with another account (by a grant, or by an Allow of its policy to another
#   account or a wildcard principal that no condition limits to the own
#   account, or to a grant's role or IAM user, which live in the own account
#   but are the partner's): server access log records name the requester, source IP,
#   operation and object key of every request to the logged bucket, so
#   whoever may read the target learns who does what in it, as TMC405 says
#   for a trail's log bucket. Nor may its policy let in a service principal
#   other than the log delivery services (logging.s3, cloudtrail,
#   delivery.logs, config .amazonaws.com) to read, list or administer the
#   bucket, even scoped to the own account: a CloudFront distribution
#   serves the logs to whoever may call it. An Allow that only lets a
#   service deliver (s3:PutObject, with the s3:GetBucketAcl,
#   s3:GetBucketLocation or s3:GetBucketPolicy checks AWS documents, as for
#   ELB access logs, Redshift audit logs, GuardDuty findings or S3
#   Inventory reports) is fine: it reads nothing. So is the older ELB
#   form, which lets the regional Elastic Load Balancing account (such as
#   arn:aws:iam::127311923021:root) s3:PutObject the bucket's objects and
#   nothing more. A
#   bucket whose hand-written statement lets logging.s3.amazonaws.com
#   deliver logs is a log target too and gets the same checks (it also
#   counts as a log target for TMC401 and TMC205).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
#     description: AWS documentation
# custom:
#   id: TMC402
#   name: logging-target
#   severity: error
#   hard: false
#   remediation: >-
#     Set access_logging.target_bucket to a separate log bucket, preferably
#     one declared in the spec (bucket.logs.name) so that teramotc adds the
#     logging.s3.amazonaws.com statement to its policy; set account_id in
#     the aws block; and exempt the service from your own Deny statements
#     on that bucket (for example with a StringNotEquals condition on
#     aws:PrincipalServiceName, as teramotc does for its deny of
#     unencrypted uploads). Send the logs to a dedicated log bucket that no
#     grant or policy statement shares with another account and that no
#     other service (such as a CloudFront distribution) reads; take log
#     delivery statements off a shared data bucket.
#   security_severity: "6.0"
#   peers: ["FSBP S3.9"]
package teramotc.rules.logging_target

import data.teramotc.lib.common
import data.teramotc.lib.identity
import data.teramotc.lib.log_delivery
import data.teramotc.lib.log_targets
import data.teramotc.lib.sharing

# The target is the bucket itself.
deny contains f if {
	some b in input.buckets
	l := b.access_logging
	l != null
	self_target(b, l)
	f := {
		"msg": sprintf("bucket %q writes its server access logs to itself, which loops", [b.label]),
		"range": l.target_bucket.range,
		"address": b.address,
	}
}

self_target(b, l) if l.target_ref == b.label

self_target(b, l) if {
	l.target_ref == ""
	l.target_bucket.value == b.name.value
}

# A declared target lacks the log delivery statement.
deny contains f if {
	some b in input.buckets
	l := b.access_logging
	l != null
	some t in declared_targets(l)
	t.label != b.label
	not delivery_allowed(t)
	f := {
		"msg": sprintf("the policy of log bucket %q does not let logging.s3.amazonaws.com write the logs of bucket %q", [t.label, b.label]),
		"range": l.target_bucket.range,
		"address": b.address,
	}
}

# declared_targets is the set of the buckets an access_logging block names:
# the bucket of its reference, or of its plain name when it has none (looked
# up in the indexes, not scanned).
declared_targets(l) := {t | some t in common.bucket_label_index[l.target_ref]} | {t |
	l.target_ref == ""
	some t in common.bucket_name_index[l.target_bucket.value]
}

delivery_allowed(t) if {
	some doc in common.document_index[["bucket-policy", t.address]]
	some s in identity.statements(doc.content)
	s.Effect == "Allow"
	"logging.s3.amazonaws.com" in identity.list(object.get(s, ["Principal", "Service"], []))
	some a in identity.list(object.get(s, "Action", []))
	lower(a) in {"s3:putobject", "s3:put*", "s3:*"}
}

# A declared target whose statement cannot be scoped to the account.
deny contains f if {
	common.own_account == ""
	some b in input.buckets
	l := b.access_logging
	l != null
	some t in declared_targets(l)
	t.label != b.label
	f := {
		"msg": sprintf("the log delivery statement on bucket %q cannot check aws:SourceAccount: set account_id in the aws block", [t.label]),
		"range": l.target_bucket.range,
		"address": b.address,
	}
}

# A Deny of the declared target's policy blocks the delivery.
deny contains f if {
	some b in input.buckets
	l := b.access_logging
	l != null
	some t in declared_targets(l)
	t.label != b.label
	req := log_delivery.access_log_request(b.name.value, t.name.value, object.get(l, ["target_prefix", "value"], ""))
	some [doc, i, s] in log_delivery.blocking_denies(t.address, req)
	f := {
		"msg": sprintf("statement %s of the policy of log bucket %q denies logging.s3.amazonaws.com the upload of the access logs of bucket %q", [statement_name(s, i), t.label, b.label]),
		"range": common.statement_range(doc, i),
		"address": t.address,
	}
}

# A declared target that a grant shares with another account.
deny contains f if {
	some b in input.buckets
	l := b.access_logging
	l != null
	some t in declared_targets(l)
	t.label != b.label
	some g in input.grants
	g.bucket.value == t.label
	f := {
		"msg": sprintf("bucket %q writes its server access logs to bucket %q, which grant %q shares with another account", [b.label, t.label, g.label]),
		"range": l.target_bucket.range,
		"address": b.address,
	}
}

# A declared target whose policy lets another account or a wildcard
# principal in.
deny contains f if {
	some b in input.buckets
	l := b.access_logging
	l != null
	some t in declared_targets(l)
	t.label != b.label
	[_, i, s] := sharing.sharing_statement(t.address)
	f := {
		"msg": sprintf("bucket %q writes its server access logs to bucket %q, whose policy statement %s %s", [b.label, t.label, statement_name(s, i), sharing.who(s)]),
		"range": l.target_bucket.range,
		"address": b.address,
	}
}

# A declared target whose policy lets another service in (a CloudFront
# distribution, even one of the own account, serves the logs to whoever
# may call it): only the log delivery may use a log bucket (L10).
deny contains f if {
	some b in input.buckets
	l := b.access_logging
	l != null
	some t in declared_targets(l)
	t.label != b.label
	[_, i, s, svc] := log_targets.other_service(t.address)
	f := {
		"msg": sprintf("bucket %q writes its server access logs to bucket %q, whose policy statement %s lets the service principal %q in: whoever can use that service's resource (a CloudFront distribution serves anyone) reads the logs", [b.label, t.label, statement_name(s, i), svc]),
		"range": l.target_bucket.range,
		"address": b.address,
	}
}

# A bucket whose hand-written statement lets logging.s3.amazonaws.com
# deliver server access logs is a log target too: it must not be shared,
# nor let another service in (M4, L10).
deny contains f if {
	some b in input.buckets
	[i, s] := log_targets.first_delivery(b.address, "logging.s3.amazonaws.com")
	why := exposed(b)
	f := {
		"msg": sprintf("statement %s of the policy of bucket %q lets logging.s3.amazonaws.com deliver server access logs into it, but %s: whoever may read the bucket reads the logs of every bucket that logs there", [statement_name(s, i), b.label, why]),
		"range": common.statement_range(common.policy_document(b.address, "bucket-policy"), i),
		"address": b.address,
	}
}

# exposed says how a log bucket's content leaves the account: a grant, a
# sharing statement of its policy, or an Allow to another service.
exposed(b) := sprintf("grant %q shares the bucket", [gs[0]]) if {
	gs := sort([g.label | some g in input.grants; g.bucket.value == b.label])
	count(gs) > 0
} else := sprintf("its policy statement %s %s", [statement_name(s, i), sharing.who(s)]) if {
	[_, i, s] := sharing.sharing_statement(b.address)
} else := sprintf("its policy statement %s lets the service principal %q in", [statement_name(s, i), svc]) if {
	[_, i, s, svc] := log_targets.other_service(b.address)
}

statement_name(s, i) := sprintf("%q", [s.Sid]) if s.Sid

else := sprintf("%d", [i])
