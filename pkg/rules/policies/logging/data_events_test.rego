package teramotc.rules.data_events_test

import data.teramotc.rules.data_events

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

buckets := [
	{"label": "data", "address": "bucket.data", "decl_range": rng(1)},
	{"label": "logs", "address": "bucket.logs", "decl_range": rng(5)},
]

grants := [{"label": "partner", "bucket": attr("data", 11)}]

trail(read, write) := {
	"label": "audit", "address": "trail.audit", "bucket": attr("data", 21),
	"read_events": attr(read, 22), "write_events": attr(write, 23),
}

test_fail_no_trail if {
	fs := data_events.deny with input as {"buckets": buckets, "grants": grants, "trails": []}
	count(fs) == 1
	some f in fs
	f.range == rng(1)
}

test_fail_write_events_off if {
	fs := data_events.deny with input as {"buckets": buckets, "grants": grants, "trails": [trail(true, false)]}
	count(fs) == 1
	some f in fs
	f.range == rng(23)
}

test_pass_read_and_write if {
	count(data_events.deny) == 0 with input as {"buckets": buckets, "grants": grants, "trails": [trail(true, true)]}
}

test_pass_unshared_bucket if {
	count(data_events.deny) == 0 with input as {"buckets": buckets, "grants": [], "trails": []}
}

# A trail on a bucket no grant shares may log only some events.
test_pass_unshared_bucket_with_partial_trail if {
	count(data_events.deny) == 0 with input as {"buckets": buckets, "grants": [], "trails": [trail(true, false)]}
}

test_fail_read_events_off if {
	fs := data_events.deny with input as {"buckets": buckets, "grants": grants, "trails": [trail(false, true)]}
	count(fs) == 1
	some f in fs
	f.range == rng(22)
}

# A complete trail on another bucket does not cover this one.
test_fail_complete_trail_on_other_bucket if {
	other := object.union(trail(true, true), {"label": "other", "address": "trail.other", "bucket": attr("logs", 31)})
	fs := data_events.deny with input as {"buckets": buckets, "grants": grants, "trails": [trail(true, false), other]}
	count(fs) == 1
	some f in fs
	f.range == rng(23)
}

# A bucket shared through an Allow of its policy to another account needs
# a trail as much as one shared by a grant.
test_fail_shared_by_statement if {
	policy := {
		"kind": "bucket-policy", "address": "bucket.data",
		"content": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data/*"}]},
	}
	inp := {"aws": {"account_id": {"value": "111122223333"}}, "buckets": buckets, "grants": [], "trails": [], "documents": [policy]}
	fs := data_events.deny with input as inp
	count(fs) == 1
	some f in fs
	f.range == rng(1)
	contains(f.msg, "by its bucket policy")
}
