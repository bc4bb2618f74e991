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

# any_bucket agrees with the regular expression it replaces.
any_bucket(r) if no_wildcard_resource.any_bucket(r)

else := false

regex_any_bucket(r) if {
	r == "*"
} else if {
	path := substring(r, count(regex.find_n(`^arn:[^:]*:s3:::`, r, 1)[0]), -1)
	regex.match(`^[*?]*(/.*)?$`, path)
} else := false

test_any_bucket_agrees_with_regex if {
	every r in [
		"*", "arn:aws:s3:::*", "arn:aws:s3:::*/*", "arn:aws:s3:::?*", "arn:aws:s3:::", "arn:aws:s3:::/",
		"arn:aws:s3:::b*", "arn:aws:s3:::*/a\nb", "arn:aws:s3:::*\n", "arn:aws:s3:::*/k", "arn:aws:s3:::b/*",
		"arn:aws:iam::*", "arn:aws-cn:s3:::**/x/y",
	] {
		any_bucket(r) == regex_any_bucket(r)
	}
}
