package teramotc.rules.no_secrets_test

import data.teramotc.rules.no_secrets

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

test_fail_access_key if {
	fs := no_secrets.deny with input as {"secrets": [{"kind": "access_key_id", "range": rng(9)}]}
	count(fs) == 1
	some f in fs
	f.range == rng(9)
	contains(f.msg, "access key id")
}

test_fail_secret_key if {
	fs := no_secrets.deny with input as {"secrets": [{"kind": "secret_access_key", "range": rng(3)}, {"kind": "access_key_id", "range": rng(2)}]}
	count(fs) == 2
}

test_pass_no_hits if {
	count(no_secrets.deny) == 0 with input as {"secrets": []}
	count(no_secrets.deny) == 0 with input as {}
}

# Review rego2 L6: a key built by an expression is found by the loader in
# the evaluated value and reported at the attribute holding it; the message
# never holds the key.
test_fail_evaluated_key if {
	fs := no_secrets.deny with input as {"secrets": [{"kind": "evaluated_access_key_id", "range": rng(6)}]}
	[f.msg | some f in fs] == ["an AWS access key id (built by an expression) appears in the spec; remove it and rotate the key"]
	[f.range | some f in fs] == [rng(6)]
}

bucket_tags(entries, keys) := {"label": "data", "address": "bucket.data", "tags": {"range": rng(20), "set": true, "sensitive_keys": keys, "entries": entries}}

tag(k, v, sens, line) := {"key": k, "value": v, "sensitive": sens, "range": rng(line)}

# Review leak M5: a tag from a sensitive value is an error at the tag; the
# message names the key, never the value.
test_fail_sensitive_tag if {
	b := bucket_tags([tag("db_password", "(sensitive)", true, 11), tag("team", "data", false, 12)], false)
	fs := no_secrets.deny with input as {"buckets": [b]}
	[f.range | some f in fs] == [rng(11)]
	[f.msg | some f in fs] == ["tag \"db_password\" of bucket \"data\" takes its value from a sensitive value; tags are readable in AWS and rendered in plain text"]
}

# tags = var.t of a sensitive map: one finding at the map, naming no key.
test_fail_sensitive_tag_map if {
	b := bucket_tags([tag("(sensitive)", "(sensitive)", true, 11), tag("(sensitive)", "(sensitive)", true, 12)], true)
	fs := no_secrets.deny with input as {"buckets": [b]}
	[f.range | some f in fs] == [rng(20)]
}

test_fail_token_in_tag if {
	tokens := [
		"ghp_1234567890abcdefghijklmnopqrstuvwxyzAB",
		"token ghs_1234567890abcdefghijklmnopqrstuvwxyzAB",
		"github_pat_11ABCDEFG0123456789abc_defghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVW",
		"xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
		"xoxp-1234567890-abcdef",
		"-----BEGIN RSA PRIVATE KEY-----",
		"-----BEGIN PRIVATE KEY-----",
		"-----BEGIN OPENSSH PRIVATE KEY-----",
	]
	every tok in tokens {
		fs := no_secrets.deny with input as {"buckets": [bucket_tags([tag("t", tok, false, 11)], false)]}
		count(fs) == 1
		every f in fs {
			not contains(f.msg, tok)
			f.range == rng(11)
		}
	}
}

test_fail_token_in_tag_key if {
	tok := "ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"
	fs := no_secrets.deny with input as {"buckets": [bucket_tags([tag(tok, "x", false, 11)], false)]}
	[f.msg | some f in fs] == ["a GitHub token appears in a tag key of bucket \"data\"; remove it and revoke the token"]
}

test_pass_token_lookalikes if {
	texts := [
		"ghp_short", "high_1234567890abcdefghijklmnopqrstuvwxyzAB", "xoxb", "xox-b-1234567890",
		"-----BEGIN PUBLIC KEY-----", "-----BEGIN CERTIFICATE-----", "github_pat_", "team-ghp", "xoxo-1234567890abc",
	]
	every text in texts {
		count(no_secrets.deny) == 0 with input as {"buckets": [bucket_tags([tag("t", text, false, 11), tag(text, "x", false, 12)], false)]}
	}
}

