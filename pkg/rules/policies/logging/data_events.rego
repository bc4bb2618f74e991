# METADATA
# title: Data events logged for shared buckets
# description: >-
#   Server access logs are best effort; CloudTrail data events are the
#   reliable, tamper-evident record of who read and wrote which object. Every
#   bucket that a grant or an Allow of its policy (to another account or a
#   wildcard principal that no condition limits to the own account) shares
#   with someone else should be covered by a trail
#   that logs both read and write data events, so that access by the partner
#   can be audited.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
#     description: AWS documentation
# custom:
#   id: TMC403
#   name: data-events
#   severity: warning
#   hard: false
#   remediation: >-
#     Add a trail block with bucket set to the shared bucket and both
#     read_events = true and write_events = true.
#   security_severity: "5.0"
#   peers: [AVD-AWS-0171, AVD-AWS-0172, "FSBP S3.22", "FSBP S3.23", "CIS 3.8", "CIS 3.9"]
package teramotc.rules.data_events

import data.teramotc.lib.sharing

# shared contains the labels of the buckets shared by a grant or by an Allow
# of their policy to another account or a wildcard principal.
shared contains b.label if {
	some b in input.buckets
	sharing.shared(b)
}

how(b) := "by a grant" if b.label in sharing.grant_shared

else := "by its bucket policy"

# No trail at all on a shared bucket.
deny contains f if {
	some b in input.buckets
	b.label in shared
	not any_trail(b.label)
	f := {
		"msg": sprintf("bucket %q is shared %s but no trail logs its data events", [b.label, how(b)]),
		"range": b.decl_range,
		"address": b.address,
	}
}

any_trail(label) if {
	some t in input.trails
	t.bucket.value == label
}

covered(label) if {
	some t in input.trails
	t.bucket.value == label
	t.read_events.value == true
	t.write_events.value == true
}

# Trails exist but none logs both reads and writes: point at the missing half.
deny contains f if {
	some b in input.buckets
	b.label in shared
	not covered(b.label)
	some t in input.trails
	t.bucket.value == b.label
	some kind in ["read", "write"]
	a := t[sprintf("%s_events", [kind])]
	a.value != true
	f := {
		"msg": sprintf("trail %q does not log %s data events of shared bucket %q", [t.label, kind, b.label]),
		"range": a.range,
		"address": t.address,
	}
}
