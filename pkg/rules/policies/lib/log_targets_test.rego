package teramotc.lib.log_targets_test

import data.teramotc.lib.log_targets

bucket(label, name, logging) := {"label": label, "address": sprintf("bucket.%s", [label]), "name": {"value": name}, "access_logging": logging}

to(ref, name) := {"target_ref": ref, "target_bucket": {"value": name}}

trail(ref, name) := {"label": "audit", "log_bucket_ref": ref, "log_bucket": {"value": name}}

logs := bucket("logs", "acme-logs", null)

# target(b, buckets, trails): b is a log target of the input.
target(b, buckets, trails) if log_targets.log_target(b) with input as {"buckets": buckets, "trails": trails, "grants": [], "documents": []}

else := false

test_log_targets if {
	every c in [
		{"name": "access log by reference", "buckets": [bucket("data", "acme-data", to("logs", "acme-logs")), logs], "trails": []},
		{"name": "access log by plain name", "buckets": [bucket("data", "acme-data", to("", "acme-logs")), logs], "trails": []},
		{"name": "trail by reference", "buckets": [logs], "trails": [trail("logs", "acme-logs")]},
		{"name": "trail by plain name", "buckets": [logs], "trails": [trail("", "acme-logs")]},
		{"name": "reference with an unknown name", "buckets": [bucket("data", "acme-data", to("logs", "")), logs], "trails": []},
	] {
		target(logs, c.buckets, c.trails)
	}
}

test_not_log_targets if {
	every c in [
		{"name": "no logging at all", "buckets": [logs], "trails": []},
		{"name": "another bucket by reference", "buckets": [bucket("data", "acme-data", to("other", "acme-logs")), logs], "trails": []},
		# A reference decides alone: the name it resolved to is not a plain name.
		{"name": "the name of a reference", "buckets": [bucket("data", "acme-data", to("other", "acme-logs")), logs], "trails": [trail("other", "acme-logs")]},
		{"name": "another name", "buckets": [bucket("data", "acme-data", to("", "acme-other")), logs], "trails": [trail("", "acme-other")]},
	] {
		not target(logs, c.buckets, c.trails)
	}
}

# An empty reference is a plain name, not the label ""; an empty name names
# no bucket. Both once made a log target of TMC401 but not of TMC205.
test_empty_reference_or_name_is_no_target if {
	unlabelled := bucket("", "acme-data", null)
	not target(unlabelled, [bucket("src", "acme-src", to("", "acme-logs")), unlabelled], [])
	not target(unlabelled, [unlabelled], [trail("", "acme-logs")])
	unnamed := bucket("data", "", null)
	not target(unnamed, [bucket("src", "acme-src", to("", "")), unnamed], [])
	not target(unnamed, [unnamed], [trail("", "")])
}

test_exempt_unless_shared if {
	src := bucket("data", "acme-data", to("logs", "acme-logs"))
	inp := {"buckets": [src, logs], "trails": [], "grants": [], "documents": []}
	log_targets.exempt(logs) with input as inp
	not log_targets.exempt(src) with input as inp
	not log_targets.exempt(logs) with input as object.union(inp, {"grants": [{"bucket": {"value": "logs"}}]})
	policy := {
		"kind": "bucket-policy", "address": "bucket.logs",
		"content": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-logs/*"}]},
	}
	not log_targets.exempt(logs) with input as object.union(inp, {"documents": [policy]})
}

# M4: a bucket whose statement block lets a log delivery service write is a
# log target; the statements teramotc renders (no statement block) are not
# counted here.
delivery_policy(sid) := {"kind": "bucket-policy", "address": "bucket.logs", "content": {"Statement": [{"Sid": sid, "Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-logs/*"}]}}

test_handwritten_delivery_is_log_target if {
	with_block := object.union(logs, {"statements": [{"sid": "OtherLogs"}]})
	log_targets.log_target(with_block) with input as {"buckets": [with_block], "trails": [], "grants": [], "documents": [delivery_policy("OtherLogs")]}
	not log_targets.log_target(with_block) with input as {"buckets": [with_block], "trails": [], "grants": [], "documents": [delivery_policy("Rendered")]}
}

# F1 (review-diff5): only an Allow that lets another service read, list or
# administer the log bucket is exposure; a write-only delivery is not.
service_policy(s) := {"kind": "bucket-policy", "address": "bucket.logs", "content": {"Statement": [object.union({"Sid": "Svc", "Effect": "Allow", "Resource": "arn:aws:s3:::acme-logs/*"}, s)]}}

other(s) := svc if {
	[_, _, _, svc] := log_targets.other_service("bucket.logs") with input as {"buckets": [logs], "trails": [], "grants": [], "documents": [service_policy(s)]}
} else := ""

test_other_service_table if {
	cases := {
		"ELB access logs": [{"Principal": {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"}, "Action": "s3:PutObject"}, ""],
		"S3 Inventory": [{"Principal": {"Service": "s3.amazonaws.com"}, "Action": ["s3:PutObject"]}, ""],
		"Redshift audit logs": [{"Principal": {"Service": "redshift.amazonaws.com"}, "Action": ["s3:PutObject", "s3:GetBucketAcl"]}, ""],
		"GuardDuty export": [{"Principal": {"Service": "guardduty.amazonaws.com"}, "Action": ["s3:GetBucketLocation", "s3:PutObject"]}, ""],
		"CloudFront read": [{"Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject"}, "cloudfront.amazonaws.com"],
		"write and read": [{"Principal": {"Service": "s3.amazonaws.com"}, "Action": ["s3:PutObject", "s3:GetObject"]}, "s3.amazonaws.com"],
		"listing": [{"Principal": {"Service": "redshift.amazonaws.com"}, "Action": ["s3:PutObject", "s3:ListBucket"]}, "redshift.amazonaws.com"],
		"Put wildcard": [{"Principal": {"Service": "s3.amazonaws.com"}, "Action": "s3:Put*"}, "s3.amazonaws.com"],
		"object ACL write": [{"Principal": {"Service": "s3.amazonaws.com"}, "Action": ["s3:PutObject", "s3:PutObjectAcl"]}, "s3.amazonaws.com"],
		"NotAction": [{"Principal": {"Service": "s3.amazonaws.com"}, "NotAction": "s3:DeleteObject"}, "s3.amazonaws.com"],
		"delivery service reads": [{"Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:GetObject"}, ""],
	}
	every name, c in cases {
		[name, other(c[0])] == [name, c[1]]
	}
}
