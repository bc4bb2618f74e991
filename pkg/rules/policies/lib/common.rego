# Shared helpers of the built-in rules: ranges, rendered documents and
# policy statements. Pure Rego over the inspect document (docs/inspect.md),
# with no custom built-ins, so `opa eval` and `opa test` load it next to the
# rules.
package teramotc.lib.common

# ---------------------------------------------------------------------------
# Findings and ranges
# ---------------------------------------------------------------------------

# finding builds one deny entry of the rule contract.
finding(msg, rng, address) := {"msg": msg, "range": rng, "address": address}

# shown quotes an attribute's value for a message, or says "(sensitive)"
# when the value comes from a sensitive variable (messages are printed).
shown(a) := "(sensitive)" if a.sensitive == true

else := sprintf("%q", [a.value])

# attr_range is the range of an attribute: where it is written, or the
# enclosing block's header when it is not (the model already resolves this).
attr_range(a) := a.range

# pointer_range returns the most specific provenance range of doc for the
# JSON pointer ptr: ptr itself, else its closest ancestor with an entry, else
# the document's own range (its spec block header).
pointer_range(doc, ptr) := found[0] if {
	found := [r |
		some p in pointer_ancestors(ptr)
		r := doc.provenance[p]
	]
	count(found) > 0
} else := doc.range

# pointer_ancestors lists ptr and its ancestors, longest first:
# "/Statement/0/Action" -> ["/Statement/0/Action", "/Statement/0", "/Statement"].
pointer_ancestors(ptr) := [p |
	parts := split(trim_prefix(ptr, "/"), "/")
	some n in numbers.range(count(parts), 1)
	p := concat("", ["/", concat("/", array.slice(parts, 0, n))])
]

# statement_range is the provenance range of statement i of a policy document.
statement_range(doc, i) := pointer_range(doc, sprintf("/Statement/%d", [i]))

# field_range is the range of one field (Principal, Action, NotAction,
# Resource, Condition) of statement i of doc: its own provenance entry, else
# the attribute of the `statement` block that produced it, else the
# statement's range.
field_range(doc, i, field) := r if {
	r := doc.provenance[sprintf("/Statement/%d/%s", [i, field])]
} else := r if {
	st := user_statement(doc, doc.content.Statement[i])
	r := statement_attr_range(st, field)
} else := statement_range(doc, i)

statement_attr_range(st, "Principal") := st.principals.range if st.principals.set

statement_attr_range(st, "Action") := st.actions.range if st.actions.set

statement_attr_range(st, "NotAction") := st.not_actions.range if st.not_actions.set

statement_attr_range(st, "Resource") := st.resources.range if st.resources.set

statement_attr_range(st, "Effect") := st.effect.range if st.effect.set

statement_attr_range(st, "Condition") := st.conditions[0].range if count(st.conditions) > 0

# user_statement returns the `statement` block of the spec behind a rendered
# bucket-policy statement (same bucket, same Sid).
user_statement(doc, s) := st if {
	doc.kind == "bucket-policy"
	some b in bucket_address_index[doc.address]
	some st in b.statements
	st.sid == s.Sid
}

# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------

policy_kinds := {"bucket-policy", "identity-policy", "trust-policy"}

# documents_of_kind is the set of rendered documents of one kind.
documents_of_kind(kind) := {d | some d in input.documents; d.kind == kind}

# document returns the rendered document of a kind for a spec block address.
document(address, kind) := d if {
	some d in input.documents
	d.kind == kind
	d.address == address
}

# statements yields [i, statement] pairs of a policy document.
statements(doc) := [[i, s] | some i, s in object.get(doc.content, "Statement", [])]

# policy_document is document(address, kind) for a kind of policy_kinds,
# looked up among the policy_documents only.
policy_document(address, kind) := d if {
	some d in document_index[[kind, address]]
}

# bucket_by_label returns the bucket block with a label.
bucket_by_label(label) := b if {
	some b in bucket_label_index[label]
}

# bucket_by_name returns the bucket block whose AWS name is name.
bucket_by_name(name) := b if {
	some b in bucket_name_index[name]
}

