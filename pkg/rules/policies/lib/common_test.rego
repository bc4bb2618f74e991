package teramotc.lib.common_test

import data.teramotc.lib.common

test_as_list if {
	common.as_list("s3:GetObject") == ["s3:GetObject"]
	common.as_list(["a", "b"]) == ["a", "b"]
	common.as_list(null) == []
}

test_principals if {
	common.principals({"Principal": "*"}) == [{"type": "*", "value": "*"}]
	common.principals({"Principal": {"AWS": "arn:aws:iam::111122223333:root"}}) == [{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}]
	count(common.principals({"Principal": {"AWS": ["a", "b"], "Service": "s"}})) == 3
	common.principals({}) == []
}

test_wildcard_principal if {
	common.has_wildcard_principal({"Principal": "*"})
	common.has_wildcard_principal({"Principal": {"AWS": "*"}})
	common.has_wildcard_principal({"Principal": {"AWS": ["arn:aws:iam::*:root"]}})
	common.has_wildcard_principal({"Principal": {"AWS": "arn:aws:iam::111122223333:role/*"}})
	not common.has_wildcard_principal({"Principal": {"AWS": "arn:aws:iam::111122223333:root"}})
	not common.has_wildcard_principal({"Principal": {"Service": "logging.s3.amazonaws.com"}})
}

test_narrowed if {
	common.narrowed({"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})
	common.narrowed({"Condition": {"ArnLike": {"aws:SourceArn": ["arn:aws:s3:::logs"]}}})
	common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/16"}}})
	not common.narrowed({"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-*"}}})
	not common.narrowed({"Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}}})
	not common.narrowed({"Condition": {"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-abc123"}}})
	not common.narrowed({"Condition": {"StringEquals": {"s3:prefix": "home/"}}})
	not common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}})
	common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": ["198.51.100.7", "2001:db8::/48", "2001:db8::1"]}}})
	not common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": "office"}}})
	not common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": "2001:db8::/16"}}})
	not common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "64.0.0.0/4"]}}})
	not common.narrowed({"Condition": {"StringEquals": {"aws:SourceIp": "198.51.100.7"}}})
	not common.narrowed({"Condition": {"NumericEquals": {"aws:SourceAccount": "111122223333"}}})
	not common.narrowed({})
}

