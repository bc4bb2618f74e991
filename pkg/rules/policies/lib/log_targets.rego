# The buckets the spec delivers logs into: the targets of the access_logging
# blocks and the trails' log buckets. TMC401 (access logging) and TMC205
# (customer-managed key) exempt such a bucket unless it is shared, as
# AVD-AWS-0089 and AVD-AWS-0132 exempt log-delivery targets.
package teramotc.lib.log_targets

import data.teramotc.lib.common
import data.teramotc.lib.sharing

# exempt(b): b is a log target that is not shared with another account (a
# grant, or an Allow of its policy to another account or a wildcard). A
# shared bucket is a data bucket whatever logs it also receives: pointing
# some other bucket's logs at it must not switch off a rule for it.
exempt(b) if {
	log_target(b)
	not sharing.shared(b)
}

# log_target(b): some access_logging block or trail refers to b, by label (a
# reference) or by AWS name (a plain name). The targets are collected once
# (refs, names) instead of scanned for every bucket.
log_target(b) if b.label in refs

log_target(b) if b.name.value in names

# A bucket whose policy lets a log delivery service write, through a
# hand-written statement block, receives logs as well (review-leak2 M4).
log_target(b) if count(handwritten_delivery(b.address)) > 0

# delivery_services deliver logs into a bucket: server access logs,
# CloudTrail, CloudWatch Logs / vended logs, AWS Config.
delivery_services := {"logging.s3.amazonaws.com", "cloudtrail.amazonaws.com", "delivery.logs.amazonaws.com", "config.amazonaws.com"}

# handwritten_delivery(address) lists [i, s, service] of the Allows of the
# bucket's policy that come from a statement block and let a delivery
# service in (the statements teramotc renders for access_logging and trail
# blocks are not listed: TMC402 and TMC405 check those targets).
handwritten_delivery(address) := [[i, s, svc] |
	some [doc, i, s] in common.statements_at_address("bucket-policy", address)
	s.Effect == "Allow"
	from_block(doc, s)
	some svc in common.service_principals(s)
	svc in delivery_services
]

# first_delivery(address, svc) is [i, s] of the first of those Allows for
# the delivery service svc.
first_delivery(address, svc) := [xs[0][0], xs[0][1]] if {
	xs := sort([[x[0], x[1]] | some x in handwritten_delivery(address); x[2] == svc])
	count(xs) > 0
}

# delivery_services_of(address) holds the delivery services of those Allows.
delivery_services_of(address) := {svc | some [_, _, svc] in handwritten_delivery(address)}

# from_block: a statement block of the bucket has s's Sid (a rule, not
# common.user_statement, so that blocks with the same Sid do not conflict).
from_block(doc, s) if {
	some b in common.bucket_address_index[doc.address]
	some st in b.statements
	st.sid == s.Sid
}

# other_service(address) is the first [doc, i, s, service] of an Allow of
# the bucket's policy to a service principal that is not a log delivery
# service (a CloudFront distribution, say) and that may read, list or
# administer the bucket: on a log bucket it lets logs out, whatever its
# source scope (review-leak2 L10). An Allow that lets the service only
# deliver (write_only) exposes nothing: a central log bucket also takes
# ELB, Redshift, GuardDuty or S3 Inventory deliveries (review-diff5 F1).
other_service(address) := xs[0][1] if {
	xs := sort([[i, [doc, i, s, svc]] |
		some [doc, i, s] in common.statements_at_address("bucket-policy", address)
		s.Effect == "Allow"
		not write_only(s)
		some svc in common.service_principals(s)
		not svc in delivery_services
	])
	count(xs) > 0
}

# delivery_actions are what AWS documents for a service that delivers
# objects into a bucket: s3:PutObject, and the checks some make before
# writing (s3:GetBucketAcl: CloudTrail, Redshift, CloudWatch vended logs,
# Cost and Usage Reports; s3:GetBucketLocation: GuardDuty, Macie;
# s3:GetBucketPolicy: Cost and Usage Reports). None reads or lists an
# object. s3:ListBucket (which AWS Config asks for) is left out: it lists
# the log keys, and a non-delivery service that needs it is a reader.
delivery_actions := {"s3:putobject", "s3:getbucketacl", "s3:getbucketlocation", "s3:getbucketpolicy"}

# write_only(s): every Action of s is a delivery action, written out (no
# NotAction, no wildcard such as s3:Put* that would also cover
# s3:PutBucketPolicy or s3:PutObjectAcl).
write_only(s) if {
	count(common.not_actions(s)) == 0
	acts := common.actions(s)
	count(acts) > 0
	every a in acts {
		lower(a) in delivery_actions
	}
}

# refs holds the labels the targets refer to. An empty reference means a
# plain name, not a bucket labelled "".
refs contains ref if {
	some [ref, _] in targets
	ref != ""
}

# names holds the plain names of the targets without a reference. An empty
# name (an unset or unknown target) names no bucket.
names contains name if {
	some ["", name] in targets
	name != ""
}

# targets lists [reference, name] of every access_logging block and trail.
targets contains [ref, name] if {
	some src in input.buckets
	l := src.access_logging
	l != null
	ref := l.target_ref
	name := l.target_bucket.value
}

targets contains [ref, name] if {
	some t in input.trails
	ref := t.log_bucket_ref
	name := t.log_bucket.value
}
