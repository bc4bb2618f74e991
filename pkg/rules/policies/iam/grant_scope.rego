# METADATA
# title: Shared access reaches past the prefix or into old versions
# description: >-
#   Ways a partner gets more than a grant seems to give. A grant's
#   prefix limits the object actions (their Resource is
#   BUCKET/PREFIX*) and the listings (s3:ListBucket and s3:ListBucketVersions
#   get an s3:prefix condition), but not the other bucket-level actions of
#   extra_actions (a wildcard that matches only object actions, such as
#   s3:GetObject*, grants nothing on the bucket and is not reported here): s3:ListBucketMultipartUploads lists the uploads of the
#   whole bucket, s3:GetBucketPolicy shows the policy that names every
#   partner, a configuration write changes the bucket for everyone. Reads
#   of the bucket's settings are notices, the others warnings (the actions
#   TMC105 reports are left to it, with the same remark). And
#   on a versioned bucket (the default), s3:GetObjectVersion (also
#   s3:GetObjectVersionForReplication, s3:GetObjectVersionTorrent) lets a
#   partner read the versions the owner deleted or overwrote, such as a file
#   uploaded by mistake and removed: a warning; s3:ListBucketVersions and
#   the version metadata reads (ACL, attributes, tags) show their keys and
#   details: a notice. The rule reads the identity policy of every grant
#   (not of a role only the own account may assume) and the bucket-policy
#   statements that let another account in. A grant's role or IAM user
#   lives in the own account, so a bucket-policy Allow that names it, or
#   "*" limited to the own account (aws:PrincipalAccount), reaches the
#   partner past the grant's prefix: object actions on keys outside the
#   prefix and listings that no s3:prefix condition holds to the prefix
#   are reported (the TMC105 actions are left to it). Only a
#   StringEquals or StringLike s3:prefix condition whose every value
#   starts with the grant's prefix limits a listing (and keeps the
#   statement off object actions, which have no s3:prefix key); an
#   ...IfExists or negated operator, or a value such as "*" or another
#   prefix, does not. As the role lives in the own account, a Deny keyed on the
#   partner's account (its Principal, or aws:PrincipalAccount or
#   aws:PrincipalArn naming only that account) never applies to the
#   partner, which works through the role: reported as well. Last, a
#   statement block that lets another account in (its root, a role or user
#   of it, or "*" limited by aws:PrincipalOrgID, aws:PrincipalAccount or
#   aws:PrincipalArn to other accounts) shares the bucket outside every
#   grant: no prefix, no role with an external id, and no revoked_grant can
#   take it back (statements for which TMC105 reports an error, and those
#   TMC102 or TMC107 report, are left to them; its version reads are said
#   in the same finding). A Resource whose bucket name has a wildcard
#   ("BUCKET*", "arn:aws:s3:::*") also matches object keys: it counts as
#   an object ARN too.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html
#     description: AWS documentation (s3:prefix applies to the listings only)
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/RetrievingObjectVersions.html
#     description: AWS documentation (reading noncurrent versions)
# custom:
#   id: TMC510
#   name: grant-scope
#   severity: warning
#   hard: false
#   remediation: >-
#     Take the bucket-level actions out of the extra_actions of a grant with
#     a prefix (the owner can run them, or the partner gets a bucket of its
#     own), and take s3:GetObjectVersion, s3:ListBucketVersions and the other
#     version reads out unless the partner must see old versions; expire
#     noncurrent versions soon (noncurrent_expiration_days) when it must.
#     Keep an own-account bucket-policy Allow off the grants' roles and
#     users (an exact ARN of another role, or an ArnNotEquals
#     aws:PrincipalArn condition listing them), and key a Deny meant for the
#     partner on aws:PrincipalArn = the grant's role ARN. Share with
#     another account through a grant (a cross_account_role with an
#     external id, under a prefix) instead of a statement block.
#     Suppress the finding with a reason when the access is meant.
#   security_severity: "5.3"
#   peers: []
package teramotc.rules.grant_scope

import data.teramotc.lib.admin_actions
import data.teramotc.lib.common
import data.teramotc.lib.identity
import data.teramotc.lib.parties
import data.teramotc.lib.sharing