test_fail_token_in_description_and_policy if {
	v := {"name": "x", "address": "var.x", "description": {"value": "use xoxb-123456789012-abcdefghij", "range": rng(3), "set": true}}
	doc := {"kind": "bucket-policy", "address": "bucket.data", "range": rng(30), "content": {"Statement": [{"Condition": {"StringEquals": {"aws:UserAgent": ["ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"]}}}]}}
	tagging := {"kind": "tagging", "address": "bucket.data", "range": rng(40), "content": {"TagSet": [{"Key": "gh", "Value": "ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"}]}}
	fs := no_secrets.deny with input as {"variables": [v], "documents": [doc, tagging]}
	{f.range | some f in fs} == {rng(3), rng(30)}
}

# may_hold_token, the prefilter of the policy documents, holds for every
# string token_kind recognises, also inside a JSON-encoded document.
test_token_prefilter_covers_token_kind if {
	tokens := [
		"ghp_1234567890abcdefghijklmnopqrstuvwxyzAB", "x gho_1234567890abcdefghijklmnopqrstuvwxyzAB",
		"ghu_1234567890abcdefghijklmnopqrstuvwxyzAB", "ghs_1234567890abcdefghijklmnopqrstuvwxyzAB",
		"ghr_1234567890abcdefghijklmnopqrstuvwxyzAB", "github_pat_11ABCDEFG0123456789_abcdefghijklmnop",
		"xoxb-123456789012-abcdefghij", "xoxa-123456789012-abcdefghij", "xoxp-123456789012-abcdefghij",
		"-----BEGIN RSA PRIVATE KEY-----\nMIIE", "-----BEGIN PRIVATE KEY-----",
	]
	every t in tokens {
		no_secrets.token_kind(t)
		no_secrets.may_hold_token(json.marshal({"Statement": [{"Condition": {"StringEquals": {"k": [t]}}}]}))
	}
	not no_secrets.may_hold_token(json.marshal({"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}))
}

# Review-leak2 L8: a sensitive value in an attribute that becomes part of a
# name, path, prefix or ARN in AWS, reported at the attribute with the
# address of its block.
secret(line) := {"value": "s3cr3tExtId7f3a9b2c4d5e6f70/", "range": rng(line), "set": true, "sensitive": true}

published_input := {
	"buckets": [{
		"label": "data", "address": "bucket.data", "name": attr("acme-data", 2),
		"access_logging": {"address": "bucket.data.access_logging", "target_bucket": attr("acme-logs", 4), "target_prefix": secret(5)},
		"lifecycle_rules": [{"address": "bucket.data.lifecycle_rule.r", "id": "r", "prefix": secret(8)}],
	}],
	"grants": [{
		"label": "partner", "address": "grant.partner", "prefix": secret(12),
		"iam_user": {"address": "grant.partner.iam_user", "name": secret(14), "path": secret(15)},
	}],
	"trails": [{"label": "audit", "address": "trail.audit", "log_prefix": secret(19)}],
	"variables": [{"name": "s", "address": "var.s", "sensitive": {"value": true, "set": true, "sensitive": false}}],
}

# Without a sensitive variable nothing can be sensitive: the check does not
# walk the blocks (the input above, its variable left out, gives nothing).
test_pass_no_sensitive_variable if {
	count(no_secrets.deny) == 0 with input as object.remove(published_input, ["variables"])
}

test_fail_sensitive_published_attributes if {
	fs := no_secrets.deny with input as published_input
	count(fs) == 6
	{[f.address, f.range.start.line] | some f in fs} == {
		["bucket.data.access_logging", 5], ["bucket.data.lifecycle_rule.r", 8],
		["grant.partner", 12], ["grant.partner.iam_user", 14], ["grant.partner.iam_user", 15],
		["trail.audit", 19],
	}
	some f in fs
	f.range.start.line == 14
	startswith(f.msg, "grant.partner.iam_user.name takes its value from a sensitive value")
	every g in fs {
		not contains(g.msg, "s3cr3t")
	}
}

# A sensitive value elsewhere (an external id, a statement's condition
# value) or a published attribute that is not sensitive: no finding.
test_pass_sensitive_unpublished if {
	doc := {
		"buckets": [{"label": "data", "address": "bucket.data", "name": attr("acme-data", 2), "statements": [{
			"address": "bucket.data.statement.S",
			"conditions": [{"values": {"value": ["x"], "range": rng(30), "set": true, "sensitive": true}}],
		}]}],
		"grants": [{"label": "p", "address": "grant.p", "prefix": attr("in/", 12), "cross_account_role": {
			"address": "grant.p.cross_account_role", "name": attr("r", 13), "external_id": secret(14),
		}}],
	}
	count(no_secrets.deny) == 0 with input as doc
}
