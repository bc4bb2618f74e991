package teramotc.rules.owner_tag_test

import data.teramotc.rules.owner_tag

decl_range := {
	"filename": "main.hcl",
	"start": {"line": 1, "column": 1, "byte": 0},
	"end": {"line": 1, "column": 14, "byte": 13},
}

bucket(tags) := {"label": "data", "decl_range": decl_range, "tags": {"entries": tags}}

test_owner_tag_present if {
	findings := owner_tag.deny with input as {"buckets": [bucket([{"key": "owner", "value": "data-platform"}])]}
	count(findings) == 0
}

test_owner_tag_missing if {
	findings := owner_tag.deny with input as {"buckets": [bucket([{"key": "team", "value": "x"}])]}
	findings == {{"msg": "bucket \"data\" has no owner tag", "range": decl_range}}
}

test_owner_tag_empty if {
	findings := owner_tag.deny with input as {"buckets": [bucket([{"key": "owner", "value": ""}])]}
	count(findings) == 1
}