# ---------------------------------------------------------------------------
# Statement fields
# ---------------------------------------------------------------------------

# as_list normalizes an IAM string-or-list field to a list.
as_list(x) := [x] if is_string(x)

else := x if is_array(x)

else := [x] if is_number(x)

else := x if is_set(x)

else := []

# actions is a statement's Action list (strings).
actions(s) := as_list(object.get(s, "Action", []))

# not_actions is a statement's NotAction list.
not_actions(s) := as_list(object.get(s, "NotAction", []))

# resources is a statement's Resource list.
resources(s) := as_list(object.get(s, "Resource", []))

# principals is a statement's Principal as a list of {"type", "value"}:
# "*" gives [{"type": "*", "value": "*"}]; {"AWS": ["a", "b"]} gives one
# entry per identifier.
principals(s) := [{"type": "*", "value": "*"}] if {
	s.Principal == "*"
} else := [{"type": t, "value": v} |
	some t, vs in s.Principal
	some v in as_list(vs)
] if {
	is_object(s.Principal)
} else := []

is_allow(s) if s.Effect == "Allow"

is_deny(s) if s.Effect == "Deny"

# action_matches reports whether the IAM action pattern (which may hold * and
# ?) matches the action; IAM action names are case-insensitive.
action_matches(pattern, action) if {
	glob.match(lower(pattern), [], lower(action))
}

# allows_action reports whether statement s covers the action, through
# Action or NotAction.
covers_action(s, action) if {
	some p in actions(s)
	action_matches(p, action)
}

covers_action(s, action) if {
	count(not_actions(s)) > 0
	not excluded_action(s, action)
}

excluded_action(s, action) if {
	some p in not_actions(s)
	action_matches(p, action)
}

# covers_any_action reports whether s covers one of the actions.
covers_any_action(s, acts) if {
	some a in acts
	covers_action(s, a)
}

# has_condition reports whether a statement has any condition.
has_condition(s) if count(object.get(s, "Condition", {})) > 0

# conditions yields every condition entry of s as {"operator", "key",
# "values"}, with key lowercased (IAM condition keys are case-insensitive).
conditions(s) := [{"operator": op, "key": lower(k), "values": as_list(v)} |
	some op, kv in object.get(s, "Condition", {})
	some k, v in kv
]

# ---------------------------------------------------------------------------
# Principals and public access
# ---------------------------------------------------------------------------

# wildcard_value reports an identifier that matches more than one fixed
# principal: "*", arn:aws:iam::*:root, any ARN or id holding * or ?.
wildcard_value(v) if contains(v, "*")

wildcard_value(v) if contains(v, "?")

# wildcard_principals lists the principal entries of s that are wildcards,
# whatever their type (as pkg/spec does for TMC107).
wildcard_principals(s) := [p |
	some p in principals(s)
	wildcard_value(p.value)
]

has_wildcard_principal(s) if count(wildcard_principals(s)) > 0

# non_public_keys are the condition keys that, with fixed values, make a
# statement non-public in the sense of S3 Block Public Access
# (access-control-block-public-access.html), lowercased. aws:SourceIp is
# handled separately (its range matters).
non_public_keys := {
	"aws:principalorgid",
	"aws:principalaccount",
	"aws:principalarn",
	"aws:sourcearn",
	"aws:sourceaccount",
	"aws:sourceowner",
	"aws:sourcevpc",
	"aws:sourcevpce",
	"aws:userid",
	"s3:x-amz-server-side-encryption-aws-kms-key-id",
	"s3:dataaccesspointarn",
	"s3:dataaccesspointaccount",
}

# fixed_operators are the condition operators that pin a key to listed
# values. Negated operators, ...IfExists (passes when the key is absent) and
# ForAllValues (passes for an empty set) never narrow.
fixed_operators := {
	"stringequals", "stringequalsignorecase", "stringlike",
	"arnequals", "arnlike",
	"foranyvalue:stringequals",
	"foranyvalue:stringequalsignorecase", "foranyvalue:stringlike",
	"foranyvalue:arnequals", "foranyvalue:arnlike",
}

