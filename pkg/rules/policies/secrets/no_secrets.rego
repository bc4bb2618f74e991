# METADATA
# title: No AWS credentials in the spec
# description: >-
#   An AWS access key id or secret access key written into a spec or one of
#   its variable files ends up in version control, CI logs and every copy of
#   the repository, where it stays valid until someone rotates it. teramotc
#   never needs credentials in the spec: apply reads them from the usual AWS
#   credential chain. An access key id assembled by an expression
#   (interpolation, join() of two halves) is found too, in the evaluated
#   values of the spec (a tag's value ends up in the bucket's tags, readable
#   in AWS), and reported at the attribute or tag that holds it. Bucket tags
#   are no secret storage either: anyone with s3:GetBucketTagging or the
#   tagging API reads them, AWS Config, Cost Explorer and billing reports
#   show them, and render writes them to a file. So a tag whose key or value
#   comes from a sensitive value (a variable declared sensitive = true) is
#   an error. So is any other attribute that becomes part of a name, path,
#   prefix or ARN in AWS and takes its value from a sensitive value: a
#   bucket name, a lifecycle rule's or a grant's prefix, an access_logging
#   target or prefix, an IAM user's or role's name and path, a policy name,
#   a trail's name, log bucket or log prefix. Those appear in policies that
#   others may read (iam:GetPolicyVersion), in the key of every log object
#   and in CloudTrail records. A common token format (a GitHub token ghp_, gho_,
#   ghu_, ghs_, ghr_ or github_pat_, a Slack token xoxb-, xoxa-, xoxp-, or a
#   PEM private key header) in a tag, a variable's description or a policy
#   document of the spec.
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
#     AWS profile. Never put a sensitive value or a token into a tag, a name,
#     a path or a prefix: remove it (or give it a value that is not secret)
#     and revoke a token that was written.
#   security_severity: "9.0"
#   peers: [CKV_SECRET_2, "gitleaks aws-access-token"]
package teramotc.rules.no_secrets

# input.secrets holds the hits of the spec loader's scans: {kind, range}.
# The loader scans the source text, and the evaluated values of the model
# for keys no source hit shows (kind evaluated_access_key_id: a key built
# by an expression, reported at the attribute or tag holding it). The
# secret itself is not in the input and never in a message.
deny contains f if {
	some s in object.get(input, "secrets", [])
	f := {
		"msg": sprintf("an AWS %s appears in the spec; remove it and rotate the key", [kind_name(s.kind)]),
		"range": s.range,
	}
}

kind_name(k) := n if {
	n := {
		"access_key_id": "access key id",
		"aws_access_key_id": "access key id",
		"evaluated_access_key_id": "access key id (built by an expression)",
		"secret_access_key": "secret access key",
		"aws_secret_access_key": "secret access key",
	}[k]
} else := k

# A tag of a bucket whose value comes from a sensitive value: apply writes it
# to the bucket's tags in plain text, and render into tagging.json.
deny contains f if {
	some b in input.buckets
	object.get(b, ["tags", "sensitive_keys"], false) != true
	some t in object.get(b, ["tags", "entries"], [])
	t.sensitive == true
	f := {
		"msg": sprintf("tag %q of bucket %q takes its value from a sensitive value; tags are readable in AWS and rendered in plain text", [t.key, b.label]),
		"range": t.range,
		"address": b.address,
	}
}

# The whole tags map comes from a sensitive value (tags = var.t): its keys
# are secrets too, so none is named.
deny contains f if {
	some b in input.buckets
	object.get(b, ["tags", "sensitive_keys"], false) == true
	count(b.tags.entries) > 0
	f := {
		"msg": sprintf("the tags of bucket %q come from a sensitive value; tags are readable in AWS and rendered in plain text", [b.label]),
		"range": b.tags.range,
		"address": b.address,
	}
}

# An attribute that becomes part of a name, path, prefix or ARN in AWS and
# derives from a sensitive value (the loader marks it sensitive). Statement
# fields and conditions are not among them: a sensitive principal or
# condition value stays in the policy by design.
deny contains f if {
	some_sensitive_variable
	some top in published_blocks
	some block in object.get(input, top, [])
	contains(json.marshal(block), `"sensitive":true`)
	walk(block, [path, x])
	is_object(x)
	x.sensitive == true
	key := path[count(path) - 1]
	key in published_keys
	address := enclosing_address(block, path)
	f := {
		"msg": sprintf("%s.%s takes its value from a sensitive value, but it becomes part of a name, path, prefix or ARN in AWS, readable there in plain text (policies, log object keys, CloudTrail records)", [address, key]),
		"range": x.range,
		"address": address,
	}
}