test_public_allow if {
	common.public_allow({"Effect": "Allow", "Principal": "*"})
	not common.public_allow({"Effect": "Deny", "Principal": "*"})
	not common.public_allow({"Effect": "Allow", "Principal": "*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}})
}

test_covers_action if {
	common.covers_action({"Action": "s3:*"}, "s3:PutBucketPolicy")
	common.covers_action({"Action": ["s3:Put*"]}, "s3:PutObjectAcl")
	common.covers_action({"Action": "*"}, "s3:GetObject")
	common.covers_action({"Action": "S3:getobject"}, "s3:GetObject")
	not common.covers_action({"Action": "s3:GetObject"}, "s3:PutObject")
	common.covers_action({"NotAction": "s3:GetObject"}, "s3:PutObject")
	not common.covers_action({"NotAction": "s3:*"}, "s3:PutObject")
}

doc := {
	"range": {"filename": "main.hcl", "start": {"line": 1}},
	"provenance": {
		"/Statement/0": {"filename": "main.hcl", "start": {"line": 5}},
		"/Statement/0/Principal": {"filename": "main.hcl", "start": {"line": 6}},
	},
}

test_pointer_range if {
	common.pointer_range(doc, "/Statement/0/Principal").start.line == 6
	common.pointer_range(doc, "/Statement/0/Condition/StringEquals").start.line == 5
	common.field_range(doc, 0, "Action").start.line == 5 with input as {}
	common.field_range(doc, 0, "Principal").start.line == 6
	common.pointer_range(doc, "/Statement/3").start.line == 1
	common.pointer_ancestors("/a/b/c") == ["/a/b/c", "/a/b", "/a"]
}

test_principal_account if {
	common.principal_account("111122223333") == "111122223333"
	common.principal_account("arn:aws:iam::111122223333:role/x") == "111122223333"
	not common.principal_account("arn:aws:iam::*:root")
	common.other_account_principal({"type": "AWS", "value": "arn:aws:iam::999988887777:root"}) with input as {"aws": {"account_id": {"value": "111122223333"}}}
	not common.other_account_principal({"type": "AWS", "value": "arn:aws:iam::111122223333:root"}) with input as {"aws": {"account_id": {"value": "111122223333"}}}
}

test_field_range_from_statement_block if {
	d := {
		"kind": "bucket-policy", "address": "bucket.data", "range": {"start": {"line": 1}},
		"content": {"Statement": [{"Sid": "Open", "Effect": "Allow", "Principal": "*"}]},
		"provenance": {"/Statement/0": {"start": {"line": 10}}},
	}
	inp := {"buckets": [{"address": "bucket.data", "statements": [{
		"sid": "Open",
		"principals": {"set": true, "range": {"start": {"line": 12}}},
		"actions": {"set": false, "range": {"start": {"line": 10}}},
		"conditions": [],
	}]}]}
	common.field_range(d, 0, "Principal").start.line == 12 with input as inp
	common.field_range(d, 0, "Action").start.line == 10 with input as inp
	common.field_range(d, 0, "Condition").start.line == 10 with input as inp
}

test_model_public_allow if {
	common.model_public_allow({"effect": {"value": "Allow"}, "principals": {"value": {"wildcard": true, "map": {}}}, "conditions": []})
	common.model_public_allow({"effect": {"value": "Allow"}, "principals": {"value": {"wildcard": false, "map": {"AWS": ["arn:aws:iam::*:root"]}}}, "conditions": []})
	not common.model_public_allow({"effect": {"value": "Allow"}, "principals": {"value": {"wildcard": true, "map": {}}}, "conditions": [{"test": {"value": "StringEquals"}, "variable": {"value": "aws:PrincipalOrgID"}, "values": {"value": ["o-abc123"]}}]})
	not common.model_public_allow({"effect": {"value": "Deny"}, "principals": {"value": {"wildcard": true, "map": {}}}, "conditions": []})
}

test_model_public_allow_merges_conditions if {
	fixed := {"test": {"value": "StringLike"}, "variable": {"value": "aws:PrincipalAccount"}, "values": {"value": ["210987654321"]}}
	wild := {"test": {"value": "StringLike"}, "variable": {"value": "aws:PrincipalAccount"}, "values": {"value": ["*"]}}
	other := {"test": {"value": "StringLike"}, "variable": {"value": "aws:PrincipalArn"}, "values": {"value": ["*"]}}
	star := {"value": {"wildcard": true, "map": {}}}
	common.model_public_allow({"effect": {"value": "Allow"}, "principals": star, "conditions": [fixed, wild]})
	not common.model_public_allow({"effect": {"value": "Allow"}, "principals": star, "conditions": [fixed, other]})
}

test_shown if {
	common.shown({"value": "x"}) == `"x"`
	common.shown({"value": "x", "sensitive": false}) == `"x"`
	common.shown({"value": "x", "sensitive": true}) == "(sensitive)"
}

# statement_covers_action (patterns split once) agrees with covers_action
# (a glob.match per pattern), literal patterns, globs, odd glob syntax and
# NotAction alike.
test_statement_covers_action_agrees if {
	statements := [
		{"Action": "s3:GetObject"},
		{"Action": ["S3:getobject", "s3:List*"]},
		{"Action": ["s3:Get?bject", "s3:[a]", "kms:*"]},
		{"Action": "*"},
		{"NotAction": ["s3:PutBucketPolicy", "s3:Delete*"]},
		{"NotAction": "s3:*"},
		{"Action": []},
		{"Action": 42},
	]
	actions := ["s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:DeleteObject", "s3:*", "s3:[a]", "kms:Decrypt", "s3:PutBucketPolicy"]
	pairs := {[i, a] | some i, s in statements; some a in actions}
	fast := {[i, a] | some [i, a] in pairs; common.statement_covers_action(statements[i], a)}
	fast == {[i, a] | some [i, a] in pairs; common.covers_action(statements[i], a)}
	count(fast) > 10
	count(fast) < count(pairs)
	every s in statements {
		common.covered_actions(s, actions) == [a | some a in actions; common.covers_action(s, a)]
	}
}

test_statement_covers_resource if {
	common.statement_covers_resource({"Resource": ["arn:aws:s3:::a", "arn:aws:s3:::b/*"]}, "arn:aws:s3:::a")
	common.statement_covers_resource({"Resource": "arn:aws:s3:::*"}, "arn:aws:s3:::a")
	common.statement_covers_resource({"Resource": "*"}, "arn:aws:s3:::a/*")
	not common.statement_covers_resource({"Resource": "arn:aws:s3:::a"}, "arn:aws:s3:::a/*")
	not common.statement_covers_resource({"Resource": "arn:aws:s3:::[a]"}, "arn:aws:s3:::[a]")
}

# principal_account agrees with the ^[0-9]{12}$ it replaces.
account_id(v) if common.principal_account(v) == v

else := false

regex_account(v) := v if regex.match(`^[0-9]{12}$`, v)

else := parts[4] if {
	startswith(v, "arn:")
	parts := split(v, ":")
	count(parts) >= 6
	regex.match(`^[0-9]{12}$`, parts[4])
} else := null

principal_account(v) := a if {
	a := common.principal_account(v)
} else := null

test_principal_account_agrees_with_regex if {
	every v in ["", "123456789012", "12345678901", "1234567890123", "12345678901a", "a23456789012", "１23456789012", "12345678901\n", " 23456789012"] {
		account_id(v) == regex.match(`^[0-9]{12}$`, v)
		principal_account(concat("", ["arn:aws:iam::", v, ":root"])) == regex_account(concat("", ["arn:aws:iam::", v, ":root"]))
	}
	principal_account("arn:aws:iam::123456789012") == null
	common.principal_account("arn:aws:iam::123456789012:root") == "123456789012"
	not common.principal_account("arn:aws:iam::12345678901x:root")
}

# aws:SourceIp values add up: each /8 alone is narrow (S3's per-value test,
# TMC107), but together they must stay within one /16 of IPv4 and one /48
# of IPv6 for TMC102.
ip_cond(vs) := {"operator": "IpAddress", "key": "aws:sourceip", "values": vs}

test_source_ip_values_add_up if {
	every_public := [sprintf("%d.0.0.0/8", [i]) | some i in numbers.range(1, 223)]
	common.narrowing_condition(ip_cond(every_public))
	not common.limiting_condition(ip_cond(every_public))
	not common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": every_public}}})
	not common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "11.0.0.0/8"]}}})
	not common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "198.51.100.7"]}}})
	not common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": ["2001:db8::/32", "2001:db9::/32"]}}})
	not common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": "::ffff:0:0/96"}}})
}

