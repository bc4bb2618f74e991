package teramotc.rules.tls_only_test

import data.teramotc.rules.tls_only

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 3, "byte": 0}, "end": {"line": line, "column": 9, "byte": 0}}

tls_statement := {
	"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
	"Resource": ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"],
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}

spec(require_tls, statements) := {
	"aws": {"partition": {"value": "aws"}},
	"buckets": [{"label": "data", "address": "bucket.data", "name": {"value": "acme-data"}, "require_tls": {"value": require_tls, "set": true, "range": rng(4)}}],
	"documents": [{
		"kind": "bucket-policy", "address": "bucket.data", "range": rng(1),
		"content": {"Statement": statements}, "provenance": {"/Statement/0": rng(4)},
	}],
}

test_rendered_tls_deny_passes if {
	count(tls_only.deny) == 0 with input as spec(true, [tls_statement])
}

test_require_tls_off_fails if {
	fs := tls_only.deny with input as spec(false, [])
	count(fs) == 1
	some f in fs
	f.range.start.line == 4
	contains(f.msg, "require_tls = false")
}

test_user_statement_counts_when_complete if {
	count(tls_only.deny) == 0 with input as spec(false, [tls_statement])
}

test_missing_bucket_arn_fails if {
	s := object.union(tls_statement, {"Resource": "arn:aws:s3:::acme-data/*"})
	fs := tls_only.deny with input as spec(false, [s])
	count(fs) == 1
	some f in fs
	contains(f.msg, "bucket ARN")
}

test_allow_true_is_not_a_deny if {
	s := object.union(tls_statement, {"Effect": "Allow", "Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	count(tls_only.deny) == 1 with input as spec(false, [s])
}

test_no_policy_document_fails if {
	inp := object.union(spec(true, []), {"documents": []})
	count(tls_only.deny) == 1 with input as inp
}
