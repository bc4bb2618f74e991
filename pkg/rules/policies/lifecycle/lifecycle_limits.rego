# METADATA
# title: Lifecycle limits
# description: >-
#   S3 accepts at most 1,000 rules in a bucket's lifecycle configuration,
#   and each rule ID (the lifecycle_rule label) must be unique in the bucket
#   and 1 to 255 characters long. A configuration that breaks these limits
#   is rejected as a whole.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/API/API_LifecycleConfiguration.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/API/API_LifecycleRule.html
#     description: S3 API LifecycleRule (ID up to 255 characters)
# custom:
#   id: TMC306
#   name: lifecycle-limits
#   severity: error
#   hard: true
#   remediation: >-
#     Give every `lifecycle_rule` of a bucket its own label of 255 characters
#     or fewer, and merge rules (one rule can hold several transitions) to
#     stay within 1,000.
#   security_severity: "2.0"
#   peers: []
package teramotc.rules.lifecycle_limits

# max_rules is S3's limit of rules per lifecycle configuration.
max_rules := 1000

deny contains f if {
	some b in input.buckets
	count(b.lifecycle_rules) > max_rules
	r := b.lifecycle_rules[max_rules]
	f := {
		"msg": sprintf("bucket %q has %d lifecycle rules; S3 accepts at most %d", [b.label, count(b.lifecycle_rules), max_rules]),
		"range": r.decl_range,
		"address": b.address,
	}
}

deny contains f if {
	some b in input.buckets
	some r in b.lifecycle_rules
	bad_length(r.id)
	f := {
		"msg": sprintf("lifecycle rule ID of bucket %q has %d characters; S3 accepts 1 to 255", [b.label, count(r.id)]),
		"range": r.decl_range,
		"address": r.address,
	}
}

# Duplicates: sorting [id, index] pairs puts each repeat right after the
# rule it repeats (linear after the sort, for 1,000 rules).
deny contains f if {
	some b in input.buckets
	pairs := sort([[r.id, j] | some j, r in b.lifecycle_rules; not bad_length(r.id)])
	some i, pair in pairs
	i > 0
	pairs[i - 1][0] == pair[0]
	r := b.lifecycle_rules[pair[1]]
	earlier := b.lifecycle_rules[pairs[i - 1][1]]
	f := {
		"msg": sprintf("bucket %q already has a lifecycle rule %q (line %d); rule IDs must be unique", [b.label, r.id, earlier.decl_range.start.line]),
		"range": r.decl_range,
		"address": r.address,
	}
}

bad_length(id) if count(id) == 0

bad_length(id) if count(id) > 255