# fixed_value reports a value with no wildcard and no policy variable.
fixed_value(v) if {
	is_string(v)
	v != ""
	not wildcard_value(v)
	not contains(v, "${")
}

fixed_values(vs) if {
	count(vs) > 0
	every v in vs {
		fixed_value(v)
	}
}

# narrowing_condition reports a condition entry that restricts the statement
# to fixed, non-public values, as S3 judges them: any fixed value of a
# non-public key (aws:userid included: S3 calls every fixed aws:userid
# non-public), each aws:SourceIp value on its own (TMC107 and pkg/spec's
# narrows agree on this). TMC102 is stricter (limiting_condition).
narrowing_condition(c) if {
	lower(c.operator) in fixed_operators
	c.key in non_public_keys
	fixed_values(c.values)
}

# pinned_userid: for TMC102 a fixed aws:userid value pins a principal only
# as an IAM unique id, of a user (AIDA...) or of a role's sessions
# (AROA...:SESSION). "anonymous" (the value of an unauthenticated caller)
# and "ACCOUNT:NAME" (a federated user of any account) do not, although S3
# accepts every fixed value (narrowing_condition, TMC107).
pinned_userid(v) if regex.match(unique_id_pattern, v)

unique_id_pattern := `^(AIDA[A-Z0-9]{12,}|AROA[A-Z0-9]{12,}(:.+)?)$`

narrowing_condition(c) if {
	lower(c.operator) in {"ipaddress", "foranyvalue:ipaddress"}
	c.key == "aws:sourceip"
	count(c.values) > 0
	every v in c.values {
		narrow_cidr(v)
	}
}

# narrow_cidr: a single IP address, an IPv4 range of /8 or narrower, or an
# IPv6 range of /32 or narrower (as pkg/spec's narrowCIDR).
narrow_cidr(v) if {
	not contains(v, "/")
	not contains(v, ":")
	net.cidr_is_valid(concat("", [v, "/32"]))
}

narrow_cidr(v) if {
	not contains(v, "/")
	contains(v, ":")
	net.cidr_is_valid(concat("", [v, "/128"]))
}

narrow_cidr(v) if {
	net.cidr_is_valid(v)
	parts := split(v, "/")
	not contains(parts[0], ":")
	to_number(parts[1]) >= 8
}

narrow_cidr(v) if {
	net.cidr_is_valid(v)
	parts := split(v, "/")
	contains(parts[0], ":")
	to_number(parts[1]) >= 32
}

# limiting_condition is narrowing_condition for TMC102, with three more
# demands. An aws:userid value must pin a principal (pinned_userid). The aws:SourceIp values are also taken together: S3 (and TMC107)
# judges each value on its own, so 223 values of /8 would pass although
# they cover every public IPv4 address, and a single /8 of a cloud provider
# (3.0.0.0/8) or an IPv6 /32 of a tunnelling service (Teredo, 2001::/32)
# is open to anyone who rents an address there. Here the values, merged
# where they overlap, may hold at most 2^16 IPv4 addresses (one /16) and
# 2^80 IPv6 addresses (one /48). And a key that names a resource or an
# account (aws:SourceArn, aws:SourceAccount, s3:DataAccessPointAccount,
# ...) must not name another account than the spec's own
# (foreign_pin): that account, not the spec, then decides who gets in.
limiting_condition(c) if {
	narrowing_condition(c)
	c.key != "aws:sourceip"
	c.key != "aws:userid"
	not foreign_pin(c)
}

limiting_condition(c) if {
	narrowing_condition(c)
	c.key == "aws:userid"
	every v in c.values {
		pinned_userid(v)
	}
}

limiting_condition(c) if {
	narrowing_condition(c)
	c.key == "aws:sourceip"
	small_address_space(c.values)
}

