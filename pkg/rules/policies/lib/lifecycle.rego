# Shared lifecycle facts of TMC302 and TMC305 (the S3 transition waterfall
# and minimum storage durations), mirrored from pkg/spec.
package teramotc.lib.lifecycle

# next lists, for each storage class, the classes a rule may move objects to
# next (awsdocs lifecycle-transition-general-considerations).
next := {
	"STANDARD_IA": {"INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"},
	"INTELLIGENT_TIERING": {"ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"},
	"ONEZONE_IA": {"GLACIER", "DEEP_ARCHIVE"},
	"GLACIER_IR": {"GLACIER", "DEEP_ARCHIVE"},
	"GLACIER": {"DEEP_ARCHIVE"},
	"DEEP_ARCHIVE": set(),
}

# minimum_days is the minimum billed storage duration of each class.
minimum_days := {
	"STANDARD_IA": 30,
	"ONEZONE_IA": 30,
	"GLACIER_IR": 90,
	"GLACIER": 90,
	"DEEP_ARCHIVE": 180,
}

ia := {"STANDARD_IA", "ONEZONE_IA"}

# after_ia lists the classes that must come 30 days or more after an
# infrequent-access transition of the same rule.
after_ia := {"GLACIER", "DEEP_ARCHIVE", "ONEZONE_IA"}

# checked_transitions lists, once per evaluation, [b, r, j, t] for every
# checked transition t (index j) of lifecycle rule r of bucket b.
checked_transitions := [[b, r, j, t] |
	some b in input.buckets
	some r in b.lifecycle_rules
	some j, t in r.transitions
	checked(t)
]

# checked reports a transition the waterfall checks apply to: a known class
# and written days.
checked(t) if {
	next[t.storage_class.value]
	t.days.set
}

# previous returns the transition written just before index j when it is
# checked (as pkg/spec: an unchecked transition breaks the chain).
previous(r, j) := r.transitions[j - 1] if {
	j > 0
	checked(r.transitions[j - 1])
}

# last_ia returns the days of the latest checked infrequent-access
# transition written before index j.
last_ia(r, j) := r.transitions[k].days.value if {
	ks := [i | some i, t in r.transitions; i < j; checked(t); t.storage_class.value in ia]
	count(ks) > 0
	k := max(ks)
}

# too_soon_after_ia reports transition j moving objects out of IA less than
# 30 days after the rule's IA transition (a TMC302 error).
too_soon_after_ia(r, j) if {
	t := r.transitions[j]
	checked(t)
	t.storage_class.value in after_ia
	t.days.value - last_ia(r, j) < 30
}

# last returns the rule's last written transition.
last(r) := r.transitions[count(r.transitions) - 1] if count(r.transitions) > 0

# whole_bucket: the rule has no prefix, so it applies to every object (a
# rule scoped to tmp/ leaves the rest of the bucket as it was).
whole_bucket(r) if object.get(r, ["prefix", "value"], "") == ""

# scoped_note names the enabled rules of b that set the attribute attr for a
# prefix only, which a whole-bucket message would otherwise seem to overlook.
scoped_note(b, attr) := sprintf(" (a rule with a prefix covers only part of the bucket: %s)", [concat(", ", sort(scoped))]) if {
	scoped := [sprintf("%q", [r.id]) |
		some r in b.lifecycle_rules
		r.enabled.value
		r[attr].set
		not whole_bucket(r)
	]
	count(scoped) > 0
} else := ""

# min_noncurrent_days: on a versioned bucket, an enabled rule that expires
# noncurrent versions sooner than this after they become noncurrent purges
# an overwritten or deleted object before a mistake is likely to be
# noticed; the bucket is as good as unversioned (TMC301, TMC307).
min_noncurrent_days := 7

# short_noncurrent lists the enabled rules of b that expire noncurrent
# versions in fewer than min_noncurrent_days.
short_noncurrent(b) := [r |
	some r in b.lifecycle_rules
	r.enabled.value
	r.noncurrent_expiration_days.set
	r.noncurrent_expiration_days.value < min_noncurrent_days
]

# days spells a number of days.
days(1) := "1 day"

days(n) := sprintf("%d days", [n]) if n != 1
