package teramotc.rules.no_wildcard_resource_test

import data.teramotc.rules.no_wildcard_resource

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

statement(effect, resources) := {
	"sid": "S", "address": "bucket.data.statement.S", "effect": attr(effect, 20),
	"actions": attr(["s3:GetObject"], 21), "resources": attr(resources, 23),
}

test_fail_star if {
	fs := no_wildcard_resource.deny with input as {"buckets": [{"statements": [statement("Allow", ["*"])]}]}
	count(fs) == 1
	some f in fs
	f.range == rng(23)
}

test_fail_any_bucket_arn if {
	fs := no_wildcard_resource.deny with input as {"buckets": [{"statements": [statement("", ["arn:aws:s3:::acme-data/*", "arn:aws:s3:::*/*"])]}]}
	count(fs) == 1
	some f in fs
	contains(f.msg, "arn:aws:s3:::*/*")
	not contains(f.msg, "acme-data")
}

test_pass_named_bucket if {
	count(no_wildcard_resource.deny) == 0 with input as {"buckets": [{"statements": [statement("Allow", ["arn:aws:s3:::acme-*/*", "arn:aws:s3:::acme-data"])]}]}
}

test_pass_deny_star if {
	count(no_wildcard_resource.deny) == 0 with input as {"buckets": [{"statements": [statement("Deny", ["*"])]}]}
}