# --- bucket-level actions of a grant with a prefix -------------------------------

deny contains f if {
	some g in input.grants
	g.prefix.value != ""
	doc := common.policy_document(g.address, "identity-policy")
	some [i, s] in common.statements(doc)
	s.Effect == "Allow"
	bucket_wide(s)
	not prefix_condition(s)
	some tier in ["warning", "notice"]
	acts := [a |
		some a in common.actions(s)
		not common.covers_any_action({"Action": a}, admin_actions.all)
		not object_only(a)
		prefix_tier(a) == tier
	]
	count(acts) > 0
	f := {
		"msg": sprintf("the prefix %s of %s does not limit %s: bucket-level actions act on the whole bucket%s", [common.shown(g.prefix), g.address, concat(", ", acts), prefix_why[tier]]),
		"range": action_range(doc, i, s, acts),
		"address": g.address,
		"severity": tier,
	}
}

prefix_why := {"warning": "", "notice": ", so the partner reads settings of every prefix"}

# prefix_tier: reading the bucket's settings is a notice, anything else
# (writes, listings without s3:prefix, wildcards) a warning.
prefix_tier(a) := "notice" if {
	not identity.has_wildcard(a)
	identity.s3_info[identity.name(a)].level == "Read"
} else := "warning"

# object_only: an S3 action, or a wildcard, that matches only object-level
# actions (s3:GetObject*): on the bucket ARN, where the renderer puts a
# wildcard, it grants nothing, so it acts on no bucket at all (TMC501
# reports the wildcard itself).
object_only(a) if {
	identity.service(a) == "s3"
	n := identity.name(a)
	levels := {info.resource | some k, info in identity.s3_info; glob.match(n, null, k)}
	count(levels) > 0
	levels == {"object"}
}

# bucket_wide: a Resource is the bucket ARN (not BUCKET/...).
bucket_wide(s) if {
	some r in common.resources(s)
	not contains(identity.s3_path(r), "/")
}

prefix_condition(s) if {
	some c in common.conditions(s)
	c.key == "s3:prefix"
}

# --- version reads on a versioned bucket -----------------------------------------

# version_reads: the actions that read noncurrent versions; content reads
# are warnings, the rest (keys, ACLs, attributes, tags) notices.
version_reads := {
	"warning": ["s3:GetObjectVersion", "s3:GetObjectVersionForReplication", "s3:GetObjectVersionTorrent"],
	"notice": [
		"s3:ListBucketVersions", "s3:GetObjectVersionAcl", "s3:GetObjectVersionAttributes",
		"s3:GetObjectVersionTagging", "s3:GetObjectVersionAnnotation",
	],
}

# version_lowered is version_reads in lower case, as sets (common.may_cover).
version_lowered := {tier: {lower(a) | some a in acts} | some tier, acts in version_reads}

version_why := {
	"warning": "read the versions the owner deleted or overwrote",
	"notice": "see the keys and details of versions the owner deleted or overwrote",
}

# One finding per grant and tier (review-adopt F-dup-findings): the version
# reads of every Allow of the grant's identity policy, each only where a
# Resource of its statement is of the action's type (s3:* on the bucket ARN
# reads no object version), and the wildcards that produced an action not
# written out named ("through s3:GetObject*").
deny contains f if {
	some g in input.grants
	who := admin_actions.holder(g)
	b := common.bucket_by_label(g.bucket.value)
	versioned(b)
	doc := common.policy_document(g.address, "identity-policy")
	some tier, acts in version_reads
	hits := [[i, s, a] |
		some [i, s] in common.statements(doc)
		s.Effect == "Allow"
		common.may_cover(s, version_lowered[tier])
		not folded(s, tier)
		some a in common.covered_actions(s, acts)
		applies(s, a)
	]
	count(hits) > 0
	got := {h[2] | some h in hits}
	granted := [a | some a in acts; a in got]
	[i, s, _] := hits[0]
	f := {
		"msg": sprintf("the identity policy of %s lets %s call %s%s on versioned bucket %q: the partner can %s", [g.address, who, concat(", ", granted), through(hits), b.label, version_why[tier]]),
		"range": action_range(doc, i, s, acts),
		"address": g.address,
		"severity": tier,
	}
}

