# Helpers of the logging, IAM, trust, naming and secrets rules (TMC4xx-7xx):
# actions and their resource levels, S3 ARNs, policy statements of rendered
# documents, account ids and IAM names.
package teramotc.lib.identity

# --- actions -----------------------------------------------------------------

# s3_info and known, the action lists keyed by lower-cased name, are in
# action_index.rego.

# well_formed holds for "*" and "service:Name" where Name may hold the
# wildcards * and ?.
well_formed(action) if action == "*"

well_formed(action) if regex.match(`^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$`, action)

has_wildcard(action) if contains(action, "*")

has_wildcard(action) if contains(action, "?")

# service returns the lower-cased service prefix of an action ("s3").
service(action) := lower(split(action, ":")[0]) if contains(action, ":")

# name returns the lower-cased action name after the prefix ("getobject").
name(action) := lower(substring(action, count(split(action, ":")[0]) + 1, -1)) if contains(action, ":")

# matches holds when the action pattern (case-insensitive, with * and ?)
# covers the lower-cased action name of the same service.
matches(pattern, svc, lname) if {
	service(pattern) == svc
	glob.match(name(pattern), null, lname)
}

# literal holds for a pattern without glob syntax: it matches only itself,
# so a set lookup replaces a scan with glob.match.
literal(pattern) if not regex.match(`[*?\[\]{}\\]`, pattern)

# unknown holds for a well-formed action that names no existing action of
# S3, KMS or STS: a bucket setup needs no other service, and the spec
# loader's TMC504 check rejects other services too.
unknown(action) if {
	action != "*"
	svc := service(action)
	names := known[svc]
	not any_match(action, svc, names)
}

unknown(action) if {
	action != "*"
	not known[service(action)]
}

any_match(action, _, names) if {
	n := name(action)
	literal(n)
	n in names
}

any_match(action, svc, names) if {
	service(action) == svc
	pattern := name(action)
	not literal(pattern)
	some n in names
	glob.match(pattern, null, n)
}

# s3_level returns "bucket", "object", "other" or "none" for an S3 action
# without wildcards, and is undefined otherwise.
s3_level(action) := s3_info[substring(la, 3, -1)].resource if {
	# service(action) == "s3", name(action) and has_wildcard(action) on the
	# lower-cased action in fewer steps: lower-casing maps rune to rune.
	la := lower(action)
	startswith(la, "s3:")
	not contains(la, "*")
	not contains(la, "?")
}

# --- S3 ARNs -------------------------------------------------------------------

# s3_path returns what follows "arn:PARTITION:s3:::" ("bucket" or
# "bucket/key"), and is undefined for other ARNs.
s3_path(arn) := substring(arn, count(prefix), -1) if {
	# the fields "arn", any partition, "s3", "" and "" before the fifth colon
	prefix := regex.find_n(`^arn:[^:]*:s3:::`, arn, 1)[0]
}

# covers holds when a Resource value can designate ARNs of the given level
# ("bucket" or "object"). "*", non-S3 ARNs and S3 access point ARNs are
# given the benefit of the doubt.
covers(resource, _) if resource == "*"

covers(resource, _) if not s3_path(resource)

covers(resource, level) if level in path_levels(s3_path(resource))

# levels is the set of levels covers holds for, of "bucket" and "object".
levels(resource) := path_levels(path) if {
	resource != "*"
	path := s3_path(resource)
} else := {"bucket", "object"}

# path_levels: a path with a key designates objects; a bucket name with a
# wildcard, buckets and (as a prefix) objects, since IAM's "*" and "?" also
# match "/" ("b*" covers b/any/key, "b?x" the key x of b); a bucket name,
# the bucket.
path_levels(path) := {"object"} if contains(path, "/")

else := {"bucket", "object"} if contains(path, "*")

else := {"bucket", "object"} if contains(path, "?")

else := {"bucket"}

# --- values and documents ----------------------------------------------------

# list turns a policy value (a string or a list of strings) into a list.
list(v) := [v] if is_string(v)

list(v) := v if is_array(v)

# statements returns the Statement list of a policy document content.
statements(content) := list_of(object.get(content, "Statement", []))

list_of(v) := [v] if is_object(v)

list_of(v) := v if is_array(v)

# policy_kinds are the kinds of rendered documents that are policies.
policy_kinds := {"bucket-policy", "identity-policy", "trust-policy"}

