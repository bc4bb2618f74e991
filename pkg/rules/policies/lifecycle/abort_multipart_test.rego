package teramotc.rules.abort_multipart_test

import data.teramotc.rules.abort_multipart

spec(rules) := {"buckets": [{"label": "data", "address": "bucket.data", "decl_range": {"filename": "main.hcl", "start": {"line": 1}, "end": {"line": 1}}, "lifecycle_rules": rules}]}

test_no_rule_fails if {
	fs := abort_multipart.deny with input as spec([])
	count(fs) == 1
	some f in fs
	f.range.start.line == 1
}

test_rule_without_abort_fails if {
	count(abort_multipart.deny) == 1 with input as spec([{"enabled": {"value": true}, "abort_incomplete_upload_days": {"value": 0, "set": false}}])
}

test_abort_passes if {
	count(abort_multipart.deny) == 0 with input as spec([{"enabled": {"value": true}, "abort_incomplete_upload_days": {"value": 7, "set": true}}])
}

# A disabled rule aborts nothing.
test_disabled_abort_rule_fails if {
	count(abort_multipart.deny) == 1 with input as spec([{"enabled": {"value": false}, "abort_incomplete_upload_days": {"value": 7, "set": true}}])
}

# A rule scoped to a prefix aborts only the uploads under it.
test_prefix_rule_does_not_count if {
	scoped := {"id": "Scratch", "enabled": {"value": true}, "abort_incomplete_upload_days": {"value": 7, "set": true}, "prefix": {"value": "tmp/scratch/"}}
	fs := abort_multipart.deny with input as spec([scoped])
	count(fs) == 1
	some f in fs
	endswith(f.msg, "(a rule with a prefix covers only part of the bucket: \"Scratch\")")
	whole := object.union(scoped, {"prefix": {"value": ""}})
	count(abort_multipart.deny) == 0 with input as spec([scoped, whole])
}