# applies(s, a): a Resource of s is of the type of S3 action a, typed as
# TMC105 and TMC503 type it (identity.levels: "*", a non-S3 ARN and a
# bucket name with a wildcard, which also matches "/" and so object keys,
# count as both; review-diff6b F3).
applies(s, a) if {
	kind := identity.s3_info[identity.name(a)].resource
	some r in common.resources(s)
	kind in identity.levels(r)
}

applies(s, _) if s.NotResource

# through names the Action patterns (or NotAction) that give an action of
# hits that its statement does not write out.
through(hits) := sprintf(" (through %s)", [concat(", ", srcs)]) if {
	srcs := sort({src |
		some [_, s, a] in hits
		not lower(a) in {lower(x) | some x in common.actions(s)}
		some src in sources(s, a)
	})
	count(srcs) > 0
} else := ""

sources(s, a) := {x | some x in common.actions(s); identity.has_wildcard(x); common.action_matches(x, a)} if count(common.not_actions(s)) == 0

else := {sprintf("NotAction %s", [concat(", ", common.not_actions(s))])}

deny contains f if {
	some b in input.buckets
	versioned(b)
	some [doc, i, s] in common.statements_at_address("bucket-policy", b.address)
	s.Effect == "Allow"
	sharing.shares(s)
	not bypass(doc, s)
	some tier, acts in version_reads
	common.may_cover(s, version_lowered[tier])
	granted := [a | some a in common.covered_actions(s, acts); applies(s, a)]
	count(granted) > 0
	not folded(s, tier)
	f := {
		"msg": sprintf("the bucket policy of %s %s to call %s on a versioned bucket: the partner can %s", [b.address, sharing.who(s), concat(", ", granted), version_why[tier]]),
		"range": action_range(doc, i, s, acts),
		"address": b.address,
		"severity": tier,
	}
}

# --- bucket-policy statements that reach a grant's role or user ------------------

# A bucket-policy Allow that reaches a grant's role or IAM user ("*" with
# aws:PrincipalAccount = the own account, or the role's ARN) gives the
# partner what it allows, whatever the grant's prefix: object actions on
# keys outside the prefix, or a listing of the bucket without an s3:prefix
# condition.
deny contains f if {
	some party in parties.grant_parties
	g := grant_of(party)
	g.prefix.value != ""
	b := common.bucket_by_label(g.bucket.value)
	some [doc, i, s] in common.statements_at_address("bucket-policy", b.address)
	s.Effect == "Allow"
	parties.reaches(s, party)
	acts := past_prefix(s, g.prefix.value)
	count(acts) > 0
	f := {
		"msg": sprintf("the prefix %s of %s is bypassed by statement %s of the bucket policy of %s: it lets %s call %s outside the prefix", [common.shown(g.prefix), g.address, statement_name(s, i), b.address, parties.label(party), concat(", ", acts)]),
		"range": common.statement_range(doc, i),
		"address": b.address,
	}
}

grant_of(party) := g if {
	some g in input.grants
	g.label == party.grant
}

# past_prefix lists the actions of s (as written) that act outside prefix:
# an object action on a Resource whose key pattern does not start with the
# prefix, or a listing on the bucket ARN, unless an s3:prefix condition of s
# stops it (limited).
past_prefix(s, prefix) := sort({a |
	some a in common.actions(s)
	not common.covers_any_action({"Action": a}, admin_actions.all)
	some r in common.resources(s)
	some kind in outside_prefix(a, r, prefix)
	not limited(s, kind, prefix)
})

# limited(s, kind, prefix): an s3:prefix condition keeps s from acting
# outside the prefix as kind ("object" or "bucket": the type of Resource
# the action reaches past the prefix; review-diff5 F2). The object actions
# carry no s3:prefix key, so a condition that needs the key
# (required_prefix) makes s not apply to them at all. A listing is limited
# only when such a condition admits no value outside the prefix: every
# value starts with it. An ...IfExists operator passes when the key is
# absent (every object action), a negated one (StringNot...) admits every
# other prefix, and ["*"] or "other/*" list past the grant's prefix: none
# of them limits.
limited(s, "object", _) if {
	some c in common.conditions(s)
	required_prefix(c)
}

