# Statements of the rendered policies for the rules of lib/common.rego:
# listed once per evaluation, and matched against actions and ARNs with
# their patterns split once instead of a glob.match per pattern.
package teramotc.lib.common

# policy_documents lists the rendered documents of the policy_kinds, and
# policy_statements every statement of them as [doc, i, s]: statement i of
# doc is s. Complete rules and function results are computed once per
# evaluation, so the rules that look at policies share one pass over the
# documents.
policy_documents := [doc |
	some doc in input.documents
	doc.kind in {"bucket-policy", "identity-policy", "trust-policy"}
]

policy_statements := [[doc, i, s] |
	some doc in policy_documents
	some i, s in doc.content.Statement
]

# statements_of_kind lists the policy_statements of the documents of a kind.
statements_of_kind(kind) := [[doc, i, s] |
	some doc in policy_documents
	doc.kind == kind
	some i, s in doc.content.Statement
]

# patterns splits a list of glob patterns into {"literals": set, "globs":
# list}; lowered lower-cases them first (action names are case-insensitive).
# glob.match(p, [], x) holds for some p of the list exactly when x is one of
# the literals or matches one of the globs.
#
# The globs are the patterns with glob syntax, found with one regex.match
# each; the literals all others, which match only themselves, so that a set
# lookup replaces glob.match (a pattern that is not a string fails the
# regex.match, and is a literal).
patterns(list) := {"literals": {p | some p in list} - {p | some p in globs}, "globs": globs} if {
	globs := [p | some p in list; regex.match(`[*?\[\]{}\\]`, p)]
}

lowered(list) := patterns([lower(p) | some p in list])

matches_pattern(sets, x) if x in sets.literals

matches_pattern(sets, x) if {
	some p in sets.globs
	glob.match(p, [], x)
}

# statement_covers_action is covers_action(s, action) with the patterns of s
# split once (patterns) instead of a glob.match per pattern and action.
statement_covers_action(s, action) if matches_pattern(lowered(actions(s)), lower(action))

statement_covers_action(s, action) if {
	nacts := not_actions(s)
	count(nacts) > 0
	not matches_pattern(lowered(nacts), lower(action))
}

# covered_actions lists, in order, the actions of list that s covers:
# [a | some a in list; statement_covers_action(s, a)] with s's patterns
# looked up once for the whole list.
covered_actions(s, list) := [a |
	allowed := lowered(actions(s))
	nacts := not_actions(s)
	excluded := lowered(nacts)
	has_not := count(nacts) > 0
	some a in list
	covered_by(allowed, excluded, has_not, lower(a))
]

# may_cover(s, set) is false only when s surely covers none of the
# lower-cased actions of set: no NotAction, no Action with glob syntax, and
# no Action in set. It costs a few expressions per Action of s, where
# covered_actions costs a few per action of its list, so rules test it
# first (the list's set is computed once, as a complete rule).
may_cover(s, _) if count(not_actions(s)) > 0

may_cover(s, set) if {
	some a in actions(s)
	lower(a) in set
}

may_cover(s, _) if count(lowered(actions(s)).globs) > 0

covered_by(allowed, _, _, action) if matches_pattern(allowed, action)

covered_by(_, excluded, true, action) if not matches_pattern(excluded, action)

# statement_covers_resource holds when a Resource of s matches the ARN
# (glob.match(r, [], arn) for some r).
statement_covers_resource(s, arn) if matches_pattern(patterns(resources(s)), arn)
