package teramotc.rules.unversioned_shared_write_test

import data.teramotc.rules.unversioned_shared_write

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

bucket(versioned) := {"label": "data", "address": "bucket.data", "name": {"value": "acme-data"}, "versioning": {"value": versioned, "set": true, "range": rng(5)}}

grant(label, bucket_label) := {"label": label, "address": sprintf("grant.%s", [label]), "bucket": {"value": bucket_label}}

identity(address, actions) := {"kind": "identity-policy", "address": address, "content": {"Statement": [{"Effect": "Allow", "Action": actions, "Resource": "arn:aws:s3:::acme-data/*"}]}}

bucket_policy(principal, actions) := {"kind": "bucket-policy", "address": "bucket.data", "content": {"Statement": [{"Sid": "Partner", "Effect": "Allow", "Principal": {"AWS": principal}, "Action": actions, "Resource": "arn:aws:s3:::acme-data/*"}]}}

spec(versioned, grants, docs) := {"aws": {"account_id": {"value": "111122223333"}}, "buckets": [bucket(versioned)], "grants": grants, "documents": docs}

# Review leak L5: a partner that may delete from an unversioned bucket.
test_grant_delete_fails if {
	fs := unversioned_shared_write.deny with input as spec(false, [grant("partner", "data")], [identity("grant.partner", ["s3:GetObject", "s3:DeleteObject"])])
	count(fs) == 1
	some f in fs
	f.range == rng(5)
	f.address == "bucket.data"
	contains(f.msg, `(grant "partner")`)
}

test_grant_write_wildcard_fails if {
	fs := unversioned_shared_write.deny with input as spec(false, [grant("partner", "data")], [identity("grant.partner", "s3:Put*")])
	count(fs) == 1
}

test_statement_to_other_account_fails if {
	fs := unversioned_shared_write.deny with input as spec(false, [], [bucket_policy("arn:aws:iam::210987654321:root", ["s3:PutObject"])])
	count(fs) == 1
	some f in fs
	contains(f.msg, `bucket policy statement "Partner"`)
}

test_passes if {
	# Versioned, read only, another bucket, an own-account statement.
	count(unversioned_shared_write.deny) == 0 with input as spec(true, [grant("partner", "data")], [identity("grant.partner", ["s3:DeleteObject"])])
	count(unversioned_shared_write.deny) == 0 with input as spec(false, [grant("partner", "data")], [identity("grant.partner", ["s3:GetObject"])])
	count(unversioned_shared_write.deny) == 0 with input as spec(false, [grant("partner", "other")], [identity("grant.partner", ["s3:PutObject"])])
	count(unversioned_shared_write.deny) == 0 with input as spec(false, [], [bucket_policy("arn:aws:iam::111122223333:role/app", ["s3:PutObject"])])
}

# Review-diff4 M2: a grant whose writes and deletes reach only the objects
# under its prefix is a warning that names the prefix; a statement on the
# whole bucket, or another unlimited writer, keeps the error.
prefixed(label, prefix) := object.union(grant(label, "data"), {"prefix": {"value": prefix}})

