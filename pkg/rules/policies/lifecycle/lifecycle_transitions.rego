# METADATA
# title: Lifecycle transitions valid
# description: >-
#   S3 rejects a lifecycle configuration whose transitions break its rules:
#   STANDARD_IA and ONEZONE_IA only after 30 days or more; each transition
#   of a rule later than the previous one; only the supported waterfall
#   (for example nothing leaves GLACIER except to DEEP_ARCHIVE, and ONEZONE_IA
#   cannot go to STANDARD_IA or GLACIER_IR); GLACIER, DEEP_ARCHIVE and
#   ONEZONE_IA 30 days or more after an infrequent-access transition; day
#   counts positive; expiration after the last transition.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/API/API_Transition.html
#     description: S3 API Transition
# custom:
#   id: TMC302
#   name: lifecycle-transitions
#   severity: error
#   hard: true
#   remediation: >-
#     Order the `transition` blocks by days along the waterfall, e.g.
#     STANDARD_IA at 30, GLACIER at 90 (30 days or more after the IA step),
#     DEEP_ARCHIVE at 180, and set `expiration_days` after the last
#     transition.
#   security_severity: "4.0"
#   peers: []
package teramotc.rules.lifecycle_transitions

import data.teramotc.lib.lifecycle

rules contains [b, r] if {
	some b in input.buckets
	some r in b.lifecycle_rules
}

finding(b, r, msg, rng) := {"msg": sprintf("lifecycle rule %q of bucket %q: %s", [r.id, b.label, msg]), "range": rng, "address": r.address}

# Day counts of the rule's actions must be positive.
deny contains f if {
	some [b, r] in rules
	some name in ["expiration_days", "noncurrent_expiration_days", "abort_incomplete_upload_days"]
	r[name].set
	r[name].value < 1
	f := finding(b, r, sprintf("%s must be a positive number of days, not %d", [name, r[name].value]), r[name].range)
}

deny contains f if {
	some [b, r, _, t] in lifecycle.checked_transitions
	t.days.value < 0
	f := finding(b, r, "transition days may not be negative", t.days.range)
}

deny contains f if {
	some [b, r, _, t] in lifecycle.checked_transitions
	t.days.value >= 0
	t.storage_class.value in lifecycle.ia
	t.days.value < 30
	f := finding(b, r, sprintf("S3 moves objects to %s only after 30 days or more, not %d", [t.storage_class.value, t.days.value]), t.days.range)
}

# Each transition comes later than the one written before it.
deny contains f if {
	some [b, r, j, t] in lifecycle.checked_transitions
	p := lifecycle.previous(r, j)
	t.days.value <= p.days.value
	f := finding(b, r, sprintf("%s at %d days must come later than %s at %d days", [t.storage_class.value, t.days.value, p.storage_class.value, p.days.value]), t.days.range)
}

# Only the supported waterfall.
deny contains f if {
	some [b, r, j, t] in lifecycle.checked_transitions
	p := lifecycle.previous(r, j)
	t.days.value > p.days.value
	not t.storage_class.value in lifecycle.next[p.storage_class.value]
	f := finding(b, r, sprintf("S3 cannot move objects from %s to %s", [p.storage_class.value, t.storage_class.value]), t.storage_class.range)
}

# GLACIER, DEEP_ARCHIVE and ONEZONE_IA 30 days or more after an IA step.
deny contains f if {
	some [b, r, j, t] in lifecycle.checked_transitions
	lifecycle.too_soon_after_ia(r, j)
	msg := sprintf("%s at %d days is less than 30 days after the infrequent-access transition at %d days", [t.storage_class.value, t.days.value, lifecycle.last_ia(r, j)])
	f := finding(b, r, msg, t.days.range)
}

# Expiration after the last transition.
deny contains f if {
	some [b, r] in rules
	r.expiration_days.set
	t := lifecycle.last(r)
	t.days.set
	r.expiration_days.value <= t.days.value
	msg := sprintf("expiration_days (%d) must come after the last transition (%s at %d days)", [r.expiration_days.value, t.storage_class.value, t.days.value])
	f := finding(b, r, msg, r.expiration_days.range)
}
