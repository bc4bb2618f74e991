package teramotc.rules.acls_disabled_test

import data.teramotc.rules.acls_disabled

bucket(ownership) := {"buckets": [{
	"label": "data", "address": "bucket.data",
	"object_ownership": {"value": ownership, "set": true, "range": {"filename": "main.hcl", "start": {"line": 7}, "end": {"line": 7}}},
}]}

test_enforced_passes if {
	count(acls_disabled.deny) == 0 with input as bucket("BucketOwnerEnforced")
}

test_preferred_fails if {
	fs := acls_disabled.deny with input as bucket("BucketOwnerPreferred")
	count(fs) == 1
	some f in fs
	f.range.start.line == 7
}

test_object_writer_fails if {
	count(acls_disabled.deny) == 1 with input as bucket("ObjectWriter")
}
