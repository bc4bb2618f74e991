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

rng(line) := {"filename": "main.hcl", "start": {"line": line}, "end": {"line": line}}

attr(v, line) := {"value": v, "set": true, "range": rng(line)}

rule(id, days, prefix) := {
	"id": id, "address": sprintf("bucket.data.lifecycle_rule.%s", [id]), "enabled": attr(true, 20),
	"prefix": attr(prefix, 21), "expiration_days": attr(days, 22),
}

with_rules(v, rules) := {"buckets": [object.union(spec(v).buckets[0], {"lifecycle_rules": rules})]}

# Review leak L5: an unversioned bucket whose whole-bucket rule expires
# objects within days loses every object for good.
test_short_expiration_without_versioning_fails if {
	fs := versioning.deny with input as with_rules(false, [rule("wipe", 1, "")])
	count(fs) == 2
	some f in fs
	f.range == rng(22)
	f.address == "bucket.data.lifecycle_rule.wipe"
	contains(f.msg, "lifecycle rule \"wipe\" deletes every object 1 day after it is written")
}

test_short_expiration_cases_pass if {
	# Versioned: expiration leaves noncurrent versions.
	count(versioning.deny) == 0 with input as with_rules(true, [rule("wipe", 1, "")])

	# 7 days or more, a prefix, a disabled rule, no expiration.
	disabled := json.patch(rule("off", 1, ""), [{"op": "replace", "path": "/enabled/value", "value": false}])
	unset := json.patch(rule("unset", 0, ""), [{"op": "replace", "path": "/expiration_days/set", "value": false}])
	fs := versioning.deny with input as with_rules(false, [rule("week", 7, ""), rule("tmp", 1, "tmp/"), disabled, unset])
	count(fs) == 1
	some f in fs
	f.range.start.line == 9
}

# Review-leak2 M2: a versioned bucket whose whole-bucket rule purges
# noncurrent versions within days is as good as unversioned.
nc_rule(id, nc, prefix) := {
	"id": id, "address": sprintf("bucket.data.lifecycle_rule.%s", [id]), "enabled": attr(true, 20),
	"prefix": attr(prefix, 21), "noncurrent_expiration_days": attr(nc, 23),
}

test_short_noncurrent_fails if {
	fs := versioning.deny with input as with_rules(true, [nc_rule("purge", 1, "")])
	count(fs) == 1
	some f in fs
	f.range == rng(23)
	f.address == "bucket.data.lifecycle_rule.purge"
	contains(f.msg, `lifecycle rule "purge" deletes noncurrent versions 1 day after they become noncurrent`)
	not contains(f.msg, "every object is gone")
}

# With a short whole-bucket expiration as well, every object goes within
# days (the log bucket of the review: 1 + 1 days).
test_short_noncurrent_and_expiration_fails if {
	both := object.union(nc_rule("short", 1, ""), {"expiration_days": attr(1, 22)})
	fs := versioning.deny with input as with_rules(true, [both])
	count(fs) == 1
	some f in fs
	contains(f.msg, `with rule "short" expiring every object 1 day after it is written, every object is gone for good about 2 days after it is written`)
}

test_noncurrent_cases_pass if {
	# 7 days or more, a prefix, a disabled rule.
	disabled := json.patch(nc_rule("off", 1, ""), [{"op": "replace", "path": "/enabled/value", "value": false}])
	count(versioning.deny) == 0 with input as with_rules(true, [nc_rule("week", 7, ""), nc_rule("tmp", 1, "tmp/"), disabled])
}
