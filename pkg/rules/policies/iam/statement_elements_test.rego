package teramotc.rules.statement_elements_test

import data.teramotc.rules.statement_elements

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

spec(principals, resources) := {"buckets": [{
	"label": "data", "name": attr("acme-data", 2),
	"statements": [{"sid": "S", "address": "bucket.data.statement.S", "principals": attr(principals, 5), "resources": attr(resources, 6)}],
}]}

ok_resources := ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]

role := {"wildcard": false, "map": {"AWS": ["arn:aws:iam::444455556666:role/r"]}}

test_fail_no_principal if {
	fs := statement_elements.deny with input as spec({"wildcard": false, "map": {}}, ok_resources)
	count(fs) == 1
	some f in fs
	f.range == rng(5)
}

test_fail_empty_type if {
	count(statement_elements.deny) == 1 with input as spec({"wildcard": false, "map": {"AWS": []}}, ok_resources)
	count(statement_elements.deny) == 1 with input as spec({"wildcard": false, "map": {"AWS": null}}, ok_resources)
}

test_fail_bare_name if {
	count(statement_elements.deny) == 1 with input as spec({"wildcard": false, "map": {"AWS": ["bob"]}}, ok_resources)
	count(statement_elements.deny) == 1 with input as spec({"wildcard": false, "map": {"Service": [""]}}, ok_resources)
}

test_pass_principals if {
	ids := ["444455556666", "arn:aws:iam::444455556666:root", "AIDAJQABLZS4A3QDU576Q", "*"]
	count(statement_elements.deny) == 0 with input as spec({"wildcard": false, "map": {"AWS": ids}}, ok_resources)
	count(statement_elements.deny) == 0 with input as spec({"wildcard": true, "map": {}}, ok_resources)
}

test_fail_foreign_resources if {
	every r in ["arn:aws:s3:::other/*", "acme-data/*", "arn:aws:iam::1:role/x", "arn:aws-cn:s3:::acme-data/*", "arn:aws:s3:::"] {
		fs := statement_elements.deny with input as spec(role, ["arn:aws:s3:::acme-data", r])
		count(fs) == 1
		some f in fs
		f.range == rng(6)
		contains(f.msg, sprintf("%q is not the bucket's ARN", [r]))
	}
}

test_empty_resource_shown_quoted if {
	some f in statement_elements.deny with input as spec(role, ["arn:aws:s3:::acme-data", "", "x"])
	contains(f.msg, `"", "x" are not the bucket's ARN`)
}

test_pass_resources if {
	count(statement_elements.deny) == 0 with input as spec(role, ["*", "arn:aws:s3:::acme-*/*", "arn:aws:s3:::acme-data/${aws:username}/*"])
}

test_partition if {
	inp := object.union(spec(role, ["arn:aws-cn:s3:::acme-data/*"]), {"aws": {"partition": {"value": "aws-cn"}}})
	count(statement_elements.deny) == 0 with input as inp
}
