package teramotc.rules.access_logging_test

import data.teramotc.rules.access_logging

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

bucket(logging) := {"label": "data", "address": "bucket.data", "decl_range": rng(2), "access_logging": logging}

test_fail_without_logging if {
	fs := access_logging.deny with input as {"buckets": [bucket(null)]}
	count(fs) == 1
	some f in fs
	f.range == rng(2)
	f.address == "bucket.data"
}

test_pass_with_logging if {
	logging := {"target_bucket": {"value": "logs", "range": rng(5), "set": true}, "target_ref": ""}
	count(access_logging.deny) == 0 with input as {"buckets": [bucket(logging)]}
}

named(label, name, logging) := {
	"label": label, "address": sprintf("bucket.%s", [label]), "decl_range": rng(9),
	"name": {"value": name, "range": rng(10), "set": true}, "access_logging": logging,
}

to_logs(ref) := {"target_bucket": {"value": "acme-logs", "range": rng(5), "set": true}, "target_ref": ref}

test_pass_access_log_target_by_ref if {
	doc := {"buckets": [named("data", "acme-data", to_logs("logs")), named("logs", "acme-logs", null)], "trails": []}
	count(access_logging.deny) == 0 with input as doc
}

test_pass_access_log_target_by_name if {
	doc := {"buckets": [named("data", "acme-data", to_logs("")), named("logs", "acme-logs", null)], "trails": []}
	count(access_logging.deny) == 0 with input as doc
}

test_pass_trail_log_bucket if {
	trail := {"label": "audit", "log_bucket": {"value": "acme-logs", "range": rng(20), "set": true}, "log_bucket_ref": ""}
	doc := {"buckets": [named("logs", "acme-logs", null)], "trails": [trail]}
	count(access_logging.deny) == 0 with input as doc
}

test_fail_bucket_that_is_not_a_target if {
	trail := {"label": "audit", "log_bucket": {"value": "elsewhere", "range": rng(20), "set": true}, "log_bucket_ref": ""}
	doc := {"buckets": [named("data", "acme-data", to_logs("other")), named("logs", "acme-logs", null)], "trails": [trail]}
	fs := access_logging.deny with input as doc
	count(fs) == 1
	some f in fs
	f.address == "bucket.logs"
}

# A log target shared with another account is a data bucket: aux's logs
# going into it do not exempt it from access logging.
partner_read := {
	"kind": "bucket-policy", "address": "bucket.logs",
	"content": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-logs/*"}]},
}

test_fail_shared_log_target if {
	base := {"aws": {"account_id": {"value": "111122223333"}}, "buckets": [named("data", "acme-data", to_logs("logs")), named("logs", "acme-logs", null)], "trails": []}
	by_statement := object.union(base, {"documents": [partner_read], "grants": []})
	fs := access_logging.deny with input as by_statement
	count(fs) == 1
	some f in fs
	f.address == "bucket.logs"
	contains(f.msg, "shared")
	by_grant := object.union(base, {"documents": [], "grants": [{"bucket": {"value": "logs"}}]})
	count(access_logging.deny) == 1 with input as by_grant
}

# An empty target_ref means "a plain name", not a reference to a bucket
# labelled "", and an empty name names no bucket: neither makes a log target
# (TMC401's own copy of the helper once matched "" with "", and exempted
# these buckets where TMC205 did not).
test_fail_empty_label_is_no_plain_name_target if {
	unlabelled := object.union(named("data", "acme-data", null), {"label": "", "address": "bucket."})
	doc := {"buckets": [named("src", "acme-src", to_logs("")), unlabelled], "trails": []}
	fs := access_logging.deny with input as doc
	{f.address | some f in fs} == {"bucket."}
}

test_fail_empty_name_is_no_target_of_an_empty_name if {
	trail := {"label": "audit", "log_bucket": {"value": "", "range": rng(20), "set": false}, "log_bucket_ref": ""}
	doc := {"buckets": [named("data", "", null)], "trails": [trail]}
	fs := access_logging.deny with input as doc
	{f.address | some f in fs} == {"bucket.data"}
}

# Review-leak2 L5: access logs that go round through other buckets.
loop_bucket(label, target_ref, target_name) := named(label, sprintf("acme-%s", [label]), {"target_bucket": {"value": target_name, "range": rng(5), "set": true}, "target_ref": target_ref})

test_loop_of_two_fails if {
	doc := {"buckets": [loop_bucket("b", "a", "acme-a"), loop_bucket("a", "b", "acme-b")], "trails": []}
	fs := access_logging.deny with input as doc
	count(fs) == 1
	some f in fs
	f.address == "bucket.a"
	f.range == rng(5)
	contains(f.msg, `buckets "a", "b" go round in a loop ("a" to "b", "b" to "a")`)
}

# By AWS name, through three buckets; a fourth that logs into the loop is
# not part of it.
test_loop_of_three_by_name_fails if {
	doc := {"buckets": [
		loop_bucket("a", "", "acme-b"), loop_bucket("b", "", "acme-c"),
		loop_bucket("c", "", "acme-a"), loop_bucket("d", "", "acme-a"),
	], "trails": []}
	fs := access_logging.deny with input as doc
	count(fs) == 1
	some f in fs
	f.address == "bucket.a"
	contains(f.msg, `("a" to "b", "b" to "c", "c" to "a")`)
}

test_no_loop_passes if {
	# A chain that ends in a bucket without logging (exempt as a target),
	# and a bucket logging to itself (TMC402's).
	chain := {"buckets": [loop_bucket("a", "b", "acme-b"), named("b", "acme-b", null)], "trails": []}
	count(access_logging.deny) == 0 with input as chain
	self := {"buckets": [loop_bucket("a", "a", "acme-a")], "trails": []}
	count(access_logging.deny) == 0 with input as self
}
