package teramotc.rules.logging_target_test

import data.teramotc.rules.logging_target

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

aws := {"account_id": {"value": "111122223333", "range": rng(3), "set": true}}

bucket(label, name, logging) := {
	"label": label, "address": sprintf("bucket.%s", [label]), "decl_range": rng(1),
	"name": {"value": name, "range": rng(2), "set": true},
	"access_logging": logging,
}

logging(name, ref) := {"target_bucket": {"value": name, "range": rng(7), "set": true}, "target_ref": ref}

delivery := {
	"kind": "bucket-policy", "address": "bucket.logs", "range": rng(10), "provenance": {},
	"content": {"Version": "2012-10-17", "Statement": [{
		"Sid": "AllowAccessLogDelivery", "Effect": "Allow",
		"Principal": {"Service": "logging.s3.amazonaws.com"},
		"Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-logs/data/*",
		"Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}},
	}]},
}

test_fail_self_by_name if {
	fs := logging_target.deny with input as {"aws": aws, "buckets": [bucket("data", "acme-data", logging("acme-data", ""))], "documents": []}
	count(fs) == 1
	some f in fs
	f.range == rng(7)
}

test_fail_self_by_ref if {
	fs := logging_target.deny with input as {"aws": aws, "buckets": [bucket("data", "acme-data", logging("acme-data", "data"))], "documents": []}
	count(fs) == 1
}

test_fail_declared_target_without_statement if {
	doc := {
		"aws": aws,
		"buckets": [bucket("data", "acme-data", logging("acme-logs", "logs")), bucket("logs", "acme-logs", null)],
		"documents": [],
	}
	fs := logging_target.deny with input as doc
	count(fs) == 1
	some f in fs
	contains(f.msg, "logging.s3.amazonaws.com")
}

test_pass_declared_target if {
	doc := {
		"aws": aws,
		"buckets": [bucket("data", "acme-data", logging("acme-logs", "logs")), bucket("logs", "acme-logs", null)],
		"documents": [delivery],
	}
	count(logging_target.deny) == 0 with input as doc
}

test_pass_external_target if {
	doc := {"aws": aws, "buckets": [bucket("data", "acme-data", logging("elsewhere-logs", ""))], "documents": []}
	count(logging_target.deny) == 0 with input as doc
}

deny_uploads(condition) := {
	"kind": "bucket-policy", "address": "bucket.logs", "range": rng(10), "provenance": {"/Statement/1": rng(12)},
	"content": {"Version": "2012-10-17", "Statement": [
		delivery.content.Statement[0],
		{
			"Sid": "DenyUnencrypted", "Effect": "Deny", "Principal": "*",
			"Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-logs/*",
			"Condition": condition,
		},
	]},
}

declared := [bucket("data", "acme-data", logging("acme-logs", "logs")), bucket("logs", "acme-logs", null)]

test_fail_unknown_account if {
	fs := logging_target.deny with input as {"buckets": declared, "documents": [delivery]}
	count(fs) == 1
	some f in fs
	contains(f.msg, "account_id")
	f.range == rng(7)
}

test_fail_deny_blocks_delivery if {
	doc := deny_uploads({"StringNotEquals": {"s3:x-amz-server-side-encryption": "AES256"}})
	fs := logging_target.deny with input as {"aws": aws, "buckets": declared, "documents": [doc]}
	count(fs) == 1
	some f in fs
	contains(f.msg, "DenyUnencrypted")
	f.range == rng(12)
	f.address == "bucket.logs"
}

test_pass_deny_exempts_the_service if {
	doc := deny_uploads({"StringNotEquals": {
		"s3:x-amz-server-side-encryption": "AES256",
		"aws:PrincipalServiceName": ["cloudtrail.amazonaws.com", "logging.s3.amazonaws.com"],
	}})
	count(logging_target.deny) == 0 with input as {"aws": aws, "buckets": declared, "documents": [doc]}
}

test_pass_deny_of_other_services_only if {
	doc := deny_uploads({"BoolIfExists": {"aws:PrincipalIsAWSService": "false"}})
	count(logging_target.deny) == 0 with input as {"aws": aws, "buckets": declared, "documents": [doc]}
}

test_pass_deny_with_unknown_key if {
	doc := deny_uploads({"StringNotEquals": {"aws:PrincipalOrgID": "o-1"}})
	count(logging_target.deny) == 0 with input as {"aws": aws, "buckets": declared, "documents": [doc]}
}

test_fail_unconditional_deny if {
	doc := deny_uploads({})
	fs := logging_target.deny with input as {"aws": aws, "buckets": declared, "documents": [doc]}
	count(fs) == 1
}

# A bucket logging to itself is reported once, as a self target, even when
# the account is unknown.
test_fail_self_without_account_once if {
	fs := logging_target.deny with input as {"buckets": [bucket("data", "acme-data", logging("acme-data", "data"))], "documents": []}
	count(fs) == 1
	some f in fs
	not contains(f.msg, "account_id")
}

# Review leak M2: a target shared with another account is an error, as
# TMC405 says for a trail's log bucket: by a grant, or by an Allow of its
# policy to another account.
test_fail_target_shared_by_grant if {
	doc := {
		"aws": aws,
		"buckets": [bucket("data", "acme-data", logging("acme-logs", "logs")), bucket("logs", "acme-logs", null)],
		"grants": [{"label": "auditor", "bucket": {"value": "logs", "range": rng(20), "set": true}}],
		"documents": [delivery],
	}
	fs := logging_target.deny with input as doc
	[[f.range, f.msg] | some f in fs] == [[rng(7), "bucket \"data\" writes its server access logs to bucket \"logs\", which grant \"auditor\" shares with another account"]]
}

