package teramotc.rules.trail_hardening_test

import data.teramotc.rules.trail_hardening

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

trail(multi, validation, kms) := {
	"label": "audit", "address": "trail.audit", "decl_range": rng(1),
	"multi_region": attr(multi, 2), "log_file_validation": attr(validation, 3), "kms_key_arn": attr(kms, 4),
}

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

test_fail_single_region if {
	fs := trail_hardening.deny with input as {"trails": [trail(false, true, key)]}
	count(fs) == 1
	some f in fs
	f.range == rng(2)
}

test_fail_no_validation if {
	fs := trail_hardening.deny with input as {"trails": [trail(true, false, key)]}
	count(fs) == 1
	some f in fs
	f.range == rng(3)
}

test_notice_without_kms if {
	fs := trail_hardening.deny with input as {"trails": [trail(true, true, "")]}
	count(fs) == 1
	some f in fs
	f.severity == "notice"
	f.range == rng(1)
}

test_pass_hardened if {
	count(trail_hardening.deny) == 0 with input as {"trails": [trail(true, true, key)]}
}

# review-adopt F-msg-nits: each finding says which setting to change (the
# rule's remediation covers all three).
test_messages_say_what_to_change if {
	msgs := {f.msg | some f in trail_hardening.deny} with input as {"trails": [trail(false, false, "")]}
	msgs == {
		`trail "audit" logs only its home region: remove multi_region = false (the default, true, logs every region)`,
		`trail "audit" does not validate its log files: remove log_file_validation = false (the default is true)`,
		`trail "audit" does not encrypt its logs with a customer-managed KMS key: set kms_key_arn to a key whose policy lets CloudTrail use it`,
	}
}
