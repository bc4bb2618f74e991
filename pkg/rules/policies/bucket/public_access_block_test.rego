package teramotc.rules.public_access_block_test

import data.teramotc.rules.public_access_block

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 3, "byte": 0}, "end": {"line": line, "column": 20, "byte": 0}}

flag(v, line, set) := {"value": v, "range": rng(line), "set": set}

bucket(shorthand, decl, acls, ignore, policy, restrict) := {
	"label": "data", "address": "bucket.data",
	"block_public_access": shorthand, "public_access_block_decl": decl,
	"block_public_acls": acls, "ignore_public_acls": ignore,
	"block_public_policy": policy, "restrict_public_buckets": restrict,
}

test_defaults_pass if {
	b := bucket(flag(true, 1, false), null, flag(true, 1, false), flag(true, 1, false), flag(true, 1, false), flag(true, 1, false))
	count(public_access_block.deny) == 0 with input as {"buckets": [b]}
}

test_shorthand_off_one_finding if {
	b := bucket(flag(false, 4, true), null, flag(false, 4, false), flag(false, 4, false), flag(false, 4, false), flag(false, 4, false))
	fs := public_access_block.deny with input as {"buckets": [b]}
	count(fs) == 1
	some f in fs
	f.range.start.line == 4
	f.address == "bucket.data"
}

test_one_flag_off if {
	decl := {"address": "bucket.data.public_access_block"}
	b := bucket(flag(true, 1, false), decl, flag(true, 6, true), flag(true, 7, true), flag(false, 8, true), flag(true, 1, false))
	fs := public_access_block.deny with input as {"buckets": [b]}
	count(fs) == 1
	some f in fs
	f.range.start.line == 8
	contains(f.msg, "block_public_policy")
}
