package teramotc.rules.trail_log_bucket_test

import data.teramotc.rules.trail_log_bucket

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

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
	fs := trail_log_bucket.deny with input as {"buckets": [bucket("data", false)], "grants": grants, "trails": [trail("data", "acme-data")]}

	# shared by a grant, and the trail's own data bucket
	count(fs) == 2
	every f in fs {
		f.range == rng(21)
	}
}

test_fail_public_log_bucket if {
	doc := {"buckets": [bucket("data", false), bucket("logs", true)], "grants": grants, "trails": [trail("", "acme-logs")]}
	fs := trail_log_bucket.deny with input as doc
	count(fs) == 1
	some f in fs
	contains(f.msg, "block_public_policy")
}

test_pass_dedicated_log_bucket if {
	doc := {"buckets": [bucket("data", false), bucket("logs", false)], "grants": grants, "trails": [trail("logs", "acme-logs")]}
	count(trail_log_bucket.deny) == 0 with input as doc
}

test_pass_external_log_bucket if {
	doc := {"buckets": [bucket("data", false)], "grants": grants, "trails": [trail("", "central-cloudtrail-logs")]}
	count(trail_log_bucket.deny) == 0 with input as doc
}
