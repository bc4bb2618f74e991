package teramotc.rules.lifecycle_limits_test

import data.teramotc.rules.lifecycle_limits

rule(id, line) := {"id": id, "address": sprintf("bucket.data.lifecycle_rule.%s", [id]), "decl_range": {"filename": "main.hcl", "start": {"line": line}, "end": {"line": line}}}

spec(rules) := {"buckets": [{"label": "data", "address": "bucket.data", "lifecycle_rules": rules}]}

lines(inp) := sort([f.range.start.line | some f in lifecycle_limits.deny with input as inp])

test_unique_ids_pass if count(lifecycle_limits.deny) == 0 with input as spec([rule("A", 3), rule("B", 9)])

test_duplicate_id_fails if lines(spec([rule("A", 3), rule("A", 9)])) == [9]

test_long_id_fails if lines(spec([rule(concat("", [x | some _ in numbers.range(1, 256); x := "a"]), 4)])) == [4]

test_too_many_rules_fails if {
	# The limit is 1000; a limit of 2 keeps the test small. The first rule
	# over the limit is reported.
	inp := spec([rule("A", 3), rule("B", 5), rule("C", 7), rule("D", 9)])
	fs := lifecycle_limits.deny with input as inp with lifecycle_limits.max_rules as 2
	[f.range.start.line | some f in fs] == [7]
}

test_limit_is_1000 if lifecycle_limits.max_rules == 1000

test_three_duplicates_fail_after_the_first if lines(spec([rule("A", 3), rule("B", 5), rule("A", 9), rule("A", 12)])) == [9, 12]
