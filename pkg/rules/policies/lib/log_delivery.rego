# Log delivery into buckets declared in the spec: whether a Deny of a
# bucket policy blocks the PutObject request of a log delivery service
# (TMC402 for server access logs, TMC405 for CloudTrail).
#
# A request is {"service", "resource", "context", "absent"}: the service
# principal, the object ARN written, the condition keys (lowercase) whose
# value is known, and the keys known to be absent. A Deny is reported only
# when every one of its conditions is known to hold for the request, so an
# unknown key or operator never makes a finding.
package teramotc.lib.log_delivery

import data.teramotc.lib.common

# blocking_denies lists [doc, i, s] for each Deny of the bucket policy of
# the bucket at address that applies to req.
blocking_denies(address, req) := [[doc, i, s] |
	some [doc, i, s] in common.statements_at_address("bucket-policy", address)
	s.Effect == "Deny"
	denies(s, req)
]

denies(s, req) if {
	names_service(s, req.service)
	not s.NotPrincipal
	common.covers_action(s, "s3:PutObject")
	not s.NotResource
	some r in common.resources(s)
	glob.match(r, null, req.resource)
	every c in common.conditions(s) {
		holds(c, req)
	}
}

names_service(s, _) if {
	some p in common.principals(s)
	p.value == "*"
}

names_service(s, service) if {
	some p in common.principals(s)
	p.type == "Service"
	p.value == service
}

# holds: the condition is known to be true for req. Set operators
# (ForAllValues:, ForAnyValue:) are never known.
holds(c, req) if {
	not contains(c.operator, ":")
	base := trim_suffix(c.operator, "IfExists")
	v := req.context[c.key]
	matches(base, c.values, v)
}

holds(c, req) if {
	not contains(c.operator, ":")
	c.key in req.absent
	absent_holds(c.operator, c.values)
}

# On an absent key, a negated operator and any ...IfExists hold, and so
# does Null with "true".
absent_holds(op, _) if endswith(op, "IfExists")

absent_holds(op, _) if {
	op != "Null"
	contains(op, "Not")
}

absent_holds("Null", values) if "true" in values

matches(op, values, v) if {
	op in {"StringEquals", "ArnEquals"}
	v in values
}

matches("StringEqualsIgnoreCase", values, v) if {
	some x in values
	lower(x) == lower(v)
}

matches(op, values, v) if {
	op in {"StringLike", "ArnLike"}
	some x in values
	glob.match(x, null, v)
}

matches("Bool", values, v) if {
	some x in values
	lower(x) == v
}

matches(op, values, v) if {
	op in {"StringNotEquals", "ArnNotEquals"}
	not v in values
}

matches("StringNotEqualsIgnoreCase", values, v) if {
	every x in values {
		lower(x) != lower(v)
	}
}

matches(op, values, v) if {
	op in {"StringNotLike", "ArnNotLike"}
	every x in values {
		not glob.match(x, null, v)
	}
}

# base_context holds the keys every AWS service delivering logs sets: it is
# a service principal and it calls S3 over TLS.
base_context(service) := {
	"aws:principalservicename": service,
	"aws:principalisawsservice": "true",
	"aws:securetransport": "true",
}

with_account(ctx, key) := object.union(ctx, {key: common.own_account}) if common.own_account != ""

else := ctx

# access_log_request: S3 server access logging writes the logs of the
# declared source bucket src into target (a bucket name) under prefix. It
# sends no server-side encryption header.
access_log_request(src, target, prefix) := {
	"service": "logging.s3.amazonaws.com",
	"resource": sprintf("%s/%slog-object", [common.bucket_arn(target), prefix]),
	"context": with_account(
		object.union(base_context("logging.s3.amazonaws.com"), {"aws:sourcearn": common.bucket_arn(src)}),
		"aws:sourceaccount",
	),
	"absent": {"s3:x-amz-server-side-encryption", "s3:x-amz-server-side-encryption-aws-kms-key-id"},
}

# trail_request: CloudTrail writes a log file of trail t into the bucket
# named target. It asks for bucket-owner-full-control, and for SSE-KMS
# when the trail has a key, else sends no encryption header.
trail_request(t, target) := {
	"service": "cloudtrail.amazonaws.com",
	"resource": sprintf("%s/%sAWSLogs/%s/CloudTrail/log-object", [common.bucket_arn(target), trail_prefix(t), account_or_any]),
	"context": object.union(base_context("cloudtrail.amazonaws.com"), trail_encryption(t).context),
	"absent": trail_encryption(t).absent,
}

trail_prefix(t) := "" if {
	trim(object.get(t, ["log_prefix", "value"], ""), "/") == ""
} else := concat("", [trim(t.log_prefix.value, "/"), "/"])

account_or_any := common.own_account if common.own_account != ""

else := "000000000000"

trail_encryption(t) := {
	"context": {"s3:x-amz-acl": "bucket-owner-full-control", "s3:x-amz-server-side-encryption": "aws:kms"},
	"absent": set(),
} if {
	object.get(t, ["kms_key_arn", "value"], "") != ""
} else := {
	"context": {"s3:x-amz-acl": "bucket-owner-full-control"},
	"absent": {"s3:x-amz-server-side-encryption", "s3:x-amz-server-side-encryption-aws-kms-key-id"},
}
