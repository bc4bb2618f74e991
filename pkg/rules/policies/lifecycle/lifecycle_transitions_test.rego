package teramotc.rules.lifecycle_transitions_test

import data.teramotc.rules.lifecycle_transitions

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 7, "byte": 0}, "end": {"line": line, "column": 20, "byte": 0}}

attr(v, line) := {"value": v, "set": true, "range": rng(line)}

unset := {"value": 0, "set": false, "range": rng(1)}

# transition(days, class, line): days on line, storage_class on line + 1.
transition(days, class, line) := {"days": attr(days, line), "storage_class": attr(class, line + 1)}

spec(transitions, expiration) := {"buckets": [{"label": "data", "lifecycle_rules": [{
	"id": "Archive", "address": "bucket.data.lifecycle_rule.Archive",
	"transitions": transitions, "expiration_days": expiration,
	"noncurrent_expiration_days": unset, "abort_incomplete_upload_days": unset,
}]}]}

lines(inp) := {f.range.start.line | some f in lifecycle_transitions.deny with input as inp}

test_setup_guide_waterfall_passes if {
	count(lifecycle_transitions.deny) == 0 with input as spec([transition(30, "STANDARD_IA", 10), transition(90, "GLACIER", 20)], attr(365, 30))
}

test_ia_too_early_fails if lines(spec([transition(7, "STANDARD_IA", 10)], unset)) == {10}

test_out_of_order_waterfall_fails if {
	# GLACIER then STANDARD_IA: S3 cannot move objects out of GLACIER to IA.
	lines(spec([transition(30, "GLACIER", 10), transition(60, "STANDARD_IA", 20)], unset)) == {21}
}

test_non_increasing_days_fails if lines(spec([transition(90, "GLACIER", 10), transition(90, "DEEP_ARCHIVE", 20)], unset)) == {20}

test_glacier_too_soon_after_ia_fails if lines(spec([transition(30, "STANDARD_IA", 10), transition(45, "GLACIER", 20)], unset)) == {20}

test_glacier_ir_after_ia_passes if {
	count(lifecycle_transitions.deny) == 0 with input as spec([transition(30, "STANDARD_IA", 10), transition(45, "GLACIER_IR", 20)], unset)
}

test_expiration_before_last_transition_fails if lines(spec([transition(30, "STANDARD_IA", 10)], attr(30, 30))) == {30}

test_zero_expiration_fails if lines(spec([], attr(0, 30))) == {30}
