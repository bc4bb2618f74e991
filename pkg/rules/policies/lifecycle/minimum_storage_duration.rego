# METADATA
# title: Minimum storage duration respected
# description: >-
#   S3 bills every object for a minimum time in its storage class:
#   STANDARD_IA and ONEZONE_IA 30 days, GLACIER_IR and GLACIER 90 days,
#   DEEP_ARCHIVE 180 days. A lifecycle rule that moves objects to the next
#   class, or expires them, sooner pays the early-deletion charge for the
#   remaining days, which usually cancels the saving of the transition.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
#     description: Lifecycle transition costs
# custom:
#   id: TMC305
#   name: minimum-storage-duration
#   severity: warning
#   hard: false
#   remediation: >-
#     Space the `transition` blocks and `expiration_days` by at least the
#     minimum duration of the class the objects are in (for example GLACIER at
#     90 days, then DEEP_ARCHIVE at 180 or later).
#   security_severity: "1.0"
#   peers: []
package teramotc.rules.minimum_storage_duration

import data.teramotc.lib.lifecycle

# A transition out of a class before its minimum duration.
deny contains f if {
	some [b, r, j, t] in lifecycle.checked_transitions
	p := lifecycle.previous(r, j)
	stay := t.days.value - p.days.value
	stay > 0
	stay < lifecycle.minimum_days[p.storage_class.value]
	not lifecycle.too_soon_after_ia(r, j) # TMC302 reports it
	f := {
		"msg": sprintf("lifecycle rule %q of bucket %q moves objects out of %s after %d days; %s bills at least %d", [
			r.id, b.label, p.storage_class.value, stay, p.storage_class.value, lifecycle.minimum_days[p.storage_class.value],
		]),
		"range": t.days.range,
		"address": r.address,
	}
}

# Expiration before the minimum duration of the last class.
deny contains f if {
	some b in input.buckets
	some r in b.lifecycle_rules
	r.expiration_days.set
	t := lifecycle.last(r)
	lifecycle.checked(t)
	stay := r.expiration_days.value - t.days.value
	stay > 0
	stay < lifecycle.minimum_days[t.storage_class.value]
	f := {
		"msg": sprintf("lifecycle rule %q of bucket %q expires objects %d days after they reach %s; %s bills at least %d", [
			r.id, b.label, stay, t.storage_class.value, t.storage_class.value, lifecycle.minimum_days[t.storage_class.value],
		]),
		"range": r.expiration_days.range,
		"address": r.address,
	}
}
