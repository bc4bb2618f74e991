package teramotc.rules.minimum_storage_duration_test

import data.teramotc.rules.minimum_storage_duration

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 7, "byte": 0}, "end": {"line": line, "column": 20, "byte": 0}}

attr(v, line) := {"value": v, "set": true, "range": rng(line)}

unset := {"value": 0, "set": false, "range": rng(1)}

transition(days, class, line) := {"days": attr(days, line), "storage_class": attr(class, line + 1)}

spec(transitions, expiration) := {"buckets": [{"label": "data", "lifecycle_rules": [{
	"id": "Archive", "address": "bucket.data.lifecycle_rule.Archive",
	"transitions": transitions, "expiration_days": expiration,
}]}]}

lines(inp) := {f.range.start.line | some f in minimum_storage_duration.deny with input as inp}

test_glacier_to_deep_archive_too_soon_fails if {
	lines(spec([transition(90, "GLACIER", 10), transition(120, "DEEP_ARCHIVE", 20)], unset)) == {20}
}

test_expire_deep_archive_too_soon_fails if {
	lines(spec([transition(30, "DEEP_ARCHIVE", 10)], attr(90, 30))) == {30}
}

test_setup_guide_passes if {
	count(minimum_storage_duration.deny) == 0 with input as spec([transition(30, "STANDARD_IA", 10), transition(90, "GLACIER", 20)], attr(365, 30))
}

test_ia_to_glacier_too_soon_left_to_tmc302 if {
	count(minimum_storage_duration.deny) == 0 with input as spec([transition(30, "STANDARD_IA", 10), transition(40, "GLACIER", 20)], unset)
}

test_ia_to_glacier_ir_too_soon_fails if {
	lines(spec([transition(30, "STANDARD_IA", 10), transition(40, "GLACIER_IR", 20)], unset)) == {20}
}

test_expiration_without_transition_passes if count(minimum_storage_duration.deny) == 0 with input as spec([], attr(1, 30))
