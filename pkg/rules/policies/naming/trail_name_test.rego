package teramotc.rules.trail_name_test

import data.teramotc.rules.trail_name

rng := {"filename": "main.hcl", "start": {"line": 7, "column": 1, "byte": 0}, "end": {"line": 7, "column": 10, "byte": 9}}

spec(n) := {"trails": [{"label": n, "address": sprintf("trail.%s", [n]), "decl_range": rng}]}

fails(n, reason) if {
	fs := trail_name.deny with input as spec(n)
	count(fs) == 1
	some f in fs
	f.range == rng
	contains(f.msg, reason)
}

test_fail_short if fails("t", "shorter than 3")

test_fail_long if fails(concat("", [x | some _ in numbers.range(1, 129); x := "a"]), "longer than 128")

test_fail_charset if fails("audit trail", "only ASCII")

test_fail_non_ascii if fails("prüfung", "only ASCII")

test_fail_end if fails("audit-", "begin and end")

test_fail_start if fails("_audit", "begin and end")

test_fail_double_dash if fails("my--trail", "next to each other")

test_fail_dash_underscore if fails("my-_trail", "next to each other")

test_fail_ip if fails("192.168.5.4", "IP address")

test_pass_valid if {
	count(trail_name.deny) == 0 with input as spec("teramot-data")
	count(trail_name.deny) == 0 with input as spec("abc")
	count(trail_name.deny) == 0 with input as spec("Audit_2026-v1")
	count(trail_name.deny) == 0 with input as spec(concat("", [x | some _ in numbers.range(1, 128); x := "a"]))
}