published_blocks := ["buckets", "grants", "trails", "revoked_grants"]

# Only a sensitive variable makes a value sensitive, and only a block whose
# JSON holds "sensitive":true holds one: both checks are cheap next to a
# walk of every block (the walk alone was a third of a spec's evaluation).
some_sensitive_variable if {
	some v in object.get(input, "variables", [])
	object.get(v, ["sensitive", "value"], false) == true
}

published_keys := {
	"name", "path", "policy_name", "prefix", "target_bucket", "target_prefix",
	"log_bucket", "log_prefix", "iam_user", "cross_account_role",
}

# enclosing_address is the address of the innermost block of root that
# holds path (root's own when no nested block does).
enclosing_address(root, path) := object.get(root, array.concat(array.slice(path, 0, n), ["address"]), "") if {
	n := max([k |
		some k in numbers.range(0, count(path) - 1)
		is_string(object.get(root, array.concat(array.slice(path, 0, k), ["address"]), null))
	])
}

# A token in a tag (a sensitive one is reported above; its value is not in
# the input). The key is not named when it holds the token.
deny contains f if {
	some b in input.buckets
	object.get(b, ["tags", "sensitive_keys"], false) != true
	some t in object.get(b, ["tags", "entries"], [])
	kind := token_kind(t.value)
	f := {
		"msg": sprintf("a %s appears in tag %q of bucket %q; remove it and revoke the token", [kind, t.key, b.label]),
		"range": t.range,
		"address": b.address,
	}
}

deny contains f if {
	some b in input.buckets
	object.get(b, ["tags", "sensitive_keys"], false) != true
	some t in object.get(b, ["tags", "entries"], [])
	kind := token_kind(t.key)
	f := {
		"msg": sprintf("a %s appears in a tag key of bucket %q; remove it and revoke the token", [kind, b.label]),
		"range": t.range,
		"address": b.address,
	}
}

deny contains f if {
	some v in object.get(input, "variables", [])
	kind := token_kind(object.get(v, ["description", "value"], ""))
	f := {
		"msg": sprintf("a %s appears in the description of variable %q; remove it and revoke the token", [kind, v.name]),
		"range": v.description.range,
		"address": v.address,
	}
}

# A token in a string of a policy document (a condition value, a principal):
# the document is rendered and written to AWS as is.
deny contains f if {
	some doc in object.get(input, "documents", [])
	doc.kind in policy_kinds
	may_hold_token(json.marshal(doc.content))
	kinds := {kind |
		walk(doc.content, [_, x])
		is_string(x)
		kind := token_kind(x)
	}
	some kind in kinds
	f := {
		"msg": sprintf("a %s appears in the %s document of %s; remove it and revoke the token", [kind, doc.kind, doc.address]),
		"range": doc.range,
		"address": doc.address,
	}
}

# policy_kinds are the documents written from statements, conditions and
# principals of the spec (tags are checked above, once).
policy_kinds := {"bucket-policy", "identity-policy", "trust-policy"}

# may_hold_token holds when s contains a prefix of a token format: every
# string token_kind recognises holds one (the characters of the prefixes
# are not escaped by json.marshal), so a document without any needs no
# walk over its strings.
may_hold_token(s) if {
	some p in token_prefixes
	contains(s, p)
}

token_prefixes := ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xoxb-", "xoxa-", "xoxp-", "PRIVATE KEY-----"]

# token_kind names the first token format found in s (undefined when none).
# The prefixes are tested first: most strings hold none of them.
token_kind(s) := "GitHub token" if {
	contains(s, "gh")
	regex.match(`(^|[^A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}`, s)
} else := "GitHub token" if {
	contains(s, "github_pat_")
	regex.match(`github_pat_[A-Za-z0-9_]{22,}`, s)
} else := "Slack token" if {
	contains(s, "xox")
	regex.match(`(^|[^A-Za-z0-9])xox[bap]-[0-9A-Za-z-]{10,}`, s)
} else := "PEM private key" if {
	contains(s, "PRIVATE KEY")
	regex.match(`-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----`, s)
}