limited(s, "bucket", prefix) if {
	some c in common.conditions(s)
	required_prefix(c)
	c.operator != "Null"
	count(c.values) > 0
	every v in c.values {
		startswith(v, prefix)
	}
}

# required_prefix(c): c holds only when the request has an s3:prefix key.
required_prefix(c) if {
	c.key == "s3:prefix"
	lower(trim_prefix(c.operator, "ForAnyValue:")) in {"stringequals", "stringlike"}
}

required_prefix(c) if {
	c.key == "s3:prefix"
	c.operator == "Null"
	every v in c.values {
		lower(sprintf("%v", [v])) == "false"
	}
}

# outside_prefix(a, r, prefix) is the set of kinds of Resource r on which
# action a acts outside prefix: "object" for an object action when r's key
# pattern does not start with the prefix, or r is a bucket name with a
# wildcard (which also matches every key: review-diff6b F3); "bucket" for a
# listing on r as a bucket ARN.
outside_prefix(a, r, prefix) := {kind |
	path := identity.s3_path(r)
	some kind in identity.levels(r)
	acts_outside(a, path, kind, prefix)
}

acts_outside(a, path, "object", prefix) if {
	acts_on(a, "object")
	not key_under(path, prefix)
}

acts_outside(a, _, "bucket", _) if {
	acts_on(a, "bucket")
	listing(a)
}

# key_under: the key pattern of path (after the bucket name) starts with
# prefix; a path without a key has none.
key_under(path, prefix) if {
	contains(path, "/")
	startswith(substring(path, indexof(path, "/") + 1, -1), prefix)
}

acts_on(a, kind) if {
	identity.service(a) in {"s3", "*"}
	n := identity.name(a)
	some k, info in identity.s3_info
	info.resource == kind
	glob.match(lower(n), null, lower(k))
}

acts_on("*", kind) if kind in {"object", "bucket"}

listing(a) if {
	some k in ["ListBucket", "ListBucketVersions", "ListBucketMultipartUploads"]
	glob.match(lower(identity.name(a)), null, lower(k))
}

listing("*")

# A Deny keyed on the partner's account (its Principal, or an
# aws:PrincipalAccount or aws:PrincipalArn condition naming only it) never
# applies to the grant's role: the partner works through a role of the own
# account, whose aws:PrincipalAccount is the own account.
deny contains f if {
	some party in parties.grant_parties
	b := common.bucket_by_label(party.bucket)
	some [doc, i, s] in common.statements_at_address("bucket-policy", b.address)
	s.Effect == "Deny"
	parties.misses_under_deny(s, party)
	f := {
		"msg": sprintf("statement %s of the bucket policy of %s denies account %s, but grant %q's partner works through role %q of the own account, which the Deny does not match: key it on aws:PrincipalArn %s instead", [statement_name(s, i), b.address, party.account, party.grant, party.name, party.arn]),
		"range": common.statement_range(doc, i),
		"address": b.address,
	}
}

statement_name(s, i) := sprintf("%q", [s.Sid]) if s.Sid

else := sprintf("%d", [i])

# versioned: versioning is on unless the spec turns it off.
versioned(b) if not b.versioning.value == false

# folded: a wildcard or NotAction that grants content reads gets that one
# finding.
folded(s, "notice") if {
	wide(s)
	count(common.covered_actions(s, version_reads.warning)) > 0
}

wide(s) if count(common.not_actions(s)) > 0

wide(s) if {
	some a in common.actions(s)
	common.wildcard_value(a)
}

# action_range is the range of the first action of s among acts (its own
# provenance entry when the renderer records one per action), else of the
# Action or NotAction field.
action_range(doc, i, s, acts) := doc.provenance[sprintf("/Statement/%d/Action/%d", [i, j])] if {
	js := [j | some j, a in common.actions(s); common.covers_any_action({"Action": a}, acts)]
	j := js[0]
} else := common.field_range(doc, i, "Action") if s.Action

