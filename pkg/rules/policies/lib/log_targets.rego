# The buckets the spec delivers logs into: the targets of the access_logging
# blocks and the trails' log buckets. TMC401 (access logging) and TMC205
# (customer-managed key) exempt such a bucket unless it is shared, as
# AVD-AWS-0089 and AVD-AWS-0132 exempt log-delivery targets.
package teramotc.lib.log_targets

import data.teramotc.lib.sharing

# exempt(b): b is a log target that is not shared with another account (a
# grant, or an Allow of its policy to another account or a wildcard). A
# shared bucket is a data bucket whatever logs it also receives: pointing
# some other bucket's logs at it must not switch off a rule for it.
exempt(b) if {
	log_target(b)
	not sharing.shared(b)
}

# log_target(b): some access_logging block or trail refers to b, by label (a
# reference) or by AWS name (a plain name). The targets are collected once
# (refs, names) instead of scanned for every bucket.
log_target(b) if b.label in refs

log_target(b) if b.name.value in names

# refs holds the labels the targets refer to. An empty reference means a
# plain name, not a bucket labelled "".
refs contains ref if {
	some [ref, _] in targets
	ref != ""
}

# names holds the plain names of the targets without a reference. An empty
# name (an unset or unknown target) names no bucket.
names contains name if {
	some ["", name] in targets
	name != ""
}

# targets lists [reference, name] of every access_logging block and trail.
targets contains [ref, name] if {
	some src in input.buckets
	l := src.access_logging
	l != null
	ref := l.target_ref
	name := l.target_bucket.value
}

targets contains [ref, name] if {
	some t in input.trails
	ref := t.log_bucket_ref
	name := t.log_bucket.value
}
