package teramotc.rules.grant_prefix_delimiter_test

import data.teramotc.rules.grant_prefix_delimiter

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 3, "byte": 0}, "end": {"line": line, "column": 20, "byte": 17}}

spec(prefix, sensitive) := {
	"buckets": [{"label": "data", "address": "bucket.data", "name": {"value": "acme-shared-data", "sensitive": false}}],
	"grants": [{"label": "partner", "address": "grant.partner", "bucket": {"value": "data"}, "prefix": {"value": prefix, "set": true, "sensitive": sensitive, "range": rng(9)}}],
}

# Review leak L3: "team-a" also grants team-admin/ and team-archive/.
test_prefix_without_slash_fails if {
	fs := grant_prefix_delimiter.deny with input as spec("team-a", false)
	count(fs) == 1
	some f in fs
	f.range == rng(9)
	f.address == "grant.partner"
	contains(f.msg, `prefix "team-a", which does not end in "/"`)
	contains(f.msg, `Resource "arn:aws:s3:::acme-shared-data/team-a*"`)
	not contains(f.msg, "s3:prefix")
}

test_listing_named if {
	doc := {"kind": "identity-policy", "address": "grant.partner", "content": {"Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Condition": {"StringLike": {"s3:prefix": ["team-a", "team-a*"]}}}]}}
	fs := grant_prefix_delimiter.deny with input as object.union(spec("team-a", false), {"documents": [doc]})
	some f in fs
	contains(f.msg, `(and listing with s3:prefix "team-a*")`)
}

test_sensitive_prefix_not_shown if {
	fs := grant_prefix_delimiter.deny with input as spec("s3cret-team", true)
	count(fs) == 1
	some f in fs
	not contains(f.msg, "s3cret")
}

test_slash_and_empty_pass if {
	every p in ["team-a/", "", "a/b/", "/"] {
		count(grant_prefix_delimiter.deny) == 0 with input as spec(p, false)
	}
}
