package teramotc.lib.identity_test

import data.teramotc.lib.actions
import data.teramotc.lib.identity

test_action_lists_hold_the_data_actions if {
	every a in ["GetObject", "PutObject", "DeleteObject", "ListBucket", "GetBucketLocation"] {
		actions.s3[a]
	}
	"Decrypt" in actions.kms
	"GenerateDataKey" in actions.kms
	"AssumeRole" in actions.sts
	count(actions.s3) > 150
}

test_unknown if {
	identity.unknown("s3:GetObjekt")
	identity.unknown("s3:Frobnicate*")
	identity.unknown("iam:PassRole")
	not identity.unknown("S3:getObject")
	not identity.unknown("s3:Get*Acl")
	not identity.unknown("kms:GenerateDataKey")
	not identity.unknown("sts:TagSession")
	not identity.unknown("*")
}

test_well_formed if {
	identity.well_formed("s3:GetObject")
	identity.well_formed("s3:Get*")
	identity.well_formed("*")
	not identity.well_formed("GetObject")
	not identity.well_formed("s3:Get Object")
	not identity.well_formed("s3:")
}

test_s3_level if {
	identity.s3_level("s3:ListBucket") == "bucket"
	identity.s3_level("s3:getobject") == "object"
	identity.s3_level("s3:ListAllMyBuckets") == "none"
	not identity.s3_level("s3:Get*")
	not identity.s3_level("kms:Decrypt")
}

test_s3_path_and_covers if {
	identity.s3_path("arn:aws:s3:::acme/reports/*") == "acme/reports/*"
	identity.s3_path("arn:aws-cn:s3:::acme") == "acme"
	not identity.s3_path("arn:aws:iam::111122223333:root")
	identity.covers("arn:aws:s3:::acme/*", "object")
	not identity.covers("arn:aws:s3:::acme/*", "bucket")
	identity.covers("arn:aws:s3:::acme", "bucket")
	not identity.covers("arn:aws:s3:::acme", "object")
	identity.covers("arn:aws:s3:::acme*", "object")
	identity.covers("*", "object")
	identity.covers("arn:aws:s3:us-east-1:111122223333:accesspoint/ap", "bucket")
}

test_accounts if {
	identity.twelve_digits("210987654321")
	not identity.twelve_digits("21098765432")
	identity.placeholder_account("123456789012")
	identity.placeholder_account("000000000000")
	identity.placeholder_account("999999999999")
	not identity.placeholder_account("210987654321")
	not identity.placeholder_account("000000000001")
	not identity.placeholder_account("100000000001")
}

test_iam_names if {
	identity.iam_name_ok("svc+ci=a,b.c@d-e_f", 64)
	not identity.iam_name_ok("", 64)
	not identity.iam_name_ok("a b", 64)
	identity.iam_path_ok("/")
	identity.iam_path_ok("/teramot/partners/")
	not identity.iam_path_ok("teramot")
	not identity.iam_path_ok("/teramot")
}

test_action_sites if {
	sites := identity.action_sites with input as {
		"grants": [{"address": "grant.g", "extra_actions": {"value": ["s3:GetObjectVersion"], "range": {}}}],
		"buckets": [{"statements": [{
			"address": "bucket.b.statement.S",
			"effect": {"value": ""},
			"actions": {"value": ["s3:GetObject"], "range": {}},
			"not_actions": {"value": [], "range": {}},
		}]}],
	}
	count(sites) == 2
	some s in sites
	s.address == "bucket.b.statement.S"
	s.effect == "Allow"
}

test_show_hides_sensitive_values if {
	identity.show({"value": "acme", "sensitive": false}) == `"acme"`
	identity.show({"value": "acme"}) == `"acme"`
	identity.show({"value": "acme", "sensitive": true}) == "(sensitive)"
}

# action_index.rego is generated from actions.rego: the literals must equal
# the lists they index.
test_action_index_matches_the_action_lists if {
	identity.s3_info == {lower(n): info | some n, info in actions.s3}
	identity.known == {
		"s3": {lower(n) | some n, _ in actions.s3},
		"kms": {lower(n) | some n in actions.kms},
		"sts": {lower(n) | some n in actions.sts},
	}
}

# The string built-ins that replace regular expressions agree with them on
# edge cases.
edge_strings := [
	"", "/", "//", "///", "/a/", "/a b/", "/é/", "/a/b/", "a/", "/a", "/\n/", "/~/", "/\u007f/", "/`/",
	"123456789012", "12345678901", "1234567890123", "12345678901a", "a23456789012", "１23456789012",
	"abc", "a_b+c=d,e.f@g-h", "a b", "a/b", "é", "x\ny", "*", "arn:aws:s3:::b", "arn::s3:::b/k",
	"arn:aws:s3:::", "arn:aws:s3::", "arn:a:b:s3:::x", "arn:aws:iam::1:x", "arn:é:s3:::k/é", "arn:",
	"xarn:aws:s3:::b", "arn:aws:s3::::b", "arn:aws-cn:s3:::b/*", "ARN:aws:s3:::b", "arn:aws:S3:::b",
	concat("", ["/", concat("", [c | some _ in numbers.range(1, 510); c := "a"]), "/"]),
	concat("", ["/", concat("", [c | some _ in numbers.range(1, 511); c := "a"]), "/"]),
]

twelve_digits(v) if identity.twelve_digits(v)

else := false

iam_name_ok(v) if identity.iam_name_ok(v, 64)

else := false

iam_path_ok(v) if identity.iam_path_ok(v)

else := false

test_twelve_digits_agrees_with_regex if {
	every v in edge_strings {
		twelve_digits(v) == regex.match(`^[0-9]{12}$`, v)
	}
}

test_iam_name_ok_agrees_with_regex if {
	every v in edge_strings {
		iam_name_ok(v) == regex.match(`^[\w+=,.@-]{1,64}$`, v)
	}
}

regex_path_ok(v) if {
	v == "/"
} else if {
	count(v) <= 512
	regex.match(`^/[\x{21}-\x{7E}]+/$`, v)
}

else := false

test_iam_path_ok_agrees_with_regex if {
	every v in edge_strings {
		iam_path_ok(v) == regex_path_ok(v)
	}
}

# s3_path against the regular expression it replaces.
regex_s3_path(arn) := substring(arn, count(prefix), -1) if {
	prefix := regex.find_n(`^arn:[^:]*:s3:::`, arn, 1)[0]
} else := null

s3_path(arn) := p if {
	p := identity.s3_path(arn)
} else := null

test_s3_path_agrees_with_regex if {
	every v in edge_strings {
		s3_path(v) == regex_s3_path(v)
	}
	identity.s3_path("arn:aws:s3:::b/k") == "b/k"
	identity.s3_path("arn:é:s3:::k/é") == "k/é"
}
