package teramotc.rules.bucket_name_test

import data.teramotc.rules.bucket_name

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

spec(n) := {"buckets": [{"label": "data", "address": "bucket.data", "name": attr(n, 3)}]}

fails(n, reason) if {
	fs := bucket_name.deny with input as spec(n)
	count(fs) == 1
	some f in fs
	f.range == rng(3)
	contains(f.msg, reason)
}

test_fail_uppercase if fails("Acme-Data", "lowercase")

test_fail_short if fails("ab", "shorter than 3")

test_fail_long if fails(concat("", [x | some _ in numbers.range(1, 64); x := "a"]), "longer than 63")

test_fail_ip if fails("192.168.5.4", "IP address")

test_fail_adjacent_dots if fails("acme..data", "adjacent dots")

test_fail_hyphen_end if fails("acme-data-", "begin and end")

test_fail_prefix if fails("xn--acme-data", "reserved prefix")

test_fail_suffix if fails("acme-data--x-s3", "reserved suffix")

test_pass_valid if {
	count(bucket_name.deny) == 0 with input as spec("teramot-data-acme")
	count(bucket_name.deny) == 0 with input as spec("acme.data.v2")
}

# plainly_valid is a shortcut: it never holds for a name problems rejects.
test_plainly_valid_only_for_valid_names if {
	names := [
		"data-1", "a1b", "ab", "-ab", "ab-", "a.b", "xn--abc", "abc-s3alias", "abc--ol-s3",
		"abc--x-s3", "abc--table-s3", "sthree-abc", "amzn-s3-demo-abc", "ABC", "a_b",
		concat("", ["a" | some _ in numbers.range(1, 63)]), concat("", ["a" | some _ in numbers.range(1, 64)]),
	]
	plain := {n | some n in names; bucket_name.plainly_valid(n)}
	plain == {n | some n in names; count(bucket_name.problems(n)) == 0; not contains(n, ".")}
	plain == {"data-1", "a1b", concat("", ["a" | some _ in numbers.range(1, 63)])}
}

# plainly_valid agrees with the regular expressions it replaces.
plainly_valid(n) if bucket_name.plainly_valid(n)

else := false

regex_plainly_valid(n) if {
	regex.match(`^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$`, n)
	not regex.match(`^(xn--|sthree-|amzn-s3-demo-)|(-s3alias|--ol-s3|--x-s3|--table-s3)$`, n)
} else := false

test_plainly_valid_agrees_with_regex if {
	n63 := concat("", [c | some _ in numbers.range(1, 63); c := "a"])
	every n in [
		"", "a", "ab", "abc", "a-c", "-bc", "ab-", "a--b", "a.b", "A-b", "ab\n", "é-bc", n63, concat("", [n63, "a"]),
		"xn--abc", "sthree-a", "amzn-s3-demo-x", "abc-s3alias", "abc--ol-s3", "abc--x-s3", "abc--table-s3",
		"axn--abc", "abc-s3aliasx", "x-s3alias", "-s3alias",
	] {
		plainly_valid(n) == regex_plainly_valid(n)
	}
}

# A name that is not written (a missing required argument, reported by
# validate) is not also reported as an invalid name.
test_pass_unset_name if {
	inp := {"buckets": [{"label": "data", "address": "bucket.data", "name": {"value": "", "range": rng(1), "set": false}}]}
	count(bucket_name.deny) == 0 with input as inp
}

# A bucket written by name as an access-log target or a trail's log bucket
# follows the naming rules too; a reference is checked at its own bucket.
named_target_input(target, ref, log_bucket, log_ref) := {
	"buckets": [{
		"label": "data", "address": "bucket.data",
		"name": {"value": "teramot-data", "range": rng(1), "set": true},
		"access_logging": {"target_bucket": {"value": target, "range": rng(2), "set": true}, "target_ref": ref},
	}],
	"trails": [{
		"address": "trail.t",
		"log_bucket": {"value": log_bucket, "range": rng(3), "set": true}, "log_bucket_ref": log_ref,
	}],
}

test_deny_invalid_named_targets if {
	found := bucket_name.deny with input as named_target_input("", "", "Not A Bucket!", "")
	{[f.address, f.range.start.line] | some f in found} == {["bucket.data", 2], ["trail.t", 3]}
}

test_pass_valid_or_referenced_targets if {
	count(bucket_name.deny) == 0 with input as named_target_input("acme-logs", "", "acme-ct-logs", "")
	count(bucket_name.deny) == 0 with input as named_target_input("Logs", "logs", "Logs", "logs")
}

test_pass_no_access_logging if {
	inp := {"buckets": [{
		"label": "data", "address": "bucket.data",
		"name": {"value": "teramot-data", "range": rng(1), "set": true}, "access_logging": null,
	}]}
	count(bucket_name.deny) == 0 with input as inp
}
