package teramotc.rules.versioning_test

import data.teramotc.rules.versioning

spec(v) := {"buckets": [{"label": "data", "address": "bucket.data", "versioning": {"value": v, "set": true, "range": {"filename": "main.hcl", "start": {"line": 9}, "end": {"line": 9}}}}]}

test_versioning_off_fails if {
	fs := versioning.deny with input as spec(false)
	count(fs) == 1
	some f in fs
	f.range.start.line == 9
}

test_versioning_on_passes if count(versioning.deny) == 0 with input as spec(true)