# small_address_space reports whether the addresses and CIDRs vs, merged,
# stay within one IPv4 /16 and one IPv6 /48. net.cidr_merge reads a bare
# address with a classful mask ("3.4.5.6" as 3.0.0.0/8), so bare addresses
# get /32 or /128 first; it also turns IPv4-mapped IPv6 ranges
# (::ffff:0:0/96) into IPv4 ones, which then count against the IPv4 budget.
small_address_space(vs) if {
	merged := net.cidr_merge([cidr_of(v) | some v in vs])
	sum([cidr_size(c) | some c in merged; not contains(c, ":")]) <= bits.lsh(1, 16)
	sum([cidr_size(c) | some c in merged; contains(c, ":")]) <= bits.lsh(1, 80)
}

cidr_of(v) := v if contains(v, "/")

else := concat("", [v, "/128"]) if contains(v, ":")

else := concat("", [v, "/32"])

# cidr_size is the number of addresses of a CIDR.
cidr_size(c) := bits.lsh(1, 128 - to_number(parts[1])) if {
	parts := split(c, "/")
	contains(parts[0], ":")
} else := bits.lsh(1, 32 - to_number(parts[1])) if {
	parts := split(c, "/")
}

# narrowed reports whether statement s carries a narrowing condition, with
# its aws:SourceIp values taken together (limiting_condition).
narrowed(s) if {
	some c in conditions(s)
	limiting_condition(c)
}

# public_allow reports an Allow statement S3 would classify as public: a
# wildcard principal and no condition pinning it to fixed non-public values.
public_allow(s) if {
	s.Effect == "Allow"
	has_wildcard_principal(s)
	not narrowed(s)
}

# ---------------------------------------------------------------------------
# Accounts and ARNs
# ---------------------------------------------------------------------------

# own_account is the spec's own account id ("" when unknown).
own_account := object.get(input, ["aws", "account_id", "value"], "")

# principal_account returns the 12-digit account of an AWS principal
# identifier (an account id or an ARN).
# (^[0-9]{12}$ without a regular expression: trimming the digits leaves
# nothing of 12 characters.)
principal_account(v) := v if {
	count(v) == 12
	trim(v, "0123456789") == ""
} else := parts[4] if {
	startswith(v, "arn:")
	parts := split(v, ":")
	count(parts) >= 6
	count(parts[4]) == 12
	trim(parts[4], "0123456789") == ""
}

# other_account_principal reports an AWS principal entry that belongs to an
# account other than the spec's own (any account when the own one is unknown).
other_account_principal(p) if {
	p.type == "AWS"
	acct := principal_account(p.value)
	acct != own_account
}

# bucket_arn and object_arn of a bucket name in the spec's partition.
partition := p if {
	p := input.aws.partition.value
	p != ""
} else := "aws"

bucket_arn(name) := sprintf("arn:%s:s3:::%s", [partition, name])

object_arn(name) := sprintf("arn:%s:s3:::%s/*", [partition, name])

# ---------------------------------------------------------------------------
# Model statements (bucket `statement` blocks)
# ---------------------------------------------------------------------------

# model_conditions converts the condition blocks of a statement block to the
# entries of `conditions`, merged as the renderer merges them: blocks with the
# same test and variable become one entry holding all their values (ORed), so
# ["210987654321"] and ["*"] on one key are one entry that matches everyone.
model_conditions(st) := [{"operator": test, "key": lower(variable), "values": vals} |
	some [test, variable] in {[c.test.value, c.variable.value] | some c in st.conditions}
	vals := [v |
		some c in st.conditions
		c.test.value == test
		c.variable.value == variable
		some v in c.values.value
	]
]

# model_narrowed reports whether a statement block carries a narrowing
# condition.
model_narrowed(st) if {
	some c in model_conditions(st)
	narrowing_condition(c)
}

# model_wildcard_principal reports a statement block whose principals are the
# wildcard or hold a wildcard identifier.
model_wildcard_principal(st) if st.principals.value.wildcard

model_wildcard_principal(st) if {
	some ids in st.principals.value.map
	some id in ids
	wildcard_value(id)
}

# model_public_allow reports a statement block S3 would classify as public.
model_public_allow(st) if {
	st.effect.value == "Allow"
	model_wildcard_principal(st)
	not model_narrowed(st)
}
