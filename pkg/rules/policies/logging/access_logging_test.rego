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