# statement_range is the most specific source range of statement i of a
# rendered document: its provenance entry, else the document's range.
statement_range(doc, i) := doc.provenance[sprintf("/Statement/%d", [i])]

statement_range(doc, i) := doc.range if not doc.provenance[sprintf("/Statement/%d", [i])]

# pointer_range returns the provenance of a JSON pointer, falling back to the
# statement that holds it.
pointer_range(doc, _, ptr) := doc.provenance[ptr]

pointer_range(doc, i, ptr) := statement_range(doc, i) if not doc.provenance[ptr]

# --- accounts ------------------------------------------------------------------

# twelve_digits: ^[0-9]{12}$ without a regular expression (trimming the
# digits leaves nothing).
twelve_digits(id) if {
	count(id) == 12
	trim(id, "0123456789") == ""
}

# placeholder_accounts are account ids that AWS documentation and templates
# use as examples.
placeholder_accounts := {
	"123456789012", "012345678901", "123456789000",
	"111122223333", "444455556666", "777788889999", "999988887777",
	"123412341234", "100000000000",
}

placeholder_account(id) if id in placeholder_accounts

# a repeated digit: 000000000000, 111111111111, ...
placeholder_account(id) if {
	twelve_digits(id)
	replace(id, substring(id, 0, 1), "") == ""
}

# own_account is the spec's own account id, "" when unknown.
own_account := object.get(input, ["aws", "account_id", "value"], "")

# --- IAM names -------------------------------------------------------------------

# iam_name_ok: 1-max characters of [\w+=,.@-] (user, role and policy names).
iam_name_ok(n, max) if {
	count(n) >= 1
	count(n) <= max
	trim(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+=,.@-") == ""
}

# iam_path_ok: "/" or "/.../" of printable ASCII, at most 512 characters.
iam_path_ok(p) if p == "/"

# (^/[\x{21}-\x{7E}]+/$: "/", at least one character and "/", all of them
# printable ASCII, which trimming them leaves nothing of.)
iam_path_ok(p) if {
	count(p) <= 512
	count(p) >= 3
	startswith(p, "/")
	endswith(p, "/")
	trim(p, "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~") == ""
}

# --- where actions are written -------------------------------------------------

# action_sites lists every attribute of the spec that holds raw IAM actions:
# a grant's extra_actions (always Allow) and the actions and not_actions of
# bucket statement blocks. Each site is {"attr", "field", "effect",
# "actions", "range", "element_ranges", "address"}; "field" is "actions" or
# "not_actions", "element_ranges" the attribute's (one range per action; []
# in a document without them).
action_sites contains site if {
	some g in input.grants
	count(g.extra_actions.value) > 0
	site := {
		"attr": "extra_actions", "field": "actions", "effect": "Allow",
		"actions": g.extra_actions.value, "range": g.extra_actions.range,
		"element_ranges": object.get(g.extra_actions, "element_ranges", []),
		"address": g.address,
	}
}

action_sites contains site if {
	some b in input.buckets
	some st in b.statements
	some field in ["actions", "not_actions"]
	a := st[field]
	count(a.value) > 0
	site := {
		"attr": field, "field": field, "effect": effect(st),
		"actions": a.value, "range": a.range,
		"element_ranges": object.get(a, "element_ranges", []),
		"address": st.address,
	}
}

# elements_range is the range from the first to the last of the elements
# of a site's list at the indexes idx (ascending, not empty), so that a
# finding about some of its actions points at them rather than at the whole
# list; the site's range when the document has no element ranges.
elements_range(site, idx) := {"filename": first.filename, "start": first.start, "end": last.end} if {
	count(site.element_ranges) == count(site.actions)
	first := site.element_ranges[idx[0]]
	last := site.element_ranges[idx[count(idx) - 1]]
} else := site.range

# effect of a statement block: Allow unless written otherwise.
effect(st) := "Allow" if st.effect.value == ""

effect(st) := st.effect.value if st.effect.value != ""

# --- messages ------------------------------------------------------------------

# show quotes an attribute's value for a message, or says "(sensitive)" when
# the value comes from a sensitive variable.
show(a) := "(sensitive)" if a.sensitive == true

show(a) := sprintf("%q", [a.value]) if not a.sensitive == true
