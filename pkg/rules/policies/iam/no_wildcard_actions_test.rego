package teramotc.rules.no_wildcard_actions_test

import data.teramotc.rules.no_wildcard_actions

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

grant(extra) := {"label": "p", "address": "grant.p", "extra_actions": attr(extra, 12)}

statement(effect, actions, not_actions) := {
	"sid": "S", "address": "bucket.data.statement.S", "effect": attr(effect, 20),
	"actions": attr(actions, 21), "not_actions": attr(not_actions, 22), "resources": attr([], 23),
}

test_fail_extra_wildcard if {
	fs := no_wildcard_actions.deny with input as {"grants": [grant(["s3:Put*", "s3:GetObjectVersion"])], "buckets": []}
	count(fs) == 1
	some f in fs
	f.range == rng(12)
	contains(f.msg, "s3:Put*")
}

test_fail_statement_star if {
	fs := no_wildcard_actions.deny with input as {"grants": [], "buckets": [{"statements": [statement("Allow", ["*"], [])]}]}
	count(fs) == 1
	some f in fs
	f.range == rng(21)
}

test_fail_allow_not_actions if {
	fs := no_wildcard_actions.deny with input as {"grants": [], "buckets": [{"statements": [statement("", [], ["s3:DeleteObject"])]}]}
	count(fs) == 1
	some f in fs
	f.range == rng(22)
}

test_pass_deny_wildcard if {
	count(no_wildcard_actions.deny) == 0 with input as {"grants": [grant(["s3:GetObjectVersion"])], "buckets": [{"statements": [statement("Deny", ["s3:*"], [])]}]}
}
