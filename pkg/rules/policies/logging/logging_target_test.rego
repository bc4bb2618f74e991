package teramotc.rules.logging_target_test

import data.teramotc.rules.logging_target

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

bucket(label, name, logging) := {
	"label": label, "address": sprintf("bucket.%s", [label]), "decl_range": rng(1),
	"name": {"value": name, "range": rng(2), "set": true},
	"access_logging": logging,
}

logging(name, ref) := {"target_bucket": {"value": name, "range": rng(7), "set": true}, "target_ref": ref}

delivery := {
	"kind": "bucket-policy", "address": "bucket.logs", "range": rng(10), "provenance": {},
	"content": {"Version": "2012-10-17", "Statement": [{
		"Sid": "AllowAccessLogDelivery", "Effect": "Allow",
		"Principal": {"Service": "logging.s3.amazonaws.com"},
		"Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-logs/data/*",
	}]},
}

test_fail_self_by_name if {
	fs := logging_target.deny with input as {"buckets": [bucket("data", "acme-data", logging("acme-data", ""))], "documents": []}
	count(fs) == 1
	some f in fs
	f.range == rng(7)
}

test_fail_self_by_ref if {
	fs := logging_target.deny with input as {"buckets": [bucket("data", "acme-data", logging("acme-data", "data"))], "documents": []}
	count(fs) == 1
}

test_fail_declared_target_without_statement if {
	doc := {
		"buckets": [bucket("data", "acme-data", logging("acme-logs", "logs")), bucket("logs", "acme-logs", null)],
		"documents": [],
	}
	fs := logging_target.deny with input as doc
	count(fs) == 1
	some f in fs
	contains(f.msg, "logging.s3.amazonaws.com")
}

test_pass_declared_target if {
	doc := {
		"buckets": [bucket("data", "acme-data", logging("acme-logs", "logs")), bucket("logs", "acme-logs", null)],
		"documents": [delivery],
	}
	count(logging_target.deny) == 0 with input as doc
}

test_pass_external_target if {
	doc := {"buckets": [bucket("data", "acme-data", logging("elsewhere-logs", ""))], "documents": []}
	count(logging_target.deny) == 0 with input as doc
}
