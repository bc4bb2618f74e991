# METADATA
# title: Tags within AWS limits
# description: >-
#   S3 rejects a tag set with more than 50 tags, a key that is empty or
#   longer than 128 characters, a value longer than 256 characters, a key
#   starting with the reserved prefix aws:, or a key or value with a
#   character other than Unicode letters, digits, spaces and _ . : / = + - @.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/CostAllocTagging.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html
#     description: AWS documentation
# custom:
#   id: TMC703
#   name: tags
#   severity: error
#   hard: true
#   remediation: >-
#     Keep at most 50 tags, keys of 1-128 characters that do not start with
#     "aws:", and values of at most 256 characters, both made of letters,
#     digits, spaces and _ . : / = + - @ only.
#   security_severity: "1.0"
#   peers: []
package teramotc.rules.tags

deny contains f if {
	some b in input.buckets
	n := count(b.tags.entries)
	n > 50
	f := {
		"msg": sprintf("bucket %q has %d tags; S3 accepts at most 50", [b.label, n]),
		"range": b.tags.range,
		"address": b.address,
	}
}

deny contains f if {
	some b in input.buckets
	some t in b.tags.entries
	not plainly_valid(t)
	found := problems(t)
	count(found) > 0
	f := {
		"msg": sprintf("tag %q of bucket %q: %s", [t.key, b.label, concat("; ", sort(found))]),
		"range": t.range,
		"address": b.address,
	}
}

problems(t) := {msg |
	some check in [
		[count(t.key) == 0, "the key is empty"],
		[count(t.key) > 128, "the key is longer than 128 characters"],
		[count(t.value) > 256, "the value is longer than 256 characters"],
		[startswith(lower(t.key), "aws:"), "keys starting with aws: are reserved"],
		[regex.match(tag_chars, t.key) == false, "the key has characters tags do not accept"],
		[regex.match(tag_chars, t.value) == false, "the value has characters tags do not accept"],
	]
	check[0] == true
	msg := check[1]
}

# tag_chars is what S3 and IAM accept in tag keys and values (the Tag type
# of the AWS APIs): Unicode letters, separators (spaces) and numbers, and
# _ . : / = + - @.
tag_chars := `^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`

# plainly_valid holds for a tag that problems finds nothing wrong with, in
# fewer steps: a key of 1-128 characters not starting with aws:, a value of
# at most 256, both of accepted characters.
plainly_valid(t) if {
	count(t.key) >= 1
	count(t.key) <= 128
	count(t.value) <= 256
	not startswith(lower(t.key), "aws:")
	regex.match(tag_chars, t.key)
	regex.match(tag_chars, t.value)
}