test_source_ip_overlaps_merge if {
	common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": ["10.1.0.0/16", "10.1.2.0/24", "10.1.2.3", "10.1.0.0/16"]}}})
	common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/17", "10.0.128.0/17", "2001:db8::/49", "2001:db8:0:8000::/49"]}}})
	common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/16", "2001:db8::/48"]}}})
	common.narrowed({"Condition": {"IpAddress": {"aws:SourceIp": ["3.4.5.6", "4.5.6.7", "2001:db8::1"]}}})
	common.limiting_condition({"operator": "StringEquals", "key": "aws:principalorgid", "values": ["o-abc123"]})
}

# L1: a single /8 (3.0.0.0/8 is Amazon's EC2 space) or IPv6 /32 (Teredo)
# is narrow for S3 (TMC107) but too wide for TMC102; /16 and /48 are the
# largest ranges it accepts.
test_source_ip_budget if {
	common.narrowing_condition(ip_cond(["3.0.0.0/8"]))
	not common.limiting_condition(ip_cond(["3.0.0.0/8"]))
	common.narrowing_condition(ip_cond(["2001::/32"]))
	not common.limiting_condition(ip_cond(["2001::/32"]))
	not common.limiting_condition(ip_cond(["10.0.0.0/15"]))
	not common.limiting_condition(ip_cond(["10.0.0.0/16", "10.1.0.0/24"]))
	not common.limiting_condition(ip_cond(["2001:db8::/47"]))
	common.limiting_condition(ip_cond(["10.0.0.0/16"]))
	common.limiting_condition(ip_cond(["2001:db8::/48", "10.0.0.0/16"]))
}

# H2: for TMC102 aws:userid limits only as IAM unique ids; "anonymous" is
# the value of every unauthenticated caller. For S3 (TMC107,
# narrowing_condition) any fixed aws:userid is non-public (review-diff4 H2).
userid(op, vs) := {"operator": op, "key": "aws:userid", "values": vs}

test_userid_unique_ids_only if {
	every vs in [
		["AIDAJQABLZS4A3QDU576Q"],
		["AROAJQABLZS4A3QDU576Q:alice", "AIDAJQABLZS4A3QDU576Q"],
		["AROAJQABLZS4A3QDU576Q"],
	] {
		common.limiting_condition(userid("StringEquals", vs))
		common.narrowing_condition(userid("StringEquals", vs))
	}
	every vs in [
		["anonymous"],
		["Anonymous"],
		["AIDAJQABLZS4A3QDU576Q", "anonymous"],
		["111122223333:alice"],
		["111122223333"],
		["alice"],
		["AIDAJQABLZS4A3QDU576Q:x"],
		["aidajqablzs4a3qdu576q"],
	] {
		not common.limiting_condition(userid("StringEquals", vs))
		common.narrowing_condition(userid("StringEquals", vs))
	}
	not common.limiting_condition(userid("StringLike", ["AROAJQABLZS4A3QDU576Q:*"]))
	not common.narrowing_condition(userid("StringLike", ["AROAJQABLZS4A3QDU576Q:*"]))
	not common.narrowed({"Condition": {"StringEquals": {"aws:userid": "anonymous"}}})
	common.model_narrowed({"conditions": [{
		"test": {"value": "StringEquals"},
		"variable": {"value": "aws:userid"},
		"values": {"value": ["380214568012", "380214568012:alice"]},
	}]})
}
