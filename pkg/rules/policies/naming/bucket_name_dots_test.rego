package teramotc.rules.bucket_name_dots_test

import data.teramotc.rules.bucket_name_dots

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

spec(n) := {"buckets": [{"label": "data", "address": "bucket.data", "name": attr(n, 3)}]}

test_fail_dots if {
	fs := bucket_name_dots.deny with input as spec("acme.data")
	count(fs) == 1
	some f in fs
	f.range == rng(3)
}

test_pass_hyphens if {
	count(bucket_name_dots.deny) == 0 with input as spec("acme-data")
}