identity_on(address, actions, resources) := {"kind": "identity-policy", "address": address, "content": {"Statement": [
	{"Effect": "Allow", "Action": actions, "Resource": resources},
	{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-data"},
]}}

test_prefixed_grant_warns if {
	docs := [identity_on("grant.partner", ["s3:PutObject", "s3:DeleteObject"], "arn:aws:s3:::acme-data/inbox/*")]
	fs := unversioned_shared_write.deny with input as spec(false, [prefixed("partner", "inbox/")], docs)
	count(fs) == 1
	some f in fs
	f.severity == "warning"
	contains(f.msg, `grant "partner" under "inbox/"`)
	not contains(f.msg, "its objects")
}

test_prefixed_grant_on_whole_bucket_fails if {
	docs := [identity_on("grant.partner", ["s3:PutObject"], "arn:aws:s3:::acme-data/*")]
	fs := unversioned_shared_write.deny with input as spec(false, [prefixed("partner", "inbox/")], docs)
	count(fs) == 1
	some f in fs
	not f.severity
	contains(f.msg, "its objects")
}

test_prefixed_and_unlimited_fails if {
	docs := [
		identity_on("grant.partner", ["s3:PutObject"], "arn:aws:s3:::acme-data/inbox/*"),
		bucket_policy("arn:aws:iam::210987654321:root", ["s3:PutObject"]),
	]
	fs := unversioned_shared_write.deny with input as spec(false, [prefixed("partner", "inbox/")], docs)
	count(fs) == 1
	some f in fs
	not f.severity
	contains(f.msg, `(bucket policy statement "Partner", grant "partner" under "inbox/")`)
}

# Review-leak2 L12: the writes of another account's replication rule
# overwrite objects and add delete markers as PutObject and DeleteObject do.
test_statement_replicate_fails if {
	fs := unversioned_shared_write.deny with input as spec(false, [], [bucket_policy("arn:aws:iam::210987654321:root", ["s3:ReplicateObject", "s3:ReplicateDelete"])])
	count(fs) == 1
	some f in fs
	contains(f.msg, `bucket policy statement "Partner"`)
}

test_grant_replicate_delete_fails if {
	fs := unversioned_shared_write.deny with input as spec(false, [grant("partner", "data")], [identity("grant.partner", ["s3:GetObject", "s3:ReplicateDelete"])])
	count(fs) == 1
}

# Review-leak2 M2: a versioned bucket whose lifecycle rule purges
# noncurrent versions within days loses what a partner overwrites or
# deletes as if it were unversioned.
nc_rule(id, nc, prefix) := {
	"id": id, "address": sprintf("bucket.data.lifecycle_rule.%s", [id]),
	"enabled": {"value": true}, "prefix": {"value": prefix},
	"noncurrent_expiration_days": {"value": nc, "set": true, "range": rng(12)},
}

with_rules(s, rules) := json.patch(s, [{"op": "add", "path": "/buckets/0/lifecycle_rules", "value": rules}])

test_short_noncurrent_grant_delete_fails if {
	s := spec(true, [grant("partner", "data")], [identity("grant.partner", ["s3:GetObject", "s3:DeleteObject"])])
	fs := unversioned_shared_write.deny with input as with_rules(s, [nc_rule("purge", 1, "")])
	count(fs) == 1
	some f in fs
	not f.severity
	f.range == rng(12)
	f.address == "bucket.data.lifecycle_rule.purge"
	contains(f.msg, `lifecycle rule "purge" of bucket "data" deletes noncurrent versions 1 day after they become noncurrent`)
	contains(f.msg, `(grant "partner")`)
}

test_short_noncurrent_statement_fails if {
	s := spec(true, [], [bucket_policy("arn:aws:iam::210987654321:root", ["s3:PutObject"])])
	fs := unversioned_shared_write.deny with input as with_rules(s, [nc_rule("purge", 3, "")])
	count(fs) == 1
}

# A rule or a grant limited to a prefix: a warning, when they overlap.
test_short_noncurrent_prefixed_warns if {
	docs := [identity_on("grant.partner", ["s3:PutObject"], "arn:aws:s3:::acme-data/inbox/*")]
	s := spec(true, [prefixed("partner", "inbox/")], docs)
	fs := unversioned_shared_write.deny with input as with_rules(s, [nc_rule("purge", 1, "")])
	count(fs) == 1
	some f in fs
	f.severity == "warning"
	contains(f.msg, `grant "partner" under "inbox/"`)

	s2 := spec(true, [grant("partner", "data")], [identity("grant.partner", ["s3:DeleteObject"])])
	fs2 := unversioned_shared_write.deny with input as with_rules(s2, [nc_rule("tmp", 1, "tmp/")])
	count(fs2) == 1
	some f2 in fs2
	f2.severity == "warning"
	contains(f2.msg, `deletes noncurrent versions under "tmp/" 1 day`)
}

test_short_noncurrent_passes if {
	s := spec(true, [grant("partner", "data")], [identity("grant.partner", ["s3:DeleteObject"])])
	# A week or more; read only.
	count(unversioned_shared_write.deny) == 0 with input as with_rules(s, [nc_rule("week", 7, "")])
	r := spec(true, [grant("partner", "data")], [identity("grant.partner", ["s3:GetObject"])])
	count(unversioned_shared_write.deny) == 0 with input as with_rules(r, [nc_rule("purge", 1, "")])

	# A prefixed grant and a rule on another prefix.
	docs := [identity_on("grant.partner", ["s3:PutObject"], "arn:aws:s3:::acme-data/inbox/*")]
	p := spec(true, [prefixed("partner", "inbox/")], docs)
	count(unversioned_shared_write.deny) == 0 with input as with_rules(p, [nc_rule("tmp", 1, "tmp/")])
}
