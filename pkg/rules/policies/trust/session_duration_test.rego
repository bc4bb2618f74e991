package teramotc.rules.session_duration_test

import data.teramotc.rules.session_duration

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

spec(d) := {"grants": [{"label": "t", "address": "grant.t", "cross_account_role": {"name": attr("r", 10), "max_session_duration": attr(d, 15)}}]}

test_fail_too_short if {
	fs := session_duration.deny with input as spec(900)
	count(fs) == 1
	some f in fs
	f.range == rng(15)
}

test_fail_too_long if {
	count(session_duration.deny) == 1 with input as spec(43201)
}

test_pass_bounds if {
	count(session_duration.deny) == 0 with input as spec(3600)
	count(session_duration.deny) == 0 with input as spec(43200)
}