else := common.field_range(doc, i, "NotAction")

# --- hand-written statements that share the bucket outside the grants ------------

# A `statement` of the spec that lets another account (its root, a role or
# user of it, or "*" limited by aws:PrincipalOrgID, aws:PrincipalAccount or
# aws:PrincipalArn to others than the own account) in gives access that no
# grant holds to a prefix, guards with an external id, or lets a
# revoked_grant take back (review-adopt F-statement-bypass). Statements
# TMC105 reports as errors (administration; a warning or notice of it, such
# as s3:RestoreObject, does not say that the data is shared: review-diff6b
# F4) and TMC102 or TMC107 (public) report are left to them.
deny contains f if {
	some b in input.buckets
	some [doc, i, s] in common.statements_at_address("bucket-policy", b.address)
	bypass(doc, s)
	f := {
		"msg": sprintf("statement %s of the bucket policy of %s lets %s call %s %s outside any grant: no prefix, no role with an external id, and no revoked_grant can take it back%s; share through a grant instead", [statement_name(s, i), b.address, concat(" and ", partners(s)), concat(", ", bypass_actions(s)), bypass_scope(s), bypass_versions(b, s)]),
		"range": common.statement_range(doc, i),
		"address": b.address,
	}
}

bypass(doc, s) if {
	s.Effect == "Allow"
	hand_written(doc, s)
	count(bypass_actions(s)) > 0
	count(partners(s)) > 0
	not common.own_account_pinned(s)
	not common.public_allow(s)
	not admin_actions.grants_errors(s)
}

# hand_written: a statement block of the bucket has s's Sid (a test, not
# common.user_statement: two blocks may share a Sid, which TMC508 reports).
hand_written(doc, s) if {
	some b in common.bucket_address_index[doc.address]
	some st in b.statements
	st.sid == s.Sid
}

# bypass_actions lists the Actions of s but those that act on no Resource
# of s (s3:ListBucket on objects: TMC503 reports them) and the
# administration actions TMC105 reports as written (s3:RestoreObject: its
# notice says what it does); a wildcard stays, it also reads or writes data.
bypass_actions(s) := [a |
	some a in common.actions(s)
	not misplaced(s, a)
	not admin_action(a)
]

admin_action(a) if {
	not identity.has_wildcard(a)
	lower(a) in admin_lowered
}

admin_lowered := admin_actions.lowered(admin_actions.all)

misplaced(s, a) if {
	identity.s3_info[identity.name(a)]
	identity.service(a) == "s3"
	not applies(s, a)
}

# partners says whom s lets in from other accounts.
partners(s) := sort({w | some w in principal_partners(s)} | {w | some w in condition_partners(s)})

principal_partners(s) := {who_principal(p.value) |
	some p in common.principals(s)
	common.other_account_principal(p)
	not sharing.elb_delivery(s, p)
}

who_principal(v) := sprintf("every principal of account %s", [v]) if v == common.principal_account(v)

else := sprintf("every principal of account %s", [common.principal_account(v)]) if endswith(v, ":root")

else := sprintf("%q", [v])

condition_partners(s) := {w |
	some p in common.principals(s)
	common.wildcard_value(p.value)
	some c in common.conditions(s)
	lower(c.operator) in common.fixed_operators
	some v in c.values
	w := condition_partner(c.key, v)
}

condition_partner("aws:principalorgid", v) := sprintf("every principal of organization %s", [v])

condition_partner("aws:principalaccount", v) := sprintf("every principal of account %s", [v]) if v != common.own_account

condition_partner("aws:principalarn", v) := who_principal(v) if {
	common.principal_account(v) != common.own_account
}

bypass_scope(s) := "on every object of the bucket" if {
	some r in common.resources(s)
	path := identity.s3_path(r)
	endswith(path, "/*")
	count(split(path, "/")) == 2
} else := sprintf("on %s", [concat(", ", common.resources(s))])

bypass_versions(b, s) := ", and it reads the versions the owner deleted or overwrote" if {
	versioned(b)
	count([a | some a in common.covered_actions(s, version_reads.warning); applies(s, a)]) > 0
} else := ""
