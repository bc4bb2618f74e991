package teramotc.rules.noncurrent_expiration_test

import data.teramotc.rules.noncurrent_expiration

rng(line) := {"filename": "main.hcl", "start": {"line": line}, "end": {"line": line}}

rule(enabled, set) := {"enabled": {"value": enabled}, "noncurrent_expiration_days": {"value": 30, "set": set}}

spec(versioned, rules) := {"buckets": [{"label": "data", "address": "bucket.data", "versioning": {"value": versioned, "range": rng(3)}, "lifecycle_rules": rules}]}

test_versioned_without_rule_fails if {
	fs := noncurrent_expiration.deny with input as spec(true, [])
	count(fs) == 1
	some f in fs
	f.range.start.line == 3
}

test_disabled_rule_does_not_count if count(noncurrent_expiration.deny) == 1 with input as spec(true, [rule(false, true)])

test_rule_without_noncurrent_fails if count(noncurrent_expiration.deny) == 1 with input as spec(true, [rule(true, false)])

test_noncurrent_expiration_passes if count(noncurrent_expiration.deny) == 0 with input as spec(true, [rule(true, true)])

test_unversioned_passes if count(noncurrent_expiration.deny) == 0 with input as spec(false, [])

# A rule scoped to a prefix leaves the rest of the bucket's noncurrent
# versions forever.
test_prefix_rule_does_not_count if {
	scoped := object.union(rule(true, true), {"prefix": {"value": "tmp/scratch/"}})
	count(noncurrent_expiration.deny) == 1 with input as spec(true, [scoped])
	whole := object.union(rule(true, true), {"prefix": {"value": ""}})
	count(noncurrent_expiration.deny) == 0 with input as spec(true, [scoped, whole])
}
