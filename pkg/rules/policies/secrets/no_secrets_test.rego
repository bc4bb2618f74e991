package teramotc.rules.no_secrets_test

import data.teramotc.rules.no_secrets

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

test_fail_access_key if {
	fs := no_secrets.deny with input as {"secrets": [{"kind": "access_key_id", "range": rng(9)}]}
	count(fs) == 1
	some f in fs
	f.range == rng(9)
	contains(f.msg, "access key id")
}

test_fail_secret_key if {
	fs := no_secrets.deny with input as {"secrets": [{"kind": "secret_access_key", "range": rng(3)}, {"kind": "access_key_id", "range": rng(2)}]}
	count(fs) == 2
}

test_pass_no_hits if {
	count(no_secrets.deny) == 0 with input as {"secrets": []}
	count(no_secrets.deny) == 0 with input as {}
}

# Review rego2 L6: keys assembled by expressions are found in the evaluated
# values; the message never holds the key.
key := concat("", ["AKIA", "IOSFODNN7EXAMPLF"])

tag_spec(value, hits) := {
	"secrets": hits,
	"buckets": [{"label": "data", "address": "bucket.data", "tags": {"range": rng(4), "set": true, "entries": [
		{"key": "team", "value": "data", "range": rng(5)},
		{"key": "k", "value": value, "range": rng(6)},
	]}}],
}

test_fail_evaluated_tag if {
	fs := no_secrets.deny with input as tag_spec(sprintf("x-%s", [key]), [])
	count(fs) == 1
	some f in fs
	f.range == rng(6)
	f.address == "bucket.data"
	contains(f.msg, "access key id is in the value of tags of bucket.data")
	not contains(f.msg, key)
	not contains(f.msg, "IOSFODNN")
}

# A key the scan found where the value is written is reported once, by the
# scan.
test_scanned_key_reported_once if {
	hit := {"kind": "access_key_id", "range": {"filename": "main.hcl", "start": {"line": 6, "column": 3, "byte": 2}, "end": {"line": 6, "column": 7, "byte": 6}}}
	fs := no_secrets.deny with input as tag_spec(key, [hit])
	count(fs) == 1
	some f in fs
	contains(f.msg, "appears in the spec")
}

test_fail_evaluated_trail_and_aws if {
	fs := no_secrets.deny with input as {
		"aws": {"address": "aws", "account_id": attr(sprintf("%s", [replace(key, "AKIA", "ASIA")]), 1)},
		"trails": [{"address": "trail.t", "name": attr("t", 7), "log_prefix": attr(sprintf("p/%s/", [key]), 8)}],
	}
	{f.range | some f in fs} == {rng(1), rng(8)}
	{f.msg | some f in fs} == {
		"an AWS access key id is in the value of account_id of aws, which is sent to AWS; remove it and rotate the key",
		"an AWS access key id is in the value of log_prefix of trail.t, which is sent to AWS; remove it and rotate the key",
	}
}

# A value in a list or a statement gets the range of the innermost object
# around it that has one.
test_innermost_range if {
	fs := no_secrets.deny with input as {"buckets": [{"address": "bucket.b", "range": rng(1), "statements": [{"range": rng(2), "conditions": [{"range": rng(3), "values": attr(["a", key], 4)}]}]}]}
	[f.range | some f in fs] == [rng(4)]
}

# Look-alikes are no keys: lower case, too short, glued to other word
# characters.
test_pass_look_alikes if {
	every v in ["akiaiosfodnn7examplf", "AKIAIOSFODNN7EXAMP", "xAKIAIOSFODNN7EXAMPLF", "AKIAIOSFODNN7EXAMPLFG", "AKIA_IOSFODNN7EXAMPLF"] {
		count(no_secrets.deny) == 0 with input as tag_spec(v, [])
	}
}

# A key in a rendered document only (no value of the model holds it) is
# reported at the provenance of the document's part; one in the model too
# is not reported again.
test_fail_rendered_document if {
	doc := {
		"address": "bucket.data", "path": "buckets/d/tagging.json", "range": rng(1),
		"provenance": {"/TagSet/0": rng(6)},
		"content": {"TagSet": [{"Key": "k", "Value": key}]},
	}
	fs := no_secrets.deny with input as {"documents": [doc]}
	[f.range | some f in fs] == [rng(6)]
	some f in fs
	contains(f.msg, "buckets/d/tagging.json")
	not contains(f.msg, key)
	count(no_secrets.deny) == 1 with input as object.union(tag_spec(key, []), {"documents": [doc]})
	nowhere := json.patch(doc, [{"op": "replace", "path": "/provenance", "value": {}}])
	[f.range | some f in no_secrets.deny] == [rng(1)] with input as {"documents": [nowhere]}
}
