# METADATA
# title: Trail name follows CloudTrail naming rules
# description: >-
#   A trail is named by its block label, and CloudTrail rejects a trail name
#   unless it is 3 to 128 ASCII letters, digits, periods, underscores and
#   dashes, begins and ends with a letter or digit, has no two periods,
#   underscores or dashes next to each other ("my--trail", "my-_trail") and
#   is not formatted as an IPv4 address. validate reports it before apply
#   writes anything.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-trail-naming-requirements.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html
#     description: AWS documentation
# custom:
#   id: TMC706
#   name: trail-name
#   severity: error
#   hard: true
#   remediation: >-
#     Label the trail with 3-128 letters, digits, periods, underscores and
#     dashes that starts and ends with a letter or digit, for example
#     trail "teramot-data".
#   security_severity: "1.0"
#   peers: [InvalidTrailNameException]
package teramotc.rules.trail_name

# problems lists every naming rule the trail name breaks.
problems(n) := {msg |
	some check in [
		[count(n) < 3, "shorter than 3 characters"],
		[count(n) > 128, "longer than 128 characters"],
		[not_charset(n), "only ASCII letters, digits, periods, underscores and dashes are allowed"],
		[bad_ends(n), "must begin and end with a letter or digit"],
		[regex.match(`[._-]{2}`, n), "has two periods, underscores or dashes next to each other"],
		[regex.match(`^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$`, n), "is formatted as an IP address"],
	]
	check[0] == true
	msg := check[1]
}

not_charset(n) if {
	not regex.match(`^[A-Za-z0-9._-]*$`, n)
} else := false

bad_ends(n) if {
	not regex.match(`^[A-Za-z0-9](.*[A-Za-z0-9])?$`, n)
} else := false

deny contains f if {
	some t in input.trails
	found := problems(t.label)
	count(found) > 0
	f := {
		"msg": sprintf("trail name %q (the block label) is not valid: %s", [t.label, concat("; ", sort(found))]),
		"range": t.decl_range,
		"address": t.address,
	}
}
