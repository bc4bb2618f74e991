# METADATA
# title: No AWS credentials in the spec
# description: >-
#   An AWS access key id or secret access key written into a spec or one of
#   its variable files ends up in version control, CI logs and every copy of
#   the repository, where it stays valid until someone rotates it. teramotc
#   never needs credentials in the spec: apply reads them from the usual AWS
#   credential chain. An access key id assembled by an expression
#   (interpolation, join() of two halves) is found too, in the evaluated
#   values of the buckets, grants and trails and in the rendered documents
#   (a tag's value ends up in the bucket's tags, readable in AWS).
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#securing_access-keys
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/cli/v1/userguide/cli-configure-files.html
#     description: AWS documentation
# custom:
#   id: TMC705
#   name: no-secrets
#   severity: error
#   hard: false
#   remediation: >-
#     Delete the key from the file, rotate it in IAM (it must be considered
#     leaked), and let teramotc read credentials from the environment or an
#     AWS profile.
#   security_severity: "9.0"
#   peers: [CKV_SECRET_2, "gitleaks aws-access-token"]
package teramotc.rules.no_secrets

# input.secrets holds the hits of the spec loader's scan of the source
# text: {kind, range}. The secret itself is not in the input and never in a
# message.
deny contains f if {
	some s in hits
	f := {
		"msg": sprintf("an AWS %s appears in the spec; remove it and rotate the key", [kind_name(s.kind)]),
		"range": s.range,
	}
}

hits := object.get(input, "secrets", [])

kind_name(k) := n if {
	n := {
		"access_key_id": "access key id",
		"aws_access_key_id": "access key id",
		"secret_access_key": "secret access key",
		"aws_secret_access_key": "secret access key",
	}[k]
} else := k

# An access key id in an evaluated value that no hit of the scan lies in:
# built by an expression ("AKIA${...}", join()), or given to a variable
# elsewhere, so the source text there does not show it. The message names
# the block and its attribute, never the value.
deny contains f if {
	some v in value_keys
	not scanned(v.range)
	f := {
		"msg": sprintf("an AWS access key id is in the value of %s of %s, which is sent to AWS; remove it and rotate the key", [v.field, v.address]),
		"range": v.range,
		"address": v.address,
	}
}

# An access key id in a rendered document that is in no evaluated value of
# the model (found above or by the scan).
deny contains f if {
	some d in object.get(input, "documents", [])
	walk(object.get(d, "content", null), [path, s])
	some k in access_keys(s)
	not k in model_keys
	f := {
		"msg": sprintf("the rendered document %s holds an AWS access key id; remove it from the spec and rotate the key", [d.path]),
		"range": doc_range(d, path),
		"address": d.address,
	}
}

# blocks are the model's blocks whose values are sent to AWS.
blocks := array.concat([b | some b in [object.get(input, "aws", null)]; is_object(b)], [b |
	some kind in ["buckets", "grants", "trails"]
	some b in object.get(input, kind, [])
])

# value_keys are the access key ids in the strings of the blocks, with the
# range of the innermost object around them that has one (an attribute, a
# tag, a statement) and the attribute of the block they are in; model_keys
# the keys themselves.
value_keys contains {"key": k, "range": site_range(b, path), "field": path[0], "address": b.address} if {
	some b in blocks
	walk(b, [path, s])
	count(path) > 0
	some k in access_keys(s)
}

model_keys := {v.key | some v in value_keys}

# access_keys returns the access key ids in x when it is a string:
# \b(AKIA|ASIA)[A-Z0-9]{16}\b; the regular expression runs only on strings
# holding AKIA or ASIA.
access_keys(x) := {k |
	is_string(x)
	contains_prefix(x)
	some k in regex.find_n(`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`, x, -1)
}

contains_prefix(x) if contains(x, "AKIA")

contains_prefix(x) if contains(x, "ASIA")

# site_range is the range of the innermost object on path inside b that has
# one (path itself excluded: a string has none).
site_range(b, path) := r if {
	n := max([i |
		some i in numbers.range(0, count(path) - 1)
		is_object(object.get(b, array.slice(path, 0, i), null).range)
	])
	r := object.get(b, array.slice(path, 0, n), null).range
}

# scanned: a hit of the source scan lies inside r (the key was written
# there whole).
scanned(r) if {
	some h in hits
	h.range.filename == r.filename
	h.range.start.byte >= r.start.byte
	h.range.end.byte <= r.end.byte
}

# doc_range is the provenance of the longest prefix of path that the
# document has one for, else the document's range.
doc_range(d, path) := r if {
	prov := object.get(d, "provenance", {})
	pointers := [p |
		some i in numbers.range(0, count(path))
		p := pointer(array.slice(path, 0, i))
		is_object(prov[p])
	]
	count(pointers) > 0
	r := prov[pointers[count(pointers) - 1]]
} else := d.range

pointer(steps) := concat("", [sprintf("/%v", [s]) | some s in steps])
