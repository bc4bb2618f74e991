package teramotc.rules.trail_log_bucket_test

import data.teramotc.rules.trail_log_bucket

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

aws := {"account_id": {"value": "111122223333", "range": rng(3), "set": true}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

bucket(label, public) := {
	"label": label, "address": sprintf("bucket.%s", [label]), "decl_range": rng(1),
	"name": attr(sprintf("acme-%s", [label]), 2),
	"block_public_acls": attr(true, 3), "ignore_public_acls": attr(true, 3),
	"block_public_policy": attr(not_(public), 3), "restrict_public_buckets": attr(not_(public), 3),
}

not_(x) := false if x

not_(x) if not x

trail(ref, name) := {
	"label": "audit", "address": "trail.audit", "bucket": attr("data", 20),
	"log_bucket": attr(name, 21), "log_bucket_ref": ref,
}

grants := [{"label": "partner", "bucket": attr("data", 11)}]

test_fail_shared_log_bucket if {
	fs := trail_log_bucket.deny with input as {"aws": aws, "buckets": [bucket("data", false)], "grants": grants, "trails": [trail("data", "acme-data")]}

	# shared by a grant, and the trail's own data bucket
	count(fs) == 2
	every f in fs {
		f.range == rng(21)
	}
}

test_fail_public_log_bucket if {
	doc := {"aws": aws, "buckets": [bucket("data", false), bucket("logs", true)], "grants": grants, "trails": [trail("", "acme-logs")]}
	fs := trail_log_bucket.deny with input as doc
	count(fs) == 1
	some f in fs
	contains(f.msg, "block_public_policy")
}

test_pass_dedicated_log_bucket if {
	doc := {"aws": aws, "buckets": [bucket("data", false), bucket("logs", false)], "grants": grants, "trails": [trail("logs", "acme-logs")]}
	count(trail_log_bucket.deny) == 0 with input as doc
}

# Review leak M1: a log bucket the spec does not declare (a central one, or
# a typo, or someone else's) is a warning at log_bucket: lint cannot see its
# owner; plan and apply check it.
test_warn_undeclared_log_bucket if {
	doc := {"aws": aws, "buckets": [bucket("data", false)], "grants": grants, "trails": [trail("", "central-cloudtrail-logs")]}
	fs := trail_log_bucket.deny with input as doc
	[[f.range, f.severity] | some f in fs] == [[rng(21), "warning"]]
	some f in fs
	contains(f.msg, "\"central-cloudtrail-logs\", which the spec does not declare")
}

test_warn_undeclared_log_bucket_sensitive if {
	t := object.union(trail("", "central-cloudtrail-logs"), {"log_bucket": object.union(attr("(sensitive)", 21), {"sensitive": true})})
	fs := trail_log_bucket.deny with input as {"aws": aws, "buckets": [bucket("data", false)], "grants": grants, "trails": [t]}
	some f in fs
	contains(f.msg, "bucket (sensitive), which")
}

# log_bucket_account of another account (an organization's log archive):
# a warning that says where the logs go; of the own account: none.
with_account(account) := object.union(trail("", "org-log-archive"), {"log_bucket_account": attr(account, 22)})

test_warn_log_bucket_of_another_account if {
	fs := trail_log_bucket.deny with input as {"aws": aws, "buckets": [bucket("data", false)], "grants": grants, "trails": [with_account("444455556666")]}
	[[f.range, f.severity] | some f in fs] == [[rng(21), "warning"]]
	some f in fs
	contains(f.msg, "bucket \"org-log-archive\" of account \"444455556666\" (log_bucket_account)")
}

test_warn_log_bucket_account_sensitive if {
	t := object.union(with_account("444455556666"), {"log_bucket_account": object.union(attr("(sensitive)", 22), {"sensitive": true})})
	fs := trail_log_bucket.deny with input as {"aws": aws, "buckets": [bucket("data", false)], "grants": grants, "trails": [t]}
	some f in fs
	contains(f.msg, "of account (sensitive)")
}

test_pass_log_bucket_of_own_account if {
	count(trail_log_bucket.deny) == 0 with input as {"aws": aws, "buckets": [bucket("data", false)], "grants": grants, "trails": [with_account("111122223333")]}
}

# Declared by reference or by name: no warning.
test_pass_declared_log_bucket_by_name if {
	doc := {"aws": aws, "buckets": [bucket("data", false), bucket("logs", false)], "grants": grants, "trails": [trail("", "acme-logs")]}
	count(trail_log_bucket.deny) == 0 with input as doc
}

test_fail_unknown_account if {
	doc := {"buckets": [bucket("data", false), bucket("logs", false)], "grants": grants, "trails": [trail("logs", "acme-logs")]}
	fs := trail_log_bucket.deny with input as doc
	count(fs) == 1
	some f in fs
	contains(f.msg, "account_id")
	f.range == rng(21)
}

kms_trail := object.union(trail("logs", "acme-logs"), {
	"log_prefix": attr("audit", 22),
	"kms_key_arn": attr("arn:aws:kms:us-east-1:111122223333:key/k", 23),
})

logs_policy(condition) := {
	"kind": "bucket-policy", "address": "bucket.logs", "range": rng(5), "provenance": {"/Statement/0": rng(30)},
	"content": {"Version": "2012-10-17", "Statement": [{
		"Sid": "DenyUnencryptedUploads", "Effect": "Deny", "Principal": "*",
		"Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-logs/*",
		"Condition": condition,
	}]},
}

with_policy(t, condition) := {
	"aws": aws, "buckets": [bucket("data", false), bucket("logs", false)], "grants": grants,
	"trails": [t], "documents": [logs_policy(condition)],
}

test_fail_deny_blocks_kms_trail if {
	doc := with_policy(kms_trail, {"StringNotEquals": {"s3:x-amz-server-side-encryption": "AES256"}})
	fs := trail_log_bucket.deny with input as doc
	count(fs) == 1
	some f in fs
	contains(f.msg, "cloudtrail.amazonaws.com")
	f.range == rng(30)
}

test_fail_deny_blocks_trail_without_key if {
	doc := with_policy(trail("logs", "acme-logs"), {"Null": {"s3:x-amz-server-side-encryption": "true"}})
	count(trail_log_bucket.deny) == 1 with input as doc
}

test_pass_deny_exempts_cloudtrail if {
	doc := with_policy(kms_trail, {"StringNotEquals": {
		"s3:x-amz-server-side-encryption": "AES256",
		"aws:PrincipalServiceName": "cloudtrail.amazonaws.com",
	}})
	count(trail_log_bucket.deny) == 0 with input as doc
}

test_pass_deny_on_other_prefix if {
	doc := with_policy(kms_trail, {})
	d := doc.documents[0]
	other := object.union(d, {"content": {"Version": "2012-10-17", "Statement": [object.union(d.content.Statement[0], {"Resource": "arn:aws:s3:::acme-logs/uploads/*"})]}})
	count(trail_log_bucket.deny) == 0 with input as object.union(doc, {"documents": [other]})
}

# An Allow of the log bucket's policy to another account lets it read
# every CloudTrail log, as a grant would.
test_fail_log_bucket_shared_by_statement if {
	policy := {
		"kind": "bucket-policy", "address": "bucket.logs",
		"content": {"Statement": [
			{"Sid": "AllowCloudTrail", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-logs/*", "Condition": {"StringEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/audit"}}},
			{"Sid": "PartnerRead", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-logs/*"},
		]},
	}
	inp := {"aws": aws, "buckets": [bucket("data", false), bucket("logs", false)], "grants": [], "trails": [trail("logs", "acme-logs")], "documents": [policy]}
	fs := trail_log_bucket.deny with input as inp
	count(fs) == 1
	some f in fs
	f.range == rng(21)
	contains(f.msg, "\"PartnerRead\"")
	own := json.patch(policy, [{"op": "replace", "path": "/content/Statement/1/Principal", "value": {"AWS": "arn:aws:iam::111122223333:role/auditor"}}])
	count(trail_log_bucket.deny) == 0 with input as object.union(inp, {"documents": [own]})
}

# H1c: "*" narrowed to the own account also lets in a grant's role, which
# lives in the own account though the partner uses it.
test_fail_log_bucket_read_by_own_account_with_grant if {
	policy := {
		"kind": "bucket-policy", "address": "bucket.logs",
		"content": {"Statement": [{"Sid": "OwnAccountRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-logs/*", "Condition": {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}}]},
	}
	role_grant := {"label": "partner", "bucket": attr("data", 11), "cross_account_role": {"name": attr("partner-access", 12), "trusted_account_id": attr("210987654321", 13)}, "iam_user": null}
	inp := {"aws": aws, "buckets": [bucket("data", false), bucket("logs", false)], "grants": [role_grant], "trails": [trail("logs", "acme-logs")], "documents": [policy]}
	fs := trail_log_bucket.deny with input as inp
	[f.msg | some f in fs] == [`trail "audit" writes its logs to bucket "logs", whose policy statement "OwnAccountRead" lets in role "partner-access" of grant "partner" (assumed by account 210987654321)`]
	count(trail_log_bucket.deny) == 0 with input as object.union(inp, {"grants": []})
}

# M1: log_bucket_account = an account the spec shares data with is an
# error; every message says what is sent.
test_log_bucket_account_table if {
	role_grant := {"label": "partner", "bucket": attr("data", 11), "cross_account_role": {"name": attr("partner-access", 12), "trusted_account_id": attr("210987654321", 13)}, "iam_user": null}
	no_mgmt := object.union(with_account("444455556666"), {"management_events": attr(false, 23)})
	cases := {
		"grant's account": [[role_grant], with_account("210987654321"), "error", `trail "audit" writes its logs to bucket "org-log-archive" of account "210987654321" (log_bucket_account), which the spec shares data with: that account receives the data events of bucket "data" and every management event of account 111122223333 in all regions and can delete or withhold the records of its own access`],
		"other account": [[role_grant], with_account("444455556666"), "warning", `trail "audit" writes its logs to bucket "org-log-archive" of account "444455556666" (log_bucket_account), which receives the data events of bucket "data" and every management event of account 111122223333 in all regions: lint cannot check who reads them there (plan and apply check that the bucket is that account's)`],
		"no management events": [[], no_mgmt, "warning", `trail "audit" writes its logs to bucket "org-log-archive" of account "444455556666" (log_bucket_account), which receives the data events of bucket "data": lint cannot check who reads them there (plan and apply check that the bucket is that account's)`],
	}
	every _, c in cases {
		fs := trail_log_bucket.deny with input as {"aws": aws, "buckets": [bucket("data", false)], "grants": c[0], "trails": [c[1]]}
		[[object.get(f, "severity", "error"), f.msg] | some f in fs] == [[c[2], c[3]]]
	}
}

test_log_bucket_account_of_policy_partner_fails if {
	policy := {"kind": "bucket-policy", "address": "bucket.data", "content": {"Statement": [{"Sid": "PartnerRead", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data/*"}]}}
	fs := trail_log_bucket.deny with input as {"aws": aws, "buckets": [bucket("data", false)], "grants": [], "trails": [with_account("444455556666")], "documents": [policy]}
	[object.get(f, "severity", "error") | some f in fs] == ["error"]
}

# L10: a log bucket readable through a service is not private.
test_fail_log_bucket_read_by_other_service if {
	policy := {"kind": "bucket-policy", "address": "bucket.logs", "content": {"Statement": [{"Sid": "CloudFrontRead", "Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-logs/*", "Condition": {"StringEquals": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}}}]}}
	fs := trail_log_bucket.deny with input as {"aws": aws, "buckets": [bucket("data", false), bucket("logs", false)], "grants": [], "trails": [trail("logs", "acme-logs")], "documents": [policy]}
	[f.msg | some f in fs] == [`trail "audit" writes its logs to bucket "logs", whose policy statement "CloudFrontRead" lets the service principal "cloudfront.amazonaws.com" in: whoever can use that service's resource (a CloudFront distribution serves anyone) reads the logs`]
}

# F1 (review-diff5): AWS's write-only deliveries (ELB access logs, S3
# Inventory reports) into the trail's log bucket expose nothing; a CloudFront
# read does.
test_write_only_services_table if {
	elb := {"Sid": "ELBLogDelivery", "Effect": "Allow", "Principal": {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-logs/elb/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}
	inventory := {"Sid": "InventoryDelivery", "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-logs/inventory/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:s3:::acme-data"}}}
	cloudfront := {"Sid": "CloudFrontRead", "Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-logs/*", "Condition": {"StringEquals": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}}}
	cases := {
		"ELB write": [[elb], 0],
		"S3 Inventory write": [[inventory], 0],
		"writes and a CloudFront read": [[elb, inventory, cloudfront], 1],
	}
	every name, c in cases {
		policy := {"kind": "bucket-policy", "address": "bucket.logs", "content": {"Statement": c[0]}}
		fs := trail_log_bucket.deny with input as {"aws": aws, "buckets": [bucket("data", false), bucket("logs", false)], "grants": [], "trails": [trail("logs", "acme-logs")], "documents": [policy]}
		[name, count(fs)] == [name, c[1]]
	}
}

# M4: a hand-written CloudTrail delivery statement on a shared bucket.
test_fail_handwritten_trail_delivery_on_shared_bucket if {
	policy := {"kind": "bucket-policy", "address": "bucket.data", "range": rng(30), "provenance": {}, "content": {"Statement": [{"Sid": "OrgTrailWrite", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-data/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/management"}}}]}}
	data_bucket := object.union(bucket("data", false), {"statements": [{"sid": "OrgTrailWrite"}]})
	inp := {"aws": aws, "buckets": [data_bucket], "grants": grants, "trails": [], "documents": [policy]}
	fs := trail_log_bucket.deny with input as inp
	[f.msg | some f in fs] == [`statement "OrgTrailWrite" of the policy of bucket "data" lets cloudtrail.amazonaws.com deliver logs into it, but grant "partner" shares the bucket: whoever may read the bucket reads the logs delivered there (with a trail, the account's management events)`]
	count(trail_log_bucket.deny) == 0 with input as object.union(inp, {"grants": []})
}