test_fail_target_shared_by_statement if {
	partner := {"Sid": "PartnerRead", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-logs/*"}
	shared := json.patch(delivery, [{"op": "add", "path": "/content/Statement/-", "value": partner}])
	doc := {
		"aws": aws,
		"buckets": [bucket("data", "acme-data", logging("acme-logs", "")), bucket("logs", "acme-logs", null)],
		"grants": [],
		"documents": [shared],
	}
	fs := logging_target.deny with input as doc
	[f.msg | some f in fs] == ["bucket \"data\" writes its server access logs to bucket \"logs\", whose policy statement \"PartnerRead\" allows another account"]

	# the same statement pinned to the own account shares nothing
	own := json.patch(shared, [{"op": "replace", "path": "/content/Statement/1/Principal", "value": {"AWS": "arn:aws:iam::111122223333:role/auditor"}}])
	count(logging_target.deny) == 0 with input as object.union(doc, {"documents": [own]})
}

# A grant on another bucket does not make the target shared.
test_pass_grant_on_data_bucket if {
	doc := {
		"aws": aws,
		"buckets": [bucket("data", "acme-data", logging("acme-logs", "logs")), bucket("logs", "acme-logs", null)],
		"grants": [{"label": "partner", "bucket": {"value": "data", "range": rng(20), "set": true}}],
		"documents": [delivery],
	}
	count(logging_target.deny) == 0 with input as doc
}

cloudfront_read := {"Sid": "CloudFrontRead", "Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-logs/*", "Condition": {"StringEquals": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}}}

# L10: a declared target readable through a service (an own CloudFront
# distribution, source-scoped) is not private.
test_fail_target_read_by_other_service if {
	doc := {
		"aws": aws,
		"buckets": [bucket("data", "acme-data", logging("acme-logs", "logs")), bucket("logs", "acme-logs", null)],
		"grants": [],
		"documents": [json.patch(delivery, [{"op": "add", "path": "/content/Statement/-", "value": cloudfront_read}])],
	}
	fs := logging_target.deny with input as doc
	[f.msg | some f in fs] == [`bucket "data" writes its server access logs to bucket "logs", whose policy statement "CloudFrontRead" lets the service principal "cloudfront.amazonaws.com" in: whoever can use that service's resource (a CloudFront distribution serves anyone) reads the logs`]
}

# F1 (review-diff5): a central log bucket that also takes AWS's write-only
# deliveries (ELB access logs, S3 Inventory reports) is still private; a
# CloudFront read is not.
elb_write := {"Sid": "ELBLogDelivery", "Effect": "Allow", "Principal": {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-logs/elb/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}

inventory_write := {"Sid": "InventoryDelivery", "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-logs/inventory/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333", "s3:x-amz-acl": "bucket-owner-full-control"}, "ArnLike": {"aws:SourceArn": "arn:aws:s3:::acme-data"}}}

# The form AWS documents for regions before August 2022: the regional ELB
# account (us-east-1's here) rather than the service principal.
elb_account_write := {"Sid": "ELBAccountLogDelivery", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::127311923021:root"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-logs/elb/AWSLogs/111122223333/*"}

test_write_only_services_table if {
	cases := {
		"ELB write": [[elb_write], 0],
		"S3 Inventory write": [[inventory_write], 0],
		"both writes": [[elb_write, inventory_write], 0],
		"writes and a CloudFront read": [[elb_write, inventory_write, cloudfront_read], 1],
		"older ELB account write": [[elb_account_write], 0],
		"older ELB account write and read": [[json.patch(elb_account_write, [{"op": "replace", "path": "/Action", "value": ["s3:PutObject", "s3:GetObject"]}])], 1],
	}
	every name, c in cases {
		patch := [{"op": "add", "path": "/content/Statement/-", "value": s} | some s in c[0]]
		doc := {
			"aws": aws,
			"buckets": [bucket("data", "acme-data", logging("acme-logs", "logs")), bucket("logs", "acme-logs", null)],
			"grants": [],
			"documents": [json.patch(delivery, patch)],
		}
		fs := logging_target.deny with input as doc
		[name, count(fs)] == [name, c[1]]
	}
}

# M4: a hand-written access log delivery statement on a shared bucket.
test_handwritten_delivery_table if {
	handwritten := json.patch(delivery, [{"op": "replace", "path": "/address", "value": "bucket.data"}])
	data_bucket := object.union(bucket("data", "acme-data", null), {"statements": [{"sid": "AllowAccessLogDelivery"}]})
	grant := {"label": "partner", "bucket": {"value": "data", "range": rng(20), "set": true}}
	cases := {
		"shared by a grant": [[grant], [handwritten], [`statement "AllowAccessLogDelivery" of the policy of bucket "data" lets logging.s3.amazonaws.com deliver server access logs into it, but grant "partner" shares the bucket: whoever may read the bucket reads the logs of every bucket that logs there`]],
		"read through a service": [[], [json.patch(handwritten, [{"op": "add", "path": "/content/Statement/-", "value": cloudfront_read}])], [`statement "AllowAccessLogDelivery" of the policy of bucket "data" lets logging.s3.amazonaws.com deliver server access logs into it, but its policy statement "CloudFrontRead" lets the service principal "cloudfront.amazonaws.com" in: whoever may read the bucket reads the logs of every bucket that logs there`]],
		"private": [[], [handwritten], []],
	}
	every _, c in cases {
		fs := logging_target.deny with input as {"aws": aws, "buckets": [data_bucket], "grants": c[0], "documents": c[1]}
		[f.msg | some f in fs] == c[2]
	}
}
