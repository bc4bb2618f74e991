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

# complete takes the rendered statement without looking at its gaps only
# where the gaps say there are none: names and partitions with glob syntax
# take the full check.
rendered_statement(name, partition) := object.union(tls_statement, {"Resource": [arn, concat("", [arn, "/*"])]}) if {
	arn := sprintf("arn:%s:s3:::%s", [partition, name])
}

gapless(name, partition) if {
	count(tls_only.gaps(rendered_statement(name, partition), {"name": {"value": name}})) == 0
} else := false

rendered(name, partition) if {
	tls_only.rendered(rendered_statement(name, partition), {"name": {"value": name}})
} else := false

test_rendered_only_without_gaps if {
	every name in ["acme-data", "a.b-c", "a*b", "a?b", "a[b", "a]b", "a{b,c}", "a\\b", "A-B", "é"] {
		every partition in ["aws", "aws-cn", "a[b", "a{b}"] {
			check := [rendered(name, partition), gapless(name, partition)] with input as {"aws": {"partition": {"value": partition}}}
			check != [true, false]
		}
	}
	[rendered("acme-data", "aws"), gapless("acme-data", "aws")] == [true, true] with input as {"aws": {"partition": {"value": "aws"}}}
	[rendered("a[b", "aws"), gapless("a[b", "aws")] == [false, false] with input as {"aws": {"partition": {"value": "aws"}}}
	[rendered("a.b", "a{b}"), gapless("a.b", "a{b}")] == [false, false] with input as {"aws": {"partition": {"value": "a{b}"}}}
}

# A TLS deny of one principal only still lets everyone else in over HTTP.
test_deny_of_one_principal_fails if {
	s := object.union(tls_statement, {"Principal": {"AWS": "arn:aws:iam::444455556666:root"}})
	count(tls_only.deny) == 1 with input as spec(false, [s])
}

# Conditions are ANDed: s3:TlsVersion is absent on plain HTTP, so this Deny
# never matches a request without TLS; aws:PrincipalAccount exempts every
# other account.
test_extra_condition_is_a_gap if {
	every extra in [
		{"NumericLessThan": {"s3:TlsVersion": "1.2"}},
		{"StringEquals": {"aws:PrincipalAccount": "111122223333"}},
	] {
		s := object.union(tls_statement, {"Condition": object.union(tls_statement.Condition, extra)})
		fs := tls_only.deny with input as spec(false, [s])
		count(fs) == 1
		some f in fs
		contains(f.msg, "narrowed by other conditions")
		f.range.start.line == 4
	}
}

# More values on the TLS key itself only widen the Deny.
test_both_booleans_pass if {
	s := object.union(tls_statement, {"Condition": {"Bool": {"aws:SecureTransport": ["false", "true"]}}})
	count(tls_only.deny) == 0 with input as spec(false, [s])
}

# NotAction = ["s3:GetObject"] lets GetObject through over HTTP, though the
# string "s3:*" is not among the excluded actions.
test_not_action_is_a_gap if {
	s := object.remove(object.union(tls_statement, {"NotAction": ["s3:GetObject"]}), ["Action"])
	fs := tls_only.deny with input as spec(false, [s])
	count(fs) == 1
	some f in fs
	contains(f.msg, "every action")
}

test_action_patterns if {
	every p in ["*", "s3:*", "S3:*", "s3*", "s*"] {
		count(tls_only.deny) == 0 with input as spec(false, [object.union(tls_statement, {"Action": p})])
	}
	every p in ["s3:?", "s3:Get*", "s3:*Object", "s3:PutObject", "iam:*"] {
		count(tls_only.deny) == 1 with input as spec(false, [object.union(tls_statement, {"Action": p})])
	}
}

# The shortcut for the rendered statement does not skip the conditions or
# NotAction.
test_rendered_shortcut_checks_conditions if {
	b := {"name": {"value": "acme-data"}}
	tls_only.rendered(tls_statement, b) with input as {"aws": {"partition": {"value": "aws"}}}
	narrowed := object.union(tls_statement, {"Condition": {"Bool": {"aws:SecureTransport": "false"}, "StringEquals": {"aws:PrincipalAccount": "1"}}})
	not tls_only.rendered(narrowed, b) with input as {"aws": {"partition": {"value": "aws"}}}
	with_not := object.union(tls_statement, {"NotAction": "s3:GetObject"})
	not tls_only.rendered(with_not, b) with input as {"aws": {"partition": {"value": "aws"}}}
	count(tls_only.deny) == 1 with input as spec(true, [narrowed])
}
