# METADATA
# title: Bucket name follows AWS naming rules
# description: >-
#   S3 rejects a general purpose bucket name unless it is 3 to 63 characters
#   of lowercase letters, digits, dots and hyphens, begins and ends with a
#   letter or digit, has no two adjacent dots, is not formatted as an IPv4
#   address, does not start with xn--, sthree- or amzn-s3-demo-, and does not
#   end with -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3. An access-log
#   target or a trail's log bucket written by name is held to the same rules.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
#     description: AWS documentation
# custom:
#   id: TMC701
#   name: bucket-name
#   severity: error
#   hard: true
#   remediation: >-
#     Choose a name of 3-63 lowercase letters, digits and hyphens that starts
#     and ends with a letter or digit, for example "acme-teramot-data".
#   security_severity: "2.0"
#   peers: [aws_s3_bucket_name]
package teramotc.rules.bucket_name

import data.teramotc.lib.identity

reserved_prefixes := ["xn--", "sthree-", "amzn-s3-demo-"]

reserved_suffixes := ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"]

# problems lists every naming rule the name breaks.
problems(n) := {msg |
	some check in [
		[count(n) < 3, "shorter than 3 characters"],
		[count(n) > 63, "longer than 63 characters"],
		[not_charset(n), "only lowercase letters, digits, dots and hyphens are allowed"],
		[bad_ends(n), "must begin and end with a letter or digit"],
		[contains(n, ".."), "has two adjacent dots"],
		[regex.match(`^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$`, n), "is formatted as an IP address"],
		[reserved_prefix(n), "starts with a reserved prefix (xn--, sthree-, amzn-s3-demo-)"],
		[reserved_suffix(n), "ends with a reserved suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3)"],
	]
	check[0] == true
	msg := check[1]
}

not_charset(n) if {
	not regex.match(`^[a-z0-9.-]*$`, n)
} else := false

bad_ends(n) if {
	not regex.match(`^[a-z0-9](.*[a-z0-9])?$`, n)
} else := false

reserved_prefix(n) if {
	some p in reserved_prefixes
	startswith(n, p)
} else := false

reserved_suffix(n) if {
	some s in reserved_suffixes
	endswith(n, s)
} else := false

deny contains f if {
	some b in input.buckets
	b.name.set
	not plainly_valid(b.name.value)
	found := problems(b.name.value)
	count(found) > 0
	f := {
		"msg": sprintf("bucket name %s is not valid: %s", [identity.show(b.name), concat("; ", sort(found))]),
		"range": b.name.range,
		"address": b.address,
	}
}

# A bucket written by name rather than by reference (an access-log target,
# a trail's log bucket) must be a valid name too: PutBucketLogging and
# CreateTrail refuse any other. A reference is checked at its bucket's name.
deny contains f if {
	some target in named_targets
	target.attr.set
	target.ref == ""
	not plainly_valid(target.attr.value)
	found := problems(target.attr.value)
	count(found) > 0
	f := {
		"msg": sprintf("%s %s is not a valid bucket name: %s", [target.what, identity.show(target.attr), concat("; ", sort(found))]),
		"range": target.attr.range,
		"address": target.address,
	}
}

named_targets contains {"attr": b.access_logging.target_bucket, "ref": b.access_logging.target_ref, "what": "access_logging target_bucket", "address": b.address} if {
	some b in input.buckets
	b.access_logging != null
}

named_targets contains {"attr": t.log_bucket, "ref": t.log_bucket_ref, "what": "log_bucket", "address": t.address} if {
	some t in input.trails
}

# plainly_valid holds for a name that problems finds nothing wrong with, in
# a few steps instead of every check: 3-63 characters, all lowercase
# letters, digits and hyphens (trimming them leaves nothing), none of the
# hyphens at an end (trimming them changes nothing), so a letter or digit at
# both ends and no dot (no "..", IP form or ".mrap"); no reserved prefix or
# suffix.
plainly_valid(n) if {
	count(n) >= 3
	count(n) <= 63
	trim(n, "abcdefghijklmnopqrstuvwxyz0123456789-") == ""
	trim(n, "-") == n
	not strings.any_prefix_match(n, ["xn--", "sthree-", "amzn-s3-demo-"])
	not strings.any_suffix_match(n, ["-s3alias", "--ol-s3", "--x-s3", "--table-s3"])
}
